// The Sharing page end to end, in Chromium against the real service, on a generated export: an app
// added through the form shows what it reaches in that archive, is revoked, and keeps its history
// over a reload; a date in the future is refused next to its field and adds nothing; the parties'
// evidence opens the records; axe finds nothing serious; screenshots of every part in both
// languages, light and dark, at 1280x800 and 800x600: test-results/screens/sharing-<lang>-<scheme>-<size>-<part>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../../src/shared/i18n';
import { generateAccount } from '../fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../fixtures/json';
import { buildApp, chromiumAvailable, launchApp, ROOT, type AppHarness, showOverview, closeApp } from './harness';
import { localDay } from './fixture';
import { shootParts, expectClean } from './audit';
import { everyListItem } from '../fixtures/parties';

declare const document: any, requestAnimationFrame: (f: (t: number) => void) => number;

const SHOTS = process.env.FOOTPRINT_E2E_SHOTS || join(ROOT, 'test-results', 'screens');


describe.skipIf(!chromiumAvailable)('the Sharing page (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let h: AppHarness;
  const problems: string[] = [];
  const go = (hash: string) => h.page.evaluate((x: string) => (document.defaultView.location.hash = x), hash);
  const noErrors = () => expectClean(h);
  /** how many times the window asked each operation, and what it asked the parties for */
  const asked = new Map<string, number>();
  const partiesAsked: unknown[] = [];
  const count = (name: string) => asked.get(`fp:${name}`) ?? 0;
  /** while set, the register's answers wait for it (a slow reload after a change) */
  let registerHeld: Promise<void> | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-sharing-'));
    const a = generateAccount({ seed: 5, asOf: '2026-01-10 12:00:00' });
    const zip = await writeZip(renderJson(a, 'L4'), join(work, 'a'), { epoch: exportEpoch(a) });
    build = buildApp();
    mkdirSync(join(work, 'app'), { recursive: true });
    h = await launchApp({
      rendererDir: join(build.outDir, 'renderer'),
      workDir: join(work, 'app'),
      onOperation: (channel, input) => {
        asked.set(channel, (asked.get(channel) ?? 0) + 1);
        if (channel === 'fp:parties') partiesAsked.push(input);
        return () => {};
      },
      holdAnswer: (channel) => (channel === 'fp:listApps' ? registerHeld : undefined),
    });
    await h.service.importExport({ path: zip });
    await showOverview(h);
  }, 240_000);

  afterAll(() => closeApp({ h, build, work }));

  it('adds an app through the form and shows what it reaches in the archive', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Sharing' }).click();
    await page.getByRole('heading', { name: 'Who gets your data' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/sharing');
    await page.getByText('You have not noted any apps yet.').waitFor();

    await page.getByRole('button', { name: 'Add an app' }).click();
    const form = page.getByTestId('app-form');
    await form.getByLabel('Name of the app').fill('Chat Backup');
    await form.getByLabel('Day you gave access').fill(localDay(-200));
    await form.getByLabel('Website').fill('https://chat-backup.example');
    await form.getByLabel('Repeated copies of your direct messages').check();
    await form.getByRole('button', { name: 'Add the app' }).click();
    await page.getByTestId('sharing-status').filter({ hasText: 'Added “Chat Backup”.' }).waitFor();

    const card = page.locator('article[data-app="Chat Backup"]');
    await card.getByText('High risk').waitFor();
    await card.locator('.pill', { hasText: 'Ongoing access' }).waitFor();
    // granted 200 days ago, reviewed never: due, on the card and as a count on the nav entry
    await card.getByTestId('app-due').waitFor();
    await expect(page.getByTestId('sharing-due').innerText()).resolves.toContain('1');
    await card.getByText('What it can reach in your archive').click();
    const messages = (await h.service.previewExposure({ scopes: ['portability.directmessages.ongoing'] })).exposure.datasets.messages!;
    expect(messages.records).toBeGreaterThan(0);
    await card.getByText(`${messages.records.toLocaleString('en-GB')} direct messages with ${messages.partners} ${messages.partners === 1 ? 'person' : 'people'}`).waitFor();
    await card.locator('tr[data-exposure="messages"]').waitFor();
    await noErrors();
  });

  it('refuses a grant day in the future next to the field, in the user’s language, and adds nothing', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Add an app' }).click();
    const form = page.getByTestId('app-form');
    await form.getByLabel('Name of the app').fill('Time Traveller');
    await form.getByLabel('Day you gave access').fill(localDay(30));
    await form.getByRole('button', { name: 'Add the app' }).click();
    const err = form.locator('#add-grantedOn-error');
    await err.filter({ hasText: 'The day you gave access cannot be in the future.' }).waitFor();
    await expect.poll(() => form.getByLabel('Day you gave access').getAttribute('aria-invalid')).toBe('true');
    // the field says what is wrong with it, and has the focus
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-granted');
    expect((await h.service.listApps({})).apps.map((a) => a.name)).toEqual(['Chat Backup']);
    await shootAll('en', '2-apps-invalid', () => form.locator('#add-granted').scrollIntoViewIfNeeded());
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('revokes the app on a day, and the history shows it after a reload', async () => {
    const { page } = h;
    await shootAll('en', '1-apps');
    const card = page.locator('article[data-app="Chat Backup"]');
    await card.getByRole('button', { name: 'Note that you removed the access of Chat Backup' }).click();
    await card.getByLabel('Day you removed access').fill(localDay(-3));
    await card.getByRole('button', { name: 'Note the day' }).click();
    await page.getByTestId('sharing-status').filter({ hasText: 'Noted that you removed the access of “Chat Backup”.' }).waitFor();

    await page.reload();
    await card.getByTestId('app-revoked').waitFor();
    await page.getByTestId('sharing-due').waitFor({ state: 'detached' }); // the nav's count reloads after the change
    await card.getByText(/^History/).click();
    const history = card.getByTestId('app-history');
    await history.locator('li[data-kind="revoked"]').filter({ hasText: 'Access removed' }).waitFor();
    await history.locator('li[data-kind="granted"]').filter({ hasText: 'Access given' }).waitFor();
    const app = (await h.service.listApps({})).apps[0]!;
    expect(app.revokedAt).toBe(localDay(-3));
    await noErrors();
  });

  it('lists who got the data, searchable, and an evidence row opens the records', async () => {
    const { page } = h;
    const parties = await everyListItem(h.service);
    const party = parties.find((p) => p.kind === 'off-tiktok-source' && p.name && p.evidence.some((e) => e.snapshots.length > 0))!;
    expect(party).toBeTruthy();
    await go('#/sharing?section=parties');
    await page.locator('#party-search').waitFor();
    await shootAll('en', '3-parties');
    await page.getByLabel('Search by name').fill(party.name!.slice(0, 8).toUpperCase());
    const row = page.locator(`li[data-party="${party.name}"]`);
    await row.waitFor();
    await row.getByText('they send TikTok data about you').waitFor();
    const ev = party.evidence[0]!;
    await row.getByRole('button', { name: `Show the ${translator('en').t(`dataset.${ev.dataset}` as 'dataset.likes')} records about ${party.name}` }).click();
    await page.locator('section.records').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/snapshot/${ev.snapshots.at(-1)}?dataset=${ev.dataset}`);
    await page.goBack();
    await page.locator('#party-search').waitFor();
    await noErrors();
  });

  it('shows the register’s apps among the parties, following a change made elsewhere after a reload', async () => {
    const { page } = h;
    const apps = page.locator('section.group').filter({ has: page.locator('#kind-app') });
    // Chat Backup was revoked: no app has access, so no app is a party
    await go('#/sharing?section=parties');
    await page.locator('section.group').first().waitFor();
    expect(await apps.count()).toBe(0);
    const added = await h.service.addApp({ name: 'Party Planner', scopes: ['portability.directmessages.single'], grantedOn: localDay(-10) });
    await page.reload();
    await apps.locator('li[data-party="Party Planner"]').getByText('your data goes to them').waitFor();
    await apps.locator('h3').filter({ hasText: '(1)' }).waitFor();
    await h.service.editApp({ id: added.id, name: 'Party Planner Pro' });
    await page.reload();
    await apps.locator('li[data-party="Party Planner Pro"]').waitFor();
    await h.service.removeApp({ id: added.id });
    await page.reload();
    await page.locator('section.group').first().waitFor();
    await apps.waitFor({ state: 'detached' });
    await noErrors();
  });

  it('asks for the parties only on the parties tab, and the register only on the apps tab', async () => {
    const { page } = h;
    const tabs: [string, () => Promise<unknown>][] = [
      ['#/sharing', () => page.getByRole('button', { name: 'Add an app' }).waitFor()],
      ['#/sharing?section=preview', () => page.getByText('Pick one or more permissions to see what they would hand over.').waitFor()],
      ['#/sharing?section=scopes', () => page.locator('li[data-scope="user.info.basic"]').waitFor()],
      ['#/sharing?section=revoke', () => page.getByText('Tap “Settings and privacy”.').waitFor()],
    ];
    for (const [hash, shown] of tabs) {
      await go('#/settings');
      await page.reload();
      await page.getByTestId('encryption-state').waitFor();
      const before = count('parties');
      await go(hash);
      await shown();
      await page.waitForTimeout(300);
      expect(count('parties'), hash).toBe(before);
    }
    const [parties, apps] = [count('parties'), count('listApps')];
    await go('#/sharing?section=parties');
    await page.locator('section.group').first().waitFor();
    await page.waitForTimeout(300);
    // one ask: each kind's first 50, in the window's language
    expect([count('parties') - parties, count('listApps') - apps]).toEqual([1, 0]);
    expect(partiesAsked.at(-1)).toEqual({ query: '', lang: 'en', limit: 50 });
    await noErrors();
  });

  it('previews what permissions would hand over before an app is added, then adds it with them', async () => {
    const { page } = h;
    await go('#/sharing?section=preview');
    await page.getByText('Pick one or more permissions to see what they would hand over.').waitFor();
    await page.getByLabel('One copy of everything').check();
    const result = page.getByTestId('preview-result');
    await result.locator('tr[data-exposure="login_history"]').waitFor();
    await result.getByText('High risk').waitFor();
    await shootAll('en', '4-preview', () => page.locator('#sharing-title').scrollIntoViewIfNeeded());
    await result.getByRole('button', { name: 'Add an app with these permissions' }).click();
    const form = page.getByTestId('app-form');
    await expect.poll(() => form.getByLabel('One copy of everything').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await noErrors();
  });

  it('explains the scopes and how to take access back', async () => {
    const { page } = h;
    await go('#/sharing?section=scopes');
    await page.locator('li[data-scope="user.info.basic"]').getByText('Always included: you cannot decline it.').waitFor();
    await page.getByRole('heading', { name: 'Access that needs no permission from you' }).waitFor();
    await shootAll('en', '5-scopes');
    await go('#/sharing?section=revoke');
    await page.getByText('Tap “Settings and privacy”.').waitFor();
    await page.getByText('Removing access does not delete what the app has already copied. That copy stays with the app.').waitFor();
    await shootAll('en', '6-revoke');
    await noErrors();
  });

  it('speaks Swedish on every part', async () => {
    const { page } = h;
    await page.evaluate(() => document.defaultView.localStorage.setItem('footprint.lang', 'sv'));
    await go('#/sharing');
    await page.reload();
    await page.getByRole('heading', { name: 'Vem får dina uppgifter' }).waitFor();
    await page.getByRole('link', { name: 'Delning' }).waitFor();
    await shootAll('sv', '1-apps');
    await page.getByRole('button', { name: 'Lägg till en app' }).click();
    const form = page.getByTestId('app-form');
    await form.getByLabel('Appens namn').fill('Tidsresenär');
    await form.getByLabel('Dagen du gav åtkomst').fill(localDay(30));
    await form.getByRole('button', { name: 'Lägg till appen' }).click();
    await form.locator('#add-grantedOn-error').filter({ hasText: 'Dagen du gav åtkomst kan inte ligga i framtiden.' }).waitFor();
    await shootAll('sv', '2-apps-invalid', () => form.locator('#add-granted').scrollIntoViewIfNeeded());
    await form.getByLabel('Hur ofta den ska ses över').fill('1000');
    await form.getByLabel('Dagen du gav åtkomst').fill(localDay(-5));
    await form.getByRole('button', { name: 'Lägg till appen' }).click();
    await form.locator('#add-reviewIntervalDays-error').filter({ hasText: 'Välj ett intervall på 7 till 730 dagar.' }).waitFor();
    await shootAll('sv', '8-form-review', () => form.locator('#add-reviewed').scrollIntoViewIfNeeded());
    await form.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('button', { name: 'Spara listan som fil…' }).waitFor();
    await shootAll('sv', '9-register-file', () => page.getByRole('heading', { name: 'Din lista som fil' }).scrollIntoViewIfNeeded());
    await go('#/sharing?section=parties');
    await page.getByLabel('Sök på namn').waitFor();
    await shootAll('sv', '3-parties');
    await go('#/sharing?section=preview');
    await page.getByLabel('En kopia av allt').check();
    await page.getByTestId('preview-result').locator('tr[data-exposure="login_history"]').waitFor();
    await shootAll('sv', '4-preview', () => page.locator('#sharing-title').scrollIntoViewIfNeeded());
    await go('#/sharing?section=scopes');
    await page.getByRole('heading', { name: 'Åtkomst som inte kräver ditt godkännande' }).waitFor();
    await shootAll('sv', '5-scopes');
    await go('#/sharing?section=revoke');
    await page.getByText('Steg för steg').waitFor();
    await shootAll('sv', '6-revoke');
    await page.evaluate(() => document.defaultView.localStorage.removeItem('footprint.lang'));
    await noErrors();
  });

  it('marks an app reviewed and edits it from the keyboard, and removes it after a confirmation', async () => {
    const { page } = h;
    await h.service.addApp({ name: 'Photo Printer', scopes: ['video.list'], grantedOn: localDay(-120) });
    // the window opening on another page shows the count too (asked alone, without the parties)
    await go('#/settings');
    await page.reload();
    await page.getByTestId('sharing-due').waitFor();
    await go('#/sharing');
    await page.reload();
    // one register answer per visit: the badge reading it must not ask it again (a loop once did)
    const sharingAsked = () => count('listApps');
    await page.locator('article[data-app="Photo Printer"]').waitFor();
    const before = sharingAsked();
    await page.waitForTimeout(1500);
    expect(sharingAsked()).toBe(before);
    const card = page.locator('article[data-app="Photo Printer"]');
    await card.getByTestId('app-due').waitFor();
    await page.getByTestId('sharing-due').waitFor();

    await card.getByRole('button', { name: 'Mark Photo Printer as reviewed today' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('sharing-status').filter({ hasText: 'Noted that you reviewed “Photo Printer” today.' }).waitFor();
    await card.getByTestId('app-due').waitFor({ state: 'detached' });
    await page.getByTestId('sharing-due').waitFor({ state: 'detached' }); // the nav's count reloads after the change

    await card.getByRole('button', { name: 'Edit Photo Printer' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('app-form');
    // the form takes the focus at its first field
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('name');
    await form.getByLabel('What you use it for').fill('Prints my videos as stickers');
    await form.getByLabel('What you use it for').press('Enter');
    await page.getByTestId('sharing-status').filter({ hasText: 'Saved the changes to “Photo Printer”.' }).waitFor();
    await card.getByText('Prints my videos as stickers').waitFor();
    await card.getByText(/^History/).click();
    await card.getByTestId('app-history').locator('li[data-kind="edited"]').filter({ hasText: 'what you use it for' }).waitFor();
    await card.getByTestId('app-history').locator('li[data-kind="reviewed"]').waitFor();
    await shootAll('en', '7-apps-history', () => card.scrollIntoViewIfNeeded());

    await card.getByRole('button', { name: 'Remove Photo Printer from the list' }).click();
    await card.getByText('Remove “Photo Printer” and its history from your list? This does not remove the app’s access in TikTok.').waitFor();
    // the safe choice has the focus
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
    await card.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByTestId('sharing-status').filter({ hasText: 'Removed “Photo Printer” from your list.' }).waitFor();
    await card.waitFor({ state: 'detached' });
    expect((await h.service.listApps({})).apps.map((a) => a.name)).toEqual(['Chat Backup']);
    await noErrors();
  });

  it('keeps the keyboard where the person moved it while a change reloads the register', async () => {
    const { page } = h;
    const app = await h.service.addApp({ name: 'Slow Reload', scopes: ['video.list'], grantedOn: localDay(-120) });
    await go('#/sharing');
    await page.reload();
    const card = page.locator('article[data-app="Slow Reload"]');
    await card.getByTestId('app-due').waitFor();
    let release = () => {};
    registerHeld = new Promise((r) => (release = r));
    try {
      await card.getByRole('button', { name: 'Mark Slow Reload as reviewed today' }).focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('sharing-status').filter({ hasText: 'Noted that you reviewed “Slow Reload” today.' }).waitFor();
      // the reload is still out (the card's buttons wait for it); the person opens the form to add
      // another app meanwhile, and it takes the keyboard
      await page.getByRole('button', { name: 'Add an app' }).focus();
      await page.keyboard.press('Enter');
      const field = () => page.evaluate(() => document.activeElement?.getAttribute('data-field'));
      await expect.poll(field).toBe('name');
    } finally {
      registerHeld = undefined;
      release();
    }
    await card.getByTestId('app-due').waitFor({ state: 'detached' });
    // the reload's focus (meant for the card's name) has had its frames, and did not take it
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('name');
    await page.getByTestId('app-form').getByRole('button', { name: 'Cancel' }).click();
    await h.service.removeApp({ id: app.id });
    await noErrors();
  });

  it('takes a review interval and the last review in the form, refusing bad ones next to the field', async () => {
    const { page } = h;
    await go('#/sharing');
    await page.getByRole('button', { name: 'Add an app' }).click();
    const form = page.getByTestId('app-form');
    await form.getByLabel('Name of the app').fill('Stats Board');
    await form.getByLabel('Day you gave access').fill(localDay(-60));
    await form.getByLabel('Your numbers').check();
    // not a number: the service's words, before anything is sent
    await form.getByLabel('Review interval').fill('ten');
    await form.getByRole('button', { name: 'Add the app' }).click();
    await form.locator('#add-reviewIntervalDays-error').filter({ hasText: 'Choose a review interval of 7 to 730 days.' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-interval');
    // out of range: the service refuses it, named the same way
    await form.getByLabel('Review interval').fill('3');
    await form.getByRole('button', { name: 'Add the app' }).click();
    await form.locator('#add-reviewIntervalDays-error').filter({ hasText: 'Choose a review interval of 7 to 730 days.' }).waitFor();
    // a review before the grant
    await form.getByLabel('Review interval').fill('30');
    await form.getByLabel('Day you last reviewed it').fill(localDay(-90));
    await form.getByRole('button', { name: 'Add the app' }).click();
    await form.locator('#add-lastReviewedOn-error').filter({ hasText: 'The day you last reviewed it cannot be before the day you gave access' }).waitFor();
    expect((await h.service.listApps({})).apps.map((a) => a.name)).not.toContain('Stats Board');
    await shootAll('en', '8-form-review', () => form.locator('#add-reviewed').scrollIntoViewIfNeeded());

    await form.getByLabel('Day you last reviewed it').fill(localDay(-10));
    await form.getByRole('button', { name: 'Add the app' }).click();
    await page.getByTestId('sharing-status').filter({ hasText: 'Added “Stats Board”.' }).waitFor();
    const card = page.locator('article[data-app="Stats Board"]');
    await card.getByTestId('app-interval').filter({ hasText: 'Review every 30 days' }).waitFor();
    await card.getByText('Review in 20 days').waitFor();
    const app = (await h.service.listApps({})).apps.find((a) => a.name === 'Stats Board')!;
    expect([app.reviewIntervalDays, app.lastReviewedAt, app.nextReview]).toEqual([30, localDay(-10), localDay(20)]);

    // editing back to the default: the field emptied
    await card.getByRole('button', { name: 'Edit Stats Board' }).click();
    const edit = page.getByTestId('app-form');
    await expect.poll(() => edit.getByLabel('Review interval').inputValue()).toBe('30');
    await edit.getByLabel('Review interval').fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('sharing-status').filter({ hasText: 'Saved the changes to “Stats Board”.' }).waitFor();
    await card.getByTestId('app-interval').waitFor({ state: 'detached' });
    expect((await h.service.listApps({})).apps.find((a) => a.name === 'Stats Board')!.reviewIntervalDays).toBeNull();
    await noErrors();
  });

  it('saves the list as a file through the Save dialog and reads a saved list back, all or nothing', async () => {
    const { page } = h;
    await go('#/sharing');
    const names = (await h.service.listApps({})).apps.map((a) => a.name);
    const file = join(work, 'saved-apps.json');
    writeFileSync(file, 'an older copy\n');
    // the dialog asked before replacing (showOverwriteConfirmation), so the window may replace it
    h.setNextSave(file);
    await page.getByRole('button', { name: 'Save the list as a file…' }).click();
    await page.getByTestId('register-status').filter({ hasText: `${names.length} apps saved in saved-apps.json.` }).waitFor();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.apps.map((a: { name: string }) => a.name)).toEqual(names);
    // dismissed: nothing written, nothing said
    h.setNextSave(null);
    await page.getByRole('button', { name: 'Save the list as a file…' }).click();
    await expect.poll(() => page.getByTestId('register-status').innerText()).toBe('');

    // a list whose second app names a permission that does not exist: nothing is added, the app is named
    const fresh = { ...doc, apps: [{ ...doc.apps[0], name: 'Imported One', revokedOn: null }, { ...doc.apps[0], name: 'Imported Two', scopes: ['user.info.everything'] }] };
    const bad = join(work, 'bad-apps.json');
    writeFileSync(bad, JSON.stringify(fresh));
    await page.getByTestId('register-file').setInputFiles(bad);
    await page
      .getByTestId('register-status')
      .filter({ hasText: 'Nothing was read from bad-apps.json. App 2 in the file: “user.info.everything” is not a TikTok permission Footprint knows.' })
      .waitFor();
    expect((await h.service.listApps({})).apps.map((a) => a.name)).toEqual(names);
    // the first app has no day it was given access
    const { grantedOn: _g, ...undated } = fresh.apps[0];
    const noDay = join(work, 'no-day.json');
    writeFileSync(noDay, JSON.stringify({ ...fresh, apps: [undated] }));
    await page.getByTestId('register-file').setInputFiles(noDay);
    await page
      .getByTestId('register-status')
      .filter({ hasText: 'Nothing was read from no-day.json. App 1 in the file: The day you gave access must be a date written as YYYY-MM-DD.' })
      .waitFor();
    // not JSON at all
    const junk = join(work, 'junk.json');
    writeFileSync(junk, 'apps!');
    await page.getByTestId('register-file').setInputFiles(junk);
    await page.getByTestId('register-status').filter({ hasText: 'Nothing was read from junk.json. It is not a list of apps saved by Footprint.' }).waitFor();
    await shootAll('en', '9-register-file', () => page.getByTestId('register-status').scrollIntoViewIfNeeded());

    const good = join(work, 'good-apps.json');
    writeFileSync(good, JSON.stringify({ ...fresh, apps: [fresh.apps[0]] }));
    await page.getByTestId('register-file').setInputFiles(good);
    await page.getByTestId('register-status').filter({ hasText: '1 app added from good-apps.json.' }).waitFor();
    await page.locator('article[data-app="Imported One"]').waitFor();
    // the same file again adds nothing
    await page.getByTestId('register-file').setInputFiles(good);
    await page.getByTestId('register-status').filter({ hasText: 'No new apps from good-apps.json; 1 was already in your list.' }).waitFor();
    expect((await h.service.listApps({})).apps.map((a) => a.name)).toEqual([...names, 'Imported One']);
    await noErrors();
  });

  it('draws a long group of parties 50 at a time, 50 more on request, and a search starts again at 50', async () => {
    const { page } = h;
    // a bigger export beside the first: some hundred off-TikTok partners (last, so the other tests keep one export)
    const big = generateAccount({ seed: 6, scale: 12, asOf: '2026-02-10 12:00:00' });
    await h.service.importExport({ path: await writeZip(renderJson(big, 'L4'), join(work, 'big'), { epoch: exportEpoch(big) }) });
    await showOverview(h);
    const sources = (await everyListItem(h.service)).filter((p) => p.kind === 'off-tiktok-source');
    expect(sources.length).toBeGreaterThan(100);
    await go('#/sharing?section=parties');
    const group = page.locator('section.group').filter({ has: page.locator('#kind-off-tiktok-source') });
    await group.locator('li.party').nth(49).waitFor();
    expect(await group.locator('li.party').count()).toBe(50);
    // the first 50 in the service's order; 50 more asked of that kind alone, from the 51st
    expect(await group.locator('li.party').evaluateAll((els) => els.map((e) => e.getAttribute('data-party')))).toEqual(
      sources.slice(0, 50).map((p) => p.name ?? (p.unnamed?.reason === 'numeric-id' ? translator('en').t('party.unnamed', { id: p.unnamed.id }) : translator('en').t('party.kind.off-tiktok-source'))),
    );
    const asks = partiesAsked.length;
    await group.getByRole('button', { name: `Show 50 more (${sources.length - 50} not shown yet)` }).click();
    await group.locator('li.party').nth(99).waitFor();
    expect(await group.locator('li.party').count()).toBe(100);
    expect(partiesAsked.slice(asks)).toEqual([{ kind: 'off-tiktok-source', query: '', lang: 'en', offset: 50, limit: 50 }]);
    const names = await group.locator('li.party').evaluateAll((els) => els.map((e) => e.getAttribute('data-party')));
    expect(new Set(names).size).toBe(100);
    await shootAll('en', '3-parties-more', () => group.getByRole('button', { name: /^Show 50 more/ }).scrollIntoViewIfNeeded());
    // every unnamed partner's name holds "unnamed": a search matching them all draws 50 again
    // (searched in the service, in the window's words, once typing stops)
    const unnamed = (await h.service.parties({ query: 'unnamed', lang: 'en' })).groups.find((g) => g.kind === 'off-tiktok-source')!.count;
    expect(unnamed).toBeGreaterThan(50);
    expect(unnamed).toBeLessThan(sources.length);
    await page.getByLabel('Search by name').fill('unnamed');
    await group.getByRole('button', { name: `Show 50 more (${unnamed - 50} not shown yet)` }).waitFor();
    expect(await group.locator('li.party').count()).toBe(50);
    await page.getByLabel('Search by name').fill('');
    // in Swedish: the same pieces, the button in Swedish
    await page.evaluate(() => document.defaultView.localStorage.setItem('footprint.lang', 'sv'));
    await page.reload();
    const sv = page.locator('section.group').filter({ has: page.locator('#kind-off-tiktok-source') });
    const svMore = sv.getByRole('button', { name: `Visa 50 till (${sources.length - 50} visas inte än)` });
    await svMore.waitFor();
    await shootAll('sv', '3-parties-more', () => svMore.scrollIntoViewIfNeeded());
    await page.evaluate(() => document.defaultView.localStorage.removeItem('footprint.lang'));
    await noErrors();
  });

  it('axe-core finds no serious or critical problem on any part photographed at 1280x800', () => {
    expect(problems).toEqual([]);
  });

  /** One part in every size and colour scheme (audit.ts shootParts). */
  const shootAll = (lang: string, part: string, ready?: () => Promise<unknown>) => shootParts(h, { dir: SHOTS, page: 'sharing', lang, part, problems, ready });
});
