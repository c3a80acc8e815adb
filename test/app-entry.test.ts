// Checking an entry of the register of connected apps (src/main/analysis/app-entry.ts): every
// invalid input gives BAD_APP_ENTRY with the field and reason, and its sentence reads in both
// languages.
import { describe, expect, it } from 'vitest';
import { appEntryIssues, checkAppEntry, sameAppName, type AppEntryInput, type ExistingApp } from '../src/main/analysis/app-entry';
import { FootprintError } from '../src/shared/errors';
import { translator } from '../src/shared/i18n';

const TODAY = '2026-06-01';
const valid: AppEntryInput = { name: 'Backup Buddy', scopes: ['user.info.basic', 'portability.all.ongoing'], grantedOn: '2026-01-15' };
const existing: ExistingApp[] = [
  { id: 1, name: 'Backup Buddy' },
  { id: 2, name: 'Old Scheduler', revokedOn: '2026-02-01' },
];
const issues = (patch: Partial<AppEntryInput>, ctx: { existing?: ExistingApp[] } = {}) =>
  appEntryIssues({ ...valid, ...patch }, { today: TODAY, ...ctx }).map((i) => i.params);

describe('a register entry', () => {
  it('a complete, sensible entry has no issue', () => {
    expect(issues({})).toEqual([]);
    expect(
      issues({ claims: ['who-viewed'], lastReviewedOn: '2026-04-01', revokedOn: '2026-05-01', reviewIntervalDays: 30, scopes: [], access: 'one-time' }),
    ).toEqual([]);
    expect(issues({ grantedOn: TODAY, lastReviewedOn: TODAY, revokedOn: TODAY })).toEqual([]); // today is not the future
  });

  it('an empty or blank name', () => {
    expect(issues({ name: '' })).toEqual([{ field: 'name', reason: 'empty' }]);
    expect(issues({ name: '  \t ' })).toEqual([{ field: 'name', reason: 'empty' }]);
    expect(issues({ name: 'x'.repeat(101) })).toEqual([{ field: 'name', reason: 'too_long', max: 100 }]);
    expect(issues({ name: ` ${'x'.repeat(100)} ` })).toEqual([]);
  });

  it('an unknown scope, each one named', () => {
    expect(issues({ scopes: ['user.info.basic', 'research.data.basic', 'video.delete'] })).toEqual([
      { field: 'scopes', reason: 'unknown_scope', scope: 'research.data.basic' },
      { field: 'scopes', reason: 'unknown_scope', scope: 'video.delete' },
    ]);
  });

  it('an unknown claim', () => {
    expect(issues({ claims: ['who-viewed', 'free-coins'] })).toEqual([{ field: 'claims', reason: 'unknown_claim', claim: 'free-coins' }]);
  });

  it('a revoke or review day before the grant', () => {
    expect(issues({ revokedOn: '2026-01-14' })).toEqual([{ field: 'revokedOn', reason: 'before_grant', grantedOn: '2026-01-15' }]);
    expect(issues({ lastReviewedOn: '2025-12-31' })).toEqual([{ field: 'lastReviewedOn', reason: 'before_grant', grantedOn: '2026-01-15' }]);
  });

  it('a day in the future', () => {
    expect(issues({ grantedOn: '2026-06-02' })).toEqual([{ field: 'grantedOn', reason: 'in_future' }]);
    expect(issues({ revokedOn: '2027-01-01' })).toEqual([{ field: 'revokedOn', reason: 'in_future' }]);
    expect(issues({ lastReviewedOn: '2026-06-02' })).toEqual([{ field: 'lastReviewedOn', reason: 'in_future' }]);
  });

  it('a date that is not a day', () => {
    expect(issues({ grantedOn: '15/01/2026' })).toEqual([{ field: 'grantedOn', reason: 'not_a_date' }]);
    expect(issues({ revokedOn: '2026-02-30' })).toEqual([{ field: 'revokedOn', reason: 'not_a_date' }]);
    // with no readable grant day, a later day cannot be "before" it
    expect(issues({ grantedOn: 'soon', revokedOn: '2026-01-01' })).toEqual([{ field: 'grantedOn', reason: 'not_a_date' }]);
  });

  it('a review interval outside the catalog’s range, or not whole days', () => {
    for (const bad of [0, 6, 731, 30.5, Number.NaN]) expect(issues({ reviewIntervalDays: bad }), String(bad)).toEqual([{ field: 'reviewIntervalDays', reason: 'interval', min: 7, max: 730 }]);
    expect(issues({ reviewIntervalDays: 7 })).toEqual([]);
    expect(issues({ reviewIntervalDays: 730 })).toEqual([]);
  });

  it('one-time or ongoing set by hand where the scopes decide it', () => {
    expect(issues({ access: 'one-time' })).toEqual([{ field: 'access', reason: 'access_derived' }]);
    expect(issues({ access: 'ongoing' })).toEqual([]); // agrees with the scopes
    expect(issues({ scopes: [], access: 'one-time' })).toEqual([]);
  });

  it('a second active app of the same name, whatever its case or spacing', () => {
    expect(issues({ name: 'backup  BUDDY ' }, { existing })).toEqual([{ field: 'name', reason: 'duplicate', name: 'Backup Buddy' }]);
    expect(issues({ name: 'Backup Buddy 2' }, { existing })).toEqual([]);
  });

  it('but not when the other one was removed, the new one is recorded as removed, or it is the entry being edited', () => {
    expect(issues({ name: 'old scheduler' }, { existing })).toEqual([]);
    expect(issues({ revokedOn: '2026-03-01' }, { existing })).toEqual([]);
    expect(issues({ id: 1, name: 'BACKUP BUDDY' }, { existing })).toEqual([]);
  });

  it('reports every problem at once, so a form can mark each field', () => {
    const all = issues({ name: '', scopes: ['nope'], grantedOn: '2030-01-01', reviewIntervalDays: 1 });
    expect(all.map((p) => `${p.field}:${p.reason}`)).toEqual(['name:empty', 'scopes:unknown_scope', 'grantedOn:in_future', 'reviewIntervalDays:interval']);
  });

  it('compares names the way people read them', () => {
    expect(sameAppName('Åka', 'a\u030Aka')).toBe(true); // composed and decomposed Å
    expect(sameAppName('Åka', 'Aka')).toBe(false);
  });
});

