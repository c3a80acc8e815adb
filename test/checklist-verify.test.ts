// Verification of hardening steps from an export's settings (every vocabulary, older keys, list
// values), regressions between two exports, the states a verification proposes, and staleness.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_CONTENT as C } from '../src/main/analysis/checklist-content';
import { levelOf, verifySnapshot, verifyStep, type SettingsSnapshot } from '../src/main/analysis/checklist-verify';
import { findRegressions, proposeStates, REGRESSION_ALERT } from '../src/main/analysis/checklist-regress';
import { ageInDays, freshExportReminder, isStale } from '../src/main/analysis/checklist-stale';
import { generateAccount, laterAccount, timeMs, type SettingsMap } from './fixtures/account';
import { settingsFor, type Layout } from './fixtures/json';

const V = C.vocabulary;
const step = (id: string) => C.steps.find((s) => s.id === id)!;
const verdict = (id: string, values: Record<string, string | null>) => verifyStep(step(id), values, V)!.verdict;
const DAY = 86_400_000;

/** The settings dataset as Footprint stores it (trailing colons gone, nested keys joined, lists as JSON, empties null). */
function stored(map: SettingsMap): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const walk = (m: SettingsMap, prefix: string): void => {
    for (const [k, v] of Object.entries(m)) {
      const key = `${prefix}${k.replace(/[\s:]+$/, '').trim()}`;
      const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v).length === 0);
      if (!empty && typeof v === 'object' && !Array.isArray(v)) walk(v, `${key} › `);
      else out[key] = empty ? null : typeof v === 'string' ? v : JSON.stringify(v);
    }
  };
  walk(map, '');
  return out;
}

function snapshot(id: number, account: ReturnType<typeof generateAccount>, layout: Layout = 'L4'): SettingsSnapshot {
  return { snapshotId: id, exportedAt: timeMs(account.asOf), values: stored(settingsFor(account, layout)) };
}

describe('values in every vocabulary', () => {
  it('maps English, lower-case, Dutch, German and Swedish words onto the same level', () => {
    for (const w of ['Enabled', 'enabled', 'ENABLED', 'On', ' on ', 'Aan', 'Ingeschakeld', 'Aktiviert', 'På', 'Yes']) expect(levelOf(w, V), w).toBe('on');
    for (const w of ['Disabled', 'disabled', 'Off', 'Uit', 'Uitgeschakeld', 'Aus', 'Av', 'No']) expect(levelOf(w, V), w).toBe('off');
    for (const w of ['Everyone', 'everyone', 'Iedereen', 'Alle', 'Alla']) expect(levelOf(w, V), w).toBe('everyone');
    for (const w of ['Friends', 'Mutual friends', 'Vrienden', 'Freunde', 'Vänner']) expect(levelOf(w, V), w).toBe('friends');
    for (const w of ['No one', 'No One', 'Nobody', 'Niemand', 'Ingen']) expect(levelOf(w, V), w).toBe('no-one');
    for (const w of ['Only me', 'Only Me', 'Myself', 'Only You', 'Alleen ik', 'Nur ich', 'Bara jag']) expect(levelOf(w, V), w).toBe('only-me');
    expect(levelOf('Suggested friends', V)).toBe('suggested');
  });

  it('treats placeholders as no value and unknown words as unknown', () => {
    for (const w of ['N/A', 'None', '', '  ', 'N.v.t.', null, undefined]) expect(levelOf(w, V), String(w)).toBeNull();
    expect(levelOf('Sometimes', V)).toBeNull();
  });
});

