// Alerts for a newer snapshot: security (login devices, IPs, networks, carriers, countries and
// network owners never seen before; new device identifiers) and data flow (new off-TikTok sources
// and events, advertisers, share methods; followers, following and block list changes).
// "Never seen before" means: in no snapshot exported up to the older one of the pair.
//
// Two steps around the store: alertQuestions says which new-value and membership queries to run
// (store/new-values.ts), changeAlerts turns their answers into alerts. An alert is a kind, plain
// parameters and its evidence; the door words it (`alert.<kind>` in i18n/messages/changes.ts).
// What is one event is one alert: new addresses sharing a network owner and a country, a known
// model's new systems, the new kinds of off-TikTok event, the new ad interests. Keys, severity,
// order and the person's decisions are added after (alert-triage.ts).
import type { AlertKind, ChangeAlert, ChangeParams, FoundAlert, StillThereFinding } from '../../shared/contract';
import { setKey } from './alert-triage';
import { lookupIp } from './iplookup';
import type { Snap } from './order';

/** Record ids kept as evidence per alert. */
export const MAX_EVIDENCE = 20;
/** Names (usernames, IPs) listed in an aggregated alert; `more` counts the rest. */
export const MAX_NAMES = 5;

/** A value no earlier record had, with the newer snapshot's records carrying it (store ValueGroup). */
export interface Group {
  value: string;
  count: number;
  ids: number[];
  at: number | null;
}

/** A list member only one snapshot holds, with its first record (store Member). */
export interface Member {
  value: string;
  id: number;
  at: number | null;
}

/** A compared value: a canonical field, or fields joined with U+001F (store ValueColumn). */
export type ValueColumn = string | { parts: string[]; required: string };

/** A question for the store: the values of these columns the newer snapshot brings. */
export interface NewValueQuestion {
  dataset: string;
  columns: Record<string, ValueColumn>;
  /** columns whose earlier values are wanted too */
  seen?: string[];
}

const LOGINS: NewValueQuestion = {
  dataset: 'login_history',
  columns: {
    model: 'deviceModel',
    device: { parts: ['deviceModel', 'deviceSystem'], required: 'deviceModel' },
    ip: 'ip',
    network: 'networkType',
    carrier: 'carrier',
  },
  seen: ['ip'],
};

/** Device identifier fields of device_status, in the order their alerts are listed. */
const DEVICE_IDS = ['idfa', 'gaid', 'idfv', 'androidId', 'webId', 'did', 'uid', 'openUdid', 'clientUdid'] as const;
const DEVICES: NewValueQuestion = { dataset: 'device_status', columns: Object.fromEntries(DEVICE_IDS.map((f) => [f, f])) };

const OFF_TIKTOK: NewValueQuestion = { dataset: 'off_tiktok_activity', columns: { source: 'source', event: 'event' } };
const AD_PARTNERS: NewValueQuestion = { dataset: 'ad_partners', columns: { partner: { parts: ['list', 'name'], required: 'name' } } };
const AD_INTERESTS: NewValueQuestion = { dataset: 'ad_interests', columns: { name: 'name' } };
const SHARES: NewValueQuestion = { dataset: 'shares', columns: { method: 'method' } };

const NEW_VALUE_QUESTIONS = [LOGINS, DEVICES, OFF_TIKTOK, AD_PARTNERS, AD_INTERESTS, SHARES];

/** List datasets compared member by member (by their `username` field). */
const SOCIAL: [dataset: string, gained: AlertKind, lost: AlertKind][] = [
  ['followers', 'followers-gained', 'followers-lost'],
  ['following', 'following-added', 'following-removed'],
  ['blocked', 'blocked-added', 'blocked-removed'],
];
export const MEMBER_FIELD = 'username';

/** Every dataset an alert may come from (what to ask diffTouches about). */
export const ALERT_DATASETS: readonly string[] = [...NEW_VALUE_QUESTIONS.map((q) => q.dataset), ...SOCIAL.map(([d]) => d)];

