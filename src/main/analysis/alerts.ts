// Alerts for a newer snapshot: security (login devices, IPs, networks, carriers, countries and
// network owners never seen before; new device identifiers) and data flow (new off-TikTok sources
// and events, advertisers, share methods; followers, following and block list changes).
// "Never seen before" means: in no snapshot exported up to the older one of the pair.
import { datasetSpec } from '../../shared/catalog';
import type { AlertKind, ChangeAlert } from '../../shared/contract';
import { formatTime } from '../../shared/time';
import type { DB } from '../store/db';
import { stillThereFindings } from './deletion';
import { buildDiffSets } from './diff';
import { lookupIp } from './iplookup';
import { baselineIds, hasDataset, type Snap } from './order';

/** Record ids kept as evidence per alert. */
export const MAX_EVIDENCE = 20;
/** Names spelled out in an aggregated alert's detail. */
const MAX_NAMES = 5;

interface Group {
  value: string;
  count: number;
  ids: number[];
  at: number | null;
}

/** A canonical field of a record's JSON, trimmed (placeholders are cleared after extraction). */
function field(name: string): string {
  return `trim(r.data ->> '${name.replace(/'/g, "''")}')`;
}

/** TikTok's placeholders for "no value". */
const PLACEHOLDERS = `('', 'n/a', 'none', 'null', 'unknown', 'undefined', '-')`;

/**
 * One pass over a dataset's records: the fields the alerts compare, extracted once from the JSON
 * into temp.alert_rows, with whether each record is in the newer snapshot (in_to), in any snapshot
 * up to the older one (in_base) and in the older one itself (in_from). Every comparison after that
 * is a small set operation on this table. The earlier snapshots' ids are in temp.alert_base.
 */
function extract(db: DB, dataset: string, columns: Record<string, string>, to: Snap, from?: Snap): void {
  db.exec('DROP TABLE IF EXISTS temp.alert_rows');
  const cols = Object.entries(columns)
    .map(([name, expr]) => `${expr} AS ${name}`)
    .join(', ');
  db.prepare(
    `CREATE TEMP TABLE alert_rows AS
     SELECT r.id, r.at,
            EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id) AS in_to,
            EXISTS (SELECT 1 FROM temp.alert_base b CROSS JOIN record_snapshots s ON s.snapshot_id = b.id AND s.record_id = r.id) AS in_base,
            ${from ? 'EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id)' : '0'} AS in_from,
            ${cols}
     FROM records r WHERE r.dataset = ?`,
  ).run(...(from ? [to.id, from.id, dataset] : [to.id, dataset]));
  for (const name of Object.keys(columns)) {
    db.exec(`UPDATE temp.alert_rows SET ${name} = NULL WHERE ${name} IS NOT NULL AND lower(${name}) IN ${PLACEHOLDERS}`);
  }
}

/** Values of a column that no record up to the older snapshot had, with the newer snapshot's records carrying them. */
function fresh(db: DB, column: string): Group[] {
  const rows = db
    .prepare(
      `WITH seen AS (SELECT DISTINCT ${column} AS v FROM temp.alert_rows WHERE in_base AND ${column} IS NOT NULL),
       ranked AS (
         SELECT ${column} AS v, id, at,
                row_number() OVER (PARTITION BY ${column} ORDER BY at IS NULL, at, id) AS rn,
                count(*) OVER (PARTITION BY ${column}) AS n
         FROM temp.alert_rows
         WHERE in_to AND NOT in_base AND ${column} IS NOT NULL AND ${column} NOT IN (SELECT v FROM seen))
       SELECT v AS value, max(n) AS count, json_group_array(id) AS ids, min(at) AS at FROM ranked WHERE rn <= ${MAX_EVIDENCE}
       GROUP BY v ORDER BY min(at) IS NULL, min(at), v`,
    )
    .all() as { value: string | number; count: number; ids: string; at: number | null }[];
  return rows.map((r) => ({ value: String(r.value), count: r.count, ids: JSON.parse(r.ids) as number[], at: r.at }));
}

function seenValues(db: DB, column: string): string[] {
  return (db.prepare(`SELECT DISTINCT ${column} FROM temp.alert_rows WHERE in_base AND ${column} IS NOT NULL`).pluck().all() as (string | number)[]).map(String);
}

function anyHas(db: DB, snapshotIds: number[], dataset: string): boolean {
  return snapshotIds.some((id) => hasDataset(db, id, dataset));
}

/** Whether the newer snapshot has records of the dataset the older one lacks (temp.diff_sets). */
function hasAdded(db: DB, dataset: string): boolean {
  return db.prepare('SELECT 1 FROM temp.diff_sets WHERE added = 1 AND dataset = ? LIMIT 1').get(dataset) !== undefined;
}

