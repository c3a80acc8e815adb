// The Charts page end to end, in Chromium against the real service, on two generated exports of one
// account (the later one with a new login device): each chart opens, says what it shows in one
// sentence, and gives its figures as a table that agrees with the charts operation; the time zone
// and export choices live in the route; axe finds nothing serious; screenshots in both languages,
// light and dark, at 1280x800 and 800x600: <FOOTPRINT_E2E_SHOTS or test-results/screens>/charts-<lang>-<scheme>-<size>-<part>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../../src/shared/i18n';
import { activitySummary, bucketLabel, hoursSummary, loginsSummary, weekdayName } from '../../src/shared/chart-words';
import type { ChartsView } from '../../src/shared/contract';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, showOverview, closeApp } from './harness';
import { shootParts, expectClean } from './audit';

declare const document: any;

const SHOTS = process.env.FOOTPRINT_E2E_SHOTS || join(ROOT, 'test-results', 'screens');
const CHARTS = ['activity', 'hours', 'logins-devices', 'logins-countries', 'logins-networks', 'off-tiktok-sources', 'off-tiktok-events', 'retention'] as const;
const en = translator('en');

describe.skipIf(!chromiumAvailable)('the Charts page (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let zone: string;
  let view: ChartsView;
  const problems: string[] = [];
  const go = (hash: string) => h.page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);
  const noErrors = () => expectClean(h);
  const chart = (id: string) => h.page.getByTestId(`chart-${id}`);
  /** a table's rows as text cells, header row first */
  const tableOf = (id: string): Promise<string[][]> =>
    chart(id).locator('table').evaluate((t: any) => [...t.rows].map((r: any) => [...r.cells].map((c: any) => c.textContent.trim())));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-charts-'));
    const a = generateAccount({ seed: 7, asOf: '2026-01-10 12:00:00' });
    const b = laterAccount(a, { days: 60, seed: 'e2e-charts' });
    const first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    const second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    build = buildApp();
    mkdirSync(join(work, 'app'), { recursive: true });
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: join(work, 'app') });
    await h.service.importExport({ path: first });
    await h.service.importExport({ path: second });
    await showOverview(h);
    zone = await h.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    view = await h.service.charts({ timeZone: zone });
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('opens from the navigation and says what each chart shows, as the service counts it', async () => {
    const { page } = h;
    // the overview's records-per-dataset chart is the same widget
    await page.getByTestId('chart-datasets').getByRole('button', { name: 'Show as table' }).click();
    await page.getByTestId('chart-datasets').locator('table').waitFor();
    await shootAll('en', '0-overview', () => page.getByTestId('chart-datasets').scrollIntoViewIfNeeded());
    await page.getByRole('link', { name: 'Charts', exact: true }).click();
    await page.getByRole('heading', { name: 'Your data in charts' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/charts');
    for (const id of CHARTS) await chart(id).waitFor();
    // each summary is visible and is the figure's description
    await chart('activity').getByText(activitySummary(en, view.activity)).waitFor();
    await chart('hours').getByText(hoursSummary(en, view.watchHours)).waitFor();
    await page.getByText(loginsSummary(en, view.logins)).waitFor();
    for (const id of CHARTS) {
      const described = await chart(id).evaluate((f: any) => document.getElementById(f.getAttribute('aria-describedby'))?.textContent);
      expect(described, id).toBeTruthy();
    }
    // a canvas per chart.js chart; watching by hour is an HTML grid of 7 × 24 cells
    expect(await chart('activity').locator('canvas').count()).toBe(1);
    expect(await chart('hours').locator('.heat .cell').count()).toBe(7 * 24);
    await shootAll('en', '1-top');
    await shootAll('en', '2-logins', () => page.locator('#charts-logins').scrollIntoViewIfNeeded());
    await shootAll('en', '3-retention', () => chart('retention').scrollIntoViewIfNeeded());
    await noErrors();
  });

  it('gives every chart as a table, and the tables agree with the charts operation', async () => {
    for (const id of CHARTS) {
      await chart(id).getByRole('button', { name: 'Show as table' }).click();
      await chart(id).locator('table').waitFor();
      expect(await chart(id).getByRole('button', { name: 'Show as chart' }).getAttribute('aria-expanded')).toBe('true');
    }
    // activity: the busiest month of watch history, by its name
    const watch = view.activity.series.find((s) => s.key === 'watch_history')!;
    const busiest = watch.counts.indexOf(Math.max(...watch.counts));
    const activity = await tableOf('activity');
    expect(activity[0]).toContain('Watch history');
    const row = activity.find((r) => r[0] === bucketLabel(en, view.activity.unit, view.activity.buckets[busiest]!))!;
    expect(row[activity[0]!.indexOf('Watch history')]).toBe(watch.counts[busiest]!.toLocaleString('en-GB'));
    // watching by hour: every cell of the grid
    const hours = await tableOf('hours');
    expect(hours.slice(1).map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => weekdayName(en, d)));
    expect(hours.slice(1).map((r) => r.slice(1).map((c) => Number(c.replace(/,/g, ''))))).toEqual(view.watchHours.counts);
    // logins by device: the device first seen in the later export is marked new
    const fresh = view.logins.devices.find((s) => s.isNew)!;
    expect(fresh).toBeTruthy();
    const devices = await tableOf('logins-devices');
    expect(devices.find((r) => r[0] === fresh.key)).toEqual([fresh.key, fresh.total.toLocaleString('en-GB'), expect.any(String), 'Yes']);
    expect(devices.filter((r) => r[3] === 'Yes')).toHaveLength(view.logins.devices.filter((s) => s.isNew).length);
    // off-TikTok sources: the top source and its count
    const top = view.offTikTok.sources[0]!;
    expect((await tableOf('off-tiktok-sources'))[1]).toEqual([String(top.key), top.total.toLocaleString('en-GB')]);
    // retention: one row per export of each dataset TikTok cuts to a window, with its days
    const windows = view.retention.filter((r) => r.windowSource !== null);
    const retention = await tableOf('retention');
    expect(retention.length - 1).toBe(windows.reduce((n, r) => n + r.snapshots.length, 0));
    const watchWindow = windows.find((r) => r.dataset === 'watch_history')!.snapshots.at(-1)!;
    expect(retention.filter((r) => r[0] === 'Watch history').at(-1)![4]).toBe(String(watchWindow.windowDays));
    await shootAll('en', '4-tables', () => chart('activity').scrollIntoViewIfNeeded());
    for (const id of CHARTS) await chart(id).getByRole('button', { name: 'Show as chart' }).click();
    await noErrors();
  });

  it('counts in another time zone or one export when chosen, kept in the route', async () => {
    const { page } = h;
    await page.getByTestId('charts-zone').selectOption('America/New_York');
    await expect.poll(() => new URL(page.url()).hash).toBe('#/charts?zone=America%2FNew_York');
    const newYork = await h.service.charts({ timeZone: 'America/New_York' });
    await chart('hours').getByText(hoursSummary(en, newYork.watchHours)).waitFor();
    const first = (await h.service.listSnapshots({})).sort((a, b) => a.exportedAt! - b.exportedAt!)[0]!;
    await page.getByTestId('charts-snapshot').selectOption(String(first.id));
    const one = await h.service.charts({ timeZone: 'America/New_York', snapshotId: first.id });
    await page.getByText(loginsSummary(en, one.logins)).waitFor();
    await page.reload();
    await page.getByText(loginsSummary(en, one.logins)).waitFor();
    await go('#/charts');
    await page.getByText(loginsSummary(en, view.logins)).waitFor();
    await noErrors();
  });

  it('speaks Swedish', async () => {
    const { page } = h;
    await page.evaluate(() => document.defaultView.localStorage.setItem('footprint.lang', 'sv'));
    await page.reload();
    await page.getByRole('heading', { name: 'Dina uppgifter i diagram' }).waitFor();
    await page.getByRole('link', { name: 'Diagram', exact: true }).waitFor();
    await chart('hours').getByText(hoursSummary(translator('sv'), view.watchHours)).waitFor();
    await shootAll('sv', '1-top');
    await shootAll('sv', '2-logins', () => page.locator('#charts-logins').scrollIntoViewIfNeeded());
    await shootAll('sv', '3-retention', () => chart('retention').scrollIntoViewIfNeeded());
    await chart('logins-devices').getByRole('button', { name: 'Visa som tabell' }).click();
    await shootAll('sv', '4-tables', () => chart('logins-devices').scrollIntoViewIfNeeded());
    await page.evaluate(() => document.defaultView.localStorage.removeItem('footprint.lang'));
    await noErrors();
  });

  it('axe-core finds no serious or critical problem on any part photographed at 1280x800', () => {
    expect(problems).toEqual([]);
  });

  /** One part in every size and colour scheme (audit.ts shootParts). */
  const shootAll = (lang: string, part: string, ready?: () => Promise<unknown>) => shootParts(h, { dir: SHOTS, page: 'charts', lang, part, problems, ready });
});
