// Property-based tests: whatever bytes an import is given, it either succeeds or fails with a
// FootprintError whose code and plain params the catalog words (never another exception, never a hang), and a failed import leaves the database file
// byte-for-byte as it was.
//
// Each import runs in a long-lived worker thread with a watchdog: a case that does not finish in
// time terminates the worker and fails the property with the case that hung (a synchronous endless
// loop could never be caught from inside the same thread). Inputs are small so each run is quick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DATASETS } from '../src/shared/catalog';
import { createService } from '../src/main/service';
import { generateAccount } from './fixtures/account';
import { LAYOUTS, LAYOUT_AS_OF, jsonText, renderJson, zipBytes } from './fixtures/json';
import { sha256File, smallExport } from './helpers';
import { ERROR_CODES } from '../src/shared/errors';
import { LANGS, translator, type MessageKey } from '../src/shared/i18n';

const ROOT = resolve(__dirname, '..');
/** FOOTPRINT_PROPERTY_RUNS=20 runs every property 20 times as often (for a longer hunt). */
const SCALE = Math.max(1, Number(process.env.FOOTPRINT_PROPERTY_RUNS) || 1);
/** A case taking longer than this is a hang (generous: the machine is shared and loaded). */
const HANG_MS = 60_000;

type Outcome =
  | { kind: 'ok'; records: number; warnings: number }
  | { kind: 'import-error'; code: string; params: Record<string, unknown> }
  | { kind: 'other'; name: string; message: string; stack?: string };

