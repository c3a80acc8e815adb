// The questionnaire (which steps apply), "do this first", progress per area, and the evidence from
// other datasets attached to the steps it helps decide.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_CONTENT as C } from '../src/main/analysis/checklist-content';
import { applies, doThisFirst, planChecklist, type PlannedStep } from '../src/main/analysis/checklist-plan';
import {
  appsWithOngoingAccess,
  dmsOpenToEveryone,
  evidenceForSteps,
  gatherEvidence,
  loginDevices,
  MAX_ITEMS,
  offTikTokAdvertisers,
  publicPostsWithLocation,
} from '../src/main/analysis/checklist-evidence';
import type { Answers, StepState } from '../src/shared/checklists';
import { translator } from '../src/shared/i18n';
import type { MessageKey } from '../src/shared/i18n';

const ADULT: Answers = { ageGroup: '18-plus', region: 'eea-uk', role: 'creator', usesDms: true, phone: 'ios' };
const hidden = (a: Answers) => planChecklist(C.steps, a).hidden;

describe('the questionnaire', () => {
  it('an adult creator in the EEA on iOS sees every step but Family Pairing', () => {
    expect(hidden(ADULT)).toEqual(['family-pairing']);
    expect(hidden({ ...ADULT, parent: true })).toEqual([]);
  });

  it('hides for 13–15 what TikTok does not offer them (DMs, downloads, activity status, view histories)', () => {
    const h = hidden({ ...ADULT, ageGroup: '13-15' });
    for (const id of ['direct-messages', 'downloads', 'activity-status', 'profile-views', 'post-views']) expect(h, id).toContain(id);
    expect(h).not.toContain('family-pairing');
    expect(h).not.toContain('private-account');
  });

  it('16–17 keep DMs and downloads but not activity status (18+ only)', () => {
    const h = hidden({ ...ADULT, ageGroup: '16-17' });
    expect(h).toContain('activity-status');
    expect(h).not.toContain('direct-messages');
    expect(h).not.toContain('downloads');
  });

  it('a viewer does not see the steps about their own posts', () => {
    const h = hidden({ ...ADULT, role: 'viewer' });
    for (const id of ['comments', 'comment-filters', 'reuse-of-content', 'duet', 'stitch', 'downloads', 'post-audience', 'post-location']) expect(h, id).toContain(id);
    expect(h).not.toContain('liked-videos');
  });

  it('Android hides the iPhone-only clipboard step; the US hides in-app location services', () => {
    expect(hidden({ ...ADULT, phone: 'android' })).toContain('os-clipboard');
    expect(hidden(ADULT)).not.toContain('os-clipboard');
    expect(hidden({ ...ADULT, region: 'us' })).toContain('location-services');
  });

  it('guide items follow the same rule: the transfer is EEA/UK only', () => {
    const transfer = C.guides.find((g) => g.id === 'get-your-data')!.items.find((i) => i.id === 'transfer')!;
    expect(applies(transfer, ADULT)).toBe(true);
    expect(applies(transfer, { ...ADULT, region: 'us' })).toBe(false);
    expect(applies(transfer, { ...ADULT, region: 'elsewhere' })).toBe(false);
  });

  it('gives the path for the person’s phone, and the web’s when there is one', () => {
    const plan = planChecklist(C.steps, { ...ADULT, phone: 'android' });
    const tracking = plan.steps.find((s) => s.id === 'os-tracking')!;
    expect(tracking.path?.labels).toContain('step.label.android-delete-ad-id');
    expect(tracking.path?.unconfirmed).toBe(true);
    expect(plan.steps.find((s) => s.id === 'private-account')!.webPath?.labels[0]).toBe('step.label.web-settings');
  });
});

