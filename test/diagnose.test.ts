// `footprint diagnose`: a structure-only report users can share. The test that matters: no value
// from the export appears anywhere in the output (JSON or text): not a string, not a number, not a
// date, not a username (conversation titles, map keys), not an id.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { createService } from '../src/main/service';
import { looksLikeData, shownFile } from '../src/main/reader/diagnose';
import type { DiagnoseReport } from '../src/shared/contract';
import { DATASETS } from '../src/shared/catalog';
import { generateAccount, type Account } from './fixtures/account';
import { LAYOUTS, LAYOUT_AS_OF, jsonText, renderJson, writeZip as writeJsonZip } from './fixtures/json';
import { renderTxt, writeTxtZip } from './fixtures/txt';
import { sha256File, smallExport, tempDir, writeFile, writeJson } from './helpers';

/** Every name the catalog knows (section names, list keys, field names): structure, not values. */
const CATALOG_NAMES = DATASETS.flatMap((d) => [d.id, ...d.sections, ...(d.listKeys ?? []), ...d.fields.flatMap((f) => [f.name, ...(f.json ?? []), ...(f.txt ?? [])])]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Runs the CLI; returns its exit code and everything it wrote. */
async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Both outputs of `diagnose` for an export, and the parsed JSON report. */
async function diagnose(path: string): Promise<{ text: string; json: string; report: DiagnoseReport }> {
  const t = await cli(['diagnose', path]);
  const j = await cli(['diagnose', path, '--json']);
  expect(t.code, t.err).toBe(0);
  expect(j.code, j.err).toBe(0);
  return { text: t.out, json: j.out, report: JSON.parse(j.out) as DiagnoseReport };
}

/** Every leaf value (strings and numbers as text) and every key of a document. */
function leaves(doc: Json): { values: string[]; keys: Set<string> } {
  const values: string[] = [];
  const keys = new Set<string>();
  const stack: Json[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        stack.push(x);
      }
    } else if (typeof v === 'string' || typeof v === 'number') values.push(String(v));
  }
  return { values, keys };
}

/** Usernames and other people's names the account holds. */
function names(account: Account): string[] {
  const r = account.records;
  return [
    ...r.followers.map((x) => x.username),
    ...r.following.map((x) => x.username),
    ...r.blocked.map((x) => x.username),
    ...r.messages.flatMap((m) => [m.conversation, m.from]),
  ].filter((n) => n.length >= 3);
}

/** An unknown part of a future layout, keyed by data: people, emails, ids, group chat titles. */
const FUTURE = {
  'Brand New Category': {
    'Group Chats': {
      GroupChatHistory: {
        'Group chat with ana_b, bo.c:': [{ Date: '2026-03-01 10:00:00', From: 'ana_b', Content: 'zebra crossing at noon' }],
        'Family 👨‍👩‍👧': [{ Date: '2026-03-02 10:00:00', From: 'mum.77', Content: 'dinner?' }],
      },
    },
    Mentions: {
      user_2719: { Count: 31337, LastSeen: '2026-02-03 04:05:06' },
      'lena.k': { Count: 4242, LastSeen: '2026-02-04 04:05:06' },
      'someone@example.org': { Count: 77777 },
      '7428748283171959999': { Count: 5150 },
    },
    Many: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`Topic ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`, i * 7919])),
  },
};

