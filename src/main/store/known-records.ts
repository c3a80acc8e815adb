// The importer's in-memory view of the archive's identities: fingerprint → record id, loaded per
// dataset on first use inside the import's write transaction. De-duplicating here rather than
// through a UNIQUE index avoids a random B-tree insert and a lookup per record, which cost more
// than the rest of a million-record import together. The table is open addressing over typed
// arrays: a Map keyed by 53-bit numbers boxes every key and costs ~5x the time and memory.
import type { DB } from './db';

/** fingerprint (hi, lo) → record id; 0 means absent */
class FingerprintTable {
  private hi: Float64Array;
  private lo: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.hi = new Float64Array(capacity);
    this.lo = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The fingerprint's slot: where it is, or the empty slot where it would go. Its bits are uniform, so its low 32 are the hash. */
  private slot(hi: number, lo: number): number {
    let i = hi >>> 0;
    for (;;) {
      i &= this.mask;
      if (this.ids[i] === 0 || (this.hi[i] === hi && this.lo[i] === lo)) return i;
      i++;
    }
  }

  get(hi: number, lo: number): number {
    return this.ids[this.slot(hi, lo)]!;
  }

  set(hi: number, lo: number, id: number): void {
    if ((this.size + 1) * 2 > this.ids.length) this.grow();
    const i = this.slot(hi, lo);
    if (this.ids[i] === 0) this.size++;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.ids[i] = id;
  }

  private grow(): void {
    const { hi, lo, ids } = this;
    const capacity = ids.length * 2;
    this.hi = new Float64Array(capacity);
    this.lo = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < ids.length; j++) {
      if (ids[j] === 0) continue;
      const i = this.slot(hi[j]!, lo[j]!);
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.ids[i] = ids[j]!;
    }
  }
}

export class KnownRecords {
  private byDataset = new Map<string, FingerprintTable>();
  private present = new Uint8Array(1024);
  /** ids from here on were assigned by this import */
  private readonly firstNew: number;
  private nextId: number;
  private readonly count: ReturnType<DB['prepare']>;
  private readonly load: ReturnType<DB['prepare']>;

  constructor(db: DB) {
    this.nextId = this.firstNew = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM records').get() as { n: number }).n;
    this.count = db.prepare('SELECT count(*) FROM records WHERE dataset = ?').pluck();
    this.load = db.prepare('SELECT fp_hi, fp_lo, id FROM records WHERE dataset = ?').raw();
  }

  /** The dataset's table, loaded from the archive on first use. */
  private table(dataset: string): FingerprintTable {
    let table = this.byDataset.get(dataset);
    if (!table) {
      table = new FingerprintTable(this.count.get(dataset) as number);
      for (const [hi, lo, id] of this.load.iterate(dataset) as IterableIterator<[number, number, number]>) table.set(hi, lo, id);
      this.byDataset.set(dataset, table);
    }
    return table;
  }

  /** Loads the known fingerprints of these datasets now (before the records arrive). */
  preload(datasets: Iterable<string>): void {
    for (const d of datasets) this.table(d);
  }

  /** The record's id: the archive's, or a new one (see isNew). */
  resolve(dataset: string, hi: number, lo: number): number {
    const table = this.table(dataset);
    const id = table.get(hi, lo);
    if (id !== 0) return id;
    const fresh = this.nextId++;
    table.set(hi, lo, fresh);
    return fresh;
  }

  /** The id was assigned by this import: the record is new to the archive. */
  isNew(id: number): boolean {
    return id >= this.firstNew;
  }

  /** Marks a record as present in this snapshot; false when it already was (a duplicate row). */
  markPresent(id: number): boolean {
    if (id >= this.present.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.present.length * 2));
      grown.set(this.present);
      this.present = grown;
    }
    if (this.present[id] === 1) return false;
    this.present[id] = 1;
    return true;
  }
}
