// The Checklists page end to end, against the real service: the questionnaire saved and kept, a
// step marked done and kept over a reload, a second export that flips "Private Account" back (the
// step needs attention, first and highlighted, and Changes carries the setting-regressed alert
// that links back to it), a rights letter copied to the clipboard and a request noted and
// answered. axe-core scans the page; screenshots in both languages, light and dark, 1280x800 and
// 800x600: test-results/screens/<lang>-<scheme>-<size>-checklists*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChecklistStep, ChecklistView } from '../../src/shared/contract';
import { translator, type MessageKey, type MessageParams } from '../../src/shared/i18n';
import { alertMessage } from '../../src/shared/i18n/words';
import { generateAccount, laterAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, closeApp } from './harness';
import { axeProblems, SCHEMES, SIZES } from './audit';

declare const document: any, navigator: any;

const SHOTS = join(ROOT, 'test-results', 'screens');
const en = translator('en');

const stepOf = (v: ChecklistView, id: string): ChecklistStep | undefined => v.checklists.flatMap((c) => c.steps).find((s) => s.id === id);

/** Goes to a place on the Checklists page and scrolls to its top. */
async function show(page: AppHarness['page'], hash: string): Promise<void> {
  await page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);
  await page.locator('main.content').evaluate((e: any) => e.scrollTo(0, 0));
  await page.waitForTimeout(100);
}