/** What the store said about the pair before any question: which datasets each side holds, and what the diff touches. */
export interface AlertContext {
  inFrom: ReadonlySet<string>;
  inTo: ReadonlySet<string>;
  /** datasets any baseline snapshot holds */
  inBaseline: ReadonlySet<string>;
  touched: ReadonlyMap<string, { added: boolean; any: boolean }>;
}

/**
 * The questions worth asking: a new-value question only where the newer snapshot has the dataset,
 * something earlier had it too (else everything would be "new") and records were added; a
 * membership question where both snapshots have the dataset and the diff touches it.
 */
export function alertQuestions(ctx: AlertContext): { newValues: NewValueQuestion[]; membership: string[] } {
  return {
    newValues: NEW_VALUE_QUESTIONS.filter((q) => ctx.inTo.has(q.dataset) && ctx.inBaseline.has(q.dataset) && ctx.touched.get(q.dataset)?.added),
    membership: SOCIAL.map(([d]) => d).filter((d) => ctx.inFrom.has(d) && ctx.inTo.has(d) && ctx.touched.get(d)?.any),
  };
}

/** The store's answers: per dataset asked, the fresh values per column (and the seen ones asked for); per list, who joined and left. */
export interface AlertAnswers {
  newValues: ReadonlyMap<string, { fresh: Record<string, Group[]>; seen: Record<string, string[]> }>;
  membership: ReadonlyMap<string, { gained: Member[]; lost: Member[] }>;
  stillThere: readonly StillThereFinding[];
}

function evidence(snapshotId: number, ids: number[], at: number | null): ChangeAlert['evidence'] {
  return { snapshotId, recordIds: ids.slice(0, MAX_EVIDENCE), at };
}

const alert = (kind: AlertKind, params: ChangeParams, g: Pick<Group, 'ids' | 'at'>, snapshotId: number): FoundAlert => ({
  kind,
  params,
  evidence: evidence(snapshotId, g.ids, g.at),
});

/** A few names and how many more there are. */
function names(values: string[]): { names: string[]; more: number } {
  return { names: values.slice(0, MAX_NAMES), more: Math.max(0, values.length - MAX_NAMES) };
}

/** An owner's label as network people write it: "AS15169 Google LLC". */
const networkLabel = (asn: number, org: string | null) => `AS${asn}${org ? ` ${org}` : ''}`;

interface Aggregate {
  ips: string[];
  ids: number[];
  at: number | null;
  count: number;
}

function addTo(e: Aggregate, g: Group): void {
  e.ips.push(g.value);
  e.ids.push(...g.ids);
  e.count += g.count;
  if (e.at === null || (g.at !== null && g.at < e.at)) e.at = g.at;
}

// ---- security ----

/** A network group: the new addresses that share an owner and a country (one event, one alert). */
interface NetworkGroup extends Aggregate {
  asn: number | null;
  org: string | null;
  country: string | null;
  invalid: boolean;
}

/** The key a network group is remembered under: "AS<n>|<country>", "-" for what the lookup does not know. */
export const networkKey = (asn: number | null, country: string | null, invalid = false): string =>
  invalid ? 'invalid' : `${asn !== null ? `AS${asn}` : '-'}|${country ?? '-'}`;

