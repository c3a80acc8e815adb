// The importer's in-memory view of the archive's identities: fingerprint → record id, loaded per
// dataset on first use inside the import's write transaction (from fingerprint_chunks, see
// migration 3, when they match the records). De-duplicating here rather than
// through a UNIQUE index avoids a random B-tree insert and a lookup per record, which cost more
// than the rest of a million-record import together. The table is open addressing over typed
// arrays: a Map keyed by 53-bit numbers boxes every key and costs ~5x the time and memory.
import type { WritableDB } from './handles';

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

/** A growing list of (hi, lo, id) triplets, stored as a chunk's blob. */
class Triplets {
  values = new Float64Array(3 * 1024);
  length = 0;
  idSum = 0;
  push(hi: number, lo: number, id: number): void {
    if (this.length + 3 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = hi;
    this.values[this.length++] = lo;
    this.values[this.length++] = id;
    this.idSum += id;
  }
  get n(): number {
    return this.length / 3;
  }
  bytes(): Buffer {
    return Buffer.from(this.values.buffer, 0, this.length * 8);
  }
}

/** A stored chunk's triplets (a copy when the blob is not 8-byte aligned). */
function tripletsOf(blob: Buffer): Float64Array {
  const n = Math.floor(blob.length / 8);
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, n);
  return new Float64Array(new Uint8Array(blob.subarray(0, n * 8)).buffer);
}

export class KnownRecords {
  private byDataset = new Map<string, FingerprintTable>();
  /** per loaded dataset: what to store as its next chunk; `rebuild`: its stored chunks were stale, replace them all */
  private added = new Map<string, { triplets: Triplets; rebuild: boolean }>();
  private present = new Uint8Array(1024);
  /** ids from here on were assigned by this import */
  private readonly firstNew: number;
  private nextId: number;

  constructor(private readonly db: WritableDB) {
    this.nextId = this.firstNew = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM records').get() as { n: number }).n;
  }

  /** The dataset's table, loaded on first use: from its stored chunks when they match the archive, else from the records. */
  private table(dataset: string): FingerprintTable {
    let table = this.byDataset.get(dataset);
    if (table) return table;
    const { n, s } = this.db.prepare('SELECT count(*) AS n, coalesce(sum(id), 0) AS s FROM records WHERE dataset = ?').get(dataset) as { n: number; s: number };
    const chunks = this.db.prepare('SELECT n, id_sum, fps FROM fingerprint_chunks WHERE dataset = ? ORDER BY seq').all(dataset) as { n: number; id_sum: number; fps: Buffer }[];
    const fresh = chunks.reduce((a, c) => a + c.n, 0) === n && chunks.reduce((a, c) => a + c.id_sum, 0) === s;
    table = new FingerprintTable(n);
    const triplets = new Triplets();
    if (fresh) {
      for (const chunk of chunks) {
        const t = tripletsOf(chunk.fps);
        for (let i = 0; i + 2 < t.length; i += 3) table.set(t[i]!, t[i + 1]!, t[i + 2]!);
      }
    } else {
      // Never stored, or records were deleted since (a snapshot, forgotten records): read them all
      // and store them anew with this import.
      const rows = this.db.prepare('SELECT fp_hi, fp_lo, id FROM records WHERE dataset = ?').raw().iterate(dataset) as IterableIterator<[number, number, number]>;
      for (const [hi, lo, id] of rows) {
        table.set(hi, lo, id);
        triplets.push(hi, lo, id);
      }
    }
    this.added.set(dataset, { triplets, rebuild: !fresh });
    this.byDataset.set(dataset, table);
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
    this.added.get(dataset)!.triplets.push(hi, lo, fresh);
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

  /** Stores the fingerprints this import added, in the import's transaction, for the next import to load in one read. */
  save(): void {
    const drop = this.db.prepare('DELETE FROM fingerprint_chunks WHERE dataset = ?');
    const insert = this.db.prepare(
      'INSERT INTO fingerprint_chunks (dataset, seq, n, id_sum, fps) SELECT @dataset, coalesce(max(seq), 0) + 1, @n, @idSum, @fps FROM fingerprint_chunks WHERE dataset = @dataset',
    );
    for (const [dataset, { triplets, rebuild }] of this.added) {
      if (rebuild) drop.run(dataset);
      if (triplets.n > 0) insert.run({ dataset, n: triplets.n, idSum: triplets.idSum, fps: triplets.bytes() });
    }
  }
}
