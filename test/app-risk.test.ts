// Risk of a third-party app from its scopes and from what the person says it promised, and whether
// its access is one-time or ongoing (src/main/analysis/app-risk.ts, app-access.ts).
import { describe, expect, it } from 'vitest';
import { assessAppRisk } from '../src/main/analysis/app-risk';
import { grantAccess } from '../src/main/analysis/app-access';
import { translator, type MessageKey } from '../src/shared/i18n';
import { SCOPE_CATALOG } from '../src/main/analysis/app-scopes';

const ids = (scopes: string[], claims: ('who-viewed' | 'free-followers' | 'asked-password')[] = []) =>
  assessAppRisk({ scopes, claims }).reasons.map((r) => r.id);

describe('risk from scopes', () => {
  it('a login-only app is low risk, for the id that links one developer’s apps', () => {
    const risk = assessAppRisk({ scopes: ['user.info.basic'] });
    expect(risk.level).toBe('low');
    expect(risk.reasons).toEqual([{ id: 'cross-app-id', level: 'low', params: {}, scopes: ['user.info.basic'] }]);
  });

  it('posting on your behalf makes an otherwise harmless app high risk', () => {
    const risk = assessAppRisk({ scopes: ['user.info.basic', 'video.list', 'video.publish'] });
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((r) => r.id)).toEqual(['posts-on-your-behalf', 'cross-app-id', 'public-videos']);
  });

  it('drafts alone stay low: you still decide what is posted', () => {
    expect(assessAppRisk({ scopes: ['user.info.basic', 'video.upload'] }).level).toBe('low');
  });

  it('one copy of posts and profile is medium; ongoing copies add the repeated-copies reason', () => {
    expect(assessAppRisk({ scopes: ['portability.postsandprofile.single'] }).level).toBe('medium');
    expect(ids(['portability.postsandprofile.single'])).toEqual(['contact-details', 'social-graph']);
    expect(ids(['portability.postsandprofile.ongoing'])).toEqual(['contact-details', 'social-graph', 'repeated-full-copies']);
  });

  it('activity: one copy is medium, ongoing access is high (it keeps following what you watch)', () => {
    expect(assessAppRisk({ scopes: ['portability.activity.single'] }).level).toBe('medium');
    const ongoing = assessAppRisk({ scopes: ['portability.activity.ongoing'] });
    expect(ongoing.level).toBe('high');
    expect(ongoing.reasons[0]!.id).toBe('ongoing-activity');
  });

  it('direct messages are high once, and ongoing access to them is its own reason', () => {
    expect(ids(['portability.directmessages.single'])).toEqual(['direct-messages']);
    expect(ids(['portability.directmessages.ongoing'])).toEqual(['direct-messages', 'ongoing-direct-messages', 'repeated-full-copies']);
  });

  it('the full archive names login IPs and device ids (full-archive) and messages, each reason once', () => {
    const risk = assessAppRisk({ scopes: ['portability.all.ongoing', 'portability.directmessages.ongoing'] });
    expect(risk.level).toBe('high');
    const dm = risk.reasons.find((r) => r.id === 'ongoing-direct-messages')!;
    expect(dm.scopes).toEqual(['portability.directmessages.ongoing', 'portability.all.ongoing']); // catalog order
    expect(new Set(risk.reasons.map((r) => r.id)).size).toBe(risk.reasons.length);
    expect(risk.reasons.map((r) => r.id)).toContain('full-archive');
  });

  it('sorts highest level first and gives the same answer whatever order the scopes were noted in', () => {
    const a = assessAppRisk({ scopes: ['video.list', 'portability.activity.single', 'video.publish'] });
    const b = assessAppRisk({ scopes: ['video.publish', 'video.list', 'portability.activity.single'] });
    expect(a).toEqual(b);
    expect(a.reasons.map((r) => r.level)).toEqual(['high', 'medium', 'low']);
  });

  it('no scopes noted is medium: Footprint cannot tell how much the app sees', () => {
    expect(assessAppRisk({ scopes: [] })).toEqual({ level: 'medium', reasons: [{ id: 'scopes-unknown', level: 'medium', params: {}, scopes: [] }] });
    expect(ids(['no.such.scope'])).toEqual(['scopes-unknown']);
  });
});

describe('risk from what the app promised', () => {
  it.each([
    ['who-viewed', 'claim-who-viewed'],
    ['free-followers', 'claim-free-followers'],
    ['asked-password', 'claim-asked-password'],
  ] as const)('%s makes even a login-only app high risk', (claim, reason) => {
    const risk = assessAppRisk({ scopes: ['user.info.basic'], claims: [claim] });
    expect(risk.level).toBe('high');
    expect(risk.reasons[0]).toEqual({ id: reason, level: 'high', params: {}, scopes: [], claim });
    expect(risk.reasons.map((r) => r.id)).toContain('cross-app-id');
  });

  it('all three claims give three reasons, in catalog order', () => {
    expect(ids(['user.info.basic'], ['asked-password', 'who-viewed', 'free-followers']).slice(0, 3)).toEqual([
      'claim-who-viewed',
      'claim-free-followers',
      'claim-asked-password',
    ]);
  });

  it('every reason reads in both languages', () => {
    for (const lang of ['en', 'sv'] as const) {
      const tr = translator(lang);
      for (const r of SCOPE_CATALOG.riskReasons) expect(tr.t(r.text as MessageKey)).toMatch(/\S{3}/);
    }
  });
});

describe('one-time or ongoing access', () => {
  it('is derived from the scopes: ongoing if any one of them is', () => {
    expect(grantAccess(['portability.activity.single'])).toEqual({ access: 'one-time', derived: true, editable: false, ongoingScopes: [] });
    expect(grantAccess(['portability.activity.single', 'portability.directmessages.ongoing'])).toEqual({
      access: 'ongoing',
      derived: true,
      editable: false,
      ongoingScopes: ['portability.directmessages.ongoing'],
    });
  });

  it('Login Kit and Display scopes are ongoing: the app keeps a login it can renew', () => {
    expect(grantAccess(['portability.all.single', 'user.info.basic']).access).toBe('ongoing');
  });

  it('cannot be overridden when scopes decide it', () => {
    expect(grantAccess(['portability.all.ongoing'], 'one-time')).toMatchObject({ access: 'ongoing', editable: false });
  });

  it('is the person’s choice only when no scope is noted, and ongoing until they choose', () => {
    expect(grantAccess([])).toEqual({ access: 'ongoing', derived: false, editable: true, ongoingScopes: [] });
    expect(grantAccess([], 'one-time')).toEqual({ access: 'one-time', derived: false, editable: true, ongoingScopes: [] });
  });

  it('follows the rule in the data, not in the code', () => {
    const strict = { ...SCOPE_CATALOG, access: { ...SCOPE_CATALOG.access, ongoingIfAnyScope: false, editableWhenNoScopes: false, defaultWhenUnknown: 'one-time' as const } };
    expect(grantAccess(['portability.activity.single', 'portability.directmessages.ongoing'], null, strict).access).toBe('one-time');
    expect(grantAccess([], null, strict)).toMatchObject({ access: 'one-time', editable: false });
  });
});
