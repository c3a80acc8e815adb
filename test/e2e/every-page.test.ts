// Every page of the window, one after the other, in both languages, light and dark, at 1280x800 and
// 800x600: axe-core finds no serious or critical problem on any of them, nothing leaves 127.0.0.1,
// no page error. The screenshots are the set a person looks at before a release:
// <FOOTPRINT_E2E_SHOTS or test-results/screens>/page-<page>-<lang>-<scheme>-<size>.png.
// (The Unlock screen is audited, and shot the same way, in language.test.ts, where the window starts locked.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, closeApp } from './harness';
import { axeProblems, SCHEMES, SIZES } from './audit';

declare const document: any;

const SHOTS = process.env.FOOTPRINT_E2E_SHOTS || join(ROOT, 'test-results', 'screens');
const LANGS = ['en', 'sv'] as const;

describe.skipIf(!chromiumAvailable)('every page (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let first: string;
  let second: string;
  const problems: string[] = [];
  const seen: string[] = [];

  /** the page settled: no loader busy, fonts and layout done */
  const settled = async () => {
    await h.page.waitForFunction(() => !document.querySelector('main [aria-busy="true"], [role="dialog"] [aria-busy="true"]'), undefined, { timeout: 30_000 });
    await h.page.waitForTimeout(150);
  };

  /** one page in every language, scheme and size: axe each time, a screenshot each time */
  async function audit(name: string, hash: string, ready: () => Promise<unknown>) {
    const { page } = h;
    for (const lang of LANGS) {
      await page.evaluate((l: string) => document.defaultView.localStorage.setItem('footprint.lang', l), lang);
      await page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);
      await page.reload();
      await ready();
      await settled();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        // colours ease over on a scheme change: measure contrast once they have arrived
        await page.waitForTimeout(500);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await settled();
          problems.push(...(await axeProblems(h, `${name} ${lang} ${scheme} ${size.width}x${size.height}`)));
          // the window itself never scrolls (its parts do): nothing hidden or wide pushes the header away
          const overflow = await page.evaluate(() => {
            const root = document.documentElement;
            return { y: root.scrollHeight - root.clientHeight, x: root.scrollWidth - root.clientWidth };
          });
          if (overflow.y > 0 || overflow.x > 0) problems.push(`${name} ${lang} ${scheme} ${size.width}x${size.height}: the document overflows by ${overflow.x}×${overflow.y} px`);
          const file = `page-${name}-${lang}-${scheme}-${size.width}x${size.height}.png`;
          await page.screenshot({ path: join(SHOTS, file) });
          seen.push(file);
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(SIZES[0]);
    await page.evaluate(() => document.defaultView.localStorage.setItem('footprint.lang', 'en'));
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-pages-'));
    mkdirSync(SHOTS, { recursive: true });
    const a = generateAccount({ seed: 11, asOf: '2026-03-01 12:00:00' });
    const b = laterAccount(a, { days: 75, seed: 'every-page' });
    first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    build = buildApp();
    mkdirSync(join(work, 'app'), { recursive: true });
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: join(work, 'app') });
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('the welcome page of an empty archive', async () => {
    await audit('welcome', '#/', () => h.page.locator('main.welcome').waitFor());
  });

  it('every page of an archive with two exports', async () => {
    const { page } = h;
    await h.service.importExport({ path: first });
    const latest = (await h.service.importExport({ path: second })).snapshot.id;
    const record = (await h.service.explorePage({ dataset: 'login_history', snapshotId: latest, limit: 1 })).rows[0]!.id;
    const main = (selector: string) => () => page.locator(`main ${selector}`).first().waitFor();
    await audit('home', '#/home', main('article[data-category]'));
    await audit('snapshot', `#/snapshot/${latest}`, main('tr[data-dataset="watch_history"]'));
    await audit('table', `#/snapshot/${latest}?dataset=login_history&record=${record}`, main('section.records .pager .status'));
    await audit('changes', '#/changes', main('h2'));
    await audit('charts', '#/charts', main('[data-testid^="chart-"]'));
    await audit('checklists', '#/checklists', main('li[data-step]'));
    await audit('guides', '#/checklists?section=guides', main('h2'));
    await audit('rights', '#/checklists?section=rights', main('h2'));
    await audit('sharing', '#/sharing', main('h2'));
    await audit('search', '#/search?q=the', main('h2'));
    await audit('settings', '#/settings', () => page.getByRole('dialog').waitFor());
    expect(problems).toEqual([]);
    expect(h.offending()).toEqual([]);
    expect(await h.cspViolations()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    // 12 pages × 2 languages × 2 schemes × 2 sizes
    expect(seen.length).toBe(12 * 8);
  }, 600_000);
});
