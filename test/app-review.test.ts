// When an app with ongoing access comes due for review (src/main/analysis/app-review.ts), and the
// calendar-day arithmetic under it (app-days.ts).
import { describe, expect, it } from 'vitest';
import { dueForReview, reviewState, type ReviewInput } from '../src/main/analysis/app-review';
import { addDays, dayNumber, isoDay } from '../src/main/analysis/app-days';
import { translator } from '../src/shared/i18n';

const ongoing = (extra: Partial<ReviewInput> = {}): ReviewInput => ({ grantedOn: '2026-01-10', access: 'ongoing', ...extra });

describe('review dates', () => {
  it('an ongoing grant comes due 90 days after it was given', () => {
    expect(reviewState(ongoing(), '2026-04-09')).toEqual({ state: 'scheduled', dueOn: '2026-04-10', inDays: 1, countedFrom: '2026-01-10', intervalDays: 90 });
    expect(reviewState(ongoing(), '2026-04-10')).toEqual({ state: 'due', dueOn: '2026-04-10', overdueDays: 0, countedFrom: '2026-01-10', intervalDays: 90 });
    expect(reviewState(ongoing(), '2026-05-01')).toMatchObject({ state: 'due', overdueDays: 21 });
  });

  it('a custom interval replaces the 90 days', () => {
    expect(reviewState(ongoing({ reviewIntervalDays: 30 }), '2026-02-08')).toMatchObject({ state: 'scheduled', dueOn: '2026-02-09', inDays: 1, intervalDays: 30 });
    expect(reviewState(ongoing({ reviewIntervalDays: 30 }), '2026-02-09')).toMatchObject({ state: 'due', overdueDays: 0 });
    expect(reviewState(ongoing({ reviewIntervalDays: null }), '2026-02-09')).toMatchObject({ state: 'scheduled', intervalDays: 90 });
  });

  it('a review restarts the count from the review day', () => {
    const reviewed = ongoing({ lastReviewedOn: '2026-04-20' });
    expect(reviewState(reviewed, '2026-05-01')).toEqual({ state: 'scheduled', dueOn: '2026-07-19', inDays: 79, countedFrom: '2026-04-20', intervalDays: 90 });
    expect(reviewState(reviewed, '2026-07-25')).toMatchObject({ state: 'due', overdueDays: 6 });
  });

  it('counts from the grant when a (re-)grant is later than the last review', () => {
    expect(reviewState(ongoing({ grantedOn: '2026-03-01', lastReviewedOn: '2026-02-01' }), '2026-03-02')).toMatchObject({
      countedFrom: '2026-03-01',
      dueOn: '2026-05-30',
    });
  });

  it('a removed app is never due, however long ago', () => {
    expect(reviewState(ongoing({ revokedOn: '2026-02-01' }), '2030-01-01')).toEqual({ state: 'revoked', revokedOn: '2026-02-01' });
  });

  it('one-time access is never due', () => {
    expect(reviewState({ grantedOn: '2020-01-01', access: 'one-time' }, '2030-01-01')).toEqual({ state: 'one-time' });
  });

  it('crosses month ends, leap days and years by the calendar', () => {
    expect(reviewState(ongoing({ grantedOn: '2027-12-01' }), '2028-01-01')).toMatchObject({ dueOn: '2028-02-29' });
    expect(reviewState(ongoing({ grantedOn: '2025-12-31', reviewIntervalDays: 1 }), '2026-01-01')).toMatchObject({ state: 'due', dueOn: '2026-01-01' });
  });

  it('refuses a date that is not a day rather than guess (entries are checked first)', () => {
    expect(() => reviewState(ongoing({ grantedOn: '2026-02-30' }), '2026-03-01')).toThrow(RangeError);
  });

  it('the review messages read in both languages', () => {
    expect(translator('en').t('app.review.due', { days: 21 })).toBe('Review overdue by 21 days');
    expect(translator('sv').t('app.review.due', { days: 21 })).toBe('Skulle ha setts över för 21 dagar sedan');
    expect(translator('sv').t('app.review.interval', { days: 90 })).toBe('Se över var 90:e dag');
  });
});

describe('the apps due today', () => {
  const apps = [
    { id: 'a', name: 'Scheduler', ...ongoing({ grantedOn: '2026-03-01' }) }, // due 2026-05-30
    { id: 'b', name: 'Old backup', ...ongoing({ grantedOn: '2025-06-01' }) }, // due 2025-08-30
    { id: 'c', name: 'Removed', ...ongoing({ grantedOn: '2025-01-01', revokedOn: '2025-02-01' }) },
    { id: 'd', name: 'One copy', grantedOn: '2025-01-01', access: 'one-time' as const },
    { id: 'e', name: 'Reviewed', ...ongoing({ grantedOn: '2025-01-01', lastReviewedOn: '2026-05-01' }) }, // due 2026-07-30
  ];

  it('lists only ongoing, not removed apps whose day has come, longest overdue first', () => {
    const due = dueForReview(apps, '2026-06-01');
    expect(due.map((d) => [d.entry.id, d.dueOn, d.overdueDays])).toEqual([
      ['b', '2025-08-30', 275],
      ['a', '2026-05-30', 2],
    ]);
  });

  it('is empty on a day nothing is due', () => {
    expect(dueForReview(apps.filter((a) => a.id !== 'b'), '2026-05-29')).toEqual([]);
  });
});

describe('calendar days', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '01/02/2026', '2026-01-01T00:00:00Z', '']) expect(dayNumber(bad), bad).toBeNull();
    expect(dayNumber('2028-02-29')).not.toBeNull();
  });

  it('adds days and writes them back', () => {
    expect(addDays('2026-01-10', 90)).toBe('2026-04-10');
    expect(isoDay(dayNumber('2026-03-29')!)).toBe('2026-03-29');
  });
});
