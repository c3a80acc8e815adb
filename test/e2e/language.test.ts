// Swedish and English, end to end: the window follows the OS locale, can be switched in Settings
// (remembered over a reload), and every page then speaks the chosen language with <html lang> to
// match. The routes keep the place over Back and reload. axe-core checks every page photographed
// at 1280x800 (both languages and schemes). Screenshots of every page in both
// languages, light and dark, at 1280x800 and 800x600: test-results/screens/<lang>-<scheme>-<size>-<page>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '../../src/main/service';
import { encryptDatabaseFile } from '../../src/main/vault/file-encryption';
import { translator } from '../../src/shared/i18n';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, closeBrowser, launchApp, ROOT, type AppHarness, type LaunchOptions, showOverview } from './harness';
import { axeProblems, SCHEMES, SIZES, expectClean } from './audit';

 
declare const document: any;

const SHOTS = join(ROOT, 'test-results', 'screens');

const problems: string[] = [];

/** One page in every size and colour scheme; `ready` brings the page back after a resize. */
async function shoot(h: AppHarness, lang: string, page: string, ready?: () => Promise<void>) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await h.page.setViewportSize(size);
    for (const scheme of SCHEMES) {
      await h.page.emulateMedia({ colorScheme: scheme });
      await ready?.();
      await h.page.waitForTimeout(150); // the chart redraws in the new colours
      await h.page.screenshot({ path: join(SHOTS, `${lang}-${scheme}-${size.width}x${size.height}-${page}.png`) });
      if (size.width === 1280) problems.push(...(await axeProblems(h, `${lang} ${scheme} ${page}`, { everything: true })));
    }
  }
  await h.page.emulateMedia({ colorScheme: 'light' });
  await h.page.setViewportSize({ width: 1280, height: 820 });
}

const htmlLang = (h: AppHarness) => h.page.evaluate(() => document.documentElement.lang);