describe.skipIf(!chromiumAvailable)('the Checklists page (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  let first: string;
  let second: string;
  /** a step no export decides, marked done by hand */
  let manual: ChecklistStep;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-checklists-'));
    const a = generateAccount({ seed: 31, asOf: '2026-01-10 12:00:00' });
    a.settings['Private Account'] = 'Enabled';
    const b = laterAccount(a, { days: 40, seed: 'e2e-checklists' });
    expect(b.settings['Private Account']).toBe('Disabled'); // laterAccount flips it back to public
    first = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    second = await writeZip(renderJson(b, 'L4'), join(work, 'b'), { epoch: exportEpoch(b) });
    build = buildApp();
    h = await launchApp({ rendererDir: join(build.outDir, 'renderer'), workDir: work });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  const card = (id: string) => h.page.locator(`li[data-step="${id}"]`);

  it('saves the questionnaire from the keyboard and keeps it', async () => {
    const { page } = h;
    h.setNextChoice(first);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    await page.getByRole('link', { name: 'Checklists', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#/checklists');
    await page.getByRole('heading', { name: 'Make your account safer' }).waitFor();
    const q = page.locator('[data-testid="questionnaire"]');
    await q.getByText('Answer the questions so the list fits you').waitFor();
    // keyboard only: a radio group takes Space on its first option, arrows move within it
    await q.getByRole('radio', { name: '13–15' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // 18 or older
    await q.getByRole('group', { name: 'Where do you live?' }).getByRole('radio', { name: 'In the EU, the EEA or the UK' }).focus();
    await page.keyboard.press('Space');
    await q.getByRole('radio', { name: 'I post videos' }).focus();
    await page.keyboard.press('Space');
    await q.getByRole('group', { name: 'Do you use direct messages?' }).getByRole('radio', { name: 'Yes' }).focus();
    await page.keyboard.press('Space');
    await q.getByRole('radio', { name: 'iPhone' }).focus();
    await page.keyboard.press('Space');
    // an adult is asked about a teen of theirs (Family Pairing); a teen is not
    await q.getByRole('group', { name: 'Is a child of yours aged 13 to 17 on TikTok?' }).getByRole('radio', { name: 'No' }).focus();
    await page.keyboard.press('Space');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'en-light-1280x820-checklists-questionnaire.png') });
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement.textContent.trim())).toBe('Save answers');
    await page.keyboard.press('Enter');
    await q.getByText('Answers saved.').waitFor();
    await q.getByRole('button', { name: 'Change answers' }).waitFor();
    const v = await h.service.checklist({});
    expect(v.answers).toEqual({ ageGroup: '18-plus', region: 'eea-uk', role: 'creator', usesDms: true, phone: 'ios', parent: false });
    expect(v.hidden).toContain('family-pairing');
    await expect(q.innerText()).resolves.toContain('No teen of yours on TikTok');
  });

  it('shows what the export verified, and keeps a step marked done over a reload', async () => {
    const { page } = h;
    const v = await h.service.checklist({});
    const priv = stepOf(v, 'private-account')!;
    expect(priv).toMatchObject({ status: 'done', verifiedBy: 'snapshot', observed: 'Enabled', snapshot: 1 });
    await expect.poll(() => card('private-account').getAttribute('data-status')).toBe('done');
    const privText = await card('private-account').innerText();
    expect(privText).toContain('Checked in your export');
    // the value worded in the window's language, the export's own word on hover
    expect(privText).toContain('Your export shows this is done (On).');
    await expect(card('private-account').locator('.verdict [data-raw]').getAttribute('title')).resolves.toBe('In the export: “Enabled”');
    expect(privText).toMatch(/Checked in snapshot #1, exported .+\./);
    // exported in January, so older than the content's 90 days: marked out of date
    expect(privText).toContain('Out of date');

    // the "do this first" step names a real step
    const firstCard = page.locator('[data-testid="first"]');
    await expect(firstCard.innerText()).resolves.toContain(en.t(stepOf(v, v.first!)!.title as MessageKey));

    manual = v.checklists.flatMap((c) => c.steps).find((s) => s.status === 'todo' && s.verifiedBy === null && s.id !== v.first)!;
    expect(manual).toBeDefined();
    const c = card(manual.id);
    const toggle = c.locator('button.toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    // why, the trade-off and the iPhone path are shown
    const text = await c.innerText();
    expect(text).toContain('Why');
    expect(text).toContain('What you give up');
    expect(text).toContain('Where to find it (iPhone)');
    await c.locator('[data-action="done"]').click();
    await page.locator(`li[data-step="${manual.id}"][data-status="done"]`).waitFor();
    // focus stays on the button pressed
    await expect.poll(() => page.evaluate(() => document.activeElement?.dataset?.action)).toBe('done');
    await c.locator('textarea').fill('Done on my phone');
    await c.getByRole('button', { name: 'Save note' }).click();
    await c.getByText('Note saved.').waitFor();

    await page.reload();
    await page.locator(`li[data-step="${manual.id}"][data-status="done"]`).waitFor();
    await expect(card(manual.id).innerText()).resolves.toMatch(/You marked this on /);
    const after = stepOf(await h.service.checklist({}), manual.id)!;
    expect(after).toMatchObject({ status: 'done', verifiedBy: 'user', note: 'Done on my phone' });
    expect(h.pageErrors).toEqual([]);
  });

  it('a second export that flips Private Account back: the step needs attention, first and highlighted; Changes carries the alert and links to the step', async () => {
    const { page } = h;
    h.setNextChoice(second);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await page.getByText('Import finished').waitFor();
    // the page stays on Checklists and re-verifies
    expect(new URL(page.url()).hash).toBe('#/checklists');
    await page.locator('li[data-step="private-account"][data-status="needs-attention"]').waitFor();
    const c = card('private-account');
    await expect(c.innerText()).resolves.toContain('Needs attention');
    await expect(c.innerText()).resolves.toContain('Your export shows this is not done yet (Off).');
    await expect(c.locator('.verdict [data-raw]').getAttribute('title')).resolves.toBe('In the export: “Disabled”');
    await expect(c.innerText()).resolves.toMatch(/Checked in snapshot #2, exported .+\./);
    await expect.poll(() => c.evaluate((e: any) => e.classList.contains('attention'))).toBe(true);
    // first in its area, and its area first
    await expect.poll(() => page.locator('section.area').first().getAttribute('data-area')).toBe('visibility');
    await expect.poll(() => page.locator('section[data-area="visibility"] li.step').first().getAttribute('data-step')).toBe('private-account');
    // the manual mark is kept
    await expect.poll(() => card(manual.id).getAttribute('data-status')).toBe('done');

    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    const group = page.locator('[data-alert-kind="setting-regressed"]');
    await group.waitFor();
    const diff = await h.service.diffSnapshots({});
    const alert = diff.alerts.find((a) => a.kind === 'setting-regressed')!;
    expect(alert.params).toMatchObject({ step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled' });
    await expect(group.innerText()).resolves.toContain(alertMessage(en, alert));
    // among the alerts to check, first (a setting changed back matters most)
    await expect(page.locator('#changes-check li[data-alert-kind]').first().getAttribute('data-alert-kind')).resolves.toMatch(/^(setting-regressed|new-device|new-country|still-there-after-deletion)$/);
    mkdirSync(SHOTS, { recursive: true });
    await group.evaluate((e: any) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'en-light-1280x820-changes-regressed.png') });
    await group.getByRole('link', { name: 'Open the step on the Checklists page' }).click();
    expect(new URL(page.url()).hash).toBe('#/checklists?step=private-account');
    await page.locator('li[data-step="private-account"].target').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset?.step)).toBe('private-account');

    // another flagged step confirmed done by hand: it moves below the flagged ones, the keyboard stays on it
    const other = (await h.service.checklist({})).checklists
      .flatMap((x) => x.steps)
      .find((s) => s.status === 'needs-attention' && s.id !== 'private-account')!;
    expect(other).toBeDefined();
    await card(other.id).locator('[data-action="done"]').click();
    await page.locator(`li[data-step="${other.id}"][data-status="done"]`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.dataset?.step)).toBe(other.id);
    await expect.poll(() => page.evaluate(() => document.activeElement?.dataset?.action)).toBe('done');
    await page.getByRole('status').filter({ hasText: `“${en.t(other.title as MessageKey)}”: Done.` }).waitFor({ state: 'attached' });
  });

  it('copies the rights letter worded in the window’s language, notes it as sent and answered', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Your rights', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#/checklists?section=rights');
    const rights = page.locator('[data-testid="rights"]');
    await rights.getByRole('radio', { name: en.t('rights.request.deletion') }).check();
    const letter = await h.service.rightsText({ kind: 'deletion' });
    expect(letter.law).toBe('gdpr');
    const say = (m: { key: string; params: Record<string, string> }) => en.t(m.key as MessageKey, m.params as MessageParams);
    await rights.locator('[data-testid="rights-letter"]').getByText(say(letter.subject), { exact: false }).waitFor();
    await rights.getByRole('button', { name: 'Copy the letter' }).click();
    await rights.getByText('Copied. Paste it into an email to TikTok.').waitFor();
    const copied: string = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`Subject: ${say(letter.subject)}`);
    expect(copied).toContain(say(letter.body));
    for (const line of letter.identity) expect(copied).toContain(say(line));

    // sent two months ago: past the GDPR's month, so overdue
    const d = new Date();
    d.setUTCMonth(d.getUTCMonth() - 2);
    const sentOn = d.toISOString().slice(0, 10);
    await rights.getByLabel('I sent it on').fill(sentOn);
    await rights.getByRole('button', { name: 'Note it' }).click();
    await rights.getByText(/^Noted\. TikTok must answer by /).waitFor();
    const [req] = await h.service.listRightsRequests({});
    expect(req).toMatchObject({ kind: 'deletion', sentOn, lang: 'en', overdue: true, answeredOn: null });
    const row = rights.locator(`tr[data-request="${req!.id}"]`);
    await expect(row.innerText()).resolves.toContain('Overdue: remind TikTok');
    await row.getByRole('button', { name: 'Answered today' }).click();
    await row.getByText(/^Answered on /).waitFor();
    expect((await h.service.listRightsRequests({}))[0]!.answeredOn).not.toBeNull();

    // a request sent between the two exports: the later one is set against what was asked
    await rights.getByLabel('I sent it on').fill('2026-01-15');
    await rights.getByRole('button', { name: 'Note it' }).click();
    const early = (await h.service.listRightsRequests({})).find((x) => x.sentOn === '2026-01-15')!;
    expect(early.laterExport).toMatchObject({ snapshot: 2 });
    const later = rights.locator(`tr[data-later="${early.id}"]`);
    await expect(later.innerText()).resolves.toMatch(
      new RegExp(`^Snapshot #2, exported .+ after you asked, still holds ${early.laterExport!.datasets.length} datasets\\.`),
    );
    mkdirSync(SHOTS, { recursive: true });
    await later.evaluate((e: any) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'en-light-1280x820-checklists-rights-sent.png') });
    expect(h.pageErrors).toEqual([]);
  });

  it('sets the fresh-export and re-check reminders from the keyboard and shows when they are due', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Steps', exact: true }).click();
    const r = page.locator('[data-testid="reminders"]');
    await r.waitFor();
    // the exports are from early 2026: past the default 90 days, a fresh one is due
    const banner = page.locator('[data-testid="fresh-export-due"]');
    await expect(banner.innerText()).resolves.toMatch(/Your latest export is \d+ days old\. Request a fresh one every 90 days/);
    await expect(r.locator('[data-reminder="fresh-export"]').innerText()).resolves.toContain('Due now');
    mkdirSync(SHOTS, { recursive: true });
    await banner.evaluate((e: any) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'en-light-1280x820-checklists-fresh-due.png') });
    // the banner's button brings the keyboard to the reminders
    await banner.getByRole('button', { name: 'Change the reminder' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reminder-fresh-export');
    await r.getByLabel('Request a fresh export').selectOption({ label: 'Every 365 days' });
    await r.getByLabel('Check again: Who can see you').selectOption({ label: 'Every 30 days' });
    await r.getByRole('button', { name: 'Save reminders' }).click();
    await r.getByText('Reminders saved.').waitFor();
    const v = await h.service.checklist({});
    expect(v.freshExport).toMatchObject({ intervalDays: 365, chosen: true });
    expect(v.checklists.find((c) => c.id === 'visibility')!.reminder).toMatchObject({ intervalDays: 30, due: true });
    await page.locator('section[data-area="visibility"] [data-testid="recheck-due"]').waitFor();
    // a year after the latest export is not yet: the banner goes, the row names the day
    await expect.poll(() => banner.count()).toBe(v.freshExport.due ? 1 : 0);
    if (!v.freshExport.due) await expect(r.locator('[data-reminder="fresh-export"]').innerText()).resolves.toMatch(/Next on /);
    await page.reload();
    await expect(r.getByLabel('Request a fresh export').inputValue()).resolves.toBe('365');
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the guides, one at a time from the keyboard, leading to the Sharing page’s preview', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Guides', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#/checklists?section=guides');
    const guides = page.locator('[data-testid="guides"]');
    await guides.locator('[data-guide-shown="get-your-data"]').waitFor();
    const text = await guides.innerText();
    expect(text).toContain('Download it within 4 days');
    expect(text).toContain('The last 24–48 hours');
    // the person's own interval (365 days, set above)
    expect(text).toContain('older than 365 days');
    expect(text).not.toMatch(/\{\w+\}/);
    // the transfer guide leads to the preview of what an app would get
    const transfer = guides.locator('li[data-item="transfer"]');
    await expect(transfer.getByRole('link', { name: 'See what an app would get before you allow it' }).getAttribute('href')).resolves.toBe('#/sharing?section=preview');
    // another guide, by the keyboard
    await guides.getByRole('link', { name: 'Leaving TikTok' }).focus();
    await page.keyboard.press('Enter');
    await guides.locator('[data-guide-shown="leaving"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/checklists?section=guides&guide=leaving');
    await expect(guides.getByRole('link', { name: 'Leaving TikTok' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(guides.innerText()).resolves.toContain('30 days to change your mind');
    // each kind of link leads to its place: the guide to getting data out, the register, a deletion letter
    const hrefOf = (item: string) => guides.locator(`li[data-item="${item}"] a.go`).getAttribute('href');
    await expect(hrefOf('download-first')).resolves.toBe('#/checklists?section=guides&guide=get-your-data');
    await expect(hrefOf('apps-keep-copies')).resolves.toBe('#/sharing');
    await expect(hrefOf('ask-deletion')).resolves.toBe('#/checklists?section=rights&request=deletion');
    await guides.locator('li[data-item="ask-deletion"] a.go').click();
    await page.locator('[data-testid="rights"]').getByRole('radio', { name: en.t('rights.request.deletion') }).waitFor();
    await expect.poll(() => page.locator('[data-testid="rights"]').getByRole('radio', { name: en.t('rights.request.deletion') }).isChecked()).toBe(true);
    await page.goBack();
    await guides.locator('[data-guide-shown="leaving"]').waitFor();
    await guides.getByRole('link', { name: 'Before you authorize an app' }).click();
    await guides.locator('[data-guide-shown="before-authorize"]').waitFor();
    await guides.getByRole('link', { name: 'See what an app would get before you allow it' }).click();
    expect(new URL(page.url()).hash).toBe('#/sharing?section=preview');
    await page.goBack();
    await guides.locator('[data-guide-shown="before-authorize"]').waitFor();
    // the teen's guide: Family Pairing with its path on the person's phone
    await guides.getByRole('link', { name: 'A teen’s account' }).click();
    const pairing = guides.locator('li[data-item="family-pairing"]');
    await expect(pairing.innerText()).resolves.toContain('Where to find it (iPhone)');
    await expect(guides.innerText()).resolves.toContain('daily limit of 60 minutes');
    expect(h.pageErrors).toEqual([]);
  });

  it('axe finds nothing serious; screenshots in both languages, light and dark, two sizes', async () => {
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    for (const lang of ['en', 'sv'] as const) {
      await page.evaluate((l: string) => document.defaultView.localStorage.setItem('footprint.lang', l), lang);
      await page.evaluate(() => (document.defaultView.location.hash = '#/checklists'));
      await page.reload();
      await page.locator('li[data-step="private-account"]').waitFor();
      await page.waitForFunction((l: string) => document.documentElement.lang === l, lang);
      await expect.poll(() => page.locator('#checklists-title').innerText()).toBe(translator(lang).t('window.checklists.title'));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const scheme of SCHEMES) {
          await page.emulateMedia({ colorScheme: scheme });
          const name = `${lang}-${scheme}-${size.width}x${size.height}-checklists`;
          await show(page, '#/checklists');
          await page.locator('li[data-step="private-account"]').waitFor();
          await page.screenshot({ path: join(SHOTS, `${name}.png`) });
          await page.locator('[data-area="visibility"]').evaluate((e: any) => e.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: join(SHOTS, `${name}-steps.png`) });
          await page.locator('[data-testid="reminders"]').evaluate((e: any) => e.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: join(SHOTS, `${name}-reminders.png`) });
          if (size.width === 1280) problems.push(...(await axeProblems(h, name)));
          await show(page, '#/checklists?section=guides&guide=get-your-data');
          await page.locator('[data-guide-shown="get-your-data"]').waitFor();
          await page.screenshot({ path: join(SHOTS, `${name}-guides.png`) });
          if (size.width === 1280) problems.push(...(await axeProblems(h, `${name}-guides`)));
          await show(page, '#/checklists?section=rights');
          await page.locator('[data-testid="rights-letter"]').waitFor();
          await page.screenshot({ path: join(SHOTS, `${name}-rights.png`) });
          if (size.width === 1280) problems.push(...(await axeProblems(h, `${name}-rights`)));
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 820 });
    }
    expect(problems).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
    expect(await h.cspViolations()).toEqual([]);
    expect(h.offending()).toEqual([]);
  });
});
