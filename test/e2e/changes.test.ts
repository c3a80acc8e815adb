// The Changes view end to end: three generated exports of one account whose differences are known
// (laterAccount flips "Private Account" and logs in from a brand-new device; the second export
// signs in from three new Google addresses in the US, the third from two more), imported through
// the window; the view must show what the real service's diffSnapshots computes, let any two
// exports be compared, and remember "this was me" across the third import.
// Screenshots: /tmp/footprint-e2e-changes*.png (FOOTPRINT_E2E_SHOTS=<dir> to change), and every
// part in both languages, light and dark, at 1280x800 and 800x600:
// test-results/screens/changes-<lang>-<scheme>-<size>-<part>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotDiff } from '../../src/shared/contract';
import { translator } from '../../src/shared/i18n';
import { alertMessage } from '../../src/shared/i18n/words';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, screenshotter, closeApp } from './harness';
import { shootParts } from './audit';

 
declare const document: any;
declare const location: any;

const shot = screenshotter('');
const SHOTS = join(ROOT, 'test-results', 'screens');
const HOME = '81.2.69.160'; // GB, AS20712
const GOOGLE = 'new-ip\u001fAS15169|US';


describe.skipIf(!chromiumAvailable)('changes between two snapshots (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let first: string;
  let second: string;
  let third: string;
  let diff: SnapshotDiff;
  const problems: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-changes-'));
    const a = generateAccount({ seed: 5, asOf: '2026-01-10 12:00:00' });
    a.settings['Private Account'] = 'Disabled';
    for (const l of a.records.login_history) l.ip = HOME;
    const known = a.records.login_history[0]!;
    const login = (date: string, ip: string) => ({ date, ip, deviceModel: known.deviceModel, deviceSystem: known.deviceSystem, networkType: known.networkType, carrier: known.carrier });
    const b = laterAccount(a, { days: 60, seed: 'e2e-changes' });
    expect(b.settings['Private Account']).toBe('Enabled');
    for (const l of b.records.login_history) if (!a.records.login_history.some((x) => x.date === l.date)) l.ip = HOME;
    b.records.login_history.push(login('2026-02-01 08:00:00', '8.8.8.8'), login('2026-02-02 08:00:00', '8.8.4.4'), login('2026-02-03 08:00:00', '8.8.8.9'));
    const c = laterAccount(b, { days: 40, seed: 'e2e-changes-c' });
    for (const l of c.records.login_history) if (!b.records.login_history.some((x) => x.date === l.date)) l.ip = HOME;
    c.records.login_history.push(login('2026-03-20 08:00:00', '8.8.4.5'), login('2026-03-21 08:00:00', '2001:4860:4860::8888'));
    first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    third = await writeZip(renderJson(c, 'L4'), join(work, 'c'), { epoch: exportEpoch(c) });
    build = buildApp();
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: work });
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('says plainly that one snapshot has nothing to compare with', async () => {
    const { page } = h;
    h.setNextChoice(first);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    await page.getByText('There is only one snapshot, so there is nothing to compare yet.').waitFor();
  });

  it('shows the settings change, the new device and the counts diffSnapshots computes', async () => {
    const { page } = h;
    h.setNextChoice(second);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    await expect(page.locator('nav.snapshots li').count()).resolves.toBe(2);
    // the view stays on Changes, now for the new snapshot against the one before it
    await expect(page.getByRole('link', { name: 'Changes', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    // and the route says so: reload and Back keep the place
    expect(new URL(page.url()).hash).toBe('#/changes?to=2');
    diff = await h.service.diffSnapshots({ from: 1, to: 2 });
    expect([diff.from, diff.to]).toEqual([1, 2]);
    await page.getByRole('heading', { name: 'What changed' }).waitFor();
    await page.locator('[data-testid="changes-headline"]').waitFor();

    // settings: old → new by what the values mean, the export's own words on hover, the direction in words
    const priv = page.locator('tr[data-setting="Private Account"]');
    await priv.waitFor();
    const privText = await priv.innerText();
    expect(privText).toMatch(/Off\s*→?\s*On/);
    expect(privText).toContain('More private');
    await expect(priv.locator('td.old').getAttribute('title')).resolves.toBe('Disabled');
    await expect(priv.locator('td.new-value').getAttribute('title')).resolves.toBe('Enabled');
    for (const s of diff.settings) {
      const row = page.locator(`tr[data-setting="${s.key}"]`);
      await expect(row.innerText()).resolves.toContain(s.direction === 'more-private' ? 'More private' : s.direction === 'less-private' ? 'Less private' : 'No privacy effect');
    }

    // a new-device alert, with its evidence
    const newDevice = diff.alerts.filter((x) => x.kind === 'new-device');
    expect(newDevice.length).toBeGreaterThan(0);
    const group = page.locator('[data-alert-kind="new-device"]');
    await expect(group.innerText()).resolves.toContain(alertMessage(translator('en'), newDevice[0]!));
    await expect(group.innerText()).resolves.toMatch(/Seen in snapshot #2 \(exported .+\) · first on /);
    // security alerts come before the settings
    const order = await page.evaluate(() => {
      const alerts = document.querySelector('[data-alert-kind="new-device"]');
      const settings = document.getElementById('changes-settings-title');
      return alerts.compareDocumentPosition(settings) & 4; // DOCUMENT_POSITION_FOLLOWING
    });
    expect(order).toBe(4);

    // added / gone per dataset, exactly as diffSnapshots says
    const changed = Object.entries(diff.datasets).filter(([, c]) => c.added > 0 || c.gone > 0);
    expect(changed.length).toBeGreaterThan(0);
    for (const [id, c] of changed) {
      const cell = (kind: string) => page.locator(`table.datasets tr[data-dataset="${id}"] td[data-kind="${kind}"]`).innerText();
      await expect(cell('added'), `${id} added`).resolves.toBe(String(c.added));
      await expect(cell('gone'), `${id} gone`).resolves.toBe(String(c.gone));
      await expect(cell('agedOut'), `${id} aged out`).resolves.toBe(String(c.agedOut));
      await expect(cell('vanished'), `${id} vanished`).resolves.toBe(String(c.vanished));
    }
    await expect(page.getByText('Aged out', { exact: true }).first().isVisible()).resolves.toBe(true);
    await shot(h, 'footprint-e2e-changes');
    // further down: settings, profile, the per-dataset table
    await page.locator('#changes-settings-title').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('changes-settings-title').scrollIntoView({ block: 'start' }));
    await shot(h, 'footprint-e2e-changes-2');
    await page.evaluate(() => document.getElementById('datasets-changes-title').scrollIntoView({ block: 'start' }));
    await shot(h, 'footprint-e2e-changes-3');
  });

  it('lists the records behind a number, paged, and hands focus back', async () => {
    const { page } = h;
    const [id, c] = Object.entries(diff.datasets)
      .filter(([, x]) => x.added > 0)
      .sort((x, y) => y[1].added - x[1].added)[0]!;
    const label = translator('en').t(`dataset.${id}` as never);
    const button = page.locator(`table.datasets tr[data-dataset="${id}"] td[data-kind="added"] button`);
    await button.click();
    const panel = page.locator('section.diff-records');
    await panel.getByRole('heading', { name: `${label}: added` }).waitFor();
    const expected = await h.service.diffRecords({ from: 1, to: 2, dataset: id, kind: 'added', limit: 50 });
    expect(expected.total).toBe(c.added);
    await page.waitForFunction((n: number) => document.querySelectorAll('section.diff-records tbody tr').length === n, Math.min(50, c.added));
    await expect(panel.locator('.pager .status').innerText()).resolves.toBe(`Showing 1–${Math.min(50, c.added)} of ${c.added}`);
    await page.getByRole('button', { name: `Close the added ${label} records` }).click();
    await expect(panel.count()).resolves.toBe(0);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Show '));

    // the keyboard opens a "gone" list too
    const [goneId] = Object.entries(diff.datasets).find(([, x]) => x.gone > 0)!;
    const goneButton = page.locator(`table.datasets tr[data-dataset="${goneId}"] td[data-kind="gone"] button`);
    await goneButton.focus();
    await page.keyboard.press('Enter');
    await page.locator('section.diff-records tbody tr').first().waitFor();
    await shot(h, 'footprint-e2e-changes-records');
  });

  it('lists every alert once, most important first, each with what to do if it was not you', async () => {
    const { page } = h;
    const check = page.locator('#changes-check');
    const items = check.locator('li[data-alert-subject]');
    await expect(items.count()).resolves.toBe(diff.alerts.length);
    const kinds = await items.evaluateAll((els: any[]) => els.map((e) => e.getAttribute('data-alert-kind')));
    expect(kinds).toEqual(diff.alerts.map((a) => a.kind));
    // three new Google addresses in the US: one alert, the addresses counted, not three
    const google = diff.alerts.filter((a) => `${a.decisionKind}\u001f${a.key}` === GOOGLE);
    expect(google).toHaveLength(1);
    expect(google[0]).toMatchObject({ kind: 'new-country', severity: 'high', params: { addresses: 3 } });
    const item = check.locator(`li[data-alert-subject="${GOOGLE}"]`);
    await expect(item.innerText()).resolves.toContain(alertMessage(translator('en'), google[0]!));
    // the advice opens from the keyboard
    await item.locator('summary').focus();
    await page.keyboard.press('Enter');
    await item.getByText('Log out devices you do not know: Security and permissions (older apps: Security) → Manage devices → remove each one.').waitFor();
    await item.locator('summary').scrollIntoViewIfNeeded();
    await shot(h, 'footprint-e2e-changes-advice');
    await shootAll('en', '1-check', () => item.scrollIntoViewIfNeeded());
  });

  it('remembers "this was me": the alert moves to the decided ones, and the headline stops counting it', async () => {
    const { page } = h;
    const item = page.locator(`#changes-check li[data-alert-subject="${GOOGLE}"]`);
    const open = diff.alerts.filter((a) => a.decision === null).length;
    await expect(page.locator('#changes-check-title').innerText()).resolves.toBe(`Alerts to check (${open})`);
    await item.getByRole('button', { name: 'This was me' }).click();
    const decided = page.locator(`#changes-decided li[data-alert-subject="${GOOGLE}"]`);
    await decided.waitFor();
    await expect(decided.getAttribute('data-decision')).resolves.toBe('me');
    await expect(page.locator(`#changes-check li[data-alert-subject="${GOOGLE}"]`).count()).resolves.toBe(0);
    await expect(page.locator('#changes-check-title').innerText()).resolves.toBe(`Alerts to check (${open - 1})`);
    // focus went on to the next alert to check, not to the top of the page
    await page.waitForFunction(() => document.activeElement?.closest('#changes-check li[data-alert-subject]') !== null);
    // the archive holds it
    const now = await h.service.diffSnapshots({ from: 1, to: 2 });
    expect(now.alerts.find((a) => `${a.decisionKind}\u001f${a.key}` === GOOGLE)!.decision).toMatchObject({ decision: 'me' });
    const t = await h.service.timeline({});
    expect(t.at(-1)!.headline!.decidedAlerts).toBe(1);
    await expect(page.locator('li[data-timeline="2"]').innerText()).resolves.toContain(`${open - 1} alerts to check · 1 decided`);
    await decided.scrollIntoViewIfNeeded();
    await shootAll('en', '2-decided', () => decided.scrollIntoViewIfNeeded());
  });

  it('a third export showing the same network again does not raise it again', async () => {
    const { page } = h;
    h.setNextChoice(third);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    expect(new URL(page.url()).hash).toBe('#/changes?to=3');
    const latest = await h.service.diffSnapshots({ from: 2, to: 3 });
    const google = latest.alerts.find((a) => `${a.decisionKind}\u001f${a.key}` === GOOGLE)!;
    expect(google).toMatchObject({ kind: 'new-ip', params: { addresses: 2 }, decision: { decision: 'me' } });
    const decided = page.locator(`#changes-decided li[data-alert-subject="${GOOGLE}"]`);
    await decided.waitFor();
    await expect(decided.innerText()).resolves.toContain(alertMessage(translator('en'), google));
    await expect(page.locator(`#changes-check li[data-alert-subject="${GOOGLE}"]`).count()).resolves.toBe(0);
    const open = latest.alerts.filter((a) => a.decision === null).length;
    await expect(page.locator('[data-testid="changes-headline"]').innerText()).resolves.toMatch(new RegExp(`^${open === 0 ? 'Nothing to check' : `${open} alerts? to check`}`));
  });

  it('compares any two exports, older first: a choice the other way round is swapped', async () => {
    const { page } = h;
    await expect(page.getByLabel('From (older)').inputValue()).resolves.toBe('2');
    await expect(page.getByLabel('To (newer)').inputValue()).resolves.toBe('3');
    await page.getByLabel('To (newer)').selectOption('1');
    await page.waitForFunction(() => location.hash === '#/changes?from=1&to=2');
    await page.getByText('The older export goes first, so the two were swapped.').waitFor();
    await page.getByLabel('To (newer)').selectOption('3');
    await page.waitForFunction(() => location.hash === '#/changes?from=1&to=3');
    await expect(page.getByLabel('From (older)').inputValue()).resolves.toBe('1');
    const d = await h.service.diffSnapshots({ from: 1, to: 3 });
    await page.getByText('Snapshot #3 (exported').first().waitFor();
    // A against C: the Google addresses are a new country again, and still decided
    expect(d.alerts.find((a) => `${a.decisionKind}\u001f${a.key}` === GOOGLE)).toMatchObject({ kind: 'new-country', decision: { decision: 'me' } });
    const decided = page.locator(`#changes-decided li[data-alert-subject="${GOOGLE}"]`);
    await decided.waitFor();
    await expect(decided.getAttribute('data-alert-kind')).resolves.toBe('new-country');
    await expect(page.locator('#changes-check li[data-alert-subject]').count()).resolves.toBe(d.alerts.filter((a) => a.decision === null).length);
    // a typed address the wrong way round is put in order too
    await page.evaluate(() => (location.hash = '#/changes?from=3&to=1'));
    await page.waitForFunction(() => location.hash === '#/changes?from=1&to=3');
    await page.locator('#changes-title').scrollIntoViewIfNeeded();
    await shootAll('en', '3-pair');
    // the timeline and what is still there after deletion are on the page, reachable from the top
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('button', { name: 'Your exports over time' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'changes-timeline-title');
    await expect(page.locator('li[data-timeline]').count()).resolves.toBe(3);
    await page.getByText('The older export goes first, so the two were swapped.').waitFor();
    await page.getByRole('link', { name: 'Compare #2 with #1' }).click();
    await page.waitForFunction(() => location.hash === '#/changes?from=1&to=2');
    // another pair, not swapped: the note is gone
    await page.waitForFunction(() => !document.body.innerText.includes('so the two were swapped'));
    // a comment marked deleted before the third export, which still holds it: listed, with a link to it
    const comment = (await h.service.listRecords({ dataset: 'comments', snapshotId: 3, limit: 1 })).rows[0]!;
    await h.service.markDeleted({ recordId: comment.id, deletedAt: '2026-03-15' });
    const findings = await h.service.stillThere({});
    expect(findings.some((f) => f.foundRecordId === comment.id && f.snapshotId === 3)).toBe(true);
    await page.reload();
    const still = page.locator('#changes-still li[data-still-there="3"]');
    await still.first().waitFor();
    await expect(still.first().innerText()).resolves.toContain('A record you deleted on 15 Mar 2026 is still in this export');
    await page.locator('#changes-still-title').scrollIntoViewIfNeeded();
    await shootAll('en', '4-history', () => page.locator('#changes-still-title').scrollIntoViewIfNeeded());
    await still.first().getByRole('link', { name: 'In export #3' }).click();
    await page.waitForFunction((id: number) => location.hash.startsWith('#/snapshot/3?') && location.hash.includes(`record=${id}`), comment.id);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/changes?from=1&to=2');
  });

  it('undoes a decision: the alert is back among those to check', async () => {
    const { page } = h;
    const decided = page.locator(`#changes-decided li[data-alert-subject="${GOOGLE}"]`);
    await decided.getByRole('button', { name: 'Undo' }).click();
    await page.locator(`#changes-check li[data-alert-subject="${GOOGLE}"]`).waitFor();
    const d = await h.service.diffSnapshots({ from: 1, to: 2 });
    expect(d.alerts.find((a) => `${a.decisionKind}\u001f${a.key}` === GOOGLE)!.decision).toBeNull();
    // and marked resolved from the keyboard
    await page.locator(`#changes-check li[data-alert-subject="${GOOGLE}"]`).getByRole('button', { name: 'Resolved' }).focus();
    await page.keyboard.press('Enter');
    await page.locator(`#changes-decided li[data-alert-subject="${GOOGLE}"][data-decision="resolved"]`).waitFor();
  });

  it('speaks Swedish on every part', async () => {
    const { page } = h;
    await page.evaluate(() => document.defaultView.localStorage.setItem('footprint.lang', 'sv'));
    await page.evaluate(() => (location.hash = '#/changes?from=1&to=2'));
    await page.reload();
    await page.getByRole('heading', { name: /^Att kontrollera/ }).waitFor();
    await expect(page.getByLabel('Från (äldre)').inputValue()).resolves.toBe('1');
    const item = page.locator('#changes-check li[data-alert-subject]').first();
    await item.locator('summary').click();
    await item.getByText('Byt lösenord: Konto → Lösenord. Välj ett som du inte använder någon annanstans.').or(item.locator('ol li').first()).first().waitFor();
    await shootAll('sv', '1-check', () => item.scrollIntoViewIfNeeded());
    const decided = page.locator(`#changes-decided li[data-alert-subject="${GOOGLE}"]`);
    await decided.getByText(/Du markerade det som åtgärdat/).waitFor();
    await shootAll('sv', '2-decided', () => decided.scrollIntoViewIfNeeded());
    await page.locator('#changes-title').scrollIntoViewIfNeeded();
    await shootAll('sv', '3-pair', () => page.locator('#changes-title').scrollIntoViewIfNeeded());
    await page.getByRole('heading', { name: 'Dina exporter över tid' }).waitFor();
    await shootAll('sv', '4-history', () => page.locator('#changes-still-title').scrollIntoViewIfNeeded());
    await page.evaluate(() => document.defaultView.localStorage.removeItem('footprint.lang'));
    await page.reload();
    await page.getByRole('heading', { name: /^Alerts to check/ }).waitFor();
  });

  it('axe-core finds no serious or critical problem on any part photographed at 1280x800', () => {
    expect(problems).toEqual([]);
  });

  it('looks right in dark mode, and the oldest snapshot says there is nothing before it', async () => {
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.page.evaluate(() => document.getElementById('changes-title').scrollIntoView({ block: 'start' }));
    await h.page.waitForTimeout(400); // let the buttons' background transition finish
    await shot(h, 'footprint-e2e-changes-dark');
    await h.page.emulateMedia({ colorScheme: 'light' });
    await h.page.evaluate(() => (location.hash = '#/changes'));
    await h.page.locator('#snapshot-1').click();
    await h.page.getByText('This is your oldest export: there is nothing before it to compare with.').waitFor();
  });

  it('never left 127.0.0.1, no CSP violation, no page error', async () => {
    expect(h.offending()).toEqual([]);
    expect(await h.cspViolations()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });

  /** One part in every size and colour scheme (audit.ts shootParts). */
  const shootAll = (lang: string, part: string, ready?: () => Promise<unknown>) => shootParts(h, { dir: SHOTS, page: 'changes', lang, part, problems, ready });
});
