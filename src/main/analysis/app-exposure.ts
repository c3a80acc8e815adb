// What a set of scopes would hand an app, measured on the person's own archive: per dataset, how
// many records, from when to when, and a few telling facts (how many people you message, from how
// many countries you log in). Portability pulls are full copies, not deltas, so for an ongoing
// grant every new pull holds all of this again (plus whatever is new).
import { DATASETS, type Category } from '../../shared/catalog';
import type { Access, Part } from '../../shared/sharing';
import { grantAccess } from './app-access';
import { SCOPE_CATALOG } from './app-scopes';

/** What the store knows of one dataset across the archive; the store fills it, one per dataset id. */
export interface DatasetFacts {
  records: number;
  /** epoch ms of the oldest and newest record with a time; null when none has one */
  oldest: number | null;
  newest: number | null;
  /** messages: distinct conversation partners */
  partners?: number;
  /** login_history: distinct countries of the login IPs */
  countries?: number;
}

/** Facts by dataset id; a dataset missing here has no records in the archive. */
export type ArchiveFacts = Readonly<Record<string, DatasetFacts>>;

export interface ExposedDataset {
  dataset: string;
  category: Category;
  /** the widest part any of the scopes hands over */
  part: Part;
  /** ongoing when any scope that reaches it is ongoing */
  access: Access;
  /** the scopes that reach it, in catalog order */
  scopes: string[];
  /** records in the archive (for part 'count', the one number the app learns) */
  records: number;
  /** false for 'some' and 'public': the app gets at most this many, Footprint cannot tell which */
  exact: boolean;
  /** the time span and facts the app would see; absent for part 'count' (it sees a number only) */
  oldest: number | null;
  newest: number | null;
  partners?: number;
  countries?: number;
  /** TikTok keeps only about this many days in one export; repeated pulls can add up to more */
  windowDays?: number;
}

export interface Exposure {
  access: Access;
  /** an ongoing grant: each new pull contains all of this again */
  repeats: boolean;
  /** in catalog order; datasets the archive has no records of are included with records 0 */
  datasets: ExposedDataset[];
  totals: {
    /** reached datasets with records in the archive */
    datasets: number;
    /** records the app could copy (counts-only datasets excluded: it gets a number, not the records) */
    records: number;
    categories: Category[];
  };
  writes: ('drafts' | 'posts')[];
}

const WIDTH: Record<Part, number> = { count: 0, public: 1, some: 2, all: 3 };

export function exposure(scopes: readonly string[], facts: ArchiveFacts, catalog = SCOPE_CATALOG): Exposure {
  const held = new Set(scopes);
  const known = catalog.scopes.filter((sc) => held.has(sc.id));
  const reach = new Map<string, { part: Part; access: Access; scopes: string[] }>();
  for (const sc of known) {
    for (const { dataset, part } of sc.datasets) {
      const r = reach.get(dataset);
      if (!r) reach.set(dataset, { part, access: sc.access, scopes: [sc.id] });
      else {
        if (WIDTH[part] > WIDTH[r.part]) r.part = part;
        if (sc.access === 'ongoing') r.access = 'ongoing';
        r.scopes.push(sc.id);
      }
    }
  }

  const datasets: ExposedDataset[] = [];
  for (const spec of DATASETS) {
    const r = reach.get(spec.id);
    if (!r) continue;
    const f = facts[spec.id];
    const row: ExposedDataset = {
      dataset: spec.id,
      category: spec.category,
      part: r.part,
      access: r.access,
      scopes: r.scopes,
      records: f?.records ?? 0,
      exact: r.part === 'all' || r.part === 'count',
      oldest: r.part === 'count' ? null : (f?.oldest ?? null),
      newest: r.part === 'count' ? null : (f?.newest ?? null),
    };
    if (r.part !== 'count' && f?.partners !== undefined) row.partners = f.partners;
    if (r.part !== 'count' && f?.countries !== undefined) row.countries = f.countries;
    if (spec.windowDays !== undefined && r.part !== 'count') row.windowDays = spec.windowDays;
    datasets.push(row);
  }

  const present = datasets.filter((d) => d.records > 0);
  const categories = [...new Set(present.map((d) => d.category))];
  const access = grantAccess(scopes, null, catalog).access;
  const writes = [...new Set(known.flatMap((sc) => (sc.writes ? [sc.writes] : [])))];
  return {
    access,
    repeats: datasets.some((d) => d.access === 'ongoing'),
    datasets,
    totals: { datasets: present.length, records: present.filter((d) => d.part !== 'count').reduce((n, d) => n + d.records, 0), categories },
    writes,
  };
}