function loginAlerts(to: Snap, answer: { fresh: Record<string, Group[]>; seen: Record<string, string[]> } | undefined): FoundAlert[] {
  if (!answer) return [];
  const fresh = (c: string) => answer.fresh[c] ?? [];
  const out: FoundAlert[] = [];

  // A model never seen: one alert with its systems. A model seen with systems not seen on it: one
  // alert per model (an update, or another device of the same model), not one per system.
  const newModels = new Set(fresh('model').map((g) => g.value));
  const byModel = new Map<string, { systems: string[]; ids: number[]; at: number | null; count: number; known: boolean }>();
  for (const g of fresh('device')) {
    const [m, sys] = g.value.split('\u001f') as [string, string];
    const entry = byModel.get(m) ?? { systems: [], ids: [], at: g.at, count: 0, known: !newModels.has(m) };
    if (sys) entry.systems.push(sys);
    entry.ids.push(...g.ids);
    entry.count += g.count;
    if (entry.at === null || (g.at !== null && g.at < entry.at)) entry.at = g.at;
    byModel.set(m, entry);
  }
  for (const [m, e] of byModel) {
    if (e.known && e.systems.length === 0) continue;
    out.push({ ...alert(e.known ? 'new-device-system' : 'new-device', { model: m, systems: e.systems, count: e.count }, e, to.id), key: m });
  }

  // New addresses, grouped by network owner and country (looked up offline): seven new addresses
  // from the home provider are one alert, not seven. The group's kind says what is new: a country
  // never seen, else an owner never seen, else only the addresses.
  const freshIps = fresh('ip').map((g) => ({ g, info: lookupIp(g.value) }));
  const seenCountries = new Set<string>();
  const seenOwners = new Set<number>();
  if (freshIps.some((c) => c.info?.country || c.info?.asn != null)) {
    for (const v of answer.seen.ip ?? []) {
      const info = lookupIp(v);
      if (info?.country) seenCountries.add(info.country);
      if (info?.asn != null) seenOwners.add(info.asn);
    }
  }
  const groups = new Map<string, NetworkGroup>();
  for (const { g, info } of freshIps) {
    const asn = info?.asn ?? null;
    const country = info?.country ?? null;
    const key = networkKey(asn, country, !info);
    const e = groups.get(key) ?? { asn, org: info?.org ?? null, country, invalid: !info, ips: [], ids: [], at: g.at, count: 0 };
    addTo(e, g);
    groups.set(key, e);
  }
  for (const [key, e] of groups) {
    const kind: AlertKind =
      e.country !== null && !seenCountries.has(e.country) ? 'new-country' : e.asn !== null && !seenOwners.has(e.asn) ? 'new-network-owner' : 'new-ip';
    const network = e.asn !== null ? networkLabel(e.asn, e.org) : null;
    const where = e.invalid ? 'invalid' : e.country && network ? 'found' : e.country ? 'country' : network ? 'network' : 'none';
    const { names: ips, more } = names(e.ips);
    out.push({ ...alert(kind, { where, network, asn: e.asn, country: e.country, ips, more, addresses: e.ips.length, count: e.count }, e, to.id), key });
  }

  for (const g of fresh('network')) out.push(alert('new-network-type', { networkType: g.value, count: g.count }, g, to.id));
  for (const g of fresh('carrier')) out.push(alert('new-carrier', { carrier: g.value, count: g.count }, g, to.id));
  return out;
}

function deviceIdAlerts(to: Snap, answer: { fresh: Record<string, Group[]> } | undefined): FoundAlert[] {
  if (!answer) return [];
  // One device brings several identifiers at once (its DID, Android ID, advertising ID…), all in
  // one device record: one alert per record, named by its first identifier in DEVICE_IDS order.
  const byRecord = new Map<number, { identifier: string; g: Group }[]>();
  const loose: { identifier: string; g: Group }[][] = [];
  for (const identifier of DEVICE_IDS) {
    for (const g of answer.fresh[identifier] ?? []) {
      // An all-zero advertising ID means tracking was refused: not an identifier.
      if (/^[0-]+$/.test(g.value)) continue;
      const record = g.ids[0];
      if (record === undefined) loose.push([{ identifier, g }]);
      else byRecord.set(record, [...(byRecord.get(record) ?? []), { identifier, g }]);
    }
  }
  return [...byRecord.values(), ...loose].map((found) => {
    const [{ identifier, g }] = found as [{ identifier: string; g: Group }];
    const ids = [...new Set(found.flatMap((f) => f.g.ids))];
    return alert('new-device-identifier', { identifier, value: g.value, sameDevice: found.length - 1 }, { ids, at: g.at }, to.id);
  });
}

