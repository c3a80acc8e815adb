// The desktop window end to end, minus Electron's own IPC plumbing: the built renderer in Debian
// Chromium, window.footprint forwarding to the real service (worker imports included) on a real
// SQLite file. Fails on any request that leaves 127.0.0.1, any CSP violation or page error.
// Screenshots: /tmp/footprint-e2e-*.png (FOOTPRINT_E2E_SHOTS=<dir> to change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedExternalUrl } from '../../src/main/shell/security';
import { buildApp, chromiumAvailable, launchApp, type AppHarness, screenshotter, closeApp } from './harness';
import { writeFixture } from './fixture';

// page.evaluate / addInitScript callbacks run in the browser; to Node's type-check these are opaque.
 
declare const window: any, document: any, DataTransfer: any, DragEvent: any, getComputedStyle: any;
type HTMLElement = any;
type HTMLAnchorElement = any;

const shot = screenshotter('footprint-e2e-');


describe.skipIf(!chromiumAvailable)('desktop window (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let first: string;
  let second: string;
  let big: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-'));
    first = writeFixture(join(work, 'a'), { watch: 260, likes: 40 }, 'TikTok_Data_1735588272.json');
    // overlaps the first: 200 of its watch entries plus 60 later ones, likes unchanged
    // exported after the first (the folder it was unzipped to says when): "new" is counted in export order
    second = writeFixture(join(work, 'TikTok_Data_1738000000'), { watch: 260, likes: 40, seed: 60 }, 'second_export.json');
    big = writeFixture(join(work, 'big'), { watch: 260_000, likes: 20_000, seed: 7 }, 'big.json');
    build = buildApp();
    h = await launchApp({
      rendererDir: join(build.outDir, 'renderer'),
      workDir: work,
      samplePath: big,
      dropPaths: { 'second_export.json': second },
    });
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('shows the welcome screen on an empty archive', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: 'Import your TikTok data' }).waitFor();
    await expect(page.getByRole('button', { name: 'Open export…' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Try it with sample data' }).isVisible()).resolves.toBe(true);
    // every external link in the page is one the main process would open
    // (in-page links, the skip link and the hash routes, stay inside the window)
    const hrefs = await page.locator('a[href]:not([href^="#"])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(allowedExternalUrl(href)).not.toBeNull();
    await shot(h, '1-empty');
  });

  it('imports an export chosen in the dialog and shows the counts', async () => {
    const { page } = h;
    h.setNextChoice(first);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Import finished' }).innerText()).resolves.toMatch(/4 datasets, 317 records, 317 new/);
    // the first export lands on Home, the answers; its snapshot is one link away
    await page.getByTestId('home-latest').waitFor();
    await page.getByTestId('home-open-snapshot').click();

    const row = (id: string) => page.locator(`tr[data-dataset="${id}"]`);
    await expect(row('watch_history').locator('td').nth(1).innerText()).resolves.toBe('260');
    await expect(row('watch_history').locator('td').nth(2).innerText()).resolves.toBe('260');
    await expect(row('likes').locator('td').nth(1).innerText()).resolves.toBe('40');
    await expect(row('searches').locator('td').nth(1).innerText()).resolves.toBe('12');
    await expect(row('comments').locator('td').nth(1).innerText()).resolves.toBe('5');
    // the header says where the export time came from; the tile reads the same "new" as the notice
    await expect(page.locator('.overview p.meta').innerText()).resolves.toMatch(/exported .+ \(from the file name\)/);
    await expect(page.locator('.overview dd.new').innerText()).resolves.toBe('317');
    // unknown sections are listed and can be opened
    await page.getByText('Mystery Section').waitFor();
    await page.getByRole('button', { name: 'View raw' }).first().click();
    await expect(page.locator('pre').first().innerText()).resolves.toContain('Something New');
    await page.getByRole('button', { name: 'Hide' }).click();
    await expect(page.locator('canvas').count()).resolves.toBe(1);
    await shot(h, '2-imported');
  });

  it('pages through a dataset with mouse and keyboard', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Show Watch history records' }).click();
    const status = page.locator('.pager .status');
    await expect(status.innerText()).resolves.toBe('Showing 1–50 of 260');
    await expect(page.locator('section.records tbody tr').count()).resolves.toBe(50);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(() => document.querySelector('.pager .status')?.textContent === 'Showing 51–100 of 260');

    // keyboard: focus "Next" and press Enter, then Space
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.pager .status')?.textContent === 'Showing 101–150 of 260');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('.pager .status')?.textContent === 'Showing 151–200 of 260');

    // keyset pages (the explore table): no "Last page", Next to the end
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.pager .status')?.textContent === 'Showing 201–250 of 260');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.pager .status')?.textContent === 'Showing 251–260 of 260');
    await expect(page.locator('section.records tbody tr').count()).resolves.toBe(10);
    await expect(page.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    // links are shown as text, in full on hover
    await expect(page.locator('section.records tbody td.cell').first().innerText()).resolves.toMatch(/^https:\/\/www\.tiktokv\.com\/share\/video\//);
    await shot(h, '3-records');
    await page.getByRole('button', { name: 'First page' }).click();
    await page.waitForFunction(() => document.querySelector('.pager .status')?.textContent === 'Showing 1–50 of 260');
    // closing hands focus back to the dataset it came from
    await page.getByRole('button', { name: 'Close Watch history records' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Show Watch history records');
  });

  it('imports a dropped file as a second snapshot with new records', async () => {
    const { page } = h;
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], 'second_export.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByText('Import finished').waitFor();
    await expect(page.locator('nav.snapshots li').count()).resolves.toBe(2);
    await expect(page.getByRole('heading', { level: 2, name: 'second_export.json' }).isVisible()).resolves.toBe(true);
    const watch = page.locator('tr[data-dataset="watch_history"] td');
    await expect(watch.nth(1).innerText()).resolves.toBe('260');
    await expect(watch.nth(2).innerText()).resolves.toBe('60');
    await expect(watch.nth(3).innerText()).resolves.toBe('320');
    await expect(page.locator('.overview p.meta').innerText()).resolves.toMatch(/exported .+ \(from the folder name\)/);
    await shot(h, '4-second-snapshot');
  });

  it('says so when the same export is imported again', async () => {
    const { page } = h;
    h.setNextChoice(first);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Already imported').waitFor();
    await expect(page.locator('nav.snapshots li').count()).resolves.toBe(2);
  });

  it('shows a human error for a file that is not there', async () => {
    const { page } = h;
    h.setNextChoice(join(work, 'nope', 'TikTok_Data_1.zip'));
    await page.keyboard.press('Control+o');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/File not found/);
    await shot(h, '5-error');
    await page.getByRole('button', { name: /^Dismiss/ }).click();
  });

  it('shows progress for a large import and cancels it without changing anything', async () => {
    const { page } = h;
    const before = await h.service.listSnapshots({});
    h.progress.length = 0;
    await page.getByRole('button', { name: 'Try it with sample data' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByText(/Saving… [\d,.\s]+ records/).waitFor({ timeout: 30_000 });
    // the window stays responsive while the worker writes
    await expect(page.evaluate(() => 1 + 1)).resolves.toBe(2);
    await shot(h, '6-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Import cancelled').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);
    expect(h.progress.some((p) => p.phase === 'writing')).toBe(true);
    expect(h.progress.some((p) => p.phase === 'done')).toBe(false);
    expect(await h.service.listSnapshots({})).toEqual(before);
    await expect(page.locator('nav.snapshots li').count()).resolves.toBe(2);
  });

  it('deletes a snapshot after confirmation', async () => {
    const { page } = h;
    await page.locator('#snapshot-2').click();
    await page.getByRole('button', { name: 'Delete snapshot…' }).click();
    await page.getByRole('button', { name: 'Keep' }).waitFor();
    // focus moves to the safe choice; Escape backs out
    await page.waitForFunction(() => document.activeElement?.textContent === 'Keep');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Delete snapshot…' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Delete snapshot…');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Snapshot deleted').waitFor();
    await expect(page.locator('nav.snapshots li').count()).resolves.toBe(1);
    await expect(h.service.listSnapshots({}).then((s) => s.map((x) => x.id))).resolves.toEqual([1]);
  });

  it('is keyboard reachable with visible focus', async () => {
    const { page } = h;
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { label: el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || el.tagName, outline: style.outlineStyle };
      });
      if (info) {
        seen.push(info.label);
        expect(info.outline, `focus ring on ${info.label}`).not.toBe('none');
      }
    }
    expect(seen).toContain('Open export…');
    expect(seen.some((s) => s.startsWith('Show '))).toBe(true);
  });

  it('looks right in dark mode too', async () => {
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.page.getByRole('button', { name: 'Show Liked videos records' }).click();
    await h.page.locator('.pager .status').waitFor();
    await shot(h, '7-dark');
    await h.page.emulateMedia({ colorScheme: 'light' });
  });

  it('never left 127.0.0.1, no CSP violation, no page error', async () => {
    expect(h.requests.length).toBeGreaterThan(0);
    expect(h.offending()).toEqual([]);
    expect(await h.cspViolations()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    // the only console errors allowed: none
    expect(h.consoleErrors).toEqual([]);
  });
});