describe('do this first', () => {
  it('is the most severe open step, in content order on a tie', () => {
    expect(planChecklist(C.steps, ADULT).first).toBe('two-step-verification');
    expect(planChecklist(C.steps, ADULT, { 'two-step-verification': 'done' }).first).toBe('recovery-contacts');
    const criticalDone: Record<string, StepState> = { 'two-step-verification': 'done', 'recovery-contacts': 'skipped' };
    expect(planChecklist(C.steps, ADULT, criticalDone).first).toBe('private-account');
  });

  it('prefers a step an export flagged over one merely to do, at the same severity', () => {
    const states: Record<string, StepState> = { 'two-step-verification': 'done', 'recovery-contacts': 'done', 'direct-messages': 'needs-attention' };
    expect(planChecklist(C.steps, ADULT, states).first).toBe('direct-messages');
  });

  it('does not depend on the order states are given in', () => {
    const entries: [string, StepState][] = [['two-step-verification', 'done'], ['recovery-contacts', 'done'], ['devices', 'needs-attention'], ['connected-apps', 'needs-attention']];
    const a = planChecklist(C.steps, ADULT, Object.fromEntries(entries)).first;
    const b = planChecklist(C.steps, ADULT, Object.fromEntries([...entries].reverse())).first;
    expect(a).toBe(b);
    expect(a).toBe('connected-apps'); // both high and flagged: connected-apps comes first in the content
  });

  it('is null when nothing is left open', () => {
    const all = Object.fromEntries(C.steps.map((s) => [s.id, 'done' as StepState]));
    expect(planChecklist(C.steps, ADULT, all).first).toBeNull();
    const step = (id: string, severity: PlannedStep['severity'], state: StepState): PlannedStep => ({ id, area: 'security', severity, state, path: null, webPath: null });
    expect(doThisFirst([step('a', 'low', 'todo'), step('b', 'critical', 'skipped'), step('c', 'medium', 'todo')])).toBe('c');
  });
});

describe('progress per area', () => {
  it('counts done, skipped and flagged steps of the applicable ones; not-applicable leaves the total', () => {
    const states: Record<string, StepState> = {
      'two-step-verification': 'done',
      passkey: 'skipped',
      devices: 'needs-attention',
      'security-alerts': 'not-applicable',
    };
    const security = planChecklist(C.steps, ADULT, states).progress.find((p) => p.area === 'security')!;
    const inArea = C.steps.filter((s) => s.area === 'security').length;
    expect(security).toEqual({ area: 'security', done: 1, skipped: 1, needsAttention: 1, total: inArea - 1 });
  });

  it('an area whose steps are all hidden is left out', () => {
    const onlyFamily = C.steps.filter((s) => s.area === 'wellbeing-family' && s.id === 'family-pairing');
    expect(planChecklist(onlyFamily, ADULT).progress).toEqual([]);
  });
});