// ---- data flow ----

function dataFlowAlerts(from: Snap, to: Snap, answers: AlertAnswers): FoundAlert[] {
  const out: FoundAlert[] = [];
  const fresh = (q: NewValueQuestion, column: string) => answers.newValues.get(q.dataset)?.fresh[column] ?? [];
  /** many values of one kind arriving together are one alert: the first few named, all counted, keyed by the whole set */
  const together = (kind: AlertKind, groups: Group[], field: string, extra: ChangeParams = {}): FoundAlert | null => {
    if (groups.length === 0) return null;
    const values = groups.map((g) => g.value);
    const joined: Aggregate = { ips: [], ids: [], at: groups[0]!.at, count: 0 };
    for (const g of groups) addTo(joined, g);
    return { ...alert(kind, { [field]: names(values).names, more: names(values).more, n: values.length, ...extra }, joined, to.id), key: setKey(values) };
  };
  for (const g of fresh(OFF_TIKTOK, 'source')) out.push(alert('new-off-tiktok-source', { source: g.value, count: g.count }, g, to.id));
  const events = fresh(OFF_TIKTOK, 'event');
  const ev = together('new-off-tiktok-event', events, 'events', { count: events.reduce((n, g) => n + g.count, 0) });
  if (ev) out.push(ev);
  for (const g of fresh(AD_PARTNERS, 'partner')) {
    const [list, partner] = g.value.split('\u001f') as [string, string];
    out.push(alert('new-ad-partner', { partner, list: /partner/i.test(list) ? 'partner' : 'advertiser' }, g, to.id));
  }
  const interests = together('new-ad-interest', fresh(AD_INTERESTS, 'name'), 'interests');
  if (interests) out.push(interests);
  for (const g of fresh(SHARES, 'method')) out.push(alert('new-share-method', { method: g.value, count: g.count }, g, to.id));

  for (const [dataset, gainedKind, lostKind] of SOCIAL) {
    const m = answers.membership.get(dataset);
    if (!m) continue;
    const at = (rows: Member[]) => rows.find((r) => r.at !== null)?.at ?? null;
    const side = (kind: AlertKind, rows: Member[], snapshotId: number): FoundAlert => ({
      ...alert(kind, { count: rows.length, ...names(rows.map((r) => r.value)) }, { ids: rows.map((r) => r.id), at: at(rows) }, snapshotId),
      key: setKey(rows.map((r) => r.value)),
    });
    if (m.gained.length > 0) out.push(side(gainedKind, m.gained, to.id));
    if (m.lost.length > 0) out.push(side(lostKind, m.lost, from.id));
  }
  return out;
}

function stillThereAlerts(findings: readonly StillThereFinding[]): FoundAlert[] {
  return findings.map((f) => ({
    kind: 'still-there-after-deletion',
    key: `${f.source}:${f.recordId}`,
    params: { dataset: f.dataset, deletedAt: f.deletedAt, dated: f.daysAfterDeletion !== null, days: f.daysAfterDeletion, source: f.source },
    evidence: { snapshotId: f.snapshotId, recordIds: [...new Set([f.foundRecordId, f.recordId])], at: f.deletedAt },
  }));
}

/** The alerts for the pair (from the same snapshot twice: only what is still there after deletion). */
export function changeAlerts(from: Snap, to: Snap, answers: AlertAnswers): FoundAlert[] {
  if (from.id === to.id) return stillThereAlerts(answers.stillThere);
  return [
    ...loginAlerts(to, answers.newValues.get(LOGINS.dataset)),
    ...deviceIdAlerts(to, answers.newValues.get(DEVICES.dataset)),
    ...stillThereAlerts(answers.stillThere),
    ...dataFlowAlerts(from, to, answers),
  ];
}
