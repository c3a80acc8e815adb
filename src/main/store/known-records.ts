// The importer's in-memory view of the archive's identities: fingerprint → record id, loaded per
// dataset on first use inside the import's write transaction. De-duplicating here rather than
// through a UNIQUE index avoids a random B-tree insert and a lookup per record, which cost more
// than the rest of a million-record import together.
import type { DB } from './db';
import type { Fingerprint } from './hash128';

export class KnownRecords {
  /** per dataset: fingerprint high half → id; the low half is checked in `low` */
  private byDataset = new Map<string, Map<number, number>>();
  /** fingerprints whose high half collides with another's (practically never) */
  private collisions = new Map<string, number>();
  private low = new Float64Array(1024);
  private present = new Uint8Array(1024);
  private nextId: number;
  private readonly load: ReturnType<DB['prepare']>;

  constructor(db: DB) {
    this.nextId = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM records').get() as { n: number }).n;
    this.load = db.prepare('SELECT fp_hi, fp_lo, id FROM records WHERE dataset = ?').raw();
  }

  private grow(id: number): void {
    if (id < this.low.length) return;
    const size = Math.max(id + 1, this.low.length * 2);
    const low = new Float64Array(size);
    low.set(this.low);
    this.low = low;
    const present = new Uint8Array(size);
    present.set(this.present);
    this.present = present;
  }

  private remember(ids: Map<number, number>, dataset: string, [hi, lo]: Fingerprint, id: number): void {
    this.grow(id);
    const other = ids.get(hi);
    if (other === undefined) ids.set(hi, id);
    else if (this.low[other] !== lo) this.collisions.set(`${dataset}:${hi}:${lo}`, id);
    this.low[id] = lo;
  }

  private ids(dataset: string): Map<number, number> {
    let ids = this.byDataset.get(dataset);
    if (!ids) {
      ids = new Map();
      this.byDataset.set(dataset, ids);
      for (const [hi, lo, id] of this.load.iterate(dataset) as IterableIterator<[number, number, number]>) this.remember(ids, dataset, [hi, lo], id);
    }
    return ids;
  }

  /** The record's id, and whether it is new to the archive. */
  resolve(dataset: string, fp: Fingerprint): { id: number; isNew: boolean } {
    const ids = this.ids(dataset);
    const id = ids.get(fp[0]);
    if (id !== undefined) {
      if (this.low[id] === fp[1]) return { id, isNew: false };
      const other = this.collisions.get(`${dataset}:${fp[0]}:${fp[1]}`);
      if (other !== undefined) return { id: other, isNew: false };
    }
    const fresh = this.nextId++;
    this.remember(ids, dataset, fp, fresh);
    return { id: fresh, isNew: true };
  }

  /** Marks a record as present in this snapshot; false when it already was (a duplicate row). */
  markPresent(id: number): boolean {
    this.grow(id);
    if (this.present[id] === 1) return false;
    this.present[id] = 1;
    return true;
  }
}