describe('verifying a step', () => {
  it('private account: done when on in any vocabulary, needs attention when off, unknown when empty or absent', () => {
    for (const v of ['Enabled', 'enabled', 'On', 'Aan']) expect(verdict('private-account', { 'Private Account': v }), v).toBe('done');
    for (const v of ['Disabled', 'Off', 'Uit']) expect(verdict('private-account', { 'Private Account': v }), v).toBe('needs-attention');
    expect(verdict('private-account', { 'Private Account': 'N/A' })).toBe('unknown');
    expect(verdict('private-account', { 'Private Account': null })).toBe('unknown');
    expect(verdict('private-account', { 'Personalized Ads': 'Disabled' })).toBe('unknown');
    expect(verdict('private-account', { 'Private Account': 'Maybe' })).toBe('unknown');
  });

  it('keeps the observed raw value and the key it was found under', () => {
    const v = verifyStep(step('private-account'), { 'private account': 'Uit' }, V)!;
    expect(v.checks).toEqual([{ key: 'Private Account', foundKey: 'private account', observed: 'Uit', level: 'off', verdict: 'needs-attention' }]);
  });

  it('audiences: Everyone and suggested friends need attention; friends, no one and only me pass', () => {
    expect(verdict('direct-messages', { 'Who Can Send Me Message': 'Everyone' })).toBe('needs-attention');
    expect(verdict('direct-messages', { 'Who Can Send Me Message': 'Suggested friends' })).toBe('needs-attention');
    expect(verdict('direct-messages', { 'Who Can Send Me Message': 'Iedereen' })).toBe('needs-attention');
    expect(verdict('direct-messages', { 'Who Can Send Me Message': 'Friends' })).toBe('done');
    expect(verdict('direct-messages', { 'Who Can Send Me Message': 'No One' })).toBe('done');
    expect(verdict('liked-videos', { 'Who Can View Videos I Liked': 'Myself' })).toBe('done');
    expect(verdict('liked-videos', { 'Who Can View Videos I Liked': 'Friends' })).toBe('needs-attention');
    expect(verdict('downloads', { 'Allow DownLoad': 'Everyone' })).toBe('needs-attention');
    expect(verdict('downloads', { 'Allow DownLoad': 'Off' })).toBe('done');
  });

  it('finds the malformed "following list::" key, stored with or without its colons', () => {
    expect(verdict('following-list', { 'Who can see your following list::': 'Only me' })).toBe('done');
    expect(verdict('following-list', { 'Who can see your following list': 'Everyone' })).toBe('needs-attention');
  });

  it('reads an older key when the newer is absent, and prefers the newer when both are there', () => {
    const old = verifyStep(step('suggest-contacts'), { 'Allow Others to Find Me': 'Disabled' }, V)!;
    expect(old.verdict).toBe('done');
    expect(old.checks[0]!.foundKey).toBe('Allow Others to Find Me');
    expect(verdict('suggest-contacts', { 'Allow Others to Find Me': 'Disabled', 'Suggest your account to contacts': 'enabled' })).toBe('needs-attention');
    expect(verdict('duet', { 'Who Can React to Me': 'Everyone' })).toBe('needs-attention');
  });

  it('a step with two switches: any failing needs attention; a switch the export lacks is left out', () => {
    expect(verdict('browser-autofill', { 'Autofill contact information': 'Off', 'Autofill payment information': 'On' })).toBe('needs-attention');
    expect(verdict('browser-autofill', { 'Autofill contact information': 'Off', 'Autofill payment information': 'Off' })).toBe('done');
    expect(verdict('browser-autofill', { 'Autofill contact information': 'Off' })).toBe('done');
    expect(verdict('browser-autofill', { 'Autofill contact information': 'Off', 'Autofill payment information': 'Whatever' })).toBe('unknown');
    expect(verdict('browser-autofill', {})).toBe('unknown');
  });

  it('reads a field of a list value, kept as JSON or as nested keys', () => {
    const list = (status: string) => JSON.stringify([{ DailyScreenTimeLimit: '60 minutes', DailyScreenTimeToggleStatus: status }]);
    expect(verdict('screen-time', { ScreenTime: list('On') })).toBe('done');
    expect(verdict('screen-time', { ScreenTime: list('Off') })).toBe('needs-attention');
    expect(verdict('screen-time', { 'ScreenTime › DailyScreenTimeToggleStatus': 'On' })).toBe('done');
    expect(verdict('screen-time', { ScreenTime: 'not json' })).toBe('unknown');
  });

  it('Family Pairing: linked when a username is there, not linked when the list is empty, unknown when the key is absent', () => {
    expect(verdict('family-pairing', { FamilyPairing: JSON.stringify([{ FPAccountType: 'Parent', LinkedAccountUsername: 'teen_1' }]) })).toBe('done');
    expect(verdict('family-pairing', { FamilyPairing: JSON.stringify([{ FPAccountType: 'Parent', LinkedAccountUsername: 'N/A' }]) })).toBe('needs-attention');
    expect(verdict('family-pairing', { FamilyPairing: null })).toBe('needs-attention');
    expect(verdict('family-pairing', {})).toBe('unknown');
  });

  it('a step without checks has no verification', () => {
    expect(verifyStep(step('two-step-verification'), { 'Private Account': 'Enabled' }, V)).toBeNull();
  });
});

describe('verifying a whole export', () => {
  it('verifies the synthetic 2026 export: what it says, step by step', () => {
    const a = generateAccount({ seed: 7, scale: 0 });
    const v = verifySnapshot(C.steps, snapshot(1, a), V);
    expect(v.snapshotId).toBe(1);
    expect(v.exportedAt).toBe(timeMs(a.asOf));
    const by = Object.fromEntries(v.steps.map((s) => [s.stepId, s.verdict]));
    // the fixture: public, comments and reuse open to everyone, likes private, contacts suggested, screen time on
    expect(by).toMatchObject({
      'private-account': 'needs-attention',
      'comment-filters': 'done',
      'reuse-of-content': 'needs-attention',
      downloads: 'needs-attention',
      'liked-videos': 'done',
      'following-list': 'needs-attention',
      'suggest-contacts': 'needs-attention',
      'suggest-facebook': 'done',
      'browser-autofill': 'needs-attention',
      'screen-time': 'done',
      'family-pairing': 'needs-attention',
      'off-tiktok-ads': 'unknown', // a 2022-era key the 2026 export no longer has
    });
    expect(v.steps.map((s) => s.stepId)).toEqual(C.steps.filter((s) => s.checks).map((s) => s.id));
  });

  it('verifies the oldest layout through its own keys', () => {
    const a = generateAccount({ seed: 7, scale: 0 });
    const v = verifySnapshot(C.steps, snapshot(1, a, 'L1'), V);
    const by = Object.fromEntries(v.steps.map((s) => [s.stepId, s.verdict]));
    expect(by['off-tiktok-ads']).toBe('needs-attention'); // "Ads Based on Data Received from Partners": Enabled
    expect(by['duet']).toBe('needs-attention'); // "Who Can React to Me": Everyone
    expect(by['screen-time']).toBe('unknown');
  });
});