describe.skipIf(!chromiumAvailable)('Swedish and English (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let first: string;
  let second: string;
  const open: AppHarness[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-lang-'));
    const a = generateAccount({ seed: 5, asOf: '2026-01-10 12:00:00' });
    a.settings['Private Account'] = 'Disabled';
    const b = laterAccount(a, { days: 60, seed: 'e2e-lang' });
    first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    build = buildApp();
  }, 240_000);

  afterAll(async () => {
    for (const h of open) await h.close().catch(() => undefined);
    await closeBrowser();
    build?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  const launch = async (dir: string, o: Partial<LaunchOptions> = {}) => {
    mkdirSync(dir, { recursive: true });
    const h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: dir, ...o });
    open.push(h);
    return h;
  };
  const noErrors = expectClean;

  describe('the archive pages', () => {
    let h: AppHarness;
    const go = (hash: string) => h.page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);

    beforeAll(async () => {
      h = await launch(join(work, 'pages'));
      await h.service.importExport({ path: first });
      await h.service.importExport({ path: second });
      await showOverview(h);
    });

    /** Every page of the open archive, checked for a phrase in `lang` and photographed. */
    async function everyPage(lang: 'en' | 'sv') {
      const w = {
        en: { snapshots: 'Snapshots', records: /^Showing 1–50 of /, changes: 'What changed', more: 'More private', settings: 'Settings', language: 'Show Footprint in', download: 'Allow downloads', lemon8: 'Lemon8 link' },
        sv: { snapshots: 'Ögonblicksbilder', records: /^Visar 1–50 av /, changes: 'Vad har ändrats', more: 'Mer privat', settings: 'Inställningar', language: 'Visa Footprint på', download: 'Tillåt nedladdning', lemon8: 'Lemon8-länk' },
      }[lang];
      const { page } = h;
      expect(await htmlLang(h)).toBe(lang);

      await go('#/overview');
      await page.getByRole('heading', { name: w.snapshots }).waitFor();
      await page.locator('tr[data-dataset="watch_history"]').waitFor();
      await shoot(h, lang, '1-overview');
      // the delete confirmation is the longest line in the overview's header
      await page.locator('button.btn.danger').first().click();
      await page.locator('.confirm').waitFor();
      await shoot(h, lang, '1-overview-delete');
      await page.keyboard.press('Escape');
      await page.locator('.confirm').waitFor({ state: 'detached' });

      await go('#/snapshot/2?dataset=watch_history');
      await page.locator('section.records .pager .status').filter({ hasText: w.records }).waitFor();
      await shoot(h, lang, '2-records', () => page.locator('section.records').scrollIntoViewIfNeeded());

      // settings and profile fields with their names, not their keys ("Allow DownLoad", "lemon8Link")
      await go('#/snapshot/2?dataset=profile');
      await page.locator('section.records tbody th').filter({ hasText: w.lemon8 }).waitFor();
      await go('#/snapshot/2?dataset=settings');
      await page.locator('section.records tbody th').filter({ hasText: w.download }).waitFor();
      expect(await page.locator('section.records tbody').innerText()).not.toMatch(/Allow down load|Allow DownLoad|Lemon8link/);
      await shoot(h, lang, '3-settings-values', () => page.locator('section.records').scrollIntoViewIfNeeded());

      await go('#/changes?from=1&to=2');
      await page.getByRole('heading', { name: w.changes }).waitFor();
      await page.locator('tr[data-setting="Private Account"]').filter({ hasText: w.more }).waitFor();
      await shoot(h, lang, '4-changes');
      await shoot(h, lang, '5-changes-settings', () => page.locator('#changes-settings-title').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));
      await shoot(h, lang, '6-changes-datasets', () => page.locator('#datasets-changes-title').evaluate((e: any) => e.scrollIntoView({ block: 'start' })));

      await go('#/settings');
      const dialog = page.getByRole('dialog', { name: w.settings });
      await dialog.waitFor();
      await dialog.getByLabel(w.language).waitFor();
      await dialog.getByTestId('encryption-state').waitFor();
      await shoot(h, lang, '7-settings');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }

    it('speaks English by default (Chromium’s locale is en-US), on every page', async () => {
      await everyPage('en');
    });

    it('switches to Swedish in Settings, remembers it over a reload, and every page speaks Swedish', async () => {
      const { page } = h;
      await go('#/overview');
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByLabel('Show Footprint in').selectOption('sv');
      // at once, without a reload: the dialog itself and <html lang>
      await page.getByRole('dialog', { name: 'Inställningar' }).waitFor();
      await page.waitForFunction(() => document.documentElement.lang === 'sv');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Inställningar');

      await page.reload();
      await page.locator('tr[data-dataset="watch_history"]').waitFor();
      expect(await htmlLang(h)).toBe('sv');
      await everyPage('sv');
      // the catalog's dataset names
      await go('#/overview');
      await expect(page.locator('tr[data-dataset="watch_history"] th').innerText()).resolves.toContain(translator('sv').t('dataset.watch_history'));
      await expect(page.getByRole('button', { name: 'Öppna export…' }).isVisible()).resolves.toBe(true);

      // back to the computer's language
      await go('#/settings');
      await page.getByRole('dialog', { name: 'Inställningar' }).getByLabel('Visa Footprint på').selectOption('auto');
      await page.getByRole('dialog', { name: 'Settings' }).waitFor();
      expect(await htmlLang(h)).toBe('en');
      await page.keyboard.press('Escape');
      await noErrors(h);
    });

    it('keeps the place over Back and reload', async () => {
      const { page } = h;
      await go('#/snapshot/1');
      await page.getByRole('heading', { level: 2, name: /\.zip$/ }).first().waitFor();
      await page.getByRole('button', { name: 'Show Watch history records' }).click();
      await page.locator('section.records').waitFor();
      expect(new URL(page.url()).hash).toBe('#/snapshot/1?dataset=watch_history');
      await page.reload();
      await page.locator('section.records .pager .status').waitFor();
      await expect(page.locator('#snapshot-1').getAttribute('aria-current')).resolves.toBe('true');
      await page.goBack();
      await page.locator('section.records').waitFor({ state: 'detached' });
      expect(new URL(page.url()).hash).toBe('#/snapshot/1');
      // Settings over a page: Escape is Back, the page is where it was
      await page.getByRole('link', { name: 'Changes', exact: true }).click();
      await page.getByRole('heading', { name: 'What changed' }).waitFor();
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      expect(new URL(page.url()).hash).toBe('#/settings');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.defaultView.location.hash === '#/changes?to=1');
      await page.getByText('This is your oldest export: there is nothing before it to compare with.').waitFor();
      await noErrors(h);
    });
  });

  describe('the start screens follow the OS locale', () => {
    for (const [lang, locale] of [
      ['sv', 'sv-SE'],
      ['en', 'en-GB'],
    ] as const) {
      it(`the "no secure keychain" choice and the welcome page (${locale})`, async () => {
        const h = await launch(join(work, `choice-${lang}`), { startup: 'decide', keychain: 'basic_text', locale });
        const title = lang === 'sv' ? 'Vill du skydda ditt arkiv med en lösenfras?' : 'Protect your archive with a passphrase?';
        await h.page.getByRole('heading', { name: title }).waitFor();
        expect(await htmlLang(h)).toBe(lang);
        await shoot(h, lang, '0-choice');
        await h.page.getByRole('button', { name: lang === 'sv' ? 'Fortsätt utan kryptering' : 'Continue without encryption' }).click();
        await h.page.getByRole('heading', { name: lang === 'sv' ? 'Importera dina TikTok-data' : 'Import your TikTok data' }).waitFor();
        await shoot(h, lang, '0-welcome');
        await noErrors(h);
      });

      it(`the Unlock screen, with a wrong passphrase (${locale})`, async () => {
        const dir = join(work, `locked-${lang}`);
        mkdirSync(dir, { recursive: true });
        const s = createService({ dbPath: join(dir, 'footprint.db') });
        s.close();
        encryptDatabaseFile(join(dir, 'footprint.db'), { passphrase: 'right passphrase' });
        const h = await launch(dir, { startup: 'decide', keychain: 'basic_text', locale });
        await h.page.getByRole('heading', { name: lang === 'sv' ? 'Lås upp ditt arkiv' : 'Unlock your archive' }).waitFor();
        await h.page.getByLabel(lang === 'sv' ? 'Lösenfras' : 'Passphrase', { exact: true }).fill('wrong passphrase');
        await h.page.keyboard.press('Enter');
        await h.page.getByRole('alert').filter({ hasText: lang === 'sv' ? 'Fel lösenfras' : 'Wrong passphrase' }).waitFor();
        expect(await htmlLang(h)).toBe(lang);
        await shoot(h, lang, '0-unlock');
        await noErrors(h);
      });
    }
  });

  it('axe-core finds nothing wrong (WCAG 2 A and AA: contrast, names, roles) on any page photographed at 1280x800', () => {
    expect(problems).toEqual([]);
  });
});