describe('the error', () => {
  it('checkAppEntry throws the first issue as a FootprintError and passes a valid entry', () => {
    expect(() => checkAppEntry(valid, { today: TODAY, existing: [] })).not.toThrow();
    let caught: unknown;
    try {
      checkAppEntry({ ...valid, name: ' ', revokedOn: '2020-01-01' }, { today: TODAY });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FootprintError);
    expect(caught).toMatchObject({ code: 'BAD_APP_ENTRY', params: { field: 'name', reason: 'empty' } });
  });

  it('reads as its own sentence for every reason, in both languages', () => {
    const samples = [
      issues({ name: '' }),
      issues({ name: 'x'.repeat(101) }),
      issues({ scopes: ['video.delete'] }),
      issues({ claims: ['x'] }),
      issues({ grantedOn: 'x' }),
      issues({ revokedOn: '2027-01-01' }),
      issues({ lastReviewedOn: '2025-01-01' }),
      issues({ name: 'BACKUP BUDDY' }, { existing }),
      issues({ reviewIntervalDays: 1 }),
      issues({ access: 'one-time' }),
    ].map((x) => x[0]!);
    for (const lang of ['en', 'sv'] as const) {
      const tr = translator(lang);
      const other = tr.t('error.BAD_APP_ENTRY', { reason: 'unheard-of' });
      const texts = samples.map((p) => tr.t('error.BAD_APP_ENTRY', p));
      for (const text of texts) expect(text).not.toBe(other);
      expect(new Set(texts).size).toBe(samples.length);
    }
    expect(translator('en').t('error.BAD_APP_ENTRY', samples[6]!)).toBe('The day you last reviewed it cannot be before the day you gave access (2026-01-15).');
    expect(translator('sv').t('error.BAD_APP_ENTRY', samples[7]!)).toContain('”Backup Buddy”');
  });
});
