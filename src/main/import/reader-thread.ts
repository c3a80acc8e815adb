// Reading a large export on a thread of its own. Parsing, mapping, fingerprinting and serializing
// records is about half of an import's work and needs no database, so a reader thread does it while
// the writer writes: on a two-core machine both cores work.
//
// The writer stays one synchronous transaction (nothing else can run on its connection halfway):
// it pulls the reader's messages with receiveMessageOnPort and sleeps in Atomics.wait when there
// is none yet. The reader sleeps when it is MAX_IN_FLIGHT batches ahead, so memory stays bounded
// however much faster it parses than the writer writes.
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { parseExport, type ExportContent } from '../reader';
import type { BatchSink, BatchSource, RecordBatch } from './record-batch';
import type { ImportWarningCode } from '../../shared/contract';
import type { WarningParams } from '../reader/sink';
import { readHere } from './record-batch';
import { cancelledImport } from '../reader/errors';
import { reviveError, serializeError, spawnWorker, type SerializedError } from './threads';

export const READER_WORKER_NAME = 'reader-worker';

/** Below this much content an export is read on the writer's thread: starting a thread costs more than it saves. */
export const READER_THREAD_MIN_BYTES = 16 * 1024 * 1024;

/** Everything the reader sends, in the order the export is read. */
type ReaderMessage =
  | { type: 'records'; batch: RecordBatch }
  | { type: 'present'; dataset: string; path: string }
  | { type: 'value'; dataset: string; key: string; value: string | null }
  | { type: 'unknown'; path: string; raw: string; empty: boolean }
  | { type: 'warn'; path: string; code: ImportWarningCode; params?: WarningParams }
  | { type: 'end'; layout: string }
  | { type: 'error'; error: SerializedError };

export interface ReaderJobData {
  content: ExportContent;
  port: MessagePort;
  /** Int32Array view: [messages sent, messages received] */
  signal: SharedArrayBuffer;
}

const SENT = 0;
const RECEIVED = 1;
/** batches of 2,048 records or 512K characters of JSON (record-batch.ts): at most about 30 MB in flight */
const MAX_IN_FLIGHT = 64;
/** The reader never works this long without sending anything; silence this long means it died. */
const STALL_MS = 60_000;
const WAIT_SLICE_MS = 250;

// ---------------------------------------------------------------------------------------------
// Reader side (runs in the worker; see ../reader-worker.ts)

export function runReaderJob({ content, port, signal }: ReaderJobData): void {
  const counters = new Int32Array(signal);
  let sent = 0;
  const send = (m: ReaderMessage, transfer: ArrayBuffer[] = []): void => {
    for (;;) {
      const received = Atomics.load(counters, RECEIVED);
      if (sent - received < MAX_IN_FLIGHT) break;
      Atomics.wait(counters, RECEIVED, received, 100); // wakes now and then so terminate() can stop it
    }
    port.postMessage(m, transfer);
    Atomics.store(counters, SENT, ++sent);
    Atomics.notify(counters, SENT);
  };
  try {
    const sink: BatchSink = {
      records: (batch) => send({ type: 'records', batch }, [batch.at.buffer, batch.hi.buffer, batch.lo.buffer] as ArrayBuffer[]),
      present: (dataset, path) => send({ type: 'present', dataset, path }),
      value: (dataset, key, value) => send({ type: 'value', dataset, key, value }),
      unknown: (path, raw, empty) => send({ type: 'unknown', path, raw, empty }),
      warn: (path, code, params) => send({ type: 'warn', path, code, params }),
    };
    const { layout } = readHere(parseExport(content)).read(sink);
    send({ type: 'end', layout });
  } catch (e) {
    send({ type: 'error', error: serializeError(e) });
  }
}

// ---------------------------------------------------------------------------------------------
// Writer side

/**
 * The export read on a reader thread started from `entry`, now: it starts up and parses while the
 * writer gets ready. It takes the content over: the bytes move to the reader (transferred, not
 * copied, where they own their memory). close() stops it.
 */
export function readOnThread(content: ExportContent, entry: string): BatchSource {
  const { port1, port2 } = new MessageChannel();
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const [moved, transfer] = handOver(content);
  const workerData: ReaderJobData = { content: moved, port: port2, signal: counters.buffer as SharedArrayBuffer };
  const worker = spawnWorker(entry, { workerData, transferList: [port2, ...transfer], name: 'footprint-reader' });
  worker.unref();
  worker.on('error', () => {}); // reported through the port, or found out by the stall check
  const close = (): void => {
    port1.close();
    void worker.terminate().catch(() => {});
  };
  return {
    close,
    read: (sink, isCancelled) => {
      try {
        for (;;) {
          const m = receive(port1, counters, isCancelled);
          switch (m.type) {
            case 'records':
              sink.records(m.batch);
              break;
            case 'present':
              sink.present(m.dataset, m.path);
              break;
            case 'value':
              sink.value(m.dataset, m.key, m.value);
              break;
            case 'unknown':
              sink.unknown(m.path, m.raw, m.empty);
              break;
            case 'warn':
              sink.warn(m.path, m.code, m.params);
              break;
            case 'end':
              return { layout: m.layout };
            case 'error':
              throw reviveError(m.error);
          }
        }
      } finally {
        // done, failed, or the writer gave up (cancelled, a database error): the reader stops either way
        close();
      }
    },
  };
}

/** The next message, waiting for it if there is none yet (and checking, while it waits, that the import is still wanted). */
function receive(port: MessagePort, counters: Int32Array, isCancelled?: () => boolean): ReaderMessage {
  let waited = 0;
  for (;;) {
    if (isCancelled?.()) throw cancelledImport();
    const sent = Atomics.load(counters, SENT);
    const got = receiveMessageOnPort(port);
    if (got) {
      Atomics.add(counters, RECEIVED, 1);
      Atomics.notify(counters, RECEIVED);
      return got.message as ReaderMessage;
    }
    if (Atomics.wait(counters, SENT, sent, WAIT_SLICE_MS) === 'timed-out' && (waited += WAIT_SLICE_MS) >= STALL_MS) {
      throw new Error('the export reader thread stopped responding'); // INTERNAL: nothing was imported
    }
  }
}

/** The content as it goes to the reader, and the memory moved with it. The caller's copy is emptied: content is read once. */
function handOver(content: ExportContent): [ExportContent, ArrayBuffer[]] {
  const transfer: ArrayBuffer[] = [];
  const own = (bytes: Uint8Array): Uint8Array => {
    // a view of part of a larger buffer (a stored ZIP entry, a pooled Buffer) is copied, never moved
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const mine = whole ? bytes : new Uint8Array(bytes);
    transfer.push(mine.buffer as ArrayBuffer);
    return mine;
  };
  if (content.format === 'json') {
    const moved: ExportContent = { format: 'json', path: content.path, bytes: own(content.bytes), skippedFolders: content.skippedFolders };
    content.bytes = new Uint8Array(0);
    return [moved, transfer];
  }
  // TXT files go as references: the reader reads each one when it gets to it
  const moved: ExportContent = { format: 'txt', files: content.files, skippedFolders: content.skippedFolders };
  content.files = [];
  return [moved, transfer];
}
