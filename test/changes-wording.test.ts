// Alerts and timeline highlights leave the main process as codes and plain parameters; the message
// catalog words every one of them in English and Swedish. Guards that each kind and code has its
// sentence in both languages, that the sentence takes the parameters the analysis produces (lists,
// plurals, selects, nulls) and that nothing is left unfilled.
import { describe, expect, it } from 'vitest';
import type { AlertKind, ChangeParams, HighlightCode } from '../src/shared/contract';
import { LANGS, translator } from '../src/shared/i18n';
import { wordChange } from './change-words';
import { alertMessage } from '../src/shared/i18n/words';

const DELETED = Date.UTC(2026, 1, 1);

/** One set of params per kind, as analysis/alerts.ts builds them (the type makes the list complete). */
const ALERTS = {
  'new-device': { model: 'iPhone15,2', systems: ['iOS 17.1', 'iOS 17.2'], count: 3 },
  'new-device-system': { model: 'Pixel 8', systems: ['Android 15'], count: 1 },
  'new-ip': { where: 'found', network: 'AS3301 Telia Company AB', asn: 3301, country: 'SE', ips: ['81.2.69.160', '81.2.69.161'], more: 0, addresses: 2, count: 3 },
  'new-network-type': { networkType: '5G', count: 1 },
  'new-carrier': { carrier: 'Fresh Carrier Ltd', count: 1 },
  'new-country': { where: 'country', network: null, asn: null, country: 'IE', ips: ['1.2.3.4'], more: 0, addresses: 1, count: 1 },
  'new-network-owner': { where: 'found', network: 'AS15169 Google LLC', asn: 15169, country: 'US', ips: ['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9'], more: 2, addresses: 7, count: 7 },
  'new-device-identifier': { identifier: 'androidId', value: 'a1b2c3', sameDevice: 0 },
  'new-off-tiktok-source': { source: 'com.newbrand.shop', count: 4 },
  'new-off-tiktok-event': { events: ['Purchase', 'AddToCart'], more: 0, n: 2, count: 5 },
  'new-ad-partner': { partner: 'Acme Data', list: 'partner' },
  'new-ad-interest': { interests: ['Gardening'], more: 0, n: 1 },
  'new-share-method': { method: 'telegram', count: 2 },
  'followers-gained': { count: 1, names: ['anna'], more: 0 },
  'followers-lost': { count: 7, names: ['a', 'b', 'c', 'd', 'e'], more: 2 },
  'following-added': { count: 2, names: ['x', 'y'], more: 0 },
  'following-removed': { count: 1, names: ['z'], more: 0 },
  'blocked-added': { count: 1, names: ['spam_account_1'], more: 0 },
  'blocked-removed': { count: 3, names: ['p', 'q', 'r'], more: 0 },
  'still-there-after-deletion': { dataset: 'comments', deletedAt: DELETED, dated: true, days: 38, source: 'mark' },
  'setting-regressed': { step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled', fromLevel: 'on', toLevel: 'off' },
} satisfies Record<AlertKind, ChangeParams>;

const HIGHLIGHTS = {
  'first-snapshot': {},
  alert: { ...ALERTS['new-country'], kind: 'new-country', others: 1 },
  'less-private': { key: 'Personalized Ads', from: 'Disabled', to: 'Enabled' },
  'more-private': { key: 'Private Account', from: null, to: 'Enabled' },
  profile: { field: 'emailAddress', from: 'old@example.com', to: 'new@example.com' },
  vanished: { dataset: 'comments', count: 3 },
} satisfies Record<HighlightCode, ChangeParams>;

describe('alert and highlight wording', () => {
  it('words every alert kind and highlight code in both languages, every placeholder filled', () => {
    for (const lang of LANGS) {
      const t = translator(lang);
      for (const [kind, params] of Object.entries(ALERTS)) {
        const text = wordChange(t, `alert.${kind}`, params);
        expect(text, `${lang} alert.${kind}`).not.toMatch(/[{}]|undefined|null/);
        expect(text.length, `${lang} alert.${kind}`).toBeGreaterThan(10);
      }
      for (const [code, params] of Object.entries(HIGHLIGHTS)) expect(wordChange(t, `highlight.${code}`, params), `${lang} highlight.${code}`).not.toMatch(/[{}]|undefined/);
    }
  });

  it('says the same facts in English and Swedish, with plurals and lists as each language writes them', () => {
    const en = translator('en');
    const sv = translator('sv');
    expect(wordChange(en, 'alert.new-carrier', ALERTS['new-carrier'])).toBe('Login through a mobile carrier not seen before: Fresh Carrier Ltd (once).');
    expect(wordChange(sv, 'alert.new-carrier', ALERTS['new-carrier'])).toBe('Inloggning via en mobiloperatör som inte har använts tidigare: Fresh Carrier Ltd (en gång).');
    expect(wordChange(en, 'alert.new-ip', ALERTS['new-ip'])).toBe(
      '2 new IP addresses in a network and country seen before, AS3301 Telia Company AB (Sweden): 81.2.69.160 and 81.2.69.161, 3 logins.',
    );
    expect(wordChange(sv, 'alert.new-ip', ALERTS['new-ip'])).toBe(
      '2 nya IP-adresser i ett nätverk och land som har använts tidigare, AS3301 Telia Company AB (Sverige): 81.2.69.160 och 81.2.69.161, 3 inloggningar.',
    );
    expect(wordChange(en, 'alert.new-ip', { where: 'invalid', network: null, asn: null, country: null, ips: ['not-an-ip'], more: 0, addresses: 1, count: 1 })).toBe(
      'A new IP address that is not a valid IP address: not-an-ip, one login.',
    );
    expect(wordChange(en, 'alert.new-network-owner', ALERTS['new-network-owner'])).toBe(
      'Login through a network never seen before: AS15169 Google LLC in United States (8.8.8.8, 8.8.4.4, 1.1.1.1, 1.0.0.1 and 9.9.9.9 (and 2 more)), 7 logins.',
    );
    expect(wordChange(en, 'alert.new-country', ALERTS['new-country'])).toBe('Login from a country never seen before: Ireland (1.2.3.4), one login.');
    expect(wordChange(sv, 'alert.new-ad-interest', { interests: ['a', 'b'], more: 3, n: 5 })).toBe('TikTok har kopplat 5 nya annonsintressen till dig: a och b (och 3 till).');
    expect(wordChange(en, 'alert.followers-lost', ALERTS['followers-lost'])).toBe('7 followers no longer listed: a, b, c, d and e (and 2 more).');
    expect(wordChange(sv, 'alert.followers-lost', ALERTS['followers-lost'])).toBe('7 följare finns inte längre med: a, b, c, d och e (och 2 till).');
    expect(wordChange(en, 'alert.followers-gained', ALERTS['followers-gained'])).toBe('1 new follower: anna.');
    expect(wordChange(sv, 'alert.following-added', ALERTS['following-added'])).toBe('2 nya konton som du följer: x och y.');
    expect(wordChange(en, 'alert.new-ad-partner', { partner: 'Brand C', list: 'advertiser' })).toBe('A new advertiser holds data about you: Brand C.');
    expect(wordChange(sv, 'alert.new-ad-partner', ALERTS['new-ad-partner'])).toBe('En ny datapartner har uppgifter om dig: Acme Data.');
    expect(wordChange(sv, 'alert.new-device-identifier', ALERTS['new-device-identifier'])).toBe('TikTok har registrerat ett nytt Android-id: a1b2c3.');
    expect(wordChange(en, 'alert.new-device-identifier', { identifier: 'did', value: '42', sameDevice: 2 })).toBe(
      'A new device ID (DID) was recorded: 42 (and 2 more identifiers of the same device).',
    );
    expect(wordChange(en, 'alert.new-device-system', ALERTS['new-device-system'])).toBe(
      'Pixel 8 logged in with Android 15 for the first time on that model (once). An update, or another device of the same model.',
    );
    expect(wordChange(en, 'alert.still-there-after-deletion', ALERTS['still-there-after-deletion'])).toBe('A record you deleted on 1 Feb 2026 is still in this export, 38 days later.');
    expect(wordChange(sv, 'alert.still-there-after-deletion', { ...ALERTS['still-there-after-deletion'], dated: false, days: null })).toBe(
      'En post som du raderade 1 feb. 2026 finns fortfarande kvar i den här exporten.',
    );
    expect(wordChange(en, 'highlight.alert', HIGHLIGHTS.alert)).toBe('(and 1 more like it)');
    expect(wordChange(en, 'highlight.alert', { ...HIGHLIGHTS.alert, others: 0 })).toBe('');
    expect(wordChange(sv, 'highlight.more-private', HIGHLIGHTS['more-private'])).toBe('Mer privat: Private Account (inget värde) → Enabled');
    expect(wordChange(sv, 'highlight.profile', HIGHLIGHTS.profile)).toBe('Profil: e-postadress old@example.com → new@example.com');
    expect(wordChange(en, 'highlight.vanished', HIGHLIGHTS.vanished)).toBe('3 records of Comments vanished inside the export window');
  });

  it('words a setting that changed back by what its values mean, in the person’s language', () => {
    const alert = { kind: 'setting-regressed' as const, params: ALERTS['setting-regressed']! };
    expect(alertMessage(translator('en'), alert)).toContain('Private Account is Off again (it was On)');
    expect(alertMessage(translator('sv'), alert)).toContain('Private Account är Av igen (var På)');
    // a value whose meaning is unknown stays as the export wrote it
    const raw = { ...alert, params: { ...alert.params, fromLevel: null, toLevel: null } };
    expect(alertMessage(translator('en'), raw)).toContain('Private Account is Disabled again (it was Enabled)');
  });
});