describe('regressions between two exports', () => {
  // The fixture account is public; a later export flips it private, the one after back to public.
  const first = generateAccount({ seed: 3, scale: 0 });
  const madePrivate = laterAccount(first, { days: 30 });
  const publicAgain = laterAccount(madePrivate, { days: 30 });

  it('export 1 private, export 2 public: private-account needs attention, with an alert', () => {
    expect(madePrivate.settings['Private Account']).toBe('Enabled');
    expect(publicAgain.settings['Private Account']).toBe('Disabled');
    const before = verifySnapshot(C.steps, snapshot(11, madePrivate), V);
    const after = verifySnapshot(C.steps, snapshot(12, publicAgain), V);
    expect(findRegressions(before, after)).toEqual([
      {
        stepId: 'private-account',
        state: 'needs-attention',
        alert: {
          code: REGRESSION_ALERT,
          params: { stepId: 'private-account', observed: 'Disabled', previousObserved: 'Enabled', snapshotId: 12, previousSnapshotId: 11 },
        },
      },
    ]);
  });

  it('the other way round (made private) is no regression', () => {
    const before = verifySnapshot(C.steps, snapshot(1, first), V);
    const after = verifySnapshot(C.steps, snapshot(2, madePrivate), V);
    expect(findRegressions(before, after)).toEqual([]);
  });

  it('a done step the newer export cannot show (unknown) is not a regression; one still failing is not either', () => {
    const v = (id: number, values: Record<string, string | null>) => verifySnapshot(C.steps, { snapshotId: id, exportedAt: null, values }, V);
    expect(findRegressions(v(1, { 'Private Account': 'Enabled' }), v(2, {}))).toEqual([]);
    expect(findRegressions(v(1, { 'Private Account': 'Disabled' }), v(2, { 'Private Account': 'Disabled' }))).toEqual([]);
    const two = findRegressions(v(1, { 'Private Account': 'On', 'Personalized Ads': 'Off' }), v(2, { 'Private Account': 'Off', 'Personalized Ads': 'On' }));
    expect(two.map((r) => r.stepId)).toEqual(['private-account', 'personalized-ads']);
  });
});

describe('the states a verification proposes', () => {
  const v = verifySnapshot(C.steps, { snapshotId: 1, exportedAt: null, values: { 'Private Account': 'Disabled', 'Personalized Ads': 'Disabled', 'Filter Comments': 'Enabled', 'Allow DownLoad': 'Everyone' } }, V);

  it('flags a step marked done that the export shows undone, and marks passing steps done', () => {
    expect(proposeStates({ 'private-account': 'done', 'personalized-ads': 'todo', 'comment-filters': 'needs-attention' }, v)).toEqual({
      'private-account': 'needs-attention',
      'personalized-ads': 'done',
      'comment-filters': 'done',
      downloads: 'needs-attention',
    });
  });

  it('leaves skipped and not-applicable steps, and states that already agree, alone', () => {
    expect(proposeStates({ 'private-account': 'skipped', downloads: 'not-applicable', 'personalized-ads': 'done', 'comment-filters': 'done' }, v)).toEqual({});
  });
});

describe('staleness and the fresh-export reminder', () => {
  const now = Date.UTC(2026, 5, 1, 12);

  it('a verification is stale once its export is older than the content’s interval (default as data)', () => {
    expect(C.staleAfterDays).toBe(90);
    expect(isStale(now - 90 * DAY, now, C.staleAfterDays)).toBe(false);
    expect(isStale(now - 91 * DAY, now, C.staleAfterDays)).toBe(true);
    expect(isStale(now - 10 * DAY, now, 7)).toBe(true);
    expect(isStale(null, now, C.staleAfterDays)).toBe(true);
    expect(ageInDays(now - DAY + 1, now)).toBe(0);
  });

  it('reminds to request a fresh export past the person’s interval, or when there is none', () => {
    expect(freshExportReminder(now - 30 * DAY, now, C.facts.freshExportIntervalDays)).toBeNull();
    expect(freshExportReminder(now - 120 * DAY, now, C.facts.freshExportIntervalDays)).toEqual({
      code: 'checklist-fresh-export-due',
      params: { hasExport: 'yes', days: 120, intervalDays: 90 },
    });
    expect(freshExportReminder(now - 40 * DAY, now, 30)?.params.days).toBe(40);
    expect(freshExportReminder(null, now, 90)).toEqual({ code: 'checklist-fresh-export-due', params: { hasExport: 'no', days: 0, intervalDays: 90 } });
  });
});
