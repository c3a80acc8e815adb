// Encryption at rest, end to end: the built renderer in Debian Chromium against the real service
// behind the same unlock gate the desktop app builds (src/main/vault/unlock.ts), on real SQLite files.
// - Settings: encrypt with a passphrase, change it, switch to a device key and back, decrypt, with
//   the file checked on disk after each step and every record still there;
// - the Unlock screen: the window starts locked, a wrong passphrase, then the right one;
// - the "no secure keychain" choice (Linux basic_text): continue without encryption (remembered),
//   or encrypt a new archive from its first page.
// Screenshots: /tmp/footprint-e2e-enc-*.png (FOOTPRINT_E2E_SHOTS=<dir> to change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createService } from '../../src/main/service';
import { encryptDatabaseFile, isEncrypted, keyForPassphrase, secretOpens } from '../../src/main/vault/file-encryption';
import { buildApp, chromiumAvailable, closeBrowser, launchApp, type AppHarness, type LaunchOptions, screenshotter, showOverview } from './harness';
import { expectClean } from './audit';
import { writeFixture } from './fixture';
import { archiveCounts } from '../helpers';

 
declare const document: any;

const shot = screenshotter('footprint-e2e-enc-');
const MAGIC = 'SQLite format 3\0';
const header = (path: string) => readFileSync(path).subarray(0, 16).toString('latin1');

const FIRST = 'first passphrase one';
const SECOND = 'second passphrase two';

