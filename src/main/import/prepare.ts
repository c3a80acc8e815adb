// After an import commits, the archive is prepared for browsing: every field of every dataset is
// covered in the field values' index (store/field-values.ts), or completed where the import left
// it pending, so that the window's first sort, value filter or facet of any table is an index
// read instead of a pass over the dataset's JSON. The import itself copies no values: this runs
// after it, on the import's own thread and connection (the worker, in the desktop app, while the
// window already shows the result). One dataset per short write transaction, smallest first;
// it never waits for the write lock and stops at once when cancelled (a next import, quitting):
// what is left is covered by the next import's preparation or by the first query that needs it.
import type { WritableDB } from '../store/handles';
import { coverFields, fieldsToCover } from '../store/field-values';
import { tableColumns } from '../store/explore';
import { savePlaces, unplacedAddresses, type Place } from '../store/ip-places';
import { ipDatabasesVersion, lookupIp } from '../analysis/iplookup';

export interface Prepared {
  /** datasets whose fields were covered or completed */
  datasets: number;
  /** addresses whose place was read and kept (store/ip-places.ts) */
  places: number;
  /** false when it stopped early (cancelled, or another connection held the write lock) */
  complete: boolean;
}

export function prepareArchive(db: WritableDB, isCancelled: () => boolean = () => false): Prepared {
  let datasets = 0;
  for (const { dataset, fields } of fieldsToCover(db, (d) => tableColumns(db, d))) {
    if (isCancelled() || !coverFields(db, dataset, fields)) return { datasets, places: 0, complete: false };
    datasets++;
  }
  const placed = placeAddresses(db, isCancelled);
  return { datasets, places: placed.places, complete: placed.complete };
}

/** Where each address of a covered `ip` field is, read from the offline databases and kept: a few thousand at a time. */
export function placeAddresses(db: WritableDB, isCancelled: () => boolean = () => false): { places: number; complete: boolean } {
  const source = ipDatabasesVersion();
  const ips = unplacedAddresses(db, source);
  let places = 0;
  for (let i = 0; i < ips.length; i += PLACES_PER_WRITE) {
    if (isCancelled()) return { places, complete: false };
    const chunk = ips.slice(i, i + PLACES_PER_WRITE).map((ip) => [ip, placeOf(ip)] as const);
    if (!savePlaces(db, source, chunk)) return { places, complete: false };
    places += chunk.length;
  }
  return { places, complete: true };
}

const PLACES_PER_WRITE = 5000;

/** What the offline databases say of an address, as kept. */
export function placeOf(ip: string): Place {
  const i = lookupIp(ip);
  return i ? { valid: true, reserved: i.reserved, country: i.country, asn: i.asn, org: i.org } : { valid: false, reserved: false, country: null, asn: null, org: null };
}

/** prepareArchive where nothing waits for it: a failure is not the import's (a query covers what is left). */
export function prepareQuietly(db: WritableDB, isCancelled: () => boolean): void {
  try {
    prepareArchive(db, isCancelled);
  } catch {
    // each field is covered by the first query that needs it instead
  }
}
