// Explore the archive like a database: search across datasets, a dataset as a sortable, filterable
// table read in keyset pages, facets (value counts) and export of the current view. The store
// answers the queries (store/search.ts, store/explore.ts); this module checks what comes in, adds
// what people read IPs as (country and network owner, offline: analysis/iplookup.ts) and writes
// exports through safe-file.ts.
import type { ExploreFacet, ExplorePageResult, ExploreRow, OperationInput, RecordDetail, RecordRow, SearchResults } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import type { WritableDB } from '../store/db';
import { coverable, coverFields, coversField } from '../store/field-values';
import { searchRecords } from '../store/search';
import {
  changeStamp,
  cursorAtTime,
  explorePage,
  exploreCount,
  facetCounts,
  isCursor,
  iterateExplore,
  recordById,
  snapshotHoldsAll,
  tableColumns,
  type Cursor,
  type ExploreFilter,
  type ExploreSort,
} from '../store/explore';
import { ipDatabasesVersion } from '../analysis/iplookup';
import { addressPlaces, placesOf, placeTotals, savePlaces, type Place } from '../store/ip-places';
import { placeOf } from '../import/prepare';
import { exportLines } from './csv';
import { openSafeFile } from './safe-file';
import { keptOrWorkedOut, keptStates } from './kept-answers';

type FilterInput = Pick<OperationInput<'explorePage'>, 'dataset' | 'from' | 'to' | 'where' | 'search' | 'missing' | 'snapshotId'>;

/** The fields a table offers as facets by default, per dataset (low-cardinality columns people filter on). */
export const FACET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  login_history: ['country', 'network', 'deviceModel', 'deviceSystem', 'networkType', 'carrier'],
  off_tiktok_activity: ['event', 'source'],
  shares: ['method', 'content'],
  device_status: ['appVersion', 'resolution'],
  messages: ['conversation', 'from'],
  posts: ['whoCanView'],
  purchases: ['list', 'username'],
  coin_purchases: ['type'],
  ad_interests: ['list'],
  ad_partners: ['list'],
  shop_orders: ['status'],
  shop_browsing: ['shop'],
  shop_cart: ['shop'],
  live_comments: ['roomId'],
  linked_platforms: ['platform'],
};

/** Fields derived from an `ip` field: what the offline databases say of each address (its place, store/ip-places.ts). */
const DERIVED = {
  country: (p: Place | null) => p?.country ?? null,
  network: (p: Place | null) => (p?.asn ? `AS${p.asn}${p.org ? ' ' + p.org : ''}` : null),
} as const;
const isDerived = (field: string): field is keyof typeof DERIVED => Object.hasOwn(DERIVED, field);

const badInput = (field: string, expected = 'other'): FootprintError => new FootprintError('BAD_INPUT', { field, expected });

/** A place as the table shows it beside an address (null: the text is not one). */
const shownPlace = (p: Place): ExploreRow['ip'] => (p.valid ? { country: p.country, asn: p.asn, org: p.org, reserved: p.reserved } : null);

export function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw badInput('after');
  }
  if (!isCursor(v)) throw badInput('after');
  return v;
}

const encodeCursor = (c: Cursor | null): string | null => (c === null ? null : JSON.stringify(c));

export interface ExploreOptions {
  /** false while this service's import writes (a cover would only find the write lock taken) */
  canWrite: () => boolean;
}

