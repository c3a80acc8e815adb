// Exploring the archive end to end, in Chromium against the real service, on a generated export:
// the header's search (keyboard "/" and Ctrl+F) opens a hit's record beside the hits; the dataset
// table sorts, filters (days, facets, text), pages by cursors, jumps to a day and keeps its view in
// the route; Previous after a jump shows the rows just before; "No value" is a facet filter; a
// snapshot's own records or every snapshot's by a toggle; the view exports through the Save dialog;
// the record's actions (mark deleted, forget for good with its confirmation); axe finds nothing serious;
// screenshots in both languages, light and dark, at 1280x800 and 800x600:
// test-results/screens/explore-<lang>-<scheme>-<size>-<part>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, showOverview, closeApp } from './harness';
import { axeProblems, SCHEMES, SIZES, expectClean } from './audit';

declare const document: any;

const SHOTS = join(ROOT, 'test-results', 'screens');


describe.skipIf(!chromiumAvailable)('exploring the archive (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  const go = (hash: string) => h.page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);
  const hash = () => h.page.evaluate(() => document.defaultView.location.hash as string);
  const noErrors = () => expectClean(h);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-explore-'));
    const a = generateAccount({ seed: 5, asOf: '2026-01-10 12:00:00' });
    const zip = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    build = buildApp();
    mkdirSync(join(work, 'app'), { recursive: true });
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: join(work, 'app') });
    await h.service.importExport({ path: zip });
    await showOverview(h);
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('searches from the header as you type and opens a hit beside the list; Back keeps the search', async () => {
    const { page } = h;
    await page.keyboard.press('/');
    const field = page.getByRole('searchbox', { name: 'Search your archive' });
    expect(await field.evaluate((el: any) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('song');
    await page.getByRole('heading', { name: 'Search', exact: true }).waitFor();
    await page.getByText(/match(es)? for “song”/).waitFor();
    expect(await hash()).toBe('#/search?q=song');
    const hit = page.getByTestId('search-hit').first();
    expect(await hit.locator('mark').first().textContent()).toMatch(/song/i);
    await hit.click();
    const detail = page.getByTestId('record-detail');
    await detail.getByRole('heading', { name: /A record in/ }).waitFor();
    expect(await hash()).toMatch(/^#\/search\?q=song&record=\d+$/);
    // the panel's heading takes the focus; links are text with a copy button, never a link
    expect(await detail.locator('a').count()).toBe(0);
    const copyButton = detail.getByRole('button', { name: /^Copy / }).first();
    await copyButton.click();
    await copyButton.getByText('Copied').waitFor();
    await page.goBack();
    await detail.waitFor({ state: 'detached' });
    expect(await hash()).toBe('#/search?q=song');
    // Escape closes a record and hands the focus back to its hit
    await hit.click();
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(await hit.evaluate((el: any) => el === document.activeElement)).toBe(true);
    // a record with an address, opened outside its table, still says what the address is
    const login = (await h.service.explorePage({ dataset: 'login_history', limit: 1 })).rows[0]!;
    await go(`#/search?q=song&record=${login.id}`);
    await detail.getByTestId('ip-info').getByText('A private or reserved address').waitFor();
    await go('#/search?q=song');
    await detail.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('song');
    // Ctrl+F focuses the field from anywhere
    await page.getByRole('heading', { name: 'Search', exact: true }).click();
    await page.keyboard.press('Control+f');
    expect(await field.evaluate((el: any) => el === document.activeElement)).toBe(true);
    await noErrors();
  });

  it('exports the filtered view to CSV and JSON through the Save dialog, and refuses a path the dialog did not give', async () => {
    const { page } = h;
    await go('#/snapshot/1?dataset=login_history&where=networkType%3AWi-Fi&sort=deviceModel');
    await page.getByTestId('table-count').getByText('8 records match').waitFor();
    const csv = join(work, 'wifi.csv');
    h.setNextSave(csv);
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await page.getByTestId('export-done').getByText('Saved 8 records to wifi.csv').waitFor();
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9); // the header and the 8 rows the filter keeps
    expect(lines.slice(1).every((l) => l.includes('Wi-Fi'))).toBe(true);
    const json = join(work, 'wifi.json');
    h.setNextSave(json);
    await page.getByRole('button', { name: 'Export JSON…' }).click();
    await page.getByTestId('export-done').getByText('Saved 8 records to wifi.json').waitFor();
    expect(readFileSync(json, 'utf8')).toContain('Wi-Fi');
    // dismissed: nothing written, nothing said
    h.setNextSave(null);
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await page.getByTestId('export-done').waitFor({ state: 'detached' });
    // a path the Save dialog did not give (an opened one included) is refused at the door
    const refused = await page.evaluate(
      (p: string) => document.defaultView.footprint.exportView({ dataset: 'login_history', format: 'csv', path: p, replace: 'yes' }),
      join(work, 'other.csv'),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const opened = join(work, 'opened.csv');
    h.setNextChoice(opened);
    expect(await page.evaluate(() => document.defaultView.footprint.chooseExport({}))).toEqual({ ok: true, value: { path: opened } });
    const overwrite = await page.evaluate(
      (p: string) => document.defaultView.footprint.exportView({ dataset: 'login_history', format: 'csv', path: p, replace: 'yes' }),
      opened,
    );
    expect(overwrite).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await noErrors();
  });

  it('marks a record deleted and forgets one for good after a confirmation that says it cannot be undone', async () => {
    const { page } = h;
    const ids = (await h.service.explorePage({ dataset: 'comments', limit: 2 })).rows.map((r) => r.id);
    await go(`#/search?q=song&record=${ids[0]}`);
    const detail = page.getByTestId('record-detail');
    await detail.getByRole('button', { name: 'Mark as deleted' }).waitFor();
    await detail.getByLabel('I deleted this on').fill('2025-12-20');
    await detail.getByRole('button', { name: 'Mark as deleted' }).click();
    await detail.getByText(/You deleted this on/).waitFor();
    expect((await h.service.listDeletionMarks({})).map((m) => m.recordId)).toContain(ids[0]);
    // deleted before the export was made, yet the export holds it: "still there"
    await detail.getByTestId('still-there').getByText(/a later export still holds it: snapshot #1/).waitFor();
    await detail.getByRole('button', { name: 'Remove the mark' }).click();
    await detail.getByRole('button', { name: 'Mark as deleted' }).waitFor();
    expect(await h.service.listDeletionMarks({})).toEqual([]);

    await go(`#/search?q=song&record=${ids[1]!}`);
    await detail.getByRole('button', { name: 'Forget for good' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('This cannot be undone.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Forget it' }).click();
    await detail.waitFor({ state: 'detached' });
    expect(await h.service.getRecord({ id: ids[1]! })).toBeNull();
    await noErrors();
  });

  it('sorts, filters by text, day and facet, pages by cursors and keeps the view in the route over Back and reload', async () => {
    const { page } = h;
    await go('#/snapshot/1?dataset=login_history');
    const table = page.getByRole('table', { name: 'Login history' });
    await table.waitFor();
    const count = page.getByTestId('table-count');
    expect(await count.innerText()).toMatch(/^14 records/);
    // sort by a column: aria-sort follows, and the route holds it
    const deviceHead = table.locator('th', { has: page.getByRole('button', { name: 'Device model' }) });
    expect(await table.locator('th[aria-sort]').count()).toBe(1);
    await deviceHead.getByRole('button').click();
    await page.waitForFunction(() => document.defaultView.location.hash.includes('sort=deviceModel'));
    expect(await deviceHead.getAttribute('aria-sort')).toBe('ascending');
    await deviceHead.getByRole('button').click();
    await page.waitForFunction(() => document.defaultView.location.hash.includes('dir=desc'));
    expect(await deviceHead.getAttribute('aria-sort')).toBe('descending');
    const firstDevice = () => table.locator('tbody tr').first().locator('td').nth(2).innerText();
    expect(await firstDevice()).toBe('SM-G991B');
    // a facet value with its count filters the table
    await page.locator('summary', { hasText: 'Device model' }).click();
    await page.getByRole('checkbox', { name: /SM-G991B/ }).check();
    await page.waitForFunction(() => document.defaultView.location.hash.includes('where=deviceModel%3ASM-G991B'));
    await count.getByText('3 records match').waitFor();
    // text within the dataset
    await page.getByTestId('table-filter').fill('Example');
    await page.waitForFunction(() => document.defaultView.location.hash.includes('q=Example'));
    const texted = await h.service.explorePage({ dataset: 'login_history', where: [{ field: 'deviceModel', values: ['SM-G991B'] }], search: 'Example' });
    await count.getByText(new RegExp(`^${texted.total} records? match`)).waitFor();
    // days
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2025-12-01');
    await page.waitForFunction(() => document.defaultView.location.hash.includes('from=2025-12-01'));
    const filtered = await h.service.explorePage({
      dataset: 'login_history',
      where: [{ field: 'deviceModel', values: ['SM-G991B'] }],
      search: 'Example',
      from: new Date(2025, 11, 1).getTime(),
    });
    await count.getByText(new RegExp(`^${filtered.total} records? match`)).waitFor();
    const before = await hash();
    await page.reload();
    await count.getByText(new RegExp(`^${filtered.total} records? match`)).waitFor();
    expect(await hash()).toBe(before);
    expect(await page.getByTestId('table-filter').inputValue()).toBe('Example');
    await page.goBack();
    await page.waitForFunction(() => !document.defaultView.location.hash.includes('from='));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await count.getByText(/^14 records/).waitFor();
    await noErrors();
  });

  it('pages through a bigger dataset by keyset cursors, jumps to a day and opens a record beside the table', async () => {
    const { page } = h;
    await go('#/snapshot/1?dataset=watch_history');
    const table = page.getByRole('table', { name: 'Watch history' });
    await table.waitFor();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await nav.getByText('Showing 1–50 of 60').waitFor();
    await nav.getByRole('button', { name: 'Next' }).click();
    await nav.getByText('Showing 51–60 of 60').waitFor();
    expect(await nav.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await nav.getByRole('button', { name: 'Previous' }).click();
    await nav.getByText('Showing 1–50 of 60').waitFor();
    // jump to a day: the first row is that day or earlier (newest first)
    const all = await h.service.explorePage({ dataset: 'watch_history', limit: 60 });
    const mid = all.rows[30]!.at!;
    const d = new Date(mid);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Go to day').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await nav.getByText(/from the day you chose/).waitFor();
    const firstId = Number(await table.locator('tbody tr').first().getAttribute('data-record'));
    const firstAt = all.rows.find((r) => r.id === firstId)!.at!;
    expect(firstAt).toBeLessThan(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime());
    // open a record: the detail sits beside the table, not below it
    await table.locator('tbody tr').first().locator('button.open').click();
    const detail = page.getByTestId('record-detail');
    await detail.waitFor();
    const tb = (await table.boundingBox())!;
    const db = (await detail.boundingBox())!;
    expect(db.x).toBeGreaterThan(tb.x + tb.width - 1);
    expect(await hash()).toMatch(/record=\d+/);
    // Escape closes it and the focus goes back to the row it was opened from
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.waitForFunction((id: number) => document.activeElement?.closest('tr')?.getAttribute('data-record') === String(id), firstId);
    expect(await hash()).not.toMatch(/record=/);
    await noErrors();
  });

  it('pages back from a jump to the rows just before, and takes "No value" as a facet filter', async () => {
    const { page } = h;
    await go('#/overview'); // a fresh table, whatever the test before left
    await page.getByRole('table', { name: 'Watch history' }).waitFor({ state: 'detached' });
    await go('#/snapshot/1?dataset=watch_history');
    const table = page.getByRole('table', { name: 'Watch history' });
    await table.waitFor();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await nav.getByText('Showing 1–50 of 60').waitFor();
    // a day near the oldest end: more than a page lies before it
    const all = (await h.service.explorePage({ dataset: 'watch_history', limit: 60 })).rows;
    const d = new Date(all[57]!.at!);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Go to day').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await nav.getByText(/from the day you chose/).waitFor();
    const firstId = () => table.locator('tbody tr').first().getAttribute('data-record').then(Number);
    const start = all.map((r) => r.id).indexOf(await firstId());
    expect(start).toBeGreaterThan(50);
    // Previous: the fifty rows just before the jumped page's first, not the first page
    await nav.getByRole('button', { name: 'Previous' }).click();
    await nav.getByText(/just before the page you were on/).waitFor();
    expect(await firstId()).toBe(all[start - 50]!.id);
    expect(await table.locator('tbody tr').count()).toBe(50);
    // and once more: fewer than a page is left, so it is the first page, counted again
    await nav.getByRole('button', { name: 'Previous' }).click();
    await nav.getByText('Showing 1–50 of 60').waitFor();
    expect(await firstId()).toBe(all[0]!.id);
    expect(await nav.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    // "No value" of a facet is a filter like any value, kept in the route
    await go('#/snapshot/1?dataset=login_history');
    const count = page.getByTestId('table-count');
    await count.getByText(/^14 records/).waitFor();
    const { facets } = await h.service.exploreFacets({ dataset: 'login_history' });
    const withNone = facets.find((f) => f.values.some((v) => v.value === null && v.count < 14))!;
    expect(withNone).toBeDefined();
    const none = withNone.values.find((v) => v.value === null)!;
    const facet = page.locator(`details.facet[data-field="${withNone.field}"]`);
    await facet.waitFor(); // the facets have loaded (a reload would close one opened before)
    await facet.locator('summary').click();
    await facet.getByRole('checkbox', { name: /No value/ }).check();
    await page.waitForFunction((f: string) => document.defaultView.location.hash.includes(`missing=${f}`), withNone.field);
    await count.getByText(new RegExp(`^${none.count} records? match`)).waitFor();
    expect(await facet.getByRole('checkbox', { name: /No value/ }).isChecked()).toBe(true);
    await page.reload();
    await count.getByText(new RegExp(`^${none.count} records? match`)).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await count.getByText(/^14 records/).waitFor();
    await noErrors();
  });

  it('shows a snapshot’s own records or every snapshot’s, by a toggle kept in the route', async () => {
    const { page } = h;
    // a second, later export: some of its records are new
    const b = generateAccount({ seed: 6, asOf: '2026-02-10 12:00:00' });
    const zip = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    const second = (await h.service.importExport({ path: zip })).snapshot.id;
    const inFirst = (await h.service.explorePage({ dataset: 'login_history', snapshotId: 1 })).total;
    const everywhere = (await h.service.explorePage({ dataset: 'login_history' })).total;
    expect(everywhere).toBeGreaterThan(inFirst);
    await go('#/snapshot/1?dataset=login_history');
    const count = page.getByTestId('table-count');
    await count.getByText(`${inFirst} records in snapshot #1`).waitFor();
    const scope = page.getByRole('radiogroup', { name: 'Which records' });
    expect(await scope.getByRole('radio', { name: 'This snapshot' }).isChecked()).toBe(true);
    await scope.getByRole('radio', { name: 'All snapshots' }).check();
    await page.waitForFunction(() => document.defaultView.location.hash.includes('scope=all'));
    await count.getByText(new RegExp(`^${everywhere} records`)).waitFor();
    // facets follow the scope
    await page.reload();
    await count.getByText(new RegExp(`^${everywhere} records`)).waitFor();
    await scope.getByRole('radio', { name: 'This snapshot' }).check();
    await count.getByText(`${inFirst} records in snapshot #1`).waitFor();
    expect(await hash()).not.toContain('scope=all');
    // the second snapshot's page shows its own
    const inSecond = (await h.service.explorePage({ dataset: 'login_history', snapshotId: second })).total;
    await go(`#/snapshot/${second}?dataset=login_history`);
    await count.getByText(`${inSecond} records in snapshot #${second}`).waitFor();
    await noErrors();
  });

  it('passes axe and is photographed in both languages, light and dark, at two sizes', async () => {
    const { page } = h;
    const problems: string[] = [];
    const recordId = (await h.service.search({ query: 'song' })).hits[0]!.recordId;
    const loginId = (await h.service.explorePage({ dataset: 'login_history', where: [{ field: 'networkType', values: ['Wi-Fi'] }], limit: 1 })).rows[0]!.id;
    mkdirSync(SHOTS, { recursive: true });
    for (const lang of ['en', 'sv'] as const) {
      await page.evaluate((l: string) => document.defaultView.localStorage.setItem('footprint.lang', l), lang);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await go('#/overview');
          await page.reload();
          await go(`#/search?q=song&record=${recordId}`);
          await page.getByTestId('record-detail').locator('dl').waitFor();
          const tag = `${lang}-${scheme}-${size.width}x${size.height}`;
          await page.screenshot({ path: join(SHOTS, `explore-${tag}-search.png`) });
          if (scheme === 'light' && size.width === 1280) problems.push(...(await axeProblems(h, `${tag} search`)));
          await go(`#/snapshot/1?dataset=login_history&sort=deviceModel&where=networkType%3AWi-Fi&record=${loginId}`);
          await page.getByTestId('record-detail').locator('dl').waitFor();
          await page.locator('summary').first().click();
          // the table at the top of the page's own scroll area (scrollIntoView would scroll the window too)
          await page.locator('section.records').evaluate((el: any) => {
            const main = el.closest('main');
            main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 12;
          });
          // only the page's own area scrolls: nothing (a hidden label) makes the window itself scroll
          expect(await page.evaluate(() => document.scrollingElement.scrollHeight - document.defaultView.innerHeight)).toBe(0);
          // the scope toggle stays in reach beside the open record (a small window's sheet lies over the table only)
          for (const id of ['scope-snapshot', 'scope-all']) {
            const reachable = await page.getByTestId(id).evaluate((el: any) => {
              const r = el.closest('label').getBoundingClientRect();
              return el.closest('label').contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
            });
            expect(reachable, `${tag} ${id}`).toBe(true);
          }
          // and the table's own Close, scrolled to where the sheet lies beside it (the sheet starts 84 px down)
          const closeTable = page.locator('section.records > header button');
          expect(
            await closeTable.evaluate((el: any) => {
              const main = el.closest('main');
              const was = main.scrollTop;
              main.scrollTop += el.getBoundingClientRect().top - 120;
              const r = el.getBoundingClientRect();
              const reachable = el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
              main.scrollTop = was;
              return reachable;
            }),
            `${tag} the table's Close`,
          ).toBe(true);
          await page.screenshot({ path: join(SHOTS, `explore-${tag}-table.png`) });
          if (scheme === 'light' && size.width === 1280) problems.push(...(await axeProblems(h, `${tag} table`)));
          await page.getByTestId('scope-all').check(); // a real click where the pointer lands, the record still open
          await page.waitForFunction(() => document.defaultView.location.hash.includes('scope=all'));
        }
      }
    }
    await page.evaluate(() => document.defaultView.localStorage.removeItem('footprint.lang'));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(SIZES[0]);
    expect(problems).toEqual([]);
    await noErrors();
  }, 120_000);
});