describe.skipIf(!chromiumAvailable)('encryption at rest (e2e, Chromium)', () => {
  let work: string;
  let build: ReturnType<typeof buildApp>;
  let fixture: string;
  const open: AppHarness[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'fp-e2e-enc-'));
    fixture = writeFixture(join(work, 'export'), { watch: 120, likes: 15 }, 'TikTok_Data_1735588272.json');
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
  const close = async (h: AppHarness) => {
    open.splice(open.indexOf(h), 1);
    await h.close();
  };
  const noErrors = expectClean;

  /** An archive with the fixture imported, encrypted with FIRST; returns its row counts. */
  async function passphraseArchive(dir: string): Promise<Record<string, number>> {
    mkdirSync(dir, { recursive: true });
    const dbPath = join(dir, 'footprint.db');
    const s = createService({ dbPath });
    await s.importExport({ path: fixture });
    const counts = archiveCounts(s.db);
    s.close();
    encryptDatabaseFile(dbPath, { passphrase: FIRST });
    return counts;
  }

  describe('Settings', () => {
    let h: AppHarness;
    let counts: Record<string, number>;
    const state = () => h.page.getByTestId('encryption-state').innerText();
    const dialog = () => h.page.getByRole('dialog', { name: 'Settings' });
    const watchCount = () => h.page.locator('tr[data-dataset="watch_history"] td').nth(1).innerText();

    beforeAll(async () => {
      h = await launch(join(work, 'settings'), { keychain: 'keychain' });
      await h.service.importExport({ path: fixture });
      counts = archiveCounts(h.service.db);
      await showOverview(h);
    });

    it('opens from the header with the keyboard and says the archive is not encrypted', async () => {
      const { page } = h;
      await page.getByRole('button', { name: 'Settings', exact: true }).focus();
      await page.keyboard.press('Enter');
      await dialog().waitFor();
      await page.getByText('Not encrypted', { exact: true }).waitFor();
      await expect(state()).resolves.toMatch(/plain database file/);
      await expect(dialog().getByText(/System keychain: available/).isVisible()).resolves.toBe(true);
      await expect(dialog().getByRole('button', { name: 'Encrypt with a device key' }).isVisible()).resolves.toBe(true);
      // focus is inside the dialog
      await expect(page.evaluate(() => !!document.activeElement?.closest('dialog'))).resolves.toBe(true);
      expect(header(h.dbPath)).toBe(MAGIC);
      await shot(h, '1-settings-plain');
    });

    it('encrypts with a passphrase (checked twice, 8+ characters): the file is no longer plain SQLite, every record is there', async () => {
      const { page } = h;
      await dialog().getByRole('button', { name: 'Encrypt with a passphrase…' }).click();
      const first = page.getByLabel('New passphrase');
      const repeat = page.getByLabel('Repeat it');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('settings-new');
      await first.fill('short');
      await repeat.fill('short');
      await dialog().getByRole('button', { name: 'Encrypt', exact: true }).click();
      await dialog().getByText('Use at least 8 characters.').waitFor();
      await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
      await first.fill(FIRST);
      await repeat.fill(FIRST + 'x');
      await page.keyboard.press('Enter');
      await dialog().getByText('The two passphrases are not the same.').waitFor();
      await shot(h, '2-settings-mismatch');
      expect(header(h.dbPath)).toBe(MAGIC); // nothing sent yet

      await repeat.fill(FIRST);
      await page.keyboard.press('Enter');
      await dialog().getByRole('status').filter({ hasText: 'Encrypted with your passphrase' }).waitFor();
      await expect(state()).resolves.toMatch(/^Encrypted with your passphrase/);
      await shot(h, '3-settings-encrypted');

      expect(header(h.dbPath)).not.toBe(MAGIC);
      expect(readFileSync(h.dbPath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(isEncrypted(h.dbPath)).toBe(true);
      expect(archiveCounts(h.service.db)).toEqual(counts);
      await expect(h.service.encryptionStatus({})).resolves.toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: true });
      expect(secretOpens(h.dbPath, { passphrase: FIRST })).toBe(true);
    });

    it('changes the passphrase: the old one no longer opens the file', async () => {
      await dialog().getByRole('button', { name: 'Change passphrase…' }).click();
      await h.page.getByLabel('New passphrase').fill(SECOND);
      await h.page.getByLabel('Repeat it').fill(SECOND);
      await dialog().getByRole('button', { name: 'Change passphrase', exact: true }).click();
      await dialog().getByRole('status').filter({ hasText: 'Passphrase changed' }).waitFor();
      await expect(state()).resolves.toMatch(/^Encrypted with your passphrase/);
      expect(secretOpens(h.dbPath, { passphrase: SECOND })).toBe(true);
      expect(secretOpens(h.dbPath, { passphrase: FIRST })).toBe(false);
      expect(archiveCounts(h.service.db)).toEqual(counts);
    });

    it('switches to a device key and back to a passphrase', async () => {
      await dialog().getByRole('button', { name: 'Switch to a device key' }).click();
      await dialog().getByRole('status').filter({ hasText: 'Switched to a device key' }).waitFor();
      await expect(state()).resolves.toMatch(/^Encrypted with a device key/);
      expect(secretOpens(h.dbPath, { passphrase: SECOND })).toBe(false);
      const [key] = await h.deviceKeys!.load();
      expect(secretOpens(h.dbPath, { key: key! })).toBe(true);
      await shot(h, '4-settings-device-key');

      await dialog().getByRole('button', { name: 'Use a passphrase instead…' }).click();
      await h.page.getByLabel('New passphrase').fill(FIRST);
      await h.page.getByLabel('Repeat it').fill(FIRST);
      await dialog().getByRole('button', { name: 'Use this passphrase' }).click();
      await dialog().getByRole('status').filter({ hasText: 'Now protected by your passphrase' }).waitFor();
      expect(secretOpens(h.dbPath, { passphrase: FIRST })).toBe(true);
      await expect(h.deviceKeys!.load()).resolves.toEqual([]); // the device key is forgotten
    });

    it('says in words when the database is busy, and changes nothing', async () => {
      // another connection in the middle of a read (the CLI, say) blocks the rewrite
      const other = new Database(h.dbPath, { readonly: true });
      other.pragma("cipher = 'chacha20'");
      const key = await keyForPassphrase(h.dbPath, FIRST);
      other.pragma(`key = "x'${key.toString('hex')}'"`);
      other.exec('BEGIN');
      other.prepare('SELECT count(*) FROM records').get();
      try {
        await dialog().getByRole('button', { name: 'Switch to a device key' }).click();
        const alert = dialog().getByRole('alert');
        await alert.waitFor();
        await expect(alert.innerText()).resolves.toMatch(/The archive is busy[\s\S]*Nothing was changed/); // the catalog's title (error.DB_BUSY.title)
        await shot(h, '5-settings-busy');
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      await expect(state()).resolves.toMatch(/^Encrypted with your passphrase/);
      expect(secretOpens(h.dbPath, { passphrase: FIRST })).toBe(true);
      await dialog().getByRole('button', { name: /^Dismiss/ }).click();
    });

    it('decrypts only after a confirmation that says what it means; the file is plain again with every record', async () => {
      const { page } = h;
      await dialog().getByRole('button', { name: 'Decrypt…' }).click();
      const confirm = dialog().getByRole('group', { name: 'Decrypt your archive?' });
      await confirm.waitFor();
      await expect(confirm.innerText()).resolves.toMatch(/plain file[\s\S]*anyone who can read your user folder/);
      // focus on the safe choice; Escape backs out without closing the dialog
      await page.waitForFunction(() => document.activeElement?.textContent === 'Keep it encrypted');
      await shot(h, '6-settings-confirm-decrypt');
      await page.keyboard.press('Escape');
      await dialog().getByRole('button', { name: 'Decrypt…' }).waitFor();
      expect(isEncrypted(h.dbPath)).toBe(true);

      await dialog().getByRole('button', { name: 'Decrypt…' }).click();
      await confirm.getByRole('button', { name: 'Decrypt', exact: true }).click();
      await dialog().getByRole('status').filter({ hasText: 'Decrypted' }).waitFor();
      await expect(state()).resolves.toMatch(/^Not encrypted/);
      expect(header(h.dbPath)).toBe(MAGIC);
      expect(archiveCounts(h.service.db)).toEqual(counts);
      // decrypting is remembered: not encrypted again behind the user's back at the next start
      expect(JSON.parse(readFileSync(h.preferencesPath, 'utf8'))).toEqual({ encryption: 'declined' });
      const pref = dialog().getByLabel('Encrypt with a device key automatically when Footprint starts');
      await expect(pref.isChecked()).resolves.toBe(false);
      await shot(h, '7-settings-decrypted');
      await pref.check();
      await expect.poll(() => JSON.parse(readFileSync(h.preferencesPath, 'utf8'))).toEqual({ encryption: 'suggest' });
    });

    it('closes with Escape, focus back on the Settings button, and the archive reads as before', async () => {
      const { page } = h;
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Settings');
      await expect(watchCount()).resolves.toBe('120');
      await page.getByRole('button', { name: 'Show Watch history records' }).click();
      await expect(page.locator('.pager .status').innerText()).resolves.toBe('Showing 1–50 of 120');
      await noErrors(h);
    });

    it('looks right in dark mode', async () => {
      await h.page.emulateMedia({ colorScheme: 'dark' });
      await h.page.getByRole('button', { name: 'Settings', exact: true }).click();
      await dialog().getByText('Not encrypted', { exact: true }).waitFor();
      await shot(h, '8-settings-dark');
      await h.page.keyboard.press('Escape');
      await h.page.emulateMedia({ colorScheme: 'light' });
    });
  });

  describe('the Unlock screen', () => {
    let h: AppHarness;
    let counts: Record<string, number>;

    beforeAll(async () => {
      const dir = join(work, 'locked');
      counts = await passphraseArchive(dir);
      h = await launch(dir, { startup: 'decide', keychain: 'basic_text', failureDelay: () => 300 });
    });

    it('the window starts locked: nothing of the archive can be read', async () => {
      const { page } = h;
      await page.getByRole('heading', { name: 'Unlock your archive' }).waitFor();
      await expect(page.getByText(/this computer has no secure keychain/).isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('unlock-passphrase');
      expect(h.gate.service).toBeNull();
      await expect(h.page.evaluate(() => (globalThis as any).footprint.listSnapshots({}))).resolves.toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });
      await shot(h, '9-unlock');
    });

    it('a wrong passphrase: a clear error, the field ready for another try', async () => {
      const { page } = h;
      await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Unlocking…' }).waitFor();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.innerText()).resolves.toMatch(/Wrong passphrase[\s\S]*try again/);
      await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('unlock-passphrase');
      await expect(page.getByLabel('Passphrase', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
      expect(h.gate.status().failures).toBe(1);
      expect(h.gate.service).toBeNull();
      await shot(h, '10-unlock-wrong');
    });

    it('the right passphrase opens the archive, every record there', async () => {
      const { page } = h;
      await page.getByLabel('Passphrase', { exact: true }).fill(FIRST); // replaces the selected wrong one
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.locator('[data-testid="home-page"]').waitFor(); // the landing page
      await page.evaluate(() => (document.defaultView.location.hash = '#/overview'));
      await page.locator('tr[data-dataset="watch_history"]').waitFor();
      await expect(page.locator('tr[data-dataset="watch_history"] td').nth(1).innerText()).resolves.toBe('120');
      await expect(page.locator('tr[data-dataset="likes"] td').nth(1).innerText()).resolves.toBe('15');
      expect(archiveCounts(h.service.db)).toEqual(counts);
      await shot(h, '11-unlocked');

      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const state = page.getByTestId('encryption-state');
      await state.waitFor();
      await expect(state.innerText()).resolves.toMatch(/^Encrypted with your passphrase/);
      await expect(page.getByText(/System keychain: not available/).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Switch to a device key' }).count()).resolves.toBe(0);
      await page.keyboard.press('Escape');
      await noErrors(h);
    });
  });

  describe('no secure keychain (Linux basic_text)', () => {
    it('explains it honestly; "continue without encryption" is remembered for the next start', async () => {
      const dir = join(work, 'basic-skip');
      let h = await launch(dir, { startup: 'decide', keychain: 'basic_text' });
      const { page } = h;
      await page.getByRole('heading', { name: 'Protect your archive with a passphrase?' }).waitFor();
      await expect(page.getByText(/no system keyring \(such as GNOME Keyring or KWallet\)/).isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('choice-new');
      await shot(h, '12-no-keychain');
      // the smallest window (MIN_WINDOW): the screen scrolls, its top stays reachable
      await page.setViewportSize({ width: 760, height: 520 });
      await page.getByRole('heading', { name: 'Protect your archive with a passphrase?' }).scrollIntoViewIfNeeded();
      await expect(page.getByRole('heading', { name: 'Protect your archive with a passphrase?' }).boundingBox().then((b) => b!.y)).resolves.toBeGreaterThanOrEqual(0);
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot(h, '13-no-keychain-small-dark');
      await page.getByRole('button', { name: 'Continue without encryption' }).scrollIntoViewIfNeeded();
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 820 });
      await page.getByRole('button', { name: 'Continue without encryption' }).click();
      await page.getByRole('heading', { name: 'Import your TikTok data' }).waitFor();
      expect(JSON.parse(readFileSync(h.preferencesPath, 'utf8'))).toEqual({ encryption: 'declined' });
      expect(header(h.dbPath)).toBe(MAGIC);
      await noErrors(h);
      await close(h);

      h = await launch(dir, { startup: 'decide', keychain: 'basic_text' });
      await h.page.getByRole('heading', { name: 'Import your TikTok data' }).waitFor();
      // Settings can change the choice back
      await h.page.getByRole('button', { name: 'Settings', exact: true }).click();
      const pref = h.page.getByLabel('Suggest a passphrase when Footprint starts');
      await pref.waitFor();
      await expect(pref.isChecked()).resolves.toBe(false);
      await expect(h.page.getByRole('button', { name: 'Encrypt with a device key' }).count()).resolves.toBe(0);
      await pref.check();
      await expect.poll(() => JSON.parse(readFileSync(h.preferencesPath, 'utf8'))).toEqual({ encryption: 'suggest' });
      await close(h);
    });

    it('a passphrase chosen at start creates the archive encrypted', async () => {
      const dir = join(work, 'basic-encrypt');
      const h = await launch(dir, { startup: 'decide', keychain: 'basic_text' });
      const { page } = h;
      await page.getByRole('heading', { name: 'Protect your archive with a passphrase?' }).waitFor();
      await page.getByLabel('New passphrase').fill(FIRST);
      await page.getByLabel('Repeat it').fill('something else');
      await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
      await page.getByText('The two passphrases are not the same.').waitFor();
      expect(existsSync(h.dbPath)).toBe(false);
      await page.getByLabel('Repeat it').fill(FIRST);
      await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
      await page.getByRole('heading', { name: 'Import your TikTok data' }).waitFor();
      expect(isEncrypted(h.dbPath)).toBe(true);
      expect(header(h.dbPath)).not.toBe(MAGIC);
      await expect(h.service.encryptionStatus({})).resolves.toMatchObject({ encrypted: true, unlockedWith: 'passphrase' });
      await noErrors(h);
    });
  });
});
