// `footprint diagnose`: the structure of an export without any of its values, for users to share
// when TikTok ships a layout Footprint does not know. What it holds: the container's file paths,
// section paths, field names, value types, list lengths and how many values of each type there are,
// which datasets were recognised and which sections were not. What it never holds: text, numbers,
// dates, usernames (conversation titles and other map keys that are data) or ids — names that look
// like data are replaced by placeholders ("<key>", "<conversation>", "<id>").
//
// Read-only: nothing here touches a database. Hostile input gets the same treatment as an import
// (the same readers, the same checks); the structure walk is depth-bounded.
import { DATASETS, normalizeName } from '../../shared/catalog';
import type { DiagnoseReport, DiagnoseShape, ImportWarning } from '../../shared/contract';
import { FootprintError, type ApiError, type ErrorParams } from '../../shared/errors';
import { translator, type MessageKey, type Translator } from '../../shared/i18n';
import { withPath } from './errors';
import { findJsonEntry } from './index';
import { isObject, readJsonDocument } from './json-reader';
import { isLazyList, parseLazyJson } from './lazy-json';
import type { ExportSink, RecordFields } from './sink';
import { openSource, type Source } from './source';
import { parseTime } from '../../shared/time';
import { findTxtExport, readTxtExport } from './txt-reader';

/** Deeper values are counted, not described (and never recursed into). */
const MAX_DEPTH = 32;
/** An object with more keys than this is a map keyed by data (ids, names), not a record. */
const MAP_KEYS = 100;
/** Distinct key names kept per object shape; more are merged under "<more keys>". */
const MAX_NAMES = 200;
const MAX_FILES = 500;

const HIDDEN_KEY = '<key>';
const TIKTOK_FILE = /^(user_data(_tiktok)?|tiktok_data)\.json$/i;
const CONVERSATION_KEY = '<conversation>';
const ID_KEY = '<id>';
const MORE_KEYS = '<more keys>';

export const DIAGNOSE_NOTE =
  'The structure of this export only: section and field names, value types and counts. ' +
  'It holds no values from the export: no text, numbers, dates, usernames or ids.';

// ---- Which names are safe to show ----

/** Every name the catalog knows: section names, list keys, field names and their aliases. */
const VOCABULARY = new Set<string>();
for (const spec of DATASETS) {
  for (const n of [...spec.sections, ...(spec.listKeys ?? []).flatMap((k) => k.split('/')), ...(spec.skipKeys ?? [])]) VOCABULARY.add(normalizeName(n));
  for (const f of spec.fields) for (const n of [f.name, ...(f.json ?? [])]) VOCABULARY.add(normalizeName(n));
}
for (const n of ['App', 'IsFastLane', 'user_data', 'user_data_tiktok', 'tiktok_data']) VOCABULARY.add(normalizeName(n));

/** Could this key be data (a username, an id, an address, a conversation title) rather than a name TikTok chose? */
export function looksLikeData(key: string): boolean {
  if (VOCABULARY.has(normalizeName(key))) return false;
  const k = key.trim();
  if (k.length === 0 || k.length > 80) return true;
  if (/[^\x20-\x7e]/.test(k)) return true; // non-ASCII (names, emoji) and control characters
  if (/[@#<>]|:\/\/|www\.|\.[a-z]{2,}\b/i.test(k)) return true; // emails, URLs, domains, hashtags
  if (/\d{3,}/.test(k)) return true; // ids, dates, phone numbers
  // conversation titles: "Chat History with sam:", "Conversation with sam"
  if (/chat\s*history\s*with|^\s*(group\s*)?(chat|conversation|messages?)\b.*\bwith\b|\bwith\s+\S+\s*:\s*$/i.test(k)) return true;
  if (/^[a-z0-9_.]+$/.test(k) && /[\d.]/.test(k)) return true; // username-like: user_4821, sam.42
  return false;
}

/** A path from the export, each part shown or replaced. */
export function shownPath(path: string): string {
  return path
    .split('/')
    .map((p) => (looksLikeData(p) ? HIDDEN_KEY : p))
    .join('/');
}

/** A file's path: folders shown or replaced, the file name judged without its extension. */
export function shownFile(path: string): string {
  const parts = path.split('/');
  // "Watch History.txt › notes": a part of a file, as the TXT reader names them
  const [name, ...within] = parts.pop()!.split(' › ');
  const m = /^(.*?)(\.(?:txt|json|zip|html?|csv|md))$/i.exec(name!);
  const file = m ? (looksLikeData(m[1]!) ? HIDDEN_KEY : m[1]!) + m[2]! : looksLikeData(name!) ? HIDDEN_KEY : name!;
  const shown = (p: string) => (looksLikeData(p) ? HIDDEN_KEY : p);
  return [...parts.map(shown), [file, ...within.map(shown)].join(' › ')].join('/');
}

/** Free text (a reader bug's reason), with quoted names that could be data and long numbers taken out. */
export function shownMessage(message: string): string {
  return message
    .replace(/"([^"]*)"/g, (_m, q: string) => `"${q.split('/').some(looksLikeData) ? '…' : q}"`)
    .replace(/\d{4,}/g, 'N')
    .replace(/[^\x20-\x7e\u2026\u2192\u203a\ufffd]/g, '?');
}

/**
 * Parameters of a warning or error, safe to share: paths inside the export as shownFile, the path
 * the user picked only when no part of it could be data, section names judged like keys, free text
 * as shownMessage. Numbers (counts, byte offsets, limits) and codes are structure, kept.
 */
export function shownParams(params: ErrorParams, userPath?: string): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') out[k] = v;
    else if (k === 'path' && v === userPath) out[k] = v.split(/[\\/]/).some((p) => p !== '' && looksLikeData(p)) ? '…' : v;
    else if (k === 'path' || k === 'entry') out[k] = shownFile(v);
    else if (k === 'name') out[k] = v.split('/').some(looksLikeData) ? HIDDEN_KEY : v;
    else if (/^[a-z0-9][a-z0-9-]*$/i.test(v) && v.length <= 40) out[k] = v; // a code: reason, found, expected, errno, dataset
    else out[k] = shownMessage(v);
  }
  return out;
}