function evidence(snapshotId: number, ids: number[], at: number | null): ChangeAlert['evidence'] {
  return { snapshotId, recordIds: ids.slice(0, MAX_EVIDENCE), at };
}

function names(values: string[]): string {
  const shown = values.slice(0, MAX_NAMES).join(', ');
  return values.length > MAX_NAMES ? `${shown} and ${values.length - MAX_NAMES} more` : shown;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

// ---- security ----

function loginAlerts(db: DB, to: Snap, baseline: number[]): ChangeAlert[] {
  if (!hasDataset(db, to.id, 'login_history') || !anyHas(db, baseline, 'login_history') || !hasAdded(db, 'login_history')) return [];
  const out: ChangeAlert[] = [];
  const model = field('deviceModel');
  extract(
    db,
    'login_history',
    {
      model,
      system: field('deviceSystem'),
      ip: field('ip'),
      network: field('networkType'),
      carrier: field('carrier'),
    },
    to,
  );

  db.exec(`ALTER TABLE temp.alert_rows ADD COLUMN device TEXT`);
  db.exec(`UPDATE temp.alert_rows SET device = model || char(31) || coalesce(system, '') WHERE model IS NOT NULL`);
  const newModels = new Set(fresh(db, 'model').map((g) => g.value));
  const byModel = new Map<string, { systems: string[]; ids: number[]; at: number | null; count: number }>();
  for (const g of fresh(db, 'device')) {
    const [m, sys] = g.value.split('\u001f') as [string, string];
    if (newModels.has(m)) {
      const entry = byModel.get(m) ?? { systems: [], ids: [], at: g.at, count: 0 };
      if (sys) entry.systems.push(sys);
      entry.ids.push(...g.ids);
      entry.count += g.count;
      if (entry.at === null || (g.at !== null && g.at < entry.at)) entry.at = g.at;
      byModel.set(m, entry);
    } else {
      out.push({
        kind: 'new-device-system',
        detail: `${m} logged in with a system not seen on it before: ${sys || 'unknown system'} (${times(g.count)}). An update, or another device of the same model.`,
        evidence: evidence(to.id, g.ids, g.at),
      });
    }
  }
  for (const [m, e] of byModel) {
    out.push({
      kind: 'new-device',
      detail: `Login from a device not seen before: ${m}${e.systems.length ? ` (${e.systems.join(', ')})` : ''}, ${times(e.count)}.`,
      evidence: evidence(to.id, e.ids, e.at),
    });
  }

  const freshIps = fresh(db, 'ip');
  for (const g of freshIps) {
    const info = lookupIp(g.value);
    const where = info ? [info.country, info.asn !== null ? `AS${info.asn} ${info.org ?? ''}`.trim() : null].filter(Boolean).join(', ') : 'not a valid IP address';
    out.push({
      kind: 'new-ip',
      detail: `Login from an IP address not seen before: ${g.value}${where ? ` (${where})` : ''}, ${times(g.count)}.`,
      evidence: evidence(to.id, g.ids, g.at),
    });
  }

  // Countries and network owners, looked up offline. Only an address never seen before can bring
  // a country or owner never seen before; the ones seen come from every earlier address.
  const candidates = freshIps.map((g) => ({ g, info: lookupIp(g.value) }));
  if (candidates.some((c) => c.info?.country || c.info?.asn != null)) {
    const seenCountries = new Set<string>();
    const seenOwners = new Set<number>();
    for (const v of seenValues(db, 'ip')) {
      const info = lookupIp(v);
      if (info?.country) seenCountries.add(info.country);
      if (info?.asn != null) seenOwners.add(info.asn);
    }
    const byCountry = new Map<string, { ips: string[]; ids: number[]; at: number | null; count: number }>();
    const byOwner = new Map<number, { org: string; ips: string[]; ids: number[]; at: number | null; count: number }>();
    const add = <T extends { ips: string[]; ids: number[]; at: number | null; count: number }>(e: T, g: Group): void => {
      e.ips.push(g.value);
      e.ids.push(...g.ids);
      e.count += g.count;
      if (e.at === null || (g.at !== null && g.at < e.at)) e.at = g.at;
    };
    for (const { g, info } of candidates) {
      if (info?.country && !seenCountries.has(info.country)) {
        const e = byCountry.get(info.country) ?? { ips: [], ids: [], at: g.at, count: 0 };
        add(e, g);
        byCountry.set(info.country, e);
      }
      if (info?.asn != null && !seenOwners.has(info.asn)) {
        const e = byOwner.get(info.asn) ?? { org: info.org ?? '', ips: [], ids: [], at: g.at, count: 0 };
        add(e, g);
        byOwner.set(info.asn, e);
      }
    }
    for (const [country, e] of byCountry) {
      out.push({
        kind: 'new-country',
        detail: `Login from a country never seen before: ${country} (${names(e.ips)}), ${times(e.count)}.`,
        evidence: evidence(to.id, e.ids, e.at),
      });
    }
    for (const [asn, e] of byOwner) {
      out.push({
        kind: 'new-network-owner',
        detail: `Login through a network never seen before: AS${asn}${e.org ? ` ${e.org}` : ''} (${names(e.ips)}), ${times(e.count)}.`,
        evidence: evidence(to.id, e.ids, e.at),
      });
    }
  }

  const simple: [AlertKind, string, string][] = [
    ['new-network-type', 'network', 'Login over a network type not seen before'],
    ['new-carrier', 'carrier', 'Login through a mobile carrier not seen before'],
  ];
  for (const [kind, column, text] of simple) {
    for (const g of fresh(db, column)) out.push({ kind, detail: `${text}: ${g.value} (${times(g.count)}).`, evidence: evidence(to.id, g.ids, g.at) });
  }
  return out;
}

const DEVICE_IDS: [string, string][] = [
  ['idfa', 'advertising identifier (IDFA)'],
  ['gaid', 'advertising identifier (GAID)'],
  ['idfv', 'vendor identifier (IDFV)'],
  ['androidId', 'Android ID'],
  ['webId', 'web ID'],
  ['did', 'device ID (DID)'],
  ['uid', 'user ID (UID)'],
  ['openUdid', 'OpenUDID'],
  ['clientUdid', 'client UDID'],
];

function deviceIdAlerts(db: DB, to: Snap, baseline: number[]): ChangeAlert[] {
  if (!hasDataset(db, to.id, 'device_status') || !anyHas(db, baseline, 'device_status') || !hasAdded(db, 'device_status')) return [];
  extract(db, 'device_status', Object.fromEntries(DEVICE_IDS.map(([name]) => [`f_${name}`, field(name)])), to);
  const out: ChangeAlert[] = [];
  for (const [name, label] of DEVICE_IDS) {
    for (const g of fresh(db, `f_${name}`)) {
      // An all-zero advertising ID means tracking was refused: not an identifier.
      if (/^[0\-]+$/.test(g.value)) continue;
      out.push({ kind: 'new-device-identifier', detail: `A new ${label} was recorded: ${g.value}.`, evidence: evidence(to.id, g.ids, g.at) });
    }
  }
  return out;
}

// ---- data flow ----

function newValueAlerts(
  db: DB,
  to: Snap,
  baseline: number[],
  dataset: string,
  columns: Record<string, string>,
  make: Record<string, (g: Group) => Pick<ChangeAlert, 'kind' | 'detail'>>,
): ChangeAlert[] {
  if (!hasDataset(db, to.id, dataset) || !anyHas(db, baseline, dataset) || !hasAdded(db, dataset)) return [];
  extract(db, dataset, columns, to);
  return Object.entries(make).flatMap(([column, m]) => fresh(db, column).map((g) => ({ ...m(g), evidence: evidence(to.id, g.ids, g.at) })));
}

/** Usernames in one snapshot's records of the extracted dataset that the other's records do not have. */
function usersOnlyIn(db: DB, inX: 'in_to' | 'in_from', inY: 'in_to' | 'in_from'): { value: string; id: number; at: number | null }[] {
  return db
    .prepare(
      `SELECT username AS value, min(id) AS id, min(at) AS at FROM temp.alert_rows
       WHERE ${inX} AND username IS NOT NULL AND username NOT IN (SELECT username FROM temp.alert_rows WHERE ${inY} AND username IS NOT NULL)
       GROUP BY username ORDER BY at IS NULL, at, username`,
    )
    .all() as { value: string; id: number; at: number | null }[];
}

const SOCIAL: [dataset: string, gained: AlertKind, lost: AlertKind, gainedText: string, lostText: string][] = [
  ['followers', 'followers-gained', 'followers-lost', 'new followers', 'followers no longer listed'],
  ['following', 'following-added', 'following-removed', 'accounts newly followed', 'accounts no longer followed'],
  ['blocked', 'blocked-added', 'blocked-removed', 'accounts newly blocked', 'accounts no longer blocked'],
];

function socialAlerts(db: DB, from: Snap, to: Snap): ChangeAlert[] {
  const out: ChangeAlert[] = [];
  const plural = (n: number, text: string) => (n === 1 ? text.replace(/^accounts/, 'account').replace(/^followers/, 'follower') : text);
  for (const [dataset, gainedKind, lostKind, gainedText, lostText] of SOCIAL) {
    if (!hasDataset(db, from.id, dataset) || !hasDataset(db, to.id, dataset)) continue;
    if (db.prepare('SELECT 1 FROM temp.diff_sets WHERE dataset = ? LIMIT 1').get(dataset) === undefined) continue;
    extract(db, dataset, { username: field('username') }, to, from);
    const gained = usersOnlyIn(db, 'in_to', 'in_from');
    const lost = usersOnlyIn(db, 'in_from', 'in_to');
    const at = (rows: { at: number | null }[]) => rows.find((r) => r.at !== null)?.at ?? null;
    if (gained.length > 0) {
      out.push({
        kind: gainedKind,
        detail: `${gained.length} ${plural(gained.length, gainedText)}: ${names(gained.map((g) => g.value))}.`,
        evidence: evidence(to.id, gained.map((g) => g.id), at(gained)),
      });
    }
    if (lost.length > 0) {
      out.push({
        kind: lostKind,
        detail: `${lost.length} ${plural(lost.length, lostText)}: ${names(lost.map((g) => g.value))}.`,
        evidence: evidence(from.id, lost.map((g) => g.id), at(lost)),
      });
    }
  }
  return out;
}

function dataFlowAlerts(db: DB, from: Snap, to: Snap, baseline: number[]): ChangeAlert[] {
  const name = field('name');
  return [
    ...newValueAlerts(db, to, baseline, 'off_tiktok_activity', { source: field('source'), event: field('event') }, {
      source: (g) => ({
        kind: 'new-off-tiktok-source',
        detail: `A source not seen before shared your activity outside TikTok with TikTok: ${g.value} (${g.count} event${g.count === 1 ? '' : 's'}).`,
      }),
      event: (g) => ({ kind: 'new-off-tiktok-event', detail: `A kind of off-TikTok event not seen before: ${g.value} (${times(g.count)}).` }),
    }),
    ...newValueAlerts(
      db,
      to,
      baseline,
      'ad_partners',
      { partner: `CASE WHEN ${name} IS NULL OR lower(${name}) IN ${PLACEHOLDERS} THEN NULL ELSE coalesce(r.data ->> 'list', '') || char(31) || ${name} END` },
      {
        partner: (g) => {
          const [list, partner] = g.value.split('\u001f') as [string, string];
          return { kind: 'new-ad-partner', detail: `A new ${/partner/i.test(list) ? 'data partner' : 'advertiser'} holds data about you: ${partner}.` };
        },
      },
    ),
    ...newValueAlerts(db, to, baseline, 'ad_interests', { name }, {
      name: (g) => ({ kind: 'new-ad-interest', detail: `A new ad interest was attributed to you: ${g.value}.` }),
    }),
    ...newValueAlerts(db, to, baseline, 'shares', { method: field('method') }, {
      method: (g) => ({ kind: 'new-share-method', detail: `Videos were shared through a method not used before: ${g.value} (${times(g.count)}).` }),
    }),
    ...socialAlerts(db, from, to),
  ];
}

function stillThereAlerts(db: DB, to: Snap): ChangeAlert[] {
  return stillThereFindings(db, to.id).map((f) => ({
    kind: 'still-there-after-deletion',
    detail: `${datasetSpec(f.dataset)?.label ?? f.dataset}: a record deleted on ${formatTime(f.deletedAt).slice(0, 10)} is still in this export${
      f.daysAfterDeletion !== null ? `, ${f.daysAfterDeletion} days later` : ''
    }${f.source === 'deleted_posts' ? ' (listed under Recently Deleted Posts, yet still among the posts)' : ''}.`,
    evidence: { snapshotId: f.snapshotId, recordIds: [...new Set([f.foundRecordId, f.recordId])], at: f.deletedAt },
  }));
}

export function changeAlerts(db: DB, from: Snap, to: Snap, ordered: Snap[], state?: string): ChangeAlert[] {
  if (from.id === to.id) return stillThereAlerts(db, to);
  buildDiffSets(db, from, to, state);
  const baseline = baselineIds(ordered, from, to);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS alert_base (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.alert_base');
  const addBase = db.prepare('INSERT INTO temp.alert_base (id) VALUES (?)');
  for (const id of baseline) addBase.run(id);
  try {
    return [...loginAlerts(db, to, baseline), ...deviceIdAlerts(db, to, baseline), ...stillThereAlerts(db, to), ...dataFlowAlerts(db, from, to, baseline)];
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.alert_rows');
    db.exec('DELETE FROM temp.alert_base');
  }
}