export function exploreOperations(db: WritableDB, opts: ExploreOptions = { canWrite: () => true }) {
  /** Small caches keyed by the archive's change stamp: a facet over a million rows is asked for again on every page. */
  let stamp = '';
  const cache = new Map<string, unknown>();
  function cached<T>(key: string, compute: () => T): T {
    const now = changeStamp(db);
    if (now !== stamp) {
      cache.clear();
      stamp = now;
    }
    if (cache.has(key)) return cache.get(key) as T;
    const v = compute();
    if (cache.size > 200) cache.clear();
    cache.set(key, v);
    return v;
  }

  /**
   * Covers the fields a query sorts, filters or counts by (derived fields: their addresses) before
   * it runs, when they are not yet (store/field-values.ts coverFields): the first such query pays
   * one sorted pass over the dataset, later ones read the index. Busy (an import holds the write
   * lock): the query reads the JSON this time, and the next one tries again.
   */
  function cover(dataset: string, fields: readonly string[]): void {
    if (fields.length === 0 || !opts.canWrite()) return;
    const wanted = fields.map((f) => (isDerived(f) ? 'ip' : f)).filter((f) => coverable(dataset, f) && !coversField(db, dataset, f));
    if (wanted.length === 0) return; // the usual case: an index read
    // only fields the dataset has (a mistyped --where FIELD would otherwise cost every later import)
    const known = new Set(columns(dataset));
    if (wanted.some((f) => known.has(f))) coverFields(db, dataset, wanted.filter((f) => known.has(f)));
  }

  /**
   * The place of each address: kept in the archive (the preparation after an import reads them,
   * store/ip-places.ts), else looked up in the offline databases, and kept for next time when the
   * archive can be written now (never waiting for it).
   */
  function placed(ips: readonly string[], kept: ReadonlyMap<string, Place>): Map<string, Place> {
    const out = new Map(kept);
    const looked: [string, Place][] = [];
    for (const ip of ips) if (!out.has(ip)) looked.push([ip, placeOf(ip)]);
    for (const [ip, p] of looked) out.set(ip, p);
    if (looked.length > 0 && opts.canWrite()) savePlaces(db, ipDatabasesVersion(), looked);
    return out;
  }

  /** Every distinct address the filter keeps (null: records without one) with its count and place (null: none). */
  const ipCounts = (f: ExploreFilter): { ip: string | null; count: number; place: Place | null }[] =>
    cached(`ips:${JSON.stringify(f)}`, () => {
      const source = ipDatabasesVersion();
      if (coversField(db, f.dataset, 'ip')) {
        const rows = addressPlaces(db, f, source);
        const looked = placed(rows.flatMap((r) => (r.place === null && r.ip !== null ? [String(r.ip)] : [])), new Map());
        return rows.map((r) => ({ ip: r.ip === null ? null : String(r.ip), count: r.count, place: r.ip === null ? null : (r.place ?? looked.get(String(r.ip))!) }));
      }
      // the field not covered yet (another connection writes): read from the JSON, looked up here
      return facetCounts(db, f, 'ip', Infinity, true).values.map((v) => ({ ip: v.value === null ? null : String(v.value), count: v.count, place: v.value === null ? null : placeOf(String(v.value)) }));
    });

  /**
   * The contract's filter as the store's. Entries for one field narrow each other; `missing` adds
   * "no value" to a field's choice. Derived fields (country, network) become the addresses that
   * have them (no value: addresses the databases do not place, and records without one).
   */
  function filter(input: FilterInput, alsoNeeded: readonly string[] = []): ExploreFilter {
    if (input.from !== undefined && input.to !== undefined && input.to < input.from) throw badInput('to');
    cover(input.dataset, [...(input.where ?? []).map((w) => w.field), ...(input.missing ?? []), ...alsoNeeded]);
    const chosen = new Map<string, (string | null)[]>();
    for (const w of input.where ?? []) {
      const had = chosen.get(w.field);
      chosen.set(w.field, had ? had.filter((v) => v !== null && w.values.includes(v)) : [...w.values]);
    }
    for (const field of input.missing ?? []) chosen.set(field, [...(chosen.get(field) ?? []), null]);
    const where: Record<string, (string | null)[]> = {};
    for (const [field, values] of chosen) {
      if (!isDerived(field)) {
        where[field] = where[field] ? where[field]!.filter((v) => values.includes(v)) : values;
        continue;
      }
      const wanted = new Set(values);
      const ips = ipCounts({ dataset: input.dataset })
        .filter((r) => (r.ip === null ? wanted.has(null) : wanted.has(DERIVED[field](r.place))))
        .map((r) => r.ip);
      where.ip = where.ip ? where.ip.filter((ip) => ips.includes(ip)) : ips;
    }
    // a snapshot that holds all the dataset's records (the only one, say) filters nothing: left out, every query stays an index read
    const snapshotId = input.snapshotId !== undefined && !snapshotHoldsAll(db, input.snapshotId, input.dataset) ? input.snapshotId : undefined;
    return { dataset: input.dataset, from: input.from, to: input.to, where, search: input.search, snapshotId };
  }

  function sortOf(input: { sort?: string; dir?: 'asc' | 'desc' }): ExploreSort {
    const field = input.sort ?? 'at';
    if (isDerived(field)) throw badInput('sort');
    return { field, dir: input.dir ?? (field === 'at' ? 'desc' : 'asc') };
  }

  /** A page's rows, each address with its place beside it. */
  function withIp(rows: RecordRow[]): ExploreRow[] {
    const texts = [...new Set(rows.map((r) => r.fields.ip).filter((ip): ip is string => typeof ip === 'string'))];
    if (texts.length === 0) return rows.map((r) => ('ip' in r.fields ? { ...r, ip: null } : r));
    const places = placed(texts, placesOf(db, ipDatabasesVersion(), texts));
    return rows.map((r) => ('ip' in r.fields ? { ...r, ip: typeof r.fields.ip === 'string' ? shownPlace(places.get(r.fields.ip)!) : null } : r));
  }

  function columns(dataset: string): string[] {
    return cached(`columns:${dataset}`, () => tableColumns(db, dataset));
  }

  function facet(f: ExploreFilter, field: string, limit: number): ExploreFacet {
    if (!isDerived(field)) {
      const { values, distinct } = cached(`facet:${field}:${limit}:${JSON.stringify(f)}`, () => facetCounts(db, f, field, limit));
      return { field, values, distinct };
    }
    return cached(`facet:${field}:${limit}:${JSON.stringify(f)}`, () => {
      const counts = new Map<string | null, number>();
      const add = (key: string | null, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
      // counted by place in the index when every address has one kept (after the preparation),
      // else the addresses one by one, looked up; either once per filter, for country and network alike
      const totals = coversField(db, f.dataset, 'ip') ? cached(`places:${JSON.stringify(f)}`, () => placeTotals(db, f, ipDatabasesVersion())) : null;
      if (totals && totals.every((t) => t.place !== null)) for (const t of totals) add(t.place ? DERIVED[field](t.place) : null, t.count);
      else for (const v of ipCounts(f)) add(DERIVED[field](v.place), v.count);
      const all = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
      return { field, values: all.slice(0, limit), distinct: all.length };
    });
  }

  function facets(input: OperationInput<'exploreFacets'>): { facets: ExploreFacet[] } {
    const fields = input.fields ?? FACET_FIELDS[input.dataset] ?? [];
    const work = () => {
      const f = filter(input, fields);
      return { facets: fields.map((field) => facet(f, field, input.limit ?? 20)) };
    };
    const firstView = Object.keys(input).every((k) => k === 'dataset' || k === 'snapshotId');
    if (!firstView) return work();
    // read from the archive once, then from memory like every other facet, until the archive changes
    const name = `facets:${input.dataset}:${input.snapshotId ?? 'all'}`;
    return cached(name, () => keptOrWorkedOut(db, name, keptStates.places, work));
  }

  return {
    search: async (input: OperationInput<'search'>): Promise<SearchResults> => {
      if (input.after !== undefined && !/^-?\d+:\d+$/.test(input.after)) throw badInput('after');
      if (input.after !== undefined && input.group) throw badInput('after');
      const r = searchRecords(db, input.query, { datasets: input.datasets, limit: input.limit ?? 50, perDataset: input.group === 'dataset', after: input.after });
      return r;
    },
    getRecord: async ({ id }: OperationInput<'getRecord'>): Promise<RecordDetail | null> => recordById(db, id) ?? null,
    explorePage: async (input: OperationInput<'explorePage'>): Promise<ExplorePageResult> => {
      const sort = sortOf(input);
      const f = filter(input, [sort.field]);
      let after = decodeCursor(input.after);
      const before = decodeCursor(input.before);
      if (before && (after || input.jumpTo !== undefined)) throw badInput('before');
      if (input.jumpTo !== undefined) {
        if (sort.field !== 'at' || after) throw badInput('jumpTo');
        after = cursorAtTime(input.jumpTo, sort.dir);
      }
      const limit = input.limit ?? 100;
      const total = cached(`count:${JSON.stringify(f)}`, () => exploreCount(db, f));
      const result = (page: { rows: RecordRow[]; next: Cursor | null }, prev: Cursor | null): ExplorePageResult => ({
        dataset: input.dataset,
        total,
        rows: withIp(page.rows),
        next: encodeCursor(page.next),
        prev: encodeCursor(prev),
        columns: columns(input.dataset),
      });
      if (before) {
        // the page before: read the other way from the cursor; near the start, the first page
        const back = explorePage(db, f, { ...sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' }, before, limit);
        if (back.next) return result({ rows: back.rows.reverse(), next: back.first }, back.next);
        return result(explorePage(db, f, sort, null, limit), null);
      }
      const page = explorePage(db, f, sort, after, limit);
      return result(page, after ? page.first : null);
    },
    exploreFacets: async (input: OperationInput<'exploreFacets'>): Promise<{ facets: ExploreFacet[] }> => facets(input),
    /**
     * exploreFacets, synchronous (the worker's kept answers). A table's first view (a dataset, in
     * one snapshot or all) is the one every visit opens on: its facets are kept in the archive.
     */
    facets,
    exportView: async (input: OperationInput<'exportView'>, dbPath: string): Promise<{ path: string; rows: number }> => {
      const sort = sortOf(input);
      const f = filter(input, [sort.field]);
      // refuses the archive, links, folders and an existing file unless replace (CANNOT_WRITE)
      const file = openSafeFile(input.path, { force: input.replace === 'yes', protect: [dbPath] });
      try {
        let first = true;
        for (const line of exportLines(() => iterateExplore(db, f, sort), input.format)) {
          file.write((first ? '' : '\n') + line);
          first = false;
        }
        file.write('\n');
        file.commit();
      } catch (e) {
        file.abort();
        throw e;
      }
      return { path: input.path, rows: exploreCount(db, f) };
    },
    /** the view's rows, streamed (the CLI's export to stdout; no IPC door) */
    rows: (input: FilterInput & { sort?: string; dir?: 'asc' | 'desc' }): (() => Iterable<RecordRow>) => {
      const sort = sortOf(input);
      const f = filter(input, [sort.field]);
      return () => iterateExplore(db, f, sort);
    },
  };
}
