// Alerts and timeline highlights leave the main process as codes and plain parameters; the message
// catalog words every one of them in English and Swedish. Guards that each kind and code has its
// sentence in both languages, that the sentence takes the parameters the analysis produces (lists,
// plurals, selects, nulls) and that nothing is left unfilled.
import { describe, expect, it } from 'vitest';
import type { AlertKind, ChangeParams, HighlightCode } from '../src/shared/contract';
import { LANGS, translator } from '../src/shared/i18n';
import { wordChange } from './change-words';

const DELETED = Date.UTC(2026, 1, 1);

/** One set of params per kind, as analysis/alerts.ts builds them (the type makes the list complete). */
const ALERTS = {
  'new-device': { model: 'iPhone15,2', systems: ['iOS 17.1', 'iOS 17.2'], count: 3 },
  'new-device-system': { model: 'Pixel 8', system: null, count: 1 },
  'new-ip': { ip: '8.8.8.8', where: 'found', country: 'US', network: 'AS15169 Google LLC', count: 2 },
  'new-network-type': { networkType: '5G', count: 1 },
  'new-carrier': { carrier: 'Fresh Carrier Ltd', count: 1 },
  'new-country': { country: 'IE', ips: ['1.2.3.4'], more: 0, count: 1 },
  'new-network-owner': { network: 'AS15169 Google LLC', asn: 15169, ips: ['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9'], more: 2, count: 7 },
  'new-device-identifier': { identifier: 'androidId', value: 'a1b2c3' },
  'new-off-tiktok-source': { source: 'com.newbrand.shop', count: 4 },
  'new-off-tiktok-event': { event: 'Purchase', count: 1 },
  'new-ad-partner': { partner: 'Acme Data', list: 'partner' },
  'new-ad-interest': { interest: 'Gardening' },
  'new-share-method': { method: 'telegram', count: 2 },
  'followers-gained': { count: 1, names: ['anna'], more: 0 },
  'followers-lost': { count: 7, names: ['a', 'b', 'c', 'd', 'e'], more: 2 },
  'following-added': { count: 2, names: ['x', 'y'], more: 0 },
  'following-removed': { count: 1, names: ['z'], more: 0 },
  'blocked-added': { count: 1, names: ['spam_account_1'], more: 0 },
  'blocked-removed': { count: 3, names: ['p', 'q', 'r'], more: 0 },
  'still-there-after-deletion': { dataset: 'comments', deletedAt: DELETED, dated: true, days: 38, source: 'mark' },
  'setting-regressed': { step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled' },
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
    expect(wordChange(en, 'alert.new-ip', ALERTS['new-ip'])).toBe('Login from an IP address not seen before: 8.8.8.8 (US, AS15169 Google LLC), 2 times.');
    expect(wordChange(en, 'alert.new-ip', { ip: 'not-an-ip', where: 'invalid', country: null, network: null, count: 1 })).toBe(
      'Login from an address that is not a valid IP address: not-an-ip, once.',
    );
    expect(wordChange(en, 'alert.followers-lost', ALERTS['followers-lost'])).toBe('7 followers no longer listed: a, b, c, d and e (and 2 more).');
    expect(wordChange(sv, 'alert.followers-lost', ALERTS['followers-lost'])).toBe('7 följare finns inte längre med: a, b, c, d och e (och 2 till).');
    expect(wordChange(en, 'alert.followers-gained', ALERTS['followers-gained'])).toBe('1 new follower: anna.');
    expect(wordChange(sv, 'alert.following-added', ALERTS['following-added'])).toBe('2 nya konton som du följer: x och y.');
    expect(wordChange(en, 'alert.new-ad-partner', { partner: 'Brand C', list: 'advertiser' })).toBe('A new advertiser holds data about you: Brand C.');
    expect(wordChange(sv, 'alert.new-ad-partner', ALERTS['new-ad-partner'])).toBe('En ny datapartner har uppgifter om dig: Acme Data.');
    expect(wordChange(sv, 'alert.new-device-identifier', ALERTS['new-device-identifier'])).toBe('TikTok har registrerat ett nytt Android-id: a1b2c3.');
    expect(wordChange(en, 'alert.new-device-system', ALERTS['new-device-system'])).toContain('system not seen on it before: (none)');
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
});
