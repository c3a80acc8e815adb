// Places of addresses (migration 12): what the offline databases say of each address in a covered
// `ip` field (country, network owner, reserved or not), kept beside the field values so that the
// country and network of a table of logins are read from a table: no database to load, no 50,000
// lookups on the first facet. The preparation after an import fills it (import/prepare.ts); a
// query that meets an address with no place looks it up as before. Rows carry the databases'
// version (`source`): a place read from other versions counts as none. An address's place goes
// with the last field value of it (the ip_places_delete trigger).
import type { ReadableDB, WritableDB } from './handles';
import { amongFiltered, type ExploreFilter, type SortValue } from './explore';
import { writeWithoutWaiting } from './no-wait';

export interface Place {
  /** the text is an IP address (else nothing else is known) */
  valid: boolean;
  reserved: boolean;
  country: string | null;
  asn: number | null;
  org: string | null;
}

type PlaceRow = { valid: number; reserved: number; country: string | null; asn: number | null; org: string | null };
const asPlace = (r: PlaceRow): Place => ({ valid: r.valid === 1, reserved: r.reserved === 1, country: r.country, asn: r.asn, org: r.org });

/** Addresses in covered `ip` fields that have no place read from these databases yet (each spelling once). */
export function unplacedAddresses(db: ReadableDB, source: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT v.v COLLATE BINARY FROM record_value_fields f CROSS JOIN record_values v ON v.dataset = f.dataset AND v.field = 'ip'
       WHERE f.field = 'ip' AND typeof(v.v) = 'text' AND NOT EXISTS (SELECT 1 FROM ip_places p WHERE p.ip = v.v COLLATE BINARY AND p.source = @source)`,
    )
    .pluck()
    .all({ source }) as string[];
}

/**
 * Keeps the places of these addresses, without waiting for the write lock (false: not now).
 * Only addresses still in the field values are kept: one forgotten meanwhile stays forgotten.
 */
export function savePlaces(db: WritableDB, source: string, places: readonly (readonly [string, Place])[]): boolean {
  if (places.length === 0) return true;
  return writeWithoutWaiting(db, () => {
    db.prepare(
      `INSERT OR REPLACE INTO ip_places (ip, source, valid, reserved, country, asn, org)
       SELECT p.value ->> 0, @source, p.value ->> 1, p.value ->> 2, p.value ->> 3, p.value ->> 4, p.value ->> 5 FROM json_each(@places) p
       WHERE EXISTS (SELECT 1 FROM record_value_fields f CROSS JOIN record_values v
                     WHERE f.field = 'ip' AND v.dataset = f.dataset AND v.field = 'ip' AND v.v = p.value ->> 0 AND v.v COLLATE BINARY = p.value ->> 0)`,
    ).run({ source, places: JSON.stringify(places.map(([ip, p]) => [ip, p.valid ? 1 : 0, p.reserved ? 1 : 0, p.country, p.asn, p.org])) });
  });
}

/** The kept places of these addresses (those with one from these databases). */
export function placesOf(db: ReadableDB, source: string, ips: readonly string[]): Map<string, Place> {
  const rows = db
    .prepare(`SELECT ip, valid, reserved, country, asn, org FROM ip_places WHERE source = @source AND ip IN (SELECT value FROM json_each(@ips))`)
    .all({ source, ips: JSON.stringify(ips) }) as (PlaceRow & { ip: string })[];
  return new Map(rows.map((r) => [r.ip, asPlace(r)]));
}

export interface PlaceTotal {
  /** the place (undefined: no value, or not text; null: an address with no place kept yet) */
  place: Place | null | undefined;
  count: number;
}

/**
 * The filtered records of a dataset (its `ip` field covered) counted by the place of their address,
 * in one pass over the field values' index: records whose address has no place kept come as one
 * total with place null, for the caller to look up (and keep) instead.
 */
export function placeTotals(db: ReadableDB, f: ExploreFilter, source: string): PlaceTotal[] {
  const { among, params } = amongFiltered(db, f);
  // each record's address looked up once (grouping the addresses first costs more than it saves)
  const rows = db
    .prepare(
      `SELECT typeof(v.v) = 'text' AS text, p.ip IS NOT NULL AS kept, p.valid, p.reserved, p.country, p.asn, p.org, count(*) AS count
       FROM record_values v LEFT JOIN ip_places p ON p.ip = v.v AND p.source = @source
       WHERE v.dataset = @dataset AND v.field = 'ip' ${among}
       GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    )
    .all({ ...params, source }) as (PlaceRow & { text: number; kept: number; count: number })[];
  return rows.map((r) => ({ place: r.text === 0 ? undefined : r.kept === 1 ? asPlace(r) : null, count: r.count }));
}

/** Each address of the filtered records (each spelling; null: no value) with its count and kept place (null: none kept). */
export function addressPlaces(db: ReadableDB, f: ExploreFilter, source: string): { ip: SortValue; count: number; place: Place | null }[] {
  const { among, params } = amongFiltered(db, f);
  const rows = db
    .prepare(
      `SELECT g.v AS ip, g.n AS count, p.ip IS NOT NULL AS kept, p.valid, p.reserved, p.country, p.asn, p.org
       FROM (SELECT v COLLATE BINARY AS v, count(*) AS n FROM record_values WHERE dataset = @dataset AND field = 'ip' ${among} GROUP BY v COLLATE BINARY) g
       LEFT JOIN ip_places p ON p.ip = g.v AND p.source = @source`,
    )
    .all({ ...params, source }) as (PlaceRow & { ip: SortValue; count: number; kept: number })[];
  return rows.map((r) => ({ ip: r.ip === -Infinity ? null : r.ip, count: r.count, place: r.kept === 1 ? asPlace(r) : null }));
}
