// How much history an export holds is what the user's own exports show, not a fixed "183 days":
// 2020–2022 exports held 7–13 months of watch history. The retention view gives each snapshot's
// observed span (newest − oldest record) and says where its headline figure came from.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { datasetSpec } from '../src/shared/catalog';
import { generateAccount, laterAccount, timeMs, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { smallExport, tempDir, writeJson } from './helpers';

const DAY = 86_400_000;

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
    service.close();
  });

  it('falls back to the catalog figure, and says so, when no export holds two timed records', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: writeJson(dir, smallExport({ watch: 1 })) });
    const view = await service.call('retention', { dataset: 'watch_history' });
    expect(view.snapshots.map((s) => s.windowDays)).toEqual([null]);
    expect(view).toMatchObject({ windowDays: datasetSpec('watch_history')!.windowDays, windowSource: 'catalog' });
    const likes = await service.call('retention', { dataset: 'likes' });
    expect(likes).toMatchObject({ windowDays: 1, windowSource: 'observed' });
    service.close();
  });
});
