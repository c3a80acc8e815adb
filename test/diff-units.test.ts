// The pieces under the diff: setting vocabularies and privacy directions, the aged-out window,
// the offline IP lookups (IPv6, mapped, malformed).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeSettingValue, settingDirection, settingKeyPolarity } from '../src/main/analysis/settings';
import { agedOutCutoff } from '../src/main/analysis/diff';
import { lookupIp, normalizeIp } from '../src/main/analysis/iplookup';
import { parseUserDate } from '../src/shared/time';

describe('setting values', () => {
  it('normalises TikTok’s vocabularies', () => {
    for (const v of ['On', 'Enabled', 'enabled', ' ENABLED ', 'Yes']) expect(normalizeSettingValue(v)).toBe('on');
    for (const v of ['Off', 'Disabled', 'disabled', 'No']) expect(normalizeSettingValue(v)).toBe('off');
    for (const v of ['Only me', 'Only Me', 'Myself', 'Only you']) expect(normalizeSettingValue(v)).toBe('only-me');
    for (const v of ['No one', 'No One', 'Nobody']) expect(normalizeSettingValue(v)).toBe('no-one');
    for (const v of ['Everyone', 'everyone', 'Public']) expect(normalizeSettingValue(v)).toBe('everyone');
    for (const v of ['Friends', 'Mutual friends', 'Followers']) expect(normalizeSettingValue(v)).toBe('friends');
    for (const v of ['', 'N/A', 'None', null]) expect(normalizeSettingValue(v)).toBeNull();
    expect(normalizeSettingValue('Français')).toBe('français');
  });

  it('knows which way is private', () => {
    expect(settingDirection('Private Account', 'Disabled', 'Enabled')).toBe('more-private');
    expect(settingDirection('Private Account', 'On', 'Off')).toBe('less-private');
    expect(settingDirection('Personalized Ads', 'Enabled', 'Disabled')).toBe('more-private');
    expect(settingDirection('Personalized Ads', 'Off', 'On')).toBe('less-private');
    expect(settingDirection('Who Can Send Me Message', 'Everyone', 'Friends')).toBe('more-private');
    expect(settingDirection('Who Can Send Me Message', 'Friends', 'No one')).toBe('more-private');
    expect(settingDirection('Who Can View Videos I Liked', 'Only me', 'Everyone')).toBe('less-private');
    expect(settingDirection('Who Can View Videos I Liked', 'Myself', 'Only Me')).toBe('neutral');
    expect(settingDirection('Who can see your following list::', 'Friends', 'Everyone')).toBe('less-private');
    expect(settingDirection('Allow DownLoad', 'Everyone', 'Off')).toBe('more-private');
    expect(settingDirection('Suggest your account to Facebook friends', 'disabled', 'enabled')).toBe('less-private');
    expect(settingDirection('Allow Others to Find Me', 'Enabled', 'Disabled')).toBe('more-private');
    expect(settingDirection('Autofill payment information', 'Off', 'On')).toBe('less-private');
    expect(settingDirection('Ads Based on Data Received from Partners', 'Enabled', 'Disabled')).toBe('more-private');
    expect(settingDirection('Filter Comments', 'Enabled', 'Disabled')).toBe('less-private');
    expect(settingDirection('App Language', 'English', 'Français')).toBe('neutral');
    expect(settingDirection('Push Notification › New Fans', 'Default', 'Off')).toBe('neutral');
    expect(settingDirection('Private Account', 'Disabled', null)).toBe('neutral');
    expect(settingKeyPolarity('who can duet with me')).toBe('off-private');
  });

  it('is antisymmetric: undoing a change reverses its direction', () => {
    const keys = ['Private Account', 'Personalized Ads', 'Who Can Post Comments', 'Allow DownLoad', 'App Language', 'Filter Comments'];
    const values = ['On', 'Off', 'Enabled', 'disabled', 'Everyone', 'Friends', 'Only me', 'No one', 'Default', 'English', null];
    const flip = { 'more-private': 'less-private', 'less-private': 'more-private', neutral: 'neutral' } as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...values), fc.constantFrom(...values), (k, x, y) => {
        expect(settingDirection(k, y, x)).toBe(flip[settingDirection(k, x, y)]);
      }),
    );
  });
});

describe('the aged-out window', () => {
  const newer = (oldest: number | null) => ({ dataset: 'x', records: 1, oldest, newest: null });
  it('starts at the newer export’s oldest record, and no earlier than windowDays before it', () => {
    const exported = Date.UTC(2026, 0, 1);
    const windowStart = exported - 183 * 86_400_000;
    expect(agedOutCutoff('watch_history', newer(windowStart - 5000), exported)).toBe(windowStart);
    expect(agedOutCutoff('watch_history', newer(windowStart + 5000), exported)).toBe(windowStart + 5000);
    expect(agedOutCutoff('watch_history', newer(null), exported)).toBe(windowStart);
    expect(agedOutCutoff('likes', newer(123), exported)).toBe(123);
    expect(agedOutCutoff('likes', newer(null), exported)).toBeNull();
    // full history: nothing ages out; records without time cannot
    expect(agedOutCutoff('comments', newer(123), exported)).toBeNull();
    expect(agedOutCutoff('device_status', newer(123), exported)).toBeNull();
  });
});

describe('offline IP lookups', () => {
  it('finds country and network owner for IPv4 and IPv6', () => {
    expect(lookupIp('8.8.8.8')).toMatchObject({ version: 4, country: 'US', asn: 15169, reserved: false });
    expect(lookupIp('2001:4860:4860::8888')).toMatchObject({ version: 6, country: 'US', asn: 15169 });
    expect(lookupIp('::ffff:8.8.8.8')).toMatchObject({ ip: '8.8.8.8', version: 4, country: 'US' });
    expect(lookupIp('[2606:4700::1111]:443')).toMatchObject({ ip: '2606:4700::1111', asn: 13335 });
    expect(lookupIp(' 81.2.69.160 ')).toMatchObject({ country: 'GB' });
  });

  it('treats private, reserved and malformed addresses gracefully', () => {
    for (const ip of ['10.1.2.3', '192.168.0.1', '127.0.0.1', '192.0.2.10', 'fe80::1%en0', '::1', 'fd00::5']) {
      expect(lookupIp(ip)).toMatchObject({ reserved: true, country: null, asn: null });
    }
    for (const bad of ['', 'not-an-ip', '999.1.1.1', '1.2.3', '::g', 'N/A', '1.2.3.4.5', 'x'.repeat(500)]) expect(lookupIp(bad)).toBeNull();
    expect(normalizeIp(42)).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = lookupIp(s);
        expect(r === null || typeof r.ip === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(lookupIp(ip)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('deletion dates', () => {
  it('reads the forms users type, in UTC', () => {
    expect(parseUserDate('2026-02-01')).toBe(Date.UTC(2026, 1, 1));
    expect(parseUserDate('2026-02-01 13:14:15')).toBe(Date.UTC(2026, 1, 1, 13, 14, 15));
    expect(parseUserDate('2026-02-01T13:14:15Z')).toBe(Date.UTC(2026, 1, 1, 13, 14, 15));
    expect(parseUserDate('2026-02-01T13:14:15+01:00')).toBe(Date.UTC(2026, 1, 1, 12, 14, 15));
    expect(() => parseUserDate('last week')).toThrow(expect.objectContaining({ code: 'BAD_INPUT', params: { field: 'deletedAt', expected: 'date' } }));
  });
});