describe('footprint diagnose', () => {
  it.each(LAYOUTS)('holds no value from a rich %s export: no text, number, date, username or id', async (layout) => {
    const dir = tempDir();
    const account = generateAccount({ seed: 97, scale: 0.1, asOf: LAYOUT_AS_OF[layout] });
    const doc = { ...(JSON.parse(jsonText(renderJson(account, layout, { quirks: true }))) as Record<string, Json>), ...(FUTURE as unknown as Record<string, Json>) };
    const path = await writeJsonZip(doc, dir, { epoch: 1735588272, subfolder: 'TikTok_Data_1735588272' });
    const { text, json, report } = await diagnose(path);

    // it did describe the export
    expect(report.format).toBe('json');
    expect(report.layout).toBe(layout);
    expect(report.error).toBeNull();
    expect(report.datasets.find((d) => d.id === 'watch_history')?.records).toBeGreaterThan(0);
    expect(report.unknownSections.map((u) => u.path)).toContain('Brand New Category');
    expect(report.structure?.keys?.['Brand New Category']?.keys?.Mentions?.hiddenKeys).toBe(4);
    expect(text).toMatch(/Recognised datasets/);
    expect(json).toContain('"<conversation>"'); // the chat map's keys (usernames) are a placeholder

    // … and leaked nothing
    const { values, keys } = leaves(doc as Json);
    // a value that is also part of a name (the value "Login" and the section "Login History") is not a leak
    const structural = [...keys, ...CATALOG_NAMES];
    const distinctive = [...new Set(values)].filter(
      (v) => (/^-?\d+(\.\d+)?$/.test(v) ? v.replace(/\D/g, '').length >= 4 : v.trim().length >= 5) && !structural.some((k) => k.includes(v)),
    );
    const people = [...names(account), 'ana_b', 'bo.c', 'mum.77', 'lena.k', 'user_2719', 'someone@example.org', '7428748283171959999', '👨‍👩‍👧'];
    expect(distinctive.length).toBeGreaterThan(50);
    for (const output of [text, json]) {
      const leaked = [...distinctive, ...people].filter((v) => output.includes(v));
      expect(leaked, `values found in the ${output === text ? 'text' : 'JSON'} output`).toEqual([]);
      expect(output).not.toMatch(/Chat History with|1735588272/);
    }
  });

  it('holds no value even when every value is marked (each string and number made unique)', async () => {
    const dir = tempDir();
    const account = generateAccount({ seed: 5, scale: 0.1, asOf: LAYOUT_AS_OF.L4 });
    let n = 0;
    const mark = (v: Json): Json => {
      if (Array.isArray(v)) return v.map(mark);
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x)]));
      if (typeof v === 'string') return `${v}§${n++}`;
      if (typeof v === 'number') return 8_675_309_000 + n++;
      return v;
    };
    const doc = mark({ ...(JSON.parse(jsonText(renderJson(account, 'L4', { quirks: true }))) as Record<string, Json>), ...(FUTURE as unknown as Record<string, Json>) });
    const { text, json } = await diagnose(writeJson(dir, doc));
    for (const output of [text, json]) {
      expect(output).not.toContain('§');
      expect(output).not.toContain('8675');
    }
  });

  it('a TXT export: datasets and field names, no values', async () => {
    const dir = tempDir();
    const account = generateAccount({ seed: 23, scale: 0.1 });
    const files = renderTxt(account, 'C');
    const path = await writeTxtZip(files, dir, { epoch: 1735588272 });
    const { text, json, report } = await diagnose(path);
    expect(report.format).toBe('txt');
    expect(report.datasets.length).toBeGreaterThan(3);
    // every line's value part (after the label) must be absent
    const lines = Object.values(files).flatMap((content) => content.split(/\r?\n/));
    const labels = [...lines.map((line) => line.split(':')[0]!), ...Object.keys(files).flatMap((f) => f.split('/')), ...CATALOG_NAMES];
    const values = lines
      .map((line) => line.replace(/^[^:]*:\s*/, '').trim())
      .filter((v) => v.length >= 6 && !labels.some((l) => l.includes(v)));
    expect(values.length).toBeGreaterThan(20);
    for (const output of [text, json]) {
      expect(values.filter((v) => output.includes(v))).toEqual([]);
      expect(names(account).filter((v) => output.includes(v))).toEqual([]);
    }
  });

  it('describes a layout Footprint does not know at all (and says an import would fail)', async () => {
    const dir = tempDir();
    const doc = { 'Totally New': { 'Watch Log': { Entries: [{ When: '2026-01-01 00:00:00', Url: 'https://example.com/secret-path' }] } } };
    const { report, text } = await diagnose(writeJson(dir, doc));
    expect(report.error?.code).toBe('NOT_TIKTOK');
    expect(report.datasets).toEqual([]);
    expect(report.structure?.keys?.['Totally New']?.keys?.['Watch Log']?.keys?.Entries).toMatchObject({
      types: { list: 1 },
      length: 1,
      items: { types: { object: 1 }, keys: { When: { types: { time: 1 } }, Url: { types: { string: 1 } } } },
    });
    expect(text).toMatch(/Import would fail: NOT_TIKTOK/);
    expect(text).not.toContain('secret-path');
  });

  it('reports broken files structurally: truncation, wrong types, 100,000-deep nesting', async () => {
    const dir = tempDir();
    const n = 100_000;
    const base = JSON.stringify(smallExport({ watch: 40 }));
    const deep = base.slice(0, -1) + `,"Deep":${'{"a":'.repeat(n)}"deep secret"${'}'.repeat(n)}}`;
    const d = await diagnose(writeFile(join(dir, 'deep', 'user_data_tiktok.json'), deep));
    expect(d.report.structure?.keys?.Deep).toBeDefined();
    let shape = d.report.structure!.keys!.Deep!;
    while (shape.keys?.a) shape = shape.keys.a;
    expect(shape.deeper).toBe(1);
    expect(d.json).not.toContain('deep secret');

    const cut = await diagnose(writeFile(join(dir, 'cut', 'user_data_tiktok.json'), base.slice(0, Math.floor(base.length / 2))));
    expect(cut.report.warnings.map((w) => w.code)).toContain('cut-short');
    expect(cut.report.warnings.map((w) => w.path)).toContain('Your Activity/Watch History/VideoList');

    const typed = smallExport() as Record<string, any>;
    typed['Your Activity']['Watch History'].VideoList = 'private words here';
    const t = await diagnose(writeJson(join(dir, 'typed'), typed));
    expect(t.report.warnings.find((w) => w.path === 'Your Activity/Watch History')).toMatchObject({
      code: 'wrong-type',
      params: { name: 'VideoList', found: 'text', expected: 'list' },
    });
    expect(t.report.unknownSections).toContainEqual({ path: 'Your Activity/Watch History', empty: false });
    expect(t.json).not.toContain('private words');
  });

  it('refuses hostile containers with the import\'s codes, and is read-only: the service operation leaves the database alone', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'a'), smallExport()) });
    service.close();
    const hash = sha256File(dbPath);

    const again = createService({ dbPath });
    const report = await again.call('diagnoseExport', { path: writeJson(join(dir, 'b'), smallExport({ from: 9 })) });
    expect(report.datasets.find((x) => x.id === 'watch_history')?.records).toBe(5);
    await expect(again.call('diagnoseExport', { path: join(dir, 'nothing-here') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // a path the user picked is shown only when no part of it could be data
    const privatePath = join(dir, 'missing', 'alice-private-folder.zip');
    await expect(again.call('diagnoseExport', { path: privatePath })).rejects.toMatchObject({ code: 'NOT_FOUND', params: { path: '…' } });
    again.close();
    expect(sha256File(dbPath)).toBe(hash);

    const r = await cli(['diagnose', join(dir, 'missing', 'alice-private-folder.zip'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe('NOT_FOUND');
    expect(r.out + r.err).not.toContain('alice-private-folder');
    expect((await cli(['diagnose'])).code).toBe(2);
  });

  it('lists only the export\'s own files: a bare file\'s own name and the user\'s other files are not shown', async () => {
    const dir = tempDir();
    const bare = await diagnose(writeJson(dir, smallExport(), 'alice_smith_tiktok.json'));
    expect(bare.report.files).toEqual(['<file>.json']);
    expect(bare.json + bare.text).not.toContain('alice');
    const folder = join(dir, 'Downloads');
    writeJson(join(folder, 'TikTok_Data'), smallExport());
    writeFile(join(folder, 'passport scan of alice.pdf'), 'x');
    writeFile(join(folder, 'letters', 'to bob.txt'), 'hello');
    const d = await diagnose(folder);
    expect(d.report.files).toEqual(['TikTok_Data/user_data_tiktok.json']);
    expect(d.report.otherFiles).toEqual({ pdf: 1, txt: 1 });
    expect(d.json + d.text).not.toMatch(/alice|bob|passport/);
  });

  it('judges names: TikTok\'s own names are shown, names that could be data are not', () => {
    for (const safe of ['Watch History', 'VideoList', 'Who can see your following list::', 'Income+ Wallet', 'Allow DownLoad', 'send_time', 'Who Can Duet With Me', 'App']) {
      expect(looksLikeData(safe), safe).toBe(false);
    }
    for (const data of ['Chat History with sam.42:', 'user_4821', 'sam.42', '7428748283171900001', 'a@b.example', 'https://x.y', 'Café Noël', 'Conversation with bob', '#fyp', '']) {
      expect(looksLikeData(data), data).toBe(true);
    }
    expect(shownFile('TikTok_Data_1735588272/user_data_tiktok.json')).toBe('<key>/user_data_tiktok.json');
    expect(shownFile('Tiktok/Direct Messages/Chat History with sam.42.txt')).toBe('Tiktok/Direct Messages/<key>.txt');
  });
});