// The worker: copies the baseline database, imports, closes, reports. Plain CommonJS through tsx.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.tsx);
const { copyFileSync, rmSync } = require('node:fs');
const { createService } = require(workerData.root + '/src/main/service/index.ts');
const { FootprintError } = require(workerData.root + '/src/shared/errors.ts');
const { diagnoseExport } = require(workerData.root + '/src/main/reader/diagnose.ts');
parentPort.on('message', async ({ id, op, path, baseline, dbPath }) => {
  let outcome;
  let service;
  try {
    if (op === 'diagnose') {
      const report = diagnoseExport(path);
      JSON.stringify(report);
      outcome = { kind: 'ok', records: report.datasets.length, warnings: report.warnings.length };
    } else {
    for (const s of ['-wal', '-shm']) rmSync(dbPath + s, { force: true });
    copyFileSync(baseline, dbPath);
    service = createService({ dbPath });
    const r = await service.importExport({ path });
    outcome = { kind: 'ok', records: Object.values(r.datasets).reduce((n, d) => n + d.records, 0), warnings: r.warnings.length };
    }
  } catch (e) {
    outcome = e instanceof FootprintError
      ? { kind: 'import-error', code: e.code, params: e.params }
      : { kind: 'other', name: (e && e.name) || typeof e, message: String((e && e.message) || e), stack: e && e.stack };
  }
  try {
    if (service) service.close();
  } catch (e) {
    outcome = { kind: 'other', name: 'close', message: String(e && e.message) };
  }
  parentPort.postMessage({ id, outcome });
});
`;

class Importer {
  private worker!: Worker;
  private next = 0;
  private waiting = new Map<number, (o: Outcome) => void>();
  constructor(private readonly baseline: string, private readonly dbPath: string) {
    this.start();
  }

  private start(): void {
    const tsx = createRequire(join(ROOT, 'noop.js')).resolve('tsx/cjs');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { tsx, root: ROOT }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.worker.on('message', ({ id, outcome }: { id: number; outcome: Outcome }) => {
      this.waiting.get(id)?.(outcome);
      this.waiting.delete(id);
    });
    this.worker.on('error', (e) => {
      for (const resolve of this.waiting.values()) resolve({ kind: 'other', name: 'worker', message: String(e) });
      this.waiting.clear();
    });
  }

  /** Imports `path` into a fresh copy of the baseline database; a hang restarts the worker and is reported. */
  async run(path: string, op: 'import' | 'diagnose' = 'import'): Promise<Outcome> {
    const id = this.next++;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<Outcome>((resolve) => this.waiting.set(id, resolve));
    const hang = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'other', name: 'hang', message: `no answer after ${HANG_MS} ms` }), HANG_MS);
    });
    this.worker.postMessage({ id, op, path, baseline: this.baseline, dbPath: this.dbPath });
    const outcome = await Promise.race([done, hang]);
    clearTimeout(timer);
    if (outcome.kind === 'other' && outcome.name === 'hang') {
      this.waiting.delete(id);
      await this.worker.terminate();
      this.start();
    }
    return outcome;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

let dir: string;
let baseline: string;
let baselineHash: string;
let importer: Importer;
let caseNo = 0;
const tally = new Map<string, number>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-property-'));
  baseline = join(dir, 'baseline.db');
  const service = createService({ dbPath: baseline });
  const first = join(dir, 'first.json');
  writeFileSync(first, JSON.stringify(smallExport({ from: 300 })));
  await service.importExport({ path: first });
  service.close();
  baselineHash = sha256File(baseline);
  importer = new Importer(baseline, join(dir, 'run.db'));
});

afterAll(async () => {
  await importer?.close();
  rmSync(dir, { recursive: true, force: true });
   
  console.log('property outcomes:', Object.fromEntries(tally));
});

/** The property every input must satisfy. */
async function importIsSafe(bytes: Buffer | string, name: string): Promise<void> {
  const path = join(dir, `case-${caseNo++}`, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  const outcome = await importer.run(path);
  const label = outcome.kind === 'import-error' ? outcome.code : outcome.kind;
  tally.set(label, (tally.get(label) ?? 0) + 1);
  if (outcome.kind === 'other') {
    throw new Error(`the import failed with ${outcome.name}: ${outcome.message}\n${outcome.stack ?? ''}`);
  }
  if (outcome.kind === 'import-error') {
    expect(ERROR_CODES).toContain(outcome.code);
    expect(outcome.params).toMatchObject({ path: expect.any(String) });
    for (const v of Object.values(outcome.params)) expect(['string', 'number', 'boolean']).toContain(typeof v);
    for (const lang of LANGS) expect(translator(lang).t(`error.${outcome.code}` as MessageKey, outcome.params as Record<string, string>).length).toBeGreaterThan(10);
    expect(sha256File(join(dir, 'run.db'))).toBe(baselineHash);
  }
  rmSync(join(path, '..'), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Generators

const SECTION_NAMES = [...new Set(DATASETS.flatMap((d) => d.sections))];
const LIST_KEYS = [...new Set(DATASETS.flatMap((d) => (d.listKeys ?? []).flatMap((k) => k.split('/'))))];
const FIELD_KEYS = [...new Set(DATASETS.flatMap((d) => d.fields.flatMap((f) => f.json ?? [])))];
const CATEGORIES = ['Your Activity', 'Activity', 'Profile', 'Profile And Settings', 'App Settings', 'Direct Message', 'Comment', 'Video', 'Ads and data', 'Tiktok Live', 'TikTok Shop', 'user_data_tiktok.json'];
const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'App', 'IsFastLane', 'Chat History with x:', '', ' ', '\u0000', 'é'];

const anyKey = fc.oneof(
  fc.constantFrom(...SECTION_NAMES),
  fc.constantFrom(...LIST_KEYS),
  fc.constantFrom(...FIELD_KEYS),
  fc.constantFrom(...ODD_KEYS),
  fc.string({ maxLength: 6 }),
);

const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2024-11-20 15:21:12', '2026-01-02 03:04:05 UTC', '01-Oct-1995', '1969-12-31 23:59:59', 'N/A', 'None', '', '0', 'https://www.tiktokv.com/share/video/7428748283171900001/'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((n) => ({ __big: n.toString() })),
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
  object: fc.dictionary(anyKey, tie('tree'), { maxKeys: 5 }),
  array: fc.array(tie('tree'), { maxLength: 5 }),
}));

/** An export-like document: categories holding real section names holding arbitrary trees. */
const exportLike = fc.dictionary(
  fc.oneof(fc.constantFrom(...CATEGORIES), anyKey),
  fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...SECTION_NAMES), anyKey), fc.oneof(tree, fc.dictionary(fc.constantFrom(...LIST_KEYS), tree, { maxKeys: 2 })), { maxKeys: 6 }), tree),
  { maxKeys: 6 },
);

/** JSON text, with big integers written as bare digits (as TikTok writes UIDs). */
function toJson(doc: unknown, indent: number): string {
  return JSON.stringify(doc, (_k, v: unknown) => (v && typeof v === 'object' && '__big' in v ? `\u0000BIG${(v as { __big: string }).__big}\u0000` : v), indent).replace(
    /"\\u0000BIG(\d+)\\u0000"/g,
    '$1',
  );
}

/** The real exports to mutate: every JSON layout (with quirks) and one with a list large enough to be read lazily. */
const BASES: { name: string; doc: unknown }[] = [
  ...LAYOUTS.map((layout) => ({ name: layout, doc: renderJson(generateAccount({ seed: 11, scale: 0.02, asOf: LAYOUT_AS_OF[layout] }), layout, { quirks: true }) })),
  { name: 'lazy', doc: smallExport({ watch: 1500, likes: 300 }) },
];
const baseTexts = BASES.map((b) => Buffer.from(jsonText(b.doc)));
/** The same documents as plain JSON values (for tree mutations). */
const treeBases = baseTexts.map((t) => JSON.parse(t.toString()) as Json);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container path in a document (as key/index lists), breadth first, at most `max`. */
function paths(doc: Json, max = 2000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { p: (string | number)[]; v: Json }[] = [{ p: [], v: doc }];
  while (queue.length > 0 && out.length < max) {
    const { p, v } = queue.shift()!;
    if (p.length > 0) out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => queue.push({ p: [...p, i], v: x }));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) queue.push({ p: [...p, k], v: v[k]! });
  }
  return out;
}

type TreeMutation = { op: 'delete' | 'duplicate' | 'retype'; at: number; as: number };

const RETYPES: Json[] = ['a string', 12345, -1.5, true, null, [], {}, ['x', 'y'], [1, 2, 3], { unexpected: { deeper: ['z'] } }, '2024-13-45 99:99:99', ''];

function mutateTree(doc: Json, mutations: TreeMutation[]): Json {
  const copy = structuredClone(doc);
  for (const m of mutations) {
    const all = paths(copy);
    if (all.length === 0) break;
    const p = all[m.at % all.length]!;
    const parent = p.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, copy) as Record<string | number, Json> | Json[];
    const key = p[p.length - 1]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.op === 'duplicate') {
      const value = structuredClone((parent as Record<string | number, Json>)[key]!);
      if (Array.isArray(parent)) parent.splice(key as number, 0, value);
      else (parent as Record<string, Json>)[`${key}`.toUpperCase() === `${key}` ? `${key} (copy)` : `${key}`.toUpperCase()] = value;
    } else {
      (parent as Record<string | number, Json>)[key] = structuredClone(RETYPES[m.as % RETYPES.length]!);
    }
  }
  return copy;
}

type ByteMutation = { op: 'truncate' | 'flip' | 'insert' | 'delete'; at: number; bytes: Uint8Array };

const STRUCTURE_BYTES = Buffer.from('{}[]",:\\ \n0-');

function mutateBytes(input: Buffer, mutations: ByteMutation[]): Buffer {
  let b = Buffer.from(input);
  for (const m of mutations) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    if (m.op === 'truncate') b = b.subarray(0, at);
    else if (m.op === 'flip') for (let i = 0; i < m.bytes.length && at + i < b.length; i++) b[at + i] = b[at + i]! ^ (m.bytes[i]! || 1);
    else if (m.op === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes.map((x) => (x & 1 ? STRUCTURE_BYTES[x % STRUCTURE_BYTES.length]! : x))), b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + (m.bytes.length % 64))]);
  }
  return b;
}

const byteMutation = fc.record({
  op: fc.constantFrom('truncate', 'flip', 'flip', 'insert', 'insert', 'delete') as fc.Arbitrary<ByteMutation['op']>,
  at: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

// ---------------------------------------------------------------------------------------------

describe('property: an import succeeds or fails with a FootprintError, and a failure changes nothing', () => {
  it('arbitrary JSON trees mixed with real section names', async () => {
    await fc.assert(
      fc.asyncProperty(exportLike, fc.constantFrom(0, 2), async (doc, indent) => {
        await importIsSafe(toJson(doc, indent), 'user_data_tiktok.json');
      }),
      { numRuns: 150 * SCALE },
    );
  });

  it('a real export with nodes deleted, duplicated and retyped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(fc.record({ op: fc.constantFrom('delete', 'duplicate', 'retype') as fc.Arbitrary<TreeMutation['op']>, at: fc.nat(), as: fc.nat() }), { minLength: 1, maxLength: 6 }),
        async (base, mutations) => {
          await importIsSafe(jsonText(mutateTree(treeBases[base]!, mutations)), 'user_data_tiktok.json');
        },
      ),
      { numRuns: 100 * SCALE },
    );
  });

  it('a real export truncated, with bytes flipped, garbage inserted and bytes deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: baseTexts.length - 1 }), fc.array(byteMutation, { minLength: 1, maxLength: 5 }), async (base, mutations) => {
        await importIsSafe(mutateBytes(baseTexts[base]!, mutations), 'user_data_tiktok.json');
      }),
      { numRuns: 150 * SCALE },
    );
  });

  it('diagnose, too, answers a report or a FootprintError for arbitrary and mutated exports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          exportLike.map((doc) => Buffer.from(toJson(doc, 0))),
          fc.tuple(fc.nat({ max: baseTexts.length - 1 }), fc.array(byteMutation, { minLength: 1, maxLength: 5 })).map(([b, m]) => mutateBytes(baseTexts[b]!, m)),
        ),
        async (bytes) => {
          const path = join(dir, `diagnose-${caseNo++}.json`);
          writeFileSync(path, bytes);
          const outcome = await importer.run(path, 'diagnose');
          if (outcome.kind === 'other') throw new Error(`diagnose failed with ${outcome.name}: ${outcome.message}\n${outcome.stack ?? ''}`);
          rmSync(path, { force: true });
        },
      ),
      { numRuns: 100 * SCALE },
    );
  });

  it('a valid ZIP with random byte mutations (headers, file list, data, end record)', async () => {
    const zips = await Promise.all([
      zipBytes(BASES[3]!.doc, { subfolder: 'TikTok_Data' }),
      zipBytes(BASES[4]!.doc),
      // stored (not deflated): mutations reach the JSON only when the checksum still matches, so mostly the headers
      Buffer.from(
        await new (await import('jszip')).default()
          .file('user_data_tiktok.json', jsonText(BASES[0]!.doc))
          .generateAsync({ type: 'nodebuffer', compression: 'STORE' }),
      ),
    ]);
    // weight the mutations towards the structures: the first header, and the file list + end record
    const focused = (zip: Buffer) =>
      fc.oneof(
        fc.nat({ max: 63 }),
        fc.integer({ min: Math.max(0, zip.length - 120), max: zip.length - 1 }),
        fc.nat({ max: zip.length - 1 }),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: zips.length - 1 }).chain((z) =>
          fc.tuple(fc.constant(z), fc.array(fc.record({ op: byteMutation.map((m) => m.op), at: focused(zips[z]!), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 })),
        ),
        async ([z, mutations]) => {
          await importIsSafe(mutateBytes(zips[z]!, mutations), 'TikTok_Data_1735588272.zip');
        },
      ),
      { numRuns: 200 * SCALE },
    );
  });
});