describe('evidence from other datasets', () => {
  const en = translator('en');
  const say = (e: { code: string; params: Record<string, string | number> }) => en.t(e.code as MessageKey, e.params);

  it('counts public posts that carry a place (not private ones, not placeholders)', () => {
    const e = publicPostsWithLocation(
      [
        { whoCanView: 'Everyone', location: 'Exampletown' },
        { whoCanView: 'everyone', location: 'Sampleton' },
        { whoCanView: 'Friends', location: 'Exampletown' },
        { whoCanView: 'Only You', location: 'Exampletown' },
        { whoCanView: 'Everyone', location: 'N/A' },
      ],
      C.vocabulary,
    );
    expect(e.params).toEqual({ count: 2, posts: 5 });
    expect(say(e)).toBe('2 of your public posts carry a place.');
  });

  it('lists login devices, most recently seen first, each once', () => {
    const e = loginDevices([
      { deviceModel: 'iPhone14,4', deviceSystem: 'iOS 17.6.1', at: 1 },
      { deviceModel: 'Pixel 8', deviceSystem: 'Android 14', at: 5 },
      { deviceModel: 'iPhone14,4', deviceSystem: 'iOS 17.6.1', at: 9 },
      { deviceModel: '', deviceSystem: 'N/A', at: 10 },
    ]);
    expect(e.items).toEqual(['iPhone14,4 (iOS 17.6.1)', 'Pixel 8 (Android 14)']);
    expect(e.params.count).toBe(2);
  });

  it('names advertisers that sent off-TikTok data (events and older partner lists), most events first, capped', () => {
    const rows = [{ source: 'com.example.shop' }, { source: 'Example Air' }, { source: 'com.example.shop' }, { source: 'N/A' }];
    const e = offTikTokAdvertisers(rows, ['Partner One', 'Example Air']);
    expect(e.items).toEqual(['com.example.shop', 'Example Air', 'Partner One']);
    expect(e.params).toEqual({ count: 3, events: 4 });
    const many = offTikTokAdvertisers(Array.from({ length: 15 }, (_, i) => ({ source: `s${i}` })));
    expect([many.params.count, many.items.length]).toEqual([15, MAX_ITEMS]);
  });

  it('says whether DMs are open to everyone, from the settings', () => {
    expect(dmsOpenToEveryone({ 'Who Can Send Me Message': 'Everyone' }, C.vocabulary)?.params).toEqual({ open: 'yes' });
    expect(dmsOpenToEveryone({ 'Who Can Send Me Message': 'Friends' }, C.vocabulary)?.params).toEqual({ open: 'no' });
    expect(dmsOpenToEveryone({}, C.vocabulary)).toBeNull();
  });

  it('names registered apps that still have ongoing access', () => {
    const e = appsWithOngoingAccess([
      { name: 'Archiver', accessMode: 'ongoing', revoked: false },
      { name: 'Old sync', accessMode: 'ongoing', revoked: true },
      { name: 'One-off', accessMode: 'one-time', revoked: false },
    ]);
    expect(e.items).toEqual(['Archiver']);
    expect(translator('sv').t(e.code as MessageKey, e.params)).toBe('1 app som du har registrerat kan fortsätta hämta dina uppgifter.');
  });

  it('attaches each kind of evidence to the steps that ask for it', () => {
    const evidence = gatherEvidence(
      {
        posts: [{ whoCanView: 'Everyone', location: 'Exampletown' }],
        logins: [{ deviceModel: 'Pixel 8', deviceSystem: 'Android 14', at: 1 }],
        offTikTok: [{ source: 'com.example.shop' }],
        settings: { 'Who Can Send Me Message': 'Everyone' },
        apps: [],
        blockedCount: 3,
        profile: { emailAddress: 'sam@example.com', telephoneNumber: 'None' },
      },
      C.vocabulary,
    );
    const byStep = evidenceForSteps(C.steps, evidence);
    expect(byStep['post-location']!.map((e) => e.kind)).toEqual(['public-posts-with-location']);
    expect(byStep['post-audience']!.map((e) => e.kind)).toEqual(['public-posts-with-location']);
    expect(byStep['devices']!.map((e) => e.kind)).toEqual(['login-devices']);
    expect(byStep['disconnect-advertisers']!.map((e) => e.kind)).toEqual(['off-tiktok-advertisers']);
    expect(byStep['off-tiktok-ads']!.map((e) => e.kind)).toEqual(['off-tiktok-advertisers']);
    expect(byStep['direct-messages']!.map((e) => e.kind)).toEqual(['dms-open-to-everyone']);
    expect(byStep['connected-apps']![0]!.params).toEqual({ count: 0 });
    expect(say(byStep['blocked-accounts']![0]!)).toBe('You have blocked 3 accounts.');
    expect(say(byStep['recovery-contacts']![0]!)).toBe('Your export has an email address and no phone number.');
    expect(byStep['private-account']).toBeUndefined();
  });

  it('gives no evidence of a kind whose input is missing', () => {
    expect(gatherEvidence({}, C.vocabulary)).toEqual({});
    expect(Object.keys(gatherEvidence({ adPartners: ['P'] }, C.vocabulary))).toEqual(['off-tiktok-advertisers']);
  });
});

describe('the questionnaire on guide items', () => {
  it('someone who does not use direct messages is not told about them in the teen guide', () => {
    const item = C.guides.find((g) => g.id === 'teen')!.items.find((i) => i.id === 'messages-not-private')!;
    expect(applies(item, { ...ADULT, ageGroup: '16-17' })).toBe(true);
    expect(applies(item, { ...ADULT, ageGroup: '16-17', usesDms: false })).toBe(false);
  });
});
