// Using your rights: a request letter (access, deletion or a copy) under the law that applies,
// filled from the latest profile, and the date the answer is due. The letter is message keys and
// parameters (what the service returns); rightsText() words it for the CLI and the tests, the
// window does the same with its own translator.
import { translator, type Lang, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { Answers, ChecklistContent, Law, LawSpec, RightsRequestKind } from '../../shared/checklists';
import { cleanValue } from './checklist-verify';

export interface ProfileFacts {
  username: string | null;
  email: string | null;
}

/** The facts a letter needs from the profile dataset's key/values (ProfileMap: userName, emailAddress). */
export function profileFacts(values: Readonly<Record<string, string | null>>): ProfileFacts {
  const get = (name: string): string | null => {
    const key = Object.keys(values).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? null : cleanValue(values[key]);
  };
  return { username: get('userName'), email: get('emailAddress') };
}

/** The law for the questionnaire's region, or null where neither GDPR nor CCPA applies. */
export function lawFor(region: Answers['region'], content: ChecklistContent): LawSpec | null {
  return content.laws.find((l) => l.regions.includes(region)) ?? null;
}

export interface Message {
  key: string;
  params: Record<string, string>;
}

export interface RightsLetter {
  law: Law;
  request: RightsRequestKind;
  subject: Message;
  body: Message;
  /** one line per fact the export had (username, email) */
  identity: Message[];
  signoff: Message;
}

export function rightsLetter(request: RightsRequestKind, law: Law, profile: ProfileFacts, content: ChecklistContent): RightsLetter {
  const spec = content.laws.find((l) => l.id === law);
  if (!spec) throw new Error(`no law ${law} in the content`);
  const template = spec.templates[request];
  const username = profile.username ?? '';
  const identity: Message[] = [];
  if (profile.username) identity.push({ key: content.identity.username, params: { username: profile.username } });
  if (profile.email) identity.push({ key: content.identity.email, params: { email: profile.email } });
  return {
    law,
    request,
    subject: { key: template.subject, params: { basis: spec.basis[request] } },
    body: { key: template.body, params: { basis: spec.basis[request], username } },
    identity,
    signoff: { key: content.signoff, params: { username } },
  };
}

/** The letter worded in one language: a subject line and a body of paragraphs. */
export function rightsText(letter: RightsLetter, lang: Lang): { subject: string; body: string } {
  const tr = translator(lang);
  const say = (m: Message): string => tr.t(m.key as MessageKey, m.params as MessageParams);
  const identity = letter.identity.map(say).join('\n');
  return { subject: say(letter.subject), body: [say(letter.body), identity, say(letter.signoff)].filter(Boolean).join('\n\n') };
}

/** "YYYY-MM-DD" plus months, on the same day of the month or the month's last day when it has none. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parseDay(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return day(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDay(date);
  return day(Date.UTC(y, m - 1, d + days));
}

function parseDay(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // Date.UTC rolls 2026-13-01 over into 2027; a real day reads back the same
  if (!m || day(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) !== date) throw new Error(`not a day: ${date}`);
  return [+m[1]!, +m[2]!, +m[3]!];
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface Deadline {
  sentOn: string;
  /** the answer is due by this day */
  dueOn: string;
  /** the latest day if the company extends the period (it must say so before dueOn) */
  extendedDueOn: string;
}

/**
 * When the answer is due, counted from the day the request was sent (taken as received): GDPR
 * one month, extendable by two more (article 12(3)); CCPA 45 days, extendable once by 45.
 */
export function rightsDeadline(law: Law, sentOn: string, content: ChecklistContent): Deadline {
  const spec = content.laws.find((l) => l.id === law);
  if (!spec) throw new Error(`no law ${law} in the content`);
  const add = (from: string, p: LawSpec['answerWithin']): string => addDays(addMonths(from, p.months ?? 0), p.days ?? 0);
  const dueOn = add(sentOn, spec.answerWithin);
  // the extension runs on from the first period: GDPR's one + two months is three months from sending
  const both = {
    months: (spec.answerWithin.months ?? 0) + (spec.extendableBy.months ?? 0),
    days: (spec.answerWithin.days ?? 0) + (spec.extendableBy.days ?? 0),
  };
  return { sentOn, dueOn, extendedDueOn: add(sentOn, both) };
}
