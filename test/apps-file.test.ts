// The register as a file (saveApps, the Sharing page's "Save the list as a file" and the CLI's
// `apps export --out`), on real files: written whole and owner-only, an existing file replaced only
// when asked, never the archive or a link, a refusal leaves what was there and the database as
// they were; the file reads back with importApps. And the `scopes` answer's guide: the content the
// window shows (review interval, how to revoke, access needing no grant), worded in both languages.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { SCOPE_CATALOG } from '../src/main/analysis/app-scopes';
import { CATALOGS } from '../src/shared/i18n';
import { tempDir } from './helpers';

const TODAY = '2026-06-01';

function open(dir = tempDir()) {
  const dbPath = join(dir, 'fp.db');
  return { service: createService({ dbPath, today: () => TODAY }), dbPath, dir };
}

const fileState = (path: string): string => {
  const h = createHash('sha256');
  for (const p of [path, `${path}-wal`]) if (existsSync(p)) h.update(readFileSync(p));
  return h.digest('hex');
};

async function failure(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; params: Record<string, unknown> };
  }
  throw new Error('expected a failure');
}

describe('saveApps: the register written to a file', () => {
  it('writes the export document whole, owner-only, and it reads back into another archive', async () => {
    const { service, dir } = open();
    await service.addApp({ name: 'Chat Saver', scopes: ['portability.directmessages.ongoing'], grantedOn: '2026-01-05', reviewIntervalDays: 30, lastReviewedOn: '2026-02-01' });
    await service.addApp({ name: 'Old Tool', scopes: [], access: 'one-time', grantedOn: '2025-03-01', note: 'not sure' });
    await service.revokeApp({ id: 2, on: '2025-04-01' });
    const path = join(dir, 'apps.json');

    expect(await service.saveApps({ path })).toEqual({ path, apps: 2 });
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    const fromService = await service.exportApps({});
    expect({ ...doc, exportedAt: null }).toEqual({ ...fromService, exportedAt: null });
    expect(doc.apps.map((a: { name: string; reviewIntervalDays: number | null; lastReviewedOn: string | null }) => [a.name, a.reviewIntervalDays, a.lastReviewedOn])).toEqual([
      ['Chat Saver', 30, '2026-02-01'],
      ['Old Tool', null, null],
    ]);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // no temp file left beside it
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    service.close();

    const other = open();
    expect(await other.service.importApps({ document: JSON.parse(readFileSync(path, 'utf8')) })).toEqual({ imported: 2, unchanged: 0 });
    const apps = (await other.service.listApps({})).apps;
    expect(apps.map((a) => [a.name, a.status, a.reviewIntervalDays, a.lastReviewedAt, a.nextReview])).toEqual([
      ['Chat Saver', 'active', 30, '2026-02-01', '2026-03-03'],
      ['Old Tool', 'revoked', null, null, null],
    ]);
    other.service.close();
  });

  it('an empty register is an empty list, not nothing', async () => {
    const { service, dir } = open();
    const path = join(dir, 'empty.json');
    expect(await service.saveApps({ path })).toEqual({ path, apps: 0 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'footprint-apps', version: 1, apps: [] });
    service.close();
  });

  it('replaces an existing file only when asked; refused, the file and the database stay as they were', async () => {
    const { service, dir, dbPath } = open();
    await service.addApp({ name: 'A', scopes: ['video.list'], grantedOn: '2026-01-01' });
    const path = join(dir, 'keep.json');
    writeFileSync(path, 'what was there\n');
    const db = fileState(dbPath);
    expect(await failure(service.saveApps({ path }))).toMatchObject({ code: 'CANNOT_WRITE', params: { path, reason: 'exists' } });
    expect(readFileSync(path, 'utf8')).toBe('what was there\n');
    expect(fileState(dbPath)).toBe(db);
    expect(await service.saveApps({ path, replace: 'yes' })).toEqual({ path, apps: 1 });
    expect(JSON.parse(readFileSync(path, 'utf8')).apps.map((a: { name: string }) => a.name)).toEqual(['A']);
    service.close();
  });

  it('never writes over the archive or its working files, through a link, onto a folder or into a missing folder', async () => {
    const { service, dir, dbPath } = open();
    await service.addApp({ name: 'A', scopes: ['video.list'], grantedOn: '2026-01-01' });
    const db = fileState(dbPath);
    const target = join(dir, 'target.txt');
    writeFileSync(target, 'target\n');
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    mkdirSync(join(dir, 'folder.json'));
    for (const [path, reason] of [
      [dbPath, 'database'],
      [`${dbPath}-wal`, 'database'],
      [link, 'symlink'],
      [join(dir, 'folder.json'), 'folder'],
      [join(dir, 'no', 'such', 'apps.json'), 'noFolder'],
    ] as const) {
      expect(await failure(service.saveApps({ path, replace: 'yes' })), path).toMatchObject({ code: 'CANNOT_WRITE', params: { reason } });
    }
    expect(readFileSync(target, 'utf8')).toBe('target\n');
    expect(fileState(dbPath)).toBe(db);
    expect((await service.listApps({})).apps.map((a) => a.name)).toEqual(['A']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    service.close();
  });

  it('takes a path and nothing else (the contract)', async () => {
    const { service } = open();
    expect(await failure(service.call('saveApps', {}))).toMatchObject({ code: 'BAD_INPUT', params: { field: 'path' } });
    expect(await failure(service.call('saveApps', { path: '/x.json', replace: 'no' }))).toMatchObject({ code: 'BAD_INPUT', params: { field: 'replace' } });
    service.close();
  });
});

describe('the scopes answer carries the guide the window shows', () => {
  it('review interval, revoke steps, what revoking does not do, access needing no grant: as in the catalog, every text worded in both languages', async () => {
    const { service } = open();
    const { scopes, guide } = await service.scopes({});
    expect(scopes).toHaveLength(SCOPE_CATALOG.scopes.length);
    expect(guide.review).toEqual({ defaultIntervalDays: 90, minIntervalDays: SCOPE_CATALOG.review.minIntervalDays, maxIntervalDays: SCOPE_CATALOG.review.maxIntervalDays });
    expect(guide.revoke.steps.map((s) => s.id)).toEqual(SCOPE_CATALOG.revoke.steps.map((s) => s.id));
    // TikTok's own menu path, as the issue lists it, with its label variants
    expect(guide.revoke.steps.map((s) => s.label).filter(Boolean)).toEqual(expect.arrayContaining(['Settings and privacy', 'Remove access']));
    expect(guide.revoke.steps.some((s) => s.variants.length > 0)).toBe(true);
    expect(guide.revoke.after).toEqual(expect.arrayContaining(['revoke.after.keeps-copies', 'revoke.after.ask-deletion']));
    expect(guide.noGrant.apis.map((a) => [a.id, a.revocable])).toEqual(SCOPE_CATALOG.noGrant.apis.map((a) => [a.id, false]));

    const keys = [
      guide.revoke.where,
      ...guide.revoke.steps.map((s) => s.text),
      ...guide.revoke.after,
      guide.noGrant.intro,
      guide.noGrant.advice,
      ...guide.noGrant.apis.flatMap((a) => [a.title, a.text]),
      ...Object.values(guide.unclear),
    ];
    for (const k of keys) for (const lang of ['en', 'sv'] as const) expect(Object.hasOwn(CATALOGS[lang], k), `${lang} ${k}`).toBe(true);
    // every unclear note the guide or a scope names has its text
    const named = [...guide.revoke.unclear, ...guide.noGrant.apis.flatMap((a) => a.unclear), ...scopes.flatMap((s) => s.unclear)];
    for (const id of named) expect(guide.unclear[id], id).toEqual(expect.any(String));
    // content only: the answer crosses IPC as plain JSON
    expect(JSON.parse(JSON.stringify(guide))).toEqual(guide);
    service.close();
  });
});
