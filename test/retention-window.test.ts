// How much history an export holds is what the user's own exports show, not a fixed "183 days":
// 2020–2022 exports held 7–13 months of watch history. The retention view gives each snapshot's
// observed span (newest − oldest record) and says where its headline figure came from.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { main } from '../src/main/cli/main';
import { datasetSpec } from '../src/shared/catalog';
import { generateAccount, laterAccount, timeMs, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { smallExport, tempDir, writeJson } from './helpers';

const DAY = 86_400_000;

async function cli(argv: string[], lang = 'en_US.UTF-8'): Promise<string> {
  const out: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => out.push(s) }, { LANG: lang });
  expect(code, out.join('\n')).toBe(0);
  return out.join('\n');
}

function span(acc: Account): number {
  const t = acc.records.watch_history.map((r) => timeMs(r.date));
  return Math.round((Math.max(...t) - Math.min(...t)) / DAY);
}

describe('the retention window', () => {
  it('is the span each export actually covered: 13 months in a 2021 export, about 6 months in a later one', async () => {
    const old = generateAccount({ seed: 31, asOf: '2021-06-01 10:00:00', watchDays: 395 });
    const later = laterAccount(old, { days: 240 });
    expect(span(old)).toBeGreaterThan(300); // the fixture really holds more than 183 days
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    for (const [acc, name] of [[old, 'old'], [later, 'later']] as const) {
      await service.importExport({ path: await writeZip(renderJson(acc, 'L1'), join(dir, name), { epoch: exportEpoch(acc) }) });
    }
    const view = await service.call('retention', { dataset: 'watch_history' });
    expect(view.snapshots.map((s) => s.windowDays)).toEqual([span(old), span(later)]);
    expect(view.snapshots[1]!.windowDays).toBeLessThanOrEqual(datasetSpec('watch_history')!.windowDays!);
    // the headline figure is the latest export's, and says it was observed
    expect(view).toMatchObject({ windowDays: span(later), windowSource: 'observed' });
    // TikTok exports comments in full: no window to speak of, though each snapshot's span is shown
    const comments = await service.call('retention', { dataset: 'comments' });
    expect(comments).toMatchObject({ windowDays: null, windowSource: null });
    expect(comments.snapshots[0]!.windowDays).toBeGreaterThan(0);
    // the CLI words the observed figure as what the exports covered, not as what TikTok keeps
    const dbPath = join(dir, 'fp.db');
    const text = await cli(['retention', 'watch_history', '--db', dbPath]);
    expect(text.split('\n')[0]).toMatch(new RegExp(`\\(your exports covered about ${span(later)} days\\)$`));
    expect(text).not.toContain('TikTok keeps');
    expect(text).toContain(`covers ${span(old)} days`);
    expect(text).toContain(`covers ${span(later)} days`);
    const sv = await cli(['retention', 'watch_history', '--db', dbPath], 'sv_SE.UTF-8');
    expect(sv.split('\n')[0]).toMatch(new RegExp(`\\(dina exporter täckte ungefär ${span(later)} dagar\\)$`));
    expect(sv).toContain(`täcker ${span(old)} dagar`);
    service.close();
  });

  it('falls back to the catalog figure, and says so, when no export holds two timed records', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: writeJson(dir, smallExport({ watch: 1 })) });
    const view = await service.call('retention', { dataset: 'watch_history' });
    expect(view.snapshots.map((s) => s.windowDays)).toEqual([null]);
    expect(view).toMatchObject({ windowDays: datasetSpec('watch_history')!.windowDays, windowSource: 'catalog' });
    const text = await cli(['retention', 'watch_history', '--db', join(dir, 'fp.db')]);
    expect(text).toContain(`(TikTok keeps about ${datasetSpec('watch_history')!.windowDays} days)`);
    expect(text).not.toMatch(/covers \d+ days?/); // one timed record: no span to speak of
    const likes = await service.call('retention', { dataset: 'likes' });
    expect(likes).toMatchObject({ windowDays: 1, windowSource: 'observed' });
    service.close();
  });
});
