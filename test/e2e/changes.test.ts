// The Changes view end to end: two generated exports of one account whose differences are known
// (laterAccount flips "Private Account" and logs in from a brand-new device), imported through the
// window; the view must show what the real service's diffSnapshots computes.
// Screenshots: /tmp/footprint-e2e-changes*.png (FOOTPRINT_E2E_SHOTS=<dir> to change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotDiff } from '../../src/shared/contract';
import { translator } from '../../src/shared/i18n';
import { alertMessage } from '../../src/shared/i18n/words';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, closeBrowser, launchApp, type AppHarness, screenshotter } from './harness';

 
declare const document: any;

const shot = screenshotter('');


describe.skipIf(!chromiumAvailable)('changes between two snapshots (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let first: string;
  let second: string;
  let diff: SnapshotDiff;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-changes-'));
    const a = generateAccount({ seed: 5, asOf: '2026-01-10 12:00:00' });
    a.settings['Private Account'] = 'Disabled';
    const b = laterAccount(a, { days: 60, seed: 'e2e-changes' });
    expect(b.settings['Private Account']).toBe('Enabled');
    first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    build = buildApp();
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: work });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    build?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

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

    // settings: old → new with the direction in words
    const priv = page.locator('tr[data-setting="Private Account"]');
    await priv.waitFor();
    const privText = await priv.innerText();
    expect(privText).toMatch(/Disabled\s*→?\s*Enabled/);
    expect(privText).toContain('More private');
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

  it('folds many alerts of one kind away until asked', async () => {
    const { page } = h;
    const byKind = new Map<string, number>();
    for (const a of diff.alerts) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
    for (const [kind, n] of byKind) {
      const group = page.locator(`[data-alert-kind="${kind}"]`);
      if (n <= 3) {
        await expect(group.locator('ul.items > li').count()).resolves.toBe(n);
        continue;
      }
      await expect(group.locator('ul.items > li').count()).resolves.toBe(3);
      await group.getByRole('button', { name: `Show all ${n}` }).click();
      await expect(group.locator('ul.items > li').count()).resolves.toBe(n);
    }
  });

  it('looks right in dark mode, and the oldest snapshot says there is nothing before it', async () => {
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.page.evaluate(() => document.getElementById('changes-title').scrollIntoView({ block: 'start' }));
    await h.page.waitForTimeout(400); // let the buttons' background transition finish
    await shot(h, 'footprint-e2e-changes-dark');
    await h.page.emulateMedia({ colorScheme: 'light' });
    await h.page.locator('#snapshot-1').click();
    await h.page.getByText('This is your oldest export: there is nothing before it to compare with.').waitFor();
  });

  it('never left 127.0.0.1, no CSP violation, no page error', async () => {
    expect(h.offending()).toEqual([]);
    expect(await h.cspViolations()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
