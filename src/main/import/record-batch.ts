// Between the readers and the writer: each record is given its time, fingerprint and stored form
// (JSON) as it is read, and handed on in batches of columns. Columns of numbers are cheap to build,
// to send from a reader thread to the writer (transferred, not copied) and to insert; and because
// this step is pure, it can run on the reader's thread while the writer writes.
import { datasetSpec, type DatasetSpec } from '../../shared/catalog';
import type { ExportSink, RecordFields, WarningParams } from '../reader/sink';
import type { ImportWarningCode } from '../../shared/contract';
import { recordFingerprint, recordTime } from './fingerprint';

export interface RecordBatch {
  dataset: string;
  n: number;
  /** UTC epoch ms of each record; NaN when it has no readable time */
  at: Float64Array;
  /** the two halves of each record's fingerprint */
  hi: Float64Array;
  lo: Float64Array;
  /** each record's fields as JSON */
  data: string[];
}

/** What the writer consumes: a reader's events in order, with records prepared and batched. */
export interface BatchSink extends Omit<ExportSink, 'record'> {
  records(batch: RecordBatch): void;
}

/** Anything that can be read into a BatchSink: an export read here, or on a reader thread. */
export interface BatchSource {
  /** reads everything into the sink and returns the detected layout; `isCancelled` is polled while it waits for the reader */
  read(sink: BatchSink, isCancelled?: () => boolean): { layout: string };
  /** stops reading (a reader thread), whether or not read() ran; safe to call twice */
  close?(): void;
}

export const BATCH_SIZE = 2048;
/**
 * A batch is also handed on once its records' JSON reaches this many characters: the reader may run
 * MAX_IN_FLIGHT batches ahead of the writer, and 2,048 long records (comments, messages of a few KB
 * each) would otherwise hold hundreds of MB between the two.
 */
export const BATCH_MAX_CHARS = 512 * 1024;

/** An ExportSink that prepares each record and passes everything on to a BatchSink, in order. */
export class RecordBatcher implements ExportSink {
  private spec: DatasetSpec | undefined;
  private batch: RecordBatch | null = null;
  private chars = 0;

  constructor(
    private readonly target: BatchSink,
    private readonly size = BATCH_SIZE,
  ) {}

  record(dataset: string, fields: RecordFields): void {
    if (this.spec?.id !== dataset) {
      this.flush();
      this.spec = datasetSpec(dataset);
      if (!this.spec) throw new Error(`unknown dataset ${dataset}`);
    }
    const b = (this.batch ??= newBatch(dataset, this.size));
    const at = recordTime(this.spec, fields);
    const [hi, lo] = recordFingerprint(this.spec, fields, at);
    const i = b.n++;
    b.at[i] = at ?? NaN;
    b.hi[i] = hi;
    b.lo[i] = lo;
    const json = JSON.stringify(fields);
    b.data.push(json);
    this.chars += json.length;
    if (b.n === this.size || this.chars >= BATCH_MAX_CHARS) this.flush();
  }

  // Every other event first hands on the records before it, so the writer sees the export's order.
  present(dataset: string, path: string): void {
    this.flush();
    this.target.present(dataset, path);
  }
  value(dataset: string, key: string, value: string | null): void {
    this.flush();
    this.target.value(dataset, key, value);
  }
  unknown(path: string, raw: string, empty: boolean): void {
    this.flush();
    this.target.unknown(path, raw, empty);
  }
  warn(path: string, code: ImportWarningCode, params?: WarningParams): void {
    this.flush();
    this.target.warn(path, code, params);
  }

  /** Hands on the records read so far; call once more when the reader is done. */
  flush(): void {
    const b = this.batch;
    if (!b) return;
    this.batch = null;
    this.chars = 0;
    this.target.records(b.n === this.size ? b : { ...b, at: b.at.slice(0, b.n), hi: b.hi.slice(0, b.n), lo: b.lo.slice(0, b.n) });
  }
}

function newBatch(dataset: string, size: number): RecordBatch {
  return { dataset, n: 0, at: new Float64Array(size), hi: new Float64Array(size), lo: new Float64Array(size), data: [] };
}

/** Reads a parsed export on this thread, preparing its records as they are read. */
/** `isCancelled` reaches every phase of the reader (it polls every few hundred events). */
export function readHere(parsed: { read(sink: ExportSink, isCancelled?: () => boolean): { layout: string } }, isCancelled?: () => boolean): BatchSource {
  return {
    read: (sink) => {
      const batcher = new RecordBatcher(sink);
      const result = parsed.read(batcher, isCancelled);
      batcher.flush();
      return result;
    },
  };
}