// ---- Shapes ----

interface Shape {
  types: Map<string, number>;
  keys?: Map<string, Shape>;
  hidden?: Set<string>;
  items?: Shape;
  lists?: number;
  length?: number;
  maxLength?: number;
  deeper?: number;
}

const newShape = (): Shape => ({ types: new Map() });

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v) || isLazyList(v)) return 'list';
  if (typeof v === 'string') return /[-:/.]/.test(v) && !/^\s*-?\d+(\.\d+)?\s*$/.test(v) && parseTime(v) !== null ? 'time' : 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'object';
}

/** Where the maps keyed by data of known datasets sit: path → placeholder for their keys. */
type MapPaths = Map<string, string>;

function describe(value: unknown, shape: Shape, path: string, depth: number, maps: MapPaths): void {
  const type = typeOf(value);
  shape.types.set(type, (shape.types.get(type) ?? 0) + 1);
  if (type !== 'object' && type !== 'list') return;
  if (depth >= MAX_DEPTH) {
    shape.deeper = (shape.deeper ?? 0) + 1;
    return;
  }
  if (type === 'list') {
    let n = 0;
    const items = (shape.items ??= newShape());
    for (const item of value as Iterable<unknown>) {
      n++;
      describe(item, items, path, depth + 1, maps);
    }
    shape.lists = (shape.lists ?? 0) + 1;
    shape.length = (shape.length ?? 0) + n;
    shape.maxLength = Math.max(shape.maxLength ?? 0, n);
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const placeholder = maps.get(path) ?? (keys.length > MAP_KEYS ? HIDDEN_KEY : undefined);
  shape.keys ??= new Map();
  for (const key of keys) {
    let name = placeholder ?? (looksLikeData(key) ? HIDDEN_KEY : key);
    if (name !== key) (shape.hidden ??= new Set()).add(key);
    if (!shape.keys.has(name) && shape.keys.size >= MAX_NAMES) name = MORE_KEYS;
    let child = shape.keys.get(name);
    if (!child) shape.keys.set(name, (child = newShape()));
    describe(obj[key], child, `${path}/${key}`, depth + 1, maps);
  }
}

function toReport(shape: Shape): DiagnoseShape {
  const out: DiagnoseShape = { types: Object.fromEntries(shape.types) };
  if (shape.keys) out.keys = Object.fromEntries([...shape.keys].map(([k, v]) => [k, toReport(v)]));
  if (shape.hidden?.size) out.hiddenKeys = shape.hidden.size;
  if (shape.items) {
    out.items = toReport(shape.items);
    out.lists = shape.lists;
    out.length = shape.length;
    out.maxLength = shape.maxLength;
  }
  if (shape.deeper) out.deeper = shape.deeper;
  return out;
}

/** The paths (raw keys joined with "/") of the chat and keyed maps of the datasets found. */
function dataMaps(root: unknown, found: Map<string, Set<string>>): MapPaths {
  const maps: MapPaths = new Map();
  for (const [id, paths] of found) {
    const spec = DATASETS.find((d) => d.id === id);
    if (!spec || (spec.shape !== 'chat' && spec.shape !== 'keyed')) continue;
    const placeholder = spec.shape === 'chat' ? CONVERSATION_KEY : ID_KEY;
    for (const p of paths) {
      const section = at(root, p);
      if (!isObject(section)) continue;
      const listKeys = new Set((spec.listKeys ?? []).map(normalizeName));
      const child = Object.keys(section).find((k) => listKeys.has(normalizeName(k)));
      maps.set(child === undefined ? `/${p}` : `/${p}/${child}`, placeholder);
    }
  }
  return maps;
}

function structureOf(doc: unknown, found: Map<string, Set<string>>): DiagnoseShape {
  let maps = dataMaps(doc, found);
  const keys = isObject(doc) ? Object.keys(doc) : [];
  if (maps.size === 0 && keys.length === 1 && /\.json$/i.test(keys[0]!)) {
    // the reader unwrapped a root named after the file: its section paths start below it
    maps = new Map([...dataMaps((doc as Record<string, unknown>)[keys[0]!], found)].map(([p, v]) => [`/${keys[0]}${p}`, v]));
  }
  const shape = newShape();
  describe(doc, shape, '', 0, maps);
  return toReport(shape);
}

function at(root: unknown, path: string): unknown {
  let v = root;
  for (const part of path.split('/')) {
    if (!isObject(v)) return undefined;
    v = v[part];
  }
  return v;
}

// ---- The report ----

interface Tally {
  paths: Set<string>;
  records: number;
  values: number;
  fields: Map<string, Map<string, number>>;
}

function diagnoseSink(datasets: Map<string, Tally>, unknown: DiagnoseReport['unknownSections'], warnings: DiagnoseReport['warnings']): ExportSink {
  const tally = (id: string): Tally => {
    let t = datasets.get(id);
    if (!t) datasets.set(id, (t = { paths: new Set(), records: 0, values: 0, fields: new Map() }));
    return t;
  };
  return {
    present: (id, path) => void tally(id).paths.add(path),
    record: (id, fields: RecordFields) => {
      const t = tally(id);
      t.records++;
      for (const [k, v] of Object.entries(fields)) {
        const name = looksLikeData(k) ? HIDDEN_KEY : k;
        let types = t.fields.get(name);
        if (!types) t.fields.set(name, (types = new Map()));
        const type = typeOf(v);
        types.set(type, (types.get(type) ?? 0) + 1);
      }
    },
    value: (id, key, value) => {
      const t = tally(id);
      t.values++;
      const name = key.split(' › ').some(looksLikeData) ? HIDDEN_KEY : key;
      let types = t.fields.get(name);
      if (!types) t.fields.set(name, (types = new Map()));
      const type = typeOf(value);
      types.set(type, (types.get(type) ?? 0) + 1);
    },
    unknown: (path, _raw, empty) => void unknown.push({ path: shownFile(path), empty }),
    warn: (path, code, params = {}) => void warnings.push({ path: shownFile(path), code, params: shownParams(params) }),
  };
}

function errorOf(e: FootprintError, userPath: string): ApiError {
  return { code: e.code, params: shownParams(e.params, userPath) };
}

/** A structure-only report of the export at `path`. Throws FootprintError only when nothing can be opened. */
export function diagnoseExport(path: string): DiagnoseReport {
  let source: Source;
  try {
    source = openSource(path);
  } catch (e) {
    if (e instanceof FootprintError) throw new FootprintError(e.code, shownParams(e.params, path));
    throw e;
  }
  const report: DiagnoseReport = {
    note: DIAGNOSE_NOTE,
    container: source.kind,
    files: [],
    moreFiles: 0,
    otherFiles: {},
    format: null,
    layout: null,
    datasets: [],
    unknownSections: [],
    warnings: [],
    error: null,
    structure: null,
  };
  const datasets = new Map<string, Tally>();
  const sink = diagnoseSink(datasets, report.unknownSections, report.warnings);
  // a bare file's name is the user's choice (it may name them): shown only when it is TikTok's
  const fileName = (p: string): string => (source.kind === 'file' && !TIKTOK_FILE.test(p) ? `<file>${/\.[a-z]{1,5}$/i.exec(p)?.[0] ?? ''}` : shownFile(p));
  const json = findJsonEntry(source);
  const txt = json ? undefined : findTxtExport(source.entries);
  // the files of the export are listed; anything else in a folder (it may be the user's own) only counted
  const listed = new Set(json ? [json] : (txt ?? []));
  report.files = [...listed].slice(0, MAX_FILES).map((e) => fileName(e.path));
  report.moreFiles = Math.max(0, listed.size - MAX_FILES);
  for (const e of source.entries) {
    if (listed.has(e)) continue;
    const ext = /\.([a-z0-9]{1,5})$/i.exec(e.path)?.[1]?.toLowerCase() ?? '(none)';
    report.otherFiles[ext] = (report.otherFiles[ext] ?? 0) + 1;
  }
  try {
    if (json) {
      report.format = 'json';
      const bytes = json.read();
      const where = fileName(json.path);
      if (bytes.length === 0) throw new FootprintError('EMPTY_FILE', { path: where });
      const parsed = withPath(where, () => parseLazyJson(bytes));
      const fileWarning = (w: Omit<ImportWarning, 'path'>) => report.warnings.push({ path: where, code: w.code, params: shownParams(w.params) });
      parsed.warnings.forEach(fileWarning);
      try {
        report.layout = withPath(where, () => readJsonDocument(parsed.value, sink, parsed.truncated)).layout;
      } finally {
        parsed.laterWarnings().forEach(fileWarning);
        // the structure is worth having even when no dataset was recognised
        report.structure = structureOf(parsed.value, new Map([...datasets].map(([id, t]) => [id, t.paths])));
      }
    } else if (txt) {
      report.format = 'txt';
      report.layout = readTxtExport(txt, sink).layout;
    } else if (source.kind === 'folder') {
      throw new FootprintError('NO_EXPORT_IN_FOLDER', { path });
    } else {
      throw new FootprintError('NOT_TIKTOK', { path, reason: 'noExportFiles' });
    }
  } catch (e) {
    if (!(e instanceof FootprintError)) throw e;
    report.error = errorOf(e, path);
  }
  report.datasets = [...datasets]
    .map(([id, t]) => ({
      id,
      paths: [...t.paths].map(shownFile),
      records: t.records,
      values: t.values,
      fields: Object.fromEntries([...t.fields].map(([k, types]) => [k, Object.fromEntries(types)])),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return report;
}

// ---- Text ----

function typesText(types: Record<string, number>): string {
  const entries = Object.entries(types);
  if (entries.length === 1 && entries[0]![1] === 1) return entries[0]![0];
  return entries.map(([t, n]) => `${t} ×${n}`).join(', ');
}

function shapeLines(shape: DiagnoseShape, name: string, indent: string, out: string[]): void {
  let head = `${indent}${name}: ${typesText(shape.types)}`;
  if (shape.keys) head += `  {${Object.keys(shape.keys).length} key${Object.keys(shape.keys).length === 1 ? '' : 's'}${shape.hiddenKeys ? `, ${shape.hiddenKeys} hidden` : ''}}`;
  if (shape.items) head += `  [${shape.lists === 1 ? `${shape.length} items` : `${shape.lists} lists, ${shape.length} items, longest ${shape.maxLength}`}]`;
  if (shape.deeper) head += `  (${shape.deeper} nested deeper than shown)`;
  out.push(head);
  for (const [k, v] of Object.entries(shape.keys ?? {})) shapeLines(v, k, `${indent}  `, out);
  if (shape.items && (shape.items.keys || shape.items.items)) shapeLines(shape.items, '[item]', `${indent}  `, out);
}

/** The report as text for a terminal (only names from the report, which are already safe); warnings and the error worded by `tr`. */
export function diagnoseText(r: DiagnoseReport, tr: Translator = translator('en')): string {
  const out: string[] = [`Footprint diagnose. ${r.note}`, ''];
  out.push(`Container: ${r.container}; the export's files: ${r.files.length + r.moreFiles}`);
  for (const f of r.files) out.push(`  ${f}`);
  if (r.moreFiles) out.push(`  … and ${r.moreFiles} more`);
  const others = Object.entries(r.otherFiles);
  if (others.length) out.push(`Other files: ${others.map(([ext, n]) => (ext === '(none)' ? `${n} without an extension` : `${n} .${ext}`)).join(', ')}`);
  out.push(`Format: ${r.format ?? 'not recognised'}${r.layout ? `, layout ${r.layout}` : ''}`);
  if (r.error) out.push(`Import would fail: ${r.error.code}: ${tr.t(`error.${r.error.code}` as MessageKey, r.error.params)}`);
  out.push('', `Recognised datasets (${r.datasets.length}):`);
  for (const d of r.datasets) {
    out.push(`  ${d.id.padEnd(26)} ${d.values ? `${d.values} values` : `${d.records} records`}  at ${d.paths.join(', ')}`);
    const fields = Object.entries(d.fields).map(([k, t]) => `${k} (${typesText(t)})`);
    if (fields.length) out.push(`      fields: ${fields.join(', ')}`);
  }
  if (r.unknownSections.length) {
    out.push('', 'Sections Footprint does not understand (an import keeps them as they are):');
    for (const u of r.unknownSections) out.push(`  ${u.path}${u.empty ? ' (empty)' : ''}`);
  }
  if (r.warnings.length) {
    out.push('', 'Warnings:');
    for (const w of r.warnings) out.push(`  ${w.path}: ${tr.t(`warning.${w.code}` as MessageKey, w.params)}`);
  }
  if (r.structure) {
    out.push('', 'Structure:');
    shapeLines(r.structure, '(root)', '  ', out);
  }
  return out.join('\n');
}
