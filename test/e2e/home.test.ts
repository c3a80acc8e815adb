// The home page end to end, in Chromium against the real service: two generated exports of one
// account whose differences are known (laterAccount makes the account public again and logs in from a
// new device) and one app long due for review. The page's figures are the database's (through the
// service and a direct count), its links go where they say, it is the landing page, axe finds nothing
// serious, and screenshots of every part in both languages, light and dark, at 1280x800 and 800x600:
// $FOOTPRINT_E2E_SHOTS (default test-results/screens)/home-<lang>-<scheme>-<size>-<part>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HomeView } from '../../src/shared/contract';
import { translator, type Lang, type MessageKey } from '../../src/shared/i18n';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, closeApp } from './harness';
import { localDay } from './fixture';
import { shootParts, expectClean } from './audit';

declare const document: any;

const SHOTS = process.env.FOOTPRINT_E2E_SHOTS || join(ROOT, 'test-results', 'screens');

describe.skipIf(!chromiumAvailable)('the home page (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let home: HomeView;
  let third: string;
  const problems: string[] = [];
  const en = translator('en');
  const go = (hash: string) => h.page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);
  const hash = () => h.page.evaluate(() => document.defaultView.location.hash as string);
  const noErrors = () => expectClean(h);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-home-'));
    const a = generateAccount({ seed: 5, asOf: '2026-01-10 12:00:00' });
    a.settings['Private Account'] = 'Enabled';
    const b = laterAccount(a, { days: 40, seed: 'e2e-home' });
    const first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    const second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    const c = laterAccount(b, { days: 30, seed: 'e2e-home-3' });
    third = await writeZip(renderJson(c, 'L4'), join(work, 'c'), { epoch: exportEpoch(c) });
    build = buildApp();
    mkdirSync(join(work, 'app'), { recursive: true });
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: join(work, 'app') });
    await h.service.importExport({ path: first });
    await h.service.importExport({ path: second });
    await h.service.addApp({ name: 'Old Backup', scopes: ['user.info.basic'], grantedOn: localDay(-400) });
    home = await h.service.home({});
    await h.page.reload();
    await h.page.getByTestId('home-page').waitFor();
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('is the landing page, first in the pages’ navigation', async () => {
    const { page } = h;
    expect(await hash()).toBe('');
    const nav = page.getByRole('navigation', { name: en.t('window.pages.label') });
    const links = nav.getByRole('link');
    await expect(links.first().innerText()).resolves.toBe('Home');
    await expect(links.first().getAttribute('aria-current')).resolves.toBe('page');
    await page.getByRole('heading', { name: 'Your TikTok data' }).waitFor();
  });

  it('shows the figures of the latest export as the database holds them', async () => {
    const { page } = h;
    const l = home.latest!;
    // the latest export by export date, straight from the table
    const latest = h.service.db.prepare('SELECT id FROM snapshots ORDER BY coalesce(exported_at, imported_at) DESC, id DESC LIMIT 1').pluck().get() as number;
    expect(l.id).toBe(latest);
    const held =
      (h.service.db.prepare('SELECT count(*) FROM record_snapshots WHERE snapshot_id = ?').pluck().get(latest) as number) +
      (h.service.db.prepare('SELECT count(*) FROM snapshot_values WHERE snapshot_id = ?').pluck().get(latest) as number);
    expect(l.records).toBe(held);
    const intro = await page.getByTestId('home-latest').innerText();
    expect(intro).toContain(`${en.number(l.records)} records in ${l.datasets} datasets, ${en.number(l.newRecords)} new`);

    // every category with records, most sensitive first, with its own and its datasets' figures
    const filled = home.categories.filter((c) => c.datasets.length > 0);
    expect(await page.locator('article[data-category]').evaluateAll((els: any[]) => els.map((e) => e.dataset.category))).toEqual(filled.map((c) => c.id));
    for (const c of filled) {
      const card = page.locator(`article[data-category="${c.id}"]`);
      await expect(card.getByTestId('category-records').innerText()).resolves.toBe(en.t('home.has.records', { n: c.records }));
      await expect(card.locator('h4').innerText()).resolves.toBe(en.t(`home.category.${c.id}` as MessageKey));
      for (const d of c.datasets) {
        const row = card.locator(`li[data-dataset="${d.id}"]`);
        await expect(row.locator('.count').innerText()).resolves.toBe(en.number(d.records));
        await expect(row.getByRole('link').getAttribute('href')).resolves.toBe(`#/snapshot/${l.id}?dataset=${d.id}`);
      }
    }
    // the snapshot page's tiles say the same
    await go('#/overview');
    await page.locator('tr[data-dataset="watch_history"]').waitFor();
    const tiles = await page.locator('.overview dl.stats dd').allInnerTexts();
    expect(tiles.slice(0, 3)).toEqual([en.number(l.records), en.number(l.newRecords), en.number(l.datasets)]);
    await go('#/home');
    await page.getByTestId('home-page').waitFor();
    await noErrors();
  });

  it('heads the page with what to do, worded from the service’s figures', async () => {
    const { page } = h;
    const hl = home.headline;
    expect(hl.alerts.count).toBeGreaterThan(0);
    expect(hl.settingsWorse.regressedSteps).toContain('private-account');
    expect(hl.appsDue.count).toBe(1);
    expect(hl.freshExport.due).toBe(true); // exported in February 2026, default interval 90 days
    const tile = (k: string) => page.locator(`li[data-todo="${k}"]`);
    await expect(tile('alerts').innerText()).resolves.toContain(en.t('home.todo.alerts', { n: hl.alerts.count }));
    await expect(tile('settings').innerText()).resolves.toContain(en.t('home.todo.settings', { n: hl.settingsWorse.count }));
    await expect(tile('apps').innerText()).resolves.toContain('1 app due for review');
    await expect(tile('checklist').innerText()).resolves.toContain(`${hl.checklist.done} of ${hl.checklist.total} checklist steps done`);
    await expect(tile('checklist').innerText()).resolves.toContain(`Do first: ${en.t(hl.checklist.firstTitle as MessageKey)}`);
    const fresh = page.getByTestId('home-fresh');
    await expect(fresh.innerText()).resolves.toContain(`${hl.freshExport.days} days old, older than 90 days, the interval Footprint suggests`);
    await expect(fresh.locator('li[data-step]').count()).resolves.toBe(hl.freshExport.steps.length);
    await fresh.getByText('In the app: Profile › ☰ Menu › Settings and privacy › Account › Download your data › Request data').waitFor();
  });

  it('links go where they say', async () => {
    const { page } = h;
    const hl = home.headline;
    const follow = async (k: string, expected: string, arrived: () => Promise<unknown>) => {
      await go('#/home');
      const link = page.locator(`li[data-todo="${k}"] a`);
      await expect(link.getAttribute('href')).resolves.toBe(expected);
      await link.click();
      await arrived();
      expect(await hash()).toBe(expected);
    };
    await follow('alerts', `#/changes?from=${hl.alerts.from}&to=${hl.alerts.to}`, () => page.getByRole('heading', { name: 'What changed' }).waitFor());
    await follow('settings', '#/checklists?step=private-account', () => page.locator('li[data-step="private-account"]').waitFor());
    await follow('apps', '#/sharing', () => page.getByRole('heading', { name: 'Who gets your data' }).waitFor());
    await follow('checklist', `#/checklists?step=${hl.checklist.first}`, () => page.locator(`li[data-step="${hl.checklist.first}"]`).waitFor());
    // a dataset opens its table in the latest export
    await go('#/home');
    const d = home.categories.find((c) => c.id === 'usage')!.datasets[0]!;
    await page.locator(`article[data-category="usage"] li[data-dataset="${d.id}"] a`).click();
    await page.locator('section.records .pager .status').waitFor();
    expect(await hash()).toBe(`#/snapshot/${home.latest!.id}?dataset=${d.id}`);
    await go('#/home');
    await page.getByTestId('home-open-snapshot').click();
    await page.locator('tr[data-dataset="watch_history"]').waitFor();
    expect(await hash()).toBe(`#/snapshot/${home.latest!.id}`);
    await noErrors();
  });

  it('keeps the empty datasets collapsed, and says what the export does not show, with sources', async () => {
    const { page } = h;
    await go('#/home');
    const empty = page.getByTestId('home-empty');
    await expect(empty.evaluate((e: any) => e.open)).resolves.toBe(false);
    const emptyCount = home.categories.reduce((n, c) => n + c.empty.length, 0);
    await expect(empty.locator('summary').innerText()).resolves.toBe(en.t('home.has.empty', { n: emptyCount }));
    await empty.locator('summary').click();
    await empty.locator('div[data-category="proof-of-identity"]').getByText('Nothing in this export').waitFor();
    await empty.locator('summary').click();
    const notShown = page.getByTestId('home-not-shown');
    await expect(notShown.locator('li[data-missing]').count()).resolves.toBe(home.notShown.length);
    await notShown.locator('li[data-missing="keystroke-patterns"]').getByText('Source: a privacy guide').waitFor();
    await notShown.locator('li[data-claim="dm-not-end-to-end"]').getByText('About: Direct messages').waitFor();
  });

  it('has no serious accessibility problems and looks right in both languages, light and dark, large and small', async () => {
    const { page } = h;
    for (const lang of ['en', 'sv'] as Lang[]) {
      await page.evaluate((l: string) => document.defaultView.localStorage.setItem('footprint.lang', l), lang);
      await go('#/home');
      await page.reload();
      await page.getByRole('heading', { name: translator(lang).t('home.page.title') }).waitFor();
      await page.locator('article[data-category]').first().waitFor();
      await shootAll(lang, '1-top', () => page.locator('main.content').evaluate((e: any) => e.scrollTo(0, 0)));
      await shootAll(lang, '2-fresh', () => page.getByTestId('home-fresh').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));
      await shootAll(lang, '3-categories', () => page.locator('#home-has-title').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));
      await page.getByTestId('home-empty').locator('summary').click();
      await shootAll(lang, '4-empty-open', () => page.getByTestId('home-empty').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));
      await page.getByTestId('home-empty').locator('summary').click();
      await shootAll(lang, '5-not-shown', () => page.locator('#home-not-shown-title').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));
      await shootAll(lang, '6-charts', () => page.locator('#home-charts-title').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));
    }
    await page.evaluate(() => document.defaultView.localStorage.setItem('footprint.lang', 'en'));
    expect(problems).toEqual([]);
    await noErrors();
  });

  it('stays home when another export is imported from it, and shows the new latest export', async () => {
    const { page } = h;
    await go('#/home');
    await page.reload(); // in English again (the screenshots ended in Swedish)
    await page.getByTestId('home-latest').waitFor();
    h.setNextChoice(third);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    const now = await h.service.home({});
    expect(now.latest!.id).not.toBe(home.latest!.id);
    await page.getByTestId('home-latest').filter({ hasText: `${en.number(now.latest!.records)} records in ${now.latest!.datasets} datasets, ${en.number(now.latest!.newRecords)} new` }).waitFor();
    expect(await hash()).toBe('#/home');
    await expect(page.locator('li[data-todo="alerts"] a').getAttribute('href')).resolves.toBe(`#/changes?from=${home.latest!.id}&to=${now.latest!.id}`);
    await noErrors();
  });

  /** One part in every size and colour scheme (audit.ts shootParts). */
  const shootAll = (lang: string, part: string, ready?: () => Promise<unknown>) => shootParts(h, { dir: SHOTS, page: 'home', lang, part, problems, ready });
});
