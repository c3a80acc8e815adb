// The CLI doors of the checklists: `checklist [--json]` in the contract's shape, `checklist set`,
// `rights <access|delete|copy> [--lang] [--on]`, and `diff` carrying the setting-regressed alert;
// usage mistakes exit 2 and touch nothing.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { generateAccount, laterAccount, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { sha256File, tempDir } from './helpers';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function account(settings: Record<string, string>): Account {
  const a = generateAccount({ seed: 90, asOf: '2026-01-10 12:00:00' });
  Object.assign(a.settings, settings);
  return a;
}

async function archive(accounts: Account[]): Promise<{ db: string; dir: string }> {
  const dir = tempDir();
  const db = join(dir, 'fp.db');
  for (const [i, a] of accounts.entries()) {
    const r = await cli(['import', await writeZip(renderJson(a, 'L4'), join(dir, `e${i}`), { epoch: exportEpoch(a) }), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }
  return { db, dir };
}

describe('footprint checklist', () => {
  it('--json: checklists with progress and steps (status, verifiedBy, observed, snapshot) and the step to do first', async () => {
    const a = account({ 'Private Account': 'Enabled' });
    const { db } = await archive([a, laterAccount(a, { days: 30, seed: 'cli' })]);
    const r = await cli(['checklist', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { checklists: { id: string; progress: object; steps: Record<string, unknown>[] }[]; first: string };
    expect(Object.keys(j)).toEqual(['checklists', 'first']);
    expect(typeof j.first).toBe('string');
    for (const c of j.checklists) {
      expect(Object.keys(c)).toEqual(['id', 'progress', 'steps']);
      expect(Object.keys(c.progress)).toEqual(['done', 'total']);
      for (const s of c.steps) expect(Object.keys(s)).toEqual(['id', 'status', 'verifiedBy', 'observed', 'snapshot']);
    }
    const step = j.checklists.flatMap((c) => c.steps).find((s) => s.id === 'private-account');
    expect(step).toEqual({ id: 'private-account', status: 'needs-attention', verifiedBy: 'snapshot', observed: 'Disabled', snapshot: 2 });

    const diff = JSON.parse((await cli(['diff', '--db', db, '--json'])).stdout) as { alerts: { kind: string; params: object }[] };
    expect(diff.alerts).toContainEqual(expect.objectContaining({ kind: 'setting-regressed', params: { step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled', fromLevel: 'on', toLevel: 'off' } }));
    const human = await cli(['diff', '--db', db, '--lang', 'en']);
    expect(human.stdout).toContain('A setting you had fixed has changed back: Private Account is Off again (it was On).');
  });

  it('set: the person decides a step with a note; verifiedBy user; words it in Swedish', async () => {
    const { db } = await archive([account({ 'Private Account': 'Disabled' })]);
    const r = await cli(['checklist', 'set', 'private-account', 'skipped', '--note', 'creator account', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'private-account', status: 'skipped', verifiedBy: 'user', note: 'creator account' });
    const sv = await cli(['checklist', 'set', 'comments', 'not-applicable', '--db', db, '--lang', 'sv']);
    expect(sv.stdout).toBe('comments: Gäller inte mig.');
    const text = await cli(['checklist', '--db', db, '--lang', 'en']);
    expect(text.stdout).toContain('[Skipped] private-account: Make your account private');
    expect(text.stdout).toContain('note: creator account');
    expect(text.stdout).toMatch(/Do this first: /);
    // the export is from January 2026: past the default 90 days, a fresh one is due
    expect(text.stdout).toMatch(/Your latest export is \d+ days old\. Request a fresh one every 90 days/);
    const j = JSON.parse((await cli(['checklist', '--db', db, '--json'])).stdout) as { checklists: { steps: { id: string; verifiedBy: string }[] }[] };
    expect(j.checklists.flatMap((c) => c.steps).find((s) => s.id === 'private-account')!.verifiedBy).toBe('user');
  });

  it('refuses a wrong status, an unknown step or a stray word, leaving the archive byte-identical', async () => {
    const { db } = await archive([account({})]);
    const hash = sha256File(db);
    expect((await cli(['checklist', 'set', 'private-account', 'finished', '--db', db])).code).toBe(2);
    expect((await cli(['checklist', 'set', 'private-account', 'needs-attention', '--db', db])).code).toBe(2);
    expect((await cli(['checklist', 'show', '--db', db])).code).toBe(2);
    const unknown = await cli(['checklist', 'set', 'no-such-step', 'done', '--db', db, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('NO_SUCH_STEP');
    expect(sha256File(db)).toBe(hash);
  });
});

describe('footprint rights', () => {
  it('prints the request text filled from the latest profile, in English and Swedish', async () => {
    const a = account({});
    const { db } = await archive([a]);
    const en = await cli(['rights', 'access', '--db', db, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Subject: /);
    expect(en.stdout).toContain(a.profile.userName);
    expect(en.stdout).toContain('If you send it today');
    const sv = await cli(['rights', 'delete', '--db', db, '--lang', 'sv', '--json']);
    const j = JSON.parse(sv.stdout) as { kind: string; law: string; lang: string; subject: string; body: string };
    expect(j).toMatchObject({ kind: 'deletion', law: 'gdpr', lang: 'sv' });
    expect(j.body).toContain(a.profile.userName);
    expect(j.body).not.toBe(JSON.parse((await cli(['rights', 'delete', '--db', db, '--lang', 'en', '--json'])).stdout).body);
  });

  it('--on records the request as sent and says when the answer is due', async () => {
    const { db } = await archive([account({})]);
    const r = await cli(['rights', 'copy', '--on', '2026-01-15', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sent).toMatchObject({ kind: 'copy', sentOn: '2026-01-15', dueOn: '2026-02-15' });
    expect((await cli(['rights', 'erase', '--db', db])).code).toBe(2);
    expect((await cli(['rights', 'copy', '--on', '2026-02-31', '--db', db])).code).toBe(1);
  });
});
