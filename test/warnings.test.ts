// Import warnings are codes and parameters, stored as such and worded by the catalog: every code
// in both languages, a snapshot's stored warnings equal to the import's, and warnings stored as
// English sentences before migration 4 still readable (code 'legacy').
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { IMPORT_WARNING_CODES, type ImportWarningCode } from '../src/shared/contract';
import { CATALOGS, LANGS, translator, type MessageKey } from '../src/shared/i18n';
import { MIGRATIONS } from '../src/main/store/migrations';
import { createService } from '../src/main/service';
import { smallExport, tempDir, writeFile } from './helpers';

/** Parameters as the readers give them, one example per code. */
const EXAMPLES: Record<ImportWarningCode, Record<string, string | number>> = {
  utf16: {},
  'bad-encoding': {},
  'nul-removed': {},
  'export-twice': {},
  'trailing-data': { byte: 12345 },
  'control-characters': {},
  'duplicate-key': {},
  'trailing-commas': {},
  'cut-short': {},
  'list-cut-short': { count: 20 },
  'unrecognised-shape': { name: 'Search History' },
  'wrong-type': { name: 'VideoList', found: 'text', expected: 'list' },
  'plain-values': { name: 'ItemFavoriteList' },
  'skipped-entries': { count: 1 },
  'skipped-conversation': {},
  'unread-lines': { count: 2, dataset: 'searches' },
  'too-large': { limit: 512 },
  'parse-failed': { reason: 'x is not a function' },
  duplicates: { count: 2 },
  forgotten: { count: 1 },
  'more-unknown': { count: 299_000, bytes: 4_000_000 },
  'more-warnings': { count: 12 },
  'skipped-folders': { count: 3 },
  legacy: { text: '2 exact duplicate rows were counted once.' },
};

describe('import warnings', () => {
  it('every code is worded in English and Swedish from its parameters', () => {
    for (const code of IMPORT_WARNING_CODES) {
      for (const lang of LANGS) {
        const key = `warning.${code}` as MessageKey;
        expect(Object.hasOwn(CATALOGS[lang], key), `${key} in ${lang}`).toBe(true);
        const text = translator(lang).t(key, EXAMPLES[code]);
        expect(text.length, `${key} in ${lang}`).toBeGreaterThan(5);
        for (const v of Object.values(EXAMPLES[code])) if (typeof v === 'string' && code !== 'wrong-type') expect(text).toContain(v);
      }
    }
    expect(translator('en').t('warning.duplicates', { count: 1 })).toBe('1 exact duplicate row was counted once.');
    expect(translator('sv').t('warning.wrong-type', EXAMPLES['wrong-type'])).toBe('”VideoList” innehåller en text där det borde finnas en lista. Den sparades som den är.');
    expect(translator('sv').t('warning.list-cut-short', { count: 1234 })).toContain('1\u00a0234');
  });

  it('are stored as code and params: a snapshot shows exactly what its import reported', async () => {
    const dir = tempDir();
    const doc = smallExport({ watch: 3 }) as Record<string, any>;
    doc['Your Activity']['Watch History'].VideoList.push({ ...doc['Your Activity']['Watch History'].VideoList[0] });
    doc['Your Activity']['Search History'] = 17;
    const text = JSON.stringify(doc);
    const service = createService({ dbPath: join(dir, 'fp.db') });
    try {
      const r = await service.importExport({ path: writeFile(join(dir, 'e', 'user_data_tiktok.json'), `${text}\n${text}`) });
      expect(r.warnings).toEqual(
        expect.arrayContaining([
          { path: 'user_data_tiktok.json', code: 'export-twice', params: {} },
          { path: 'Your Activity/Search History', code: 'unrecognised-shape', params: { name: 'Search History' } },
          { path: 'watch_history', code: 'duplicates', params: { count: 1 } },
        ]),
      );
      expect((await service.getSnapshot({ id: r.snapshot.id }))!.warnings).toEqual(r.warnings);
    } finally {
      service.close();
    }
  });

  it('migration 4 keeps warnings stored as sentences readable, as code "legacy"', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'v3.db');
    const old = new Database(dbPath);
    old.exec(MIGRATIONS.slice(0, 3).join('\n'));
    old.pragma('user_version = 3');
    old.prepare(`INSERT INTO snapshots (id, source_name, sha256, format, layout, imported_at) VALUES (1, 'a.zip', 'abc', 'json', 'L3', 0)`).run();
    const insert = old.prepare('INSERT INTO snapshot_warnings (snapshot_id, seq, path, message) VALUES (1, ?, ?, ?)');
    insert.run(0, 'watch_history', '2 exact duplicate rows were counted once.');
    insert.run(1, 'Your Activity/Watch History', 'Quotes " and \\ backslashes survive.');
    old.close();

    const service = createService({ dbPath });
    try {
      expect(service.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const detail = await service.getSnapshot({ id: 1 });
      expect(detail!.warnings).toEqual([
        { path: 'watch_history', code: 'legacy', params: { text: '2 exact duplicate rows were counted once.' } },
        { path: 'Your Activity/Watch History', code: 'legacy', params: { text: 'Quotes " and \\ backslashes survive.' } },
      ]);
      expect(translator('sv').t('warning.legacy', detail!.warnings[0]!.params)).toBe('2 exact duplicate rows were counted once.');
      // deleting the snapshot still takes its warnings along (the rebuilt table kept its foreign key)
      await service.deleteSnapshot({ id: 1 });
      expect(service.db.prepare('SELECT count(*) AS n FROM snapshot_warnings').get()).toEqual({ n: 0 });
    } finally {
      service.close();
    }
  });
});
