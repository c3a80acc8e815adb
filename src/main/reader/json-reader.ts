// Reads a parsed user_data*.json of any layout. Sections are found by name anywhere near the top
// of the tree (TikTok moves and renames parents between layouts), never by a fixed path.
import { DATASETS, normalizeName, type DatasetSpec } from '../../shared/catalog';
import { isEmptyValue } from './empty';
import { FootprintError } from '../../shared/errors';
import { conversationName, mapItem, splitNested } from './fields';
import { rawText, type ExportSink, type RecordFields } from './sink';
import { isLazyList } from './lazy-json';
import { detectJsonLayout, type JsonLayout } from './layout';

type Obj = Record<string, unknown>;

interface Node {
  path: string[];
  key: string;
  norm: string;
  value: unknown;
}

/** Sections sit at depth 2 (category → section); look a little deeper for wrapped or moved ones. */
const MAX_SECTION_DEPTH = 4;
/** Places (section paths) named per dataset; more are named '…'. */
const MAX_PLACES = 32;
/** Sibling keys of a wrapper that carry no data. */
const WRAPPER_KEYS = new Set(['app', 'isfastlane']);

const sectionIndex = new Map<string, DatasetSpec[]>();
for (const spec of DATASETS) {
  for (const s of spec.sections) {
    const n = normalizeName(s);
    sectionIndex.set(n, [...(sectionIndex.get(n) ?? []), spec]);
  }
}

export function isObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A list, parsed or still lazy. */
function isList(v: unknown): v is Iterable<unknown> {
  return Array.isArray(v) || isLazyList(v);
}

export function readJsonDocument(doc: unknown, sink: ExportSink, truncated = false): { layout: JsonLayout } {
  if (!isObject(doc)) throw truncated ? cutShort() : notTikTok();
  let root: Obj = doc;
  const rootKeys = Object.keys(root);
  // Structure dumps and some re-packers wrap the export in a key named after the file.
  if (rootKeys.length === 1 && /\.json$/i.test(rootKeys[0]!) && isObject(root[rootKeys[0]!])) root = root[rootKeys[0]!] as Obj;

  const matches = findSections(root);
  if (matches.length === 0) throw truncated ? cutShort() : notTikTok();

  if (truncated) sink = countingSink(sink);
  const consumed: string[][] = [];
  const seen = new Map<string, string>(); // dataset → raw text of a section already read, to skip exact copies
  const perSpec = new Map<DatasetSpec, number>(); // counted once: a filter per match was quadratic
  for (const { spec } of matches) perSpec.set(spec, (perSpec.get(spec) ?? 0) + 1);
  const named = new Map<string, number>(); // dataset → places named so far
  for (const { spec, node } of matches) {
    const path = node.path.join('/');
    consumed.push(node.path);
    // A real export has a dataset in one to three places; past a few dozen (a hostile file with the
    // section under 100,000 categories) the rest are named as one '…', so the list stays short.
    const n = (named.get(spec.id) ?? 0) + 1;
    named.set(spec.id, n);
    const place = n <= MAX_PLACES ? path : '…';
    sink.present(spec.id, place);
    for (const nest of spec.nested ?? []) sink.present(nest.dataset, place); // records nested in this section's items
    if (isEmptyValue(node.value)) continue;
    const copyKey = `${spec.id}:${node.key}`;
    const text = (perSpec.get(spec) ?? 0) > 1 ? rawText(node.value) : undefined;
    if (text !== undefined) {
      if (seen.get(copyKey) === text) continue; // L4 repeats Off TikTok Activity under two parents
      seen.set(copyKey, text);
    }
    readSection(spec, node, sink);
  }
  reportUnknown(root, consumed, sink);
  if (truncated && (sink as CountingSink).found === 0) throw cutShort();
  return { layout: detectJsonLayout(root) };
}

type CountingSink = ExportSink & { found: number };

/** Counts what a cut-short file still yielded: nothing at all is an error, not an empty snapshot. */
function countingSink(inner: ExportSink): CountingSink {
  const s: CountingSink = {
    found: 0,
    present: (d, p) => inner.present(d, p),
    record: (d, f) => void (s.found++, inner.record(d, f)),
    value: (d, k, v) => void (s.found++, inner.value(d, k, v)),
    unknown: (p, raw, empty) => inner.unknown(p, raw, empty),
    warn: (p, code, params) => inner.warn(p, code, params),
  };
  return s;
}

// Without a path: the caller that knows the file adds it (reader/errors.ts withPath).
function cutShort(): FootprintError {
  return new FootprintError('NOT_JSON', { reason: 'cutShort' });
}

function notTikTok(): FootprintError {
  return new FootprintError('NOT_TIKTOK', { reason: 'noSections' });
}

// Linear in the number of keys: the queue is read by index (shift() made it quadratic) and whether
// a match lies inside an earlier match of its dataset is a set look-up per prefix (depth <= 4), not a
// comparison with every earlier match (100,000 categories each holding the same section).
function findSections(root: Obj): { spec: DatasetSpec; node: Node }[] {
  const found: { spec: DatasetSpec; node: Node }[] = [];
  const matched = new Set<string>(); // `${dataset}\0${path joined by \0}` of every match
  const queue: Node[] = Object.keys(root).map((k) => ({ path: [k], key: k, norm: normalizeName(k), value: root[k] }));
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    queue[q] = undefined as unknown as Node; // let what was read go
    const specs = sectionIndex.get(node.norm);
    let claimed = false;
    for (const spec of specs ?? []) {
      // A section nested inside a match of the same dataset is its list (Following → Following).
      let inside = false;
      for (let i = 1; i < node.path.length && !inside; i++) inside = matched.has(`${spec.id}\u0000${node.path.slice(0, i).join('\u0000')}`);
      if (inside) continue;
      const unwrapped = unwrapSameName(spec, node);
      found.push({ spec, node: unwrapped });
      matched.add(`${spec.id}\u0000${unwrapped.path.join('\u0000')}`);
      claimed = true;
    }
    if (claimed || node.path.length >= MAX_SECTION_DEPTH || !isObject(node.value)) continue;
    const v = node.value;
    for (const k of Object.keys(v)) queue.push({ path: [...node.path, k], key: k, norm: normalizeName(k), value: v[k] });
  }
  return found;
}

/** L2 nests "Poi Review" → "POI Review" → ReviewsList: a parent named like its section stands for it. */
function unwrapSameName(spec: DatasetSpec, node: Node): Node {
  const v = node.value;
  if (!isObject(v) || (spec.listKeys ?? []).some((k) => childAtPath(v, k) !== undefined)) return node;
  const inner = Object.keys(v).find((k) => normalizeName(k) === node.norm && isObject(v[k]));
  return inner === undefined ? node : { path: [...node.path, inner], key: inner, norm: node.norm, value: v[inner] };
}

function childByName(obj: Obj, names: readonly string[]): { key: string; value: unknown } | undefined {
  for (const name of names) {
    const n = normalizeName(name);
    for (const k of Object.keys(obj)) if (normalizeName(k) === n) return { key: k, value: obj[k] };
  }
  return undefined;
}

/** A list key may be a path ("ProfileMap/PlatformInfo"). */
function childAtPath(obj: Obj, path: string): { key: string; value: unknown } | undefined {
  let found: { key: string; value: unknown } | undefined;
  let at: unknown = obj;
  for (const part of path.split('/')) {
    if (!isObject(at)) return undefined;
    found = childByName(at, [part]);
    if (!found) return undefined;
    at = found.value;
  }
  return found;
}

/** The lists a section holds, as [canonical list key, items]. */
function sectionLists(spec: DatasetSpec, section: unknown): { list: string; items: unknown }[] | 'opaque' {
  if (isList(section)) return [{ list: spec.listKeys?.[0] ?? '', items: section }];
  if (!isObject(section)) return 'opaque';
  const out: { list: string; items: unknown }[] = [];
  const done = new Set<string>();
  for (const listKey of spec.listKeys ?? []) {
    if (done.has(normalizeName(listKey))) continue;
    done.add(normalizeName(listKey));
    const child = childAtPath(section, listKey);
    if (!child) continue;
    let v = child.value;
    // Purchases nest twice: SendGifts → SendGifts → [...]
    for (let inner = isObject(v) ? childByName(v, [listKey]) : undefined; inner; inner = isObject(v) ? childByName(v, [listKey]) : undefined) {
      v = inner.value;
    }
    out.push({ list: listKey.split('/').pop()!, items: v });
  }
  if (out.length > 0) return out;
  // A list nested in another dataset's map (PlatformInfo in ProfileMap) is simply absent.
  if (spec.listKeys?.every((k) => k.includes('/') || spec.listKeys!.some((p) => p.endsWith(`/${k}`)))) return [];
  // The list key was renamed: take the section's one list, or read a flat object as a single item.
  const data = Object.keys(section).filter((k) => !WRAPPER_KEYS.has(normalizeName(k)));
  const lists = data.filter((k) => isList(section[k]));
  if (lists.length === 1) return [{ list: lists[0]!, items: section[lists[0]!] }];
  if (lists.length === 0 && data.every((k) => !isObject(section[k]) && !isList(section[k]))) {
    return [{ list: '', items: [Object.fromEntries(data.map((k) => [k, section[k]]))] }];
  }
  return 'opaque';
}

function readSection(spec: DatasetSpec, node: Node, sink: ExportSink): void {
  const path = node.path.join('/');
  const keepRaw = (why: KeptRaw): void => {
    sink.unknown(path, rawText(node.value), false);
    if (why.code === 'wrong-type') sink.warn(path, 'wrong-type', { name: why.name, found: kindOf(why.found), expected: why.expected });
    else sink.warn(path, 'unrecognised-shape', { name: why.name });
  };
  if (spec.shape === 'values') return readValues(spec, node, sink, keepRaw);
  if (spec.shape === 'split') return readSplit(spec, node, sink, keepRaw);

  const emit = (dataset: string, fields: RecordFields): void => sink.record(dataset, fields);
  const lists = sectionLists(spec, node.value);
  if (lists === 'opaque') return keepRaw({ code: 'unrecognised-shape', name: node.key });
  for (const { list, items } of lists) {
    if (isEmptyValue(items)) continue;
    if (spec.shape === 'chat' || spec.shape === 'keyed') {
      if (!isObject(items)) {
        if (isList(items)) emitItems(spec, items, {}, sink, path, list);
        else keepRaw({ code: 'wrong-type', name: node.key, found: items, expected: 'map' });
        continue;
      }
      let notItems = 0;
      for (const [k, v] of Object.entries(items)) {
        if (spec.shape === 'chat') {
          if (isList(v)) emitItems(spec, v, { conversation: conversationName(k) }, sink, path, k);
          else if (!isEmptyValue(v)) sink.warn(`${path}/${k}`, 'skipped-conversation');
        } else if (isObject(v)) {
          const mapped = mapItem(spec, v, 'json');
          if (!mapped) continue;
          const fields = { id: k, ...mapped };
          if (spec.nested) splitNested(spec, v, fields, 'json', emit);
          sink.record(spec.id, fields);
        } else if (!isEmptyValue(v)) notItems++;
      }
      if (notItems > 0) sink.warn(path, 'skipped-entries', { count: notItems });
      continue;
    }
    if (!isList(items)) {
      keepRaw({ code: 'wrong-type', name: list || node.key, found: items, expected: 'list' });
      continue;
    }
    const extra: RecordFields = spec.fields.some((f) => f.name === 'list') && list ? { list } : {};
    emitItems(spec, items, extra, sink, path, list);
  }
}

/** Why a section was kept raw (the warning's code and parameters). */
type KeptRaw =
  | { code: 'unrecognised-shape'; name: string }
  | { code: 'wrong-type'; name: string; found: unknown; expected: 'map' | 'list' | 'names' | 'values' | 'sections' };

/** The `found` parameter of a wrong-type warning: what kind of value was there instead. */
function kindOf(v: unknown): 'list' | 'map' | 'text' | 'number' | 'boolean' | 'other' {
  if (isList(v)) return 'list';
  if (isObject(v)) return 'map';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return 'other';
}

/**
 * Records from a list of items. Items that are not objects are not records: a list holding only
 * plain values (strings, numbers) is kept raw with a warning instead; in a list of records they are
 * skipped and counted.
 */
function emitItems(spec: DatasetSpec, items: Iterable<unknown>, extra: RecordFields, sink: ExportSink, path: string, listName: string): void {
  let skipped = 0;
  let objects = 0;
  let scalars = 0;
  let records = 0;
  const hasExtra = Object.keys(extra).length > 0;
  for (const item of items) {
    if (isObject(item)) {
      objects++;
      const mapped = mapItem(spec, item, 'json');
      if (mapped) {
        const fields = hasExtra ? { ...extra, ...mapped } : mapped;
        if (spec.nested) splitNested(spec, item, fields, 'json', (d, f) => sink.record(d, f));
        sink.record(spec.id, fields);
        records++;
      }
    } else if (isEmptyValue(item)) continue;
    else if (typeof item === 'object') skipped++;
    else scalars++;
  }
  if (isLazyList(items)) skipped += items.skipped;
  const where = listName ? `${path}/${listName}` : path;
  if (objects === 0 && scalars > 0) {
    sink.unknown(where, rawText(items), false);
    sink.warn(where, 'plain-values', { name: listName || path.split('/').pop()! });
    scalars = 0;
  }
  if (scalars + skipped > 0) sink.warn(path, 'skipped-entries', { count: scalars + skipped });
  if (isLazyList(items) && items.cutShort) sink.warn(where, 'list-cut-short', { count: records });
}

function readSplit(spec: DatasetSpec, node: Node, sink: ExportSink, keepRaw: (why: KeptRaw) => void): void {
  const section = node.value;
  const parts: [string, unknown][] = isObject(section)
    ? (spec.listKeys ?? []).flatMap((k) => {
        const c = childByName(section, [k]);
        return c ? [[k, c.value] as [string, unknown]] : [];
      })
    : [[spec.listKeys?.[0] ?? '', section]];
  if (parts.length === 0) return keepRaw({ code: 'unrecognised-shape', name: node.key });
  for (const [list, v] of parts) {
    if (typeof v !== 'string' && !isList(v) && !isEmptyValue(v)) {
      keepRaw({ code: 'wrong-type', name: list || node.key, found: v, expected: 'names' });
      continue;
    }
    const names = typeof v === 'string' ? v.split(/\s*[|\n]\s*/) : isList(v) ? [...v].filter((x) => typeof x === 'string') : [];
    for (const name of names as string[]) if (!isEmptyValue(name)) sink.record(spec.id, { list, name: name.trim() });
  }
}

function readValues(spec: DatasetSpec, node: Node, sink: ExportSink, keepRaw: (why: KeptRaw) => void): void {
  let map: unknown = node.value;
  if (isObject(map) && spec.listKeys) {
    const child = childByName(map, spec.listKeys);
    if (child) map = child.value;
    if (child && !isObject(map) && !isEmptyValue(map)) return keepRaw({ code: 'wrong-type', name: child.key, found: map, expected: 'values' });
  } else if (spec.listKeys && !isObject(map) && !isEmptyValue(map)) {
    return keepRaw({ code: 'wrong-type', name: node.key, found: map, expected: 'values' });
  }
  const prefix = spec.prefixSection ? node.key : '';
  if (!isObject(map)) {
    if (!isEmptyValue(map)) sink.value(spec.id, prefix || node.key, valueText(map));
    return;
  }
  const skip = new Set((spec.skipKeys ?? []).map(normalizeName));
  flatten(spec.id, map, prefix, skip, sink, 0);
}

const KEY_SEPARATOR = ' › ';

/** "Who can see your following list::" and the TXT label agree once trailing colons are gone. */
export function valueKey(key: string): string {
  return key.replace(/[\s:]+$/, '').trim();
}

function flatten(dataset: string, map: Obj, prefix: string, skip: Set<string>, sink: ExportSink, depth: number): void {
  for (const [k, v] of Object.entries(map)) {
    if (depth === 0 && (skip.has(normalizeName(k)) || WRAPPER_KEYS.has(normalizeName(k)))) continue;
    const key = prefix ? `${prefix}${KEY_SEPARATOR}${valueKey(k)}` : valueKey(k);
    if (isObject(v) && !isEmptyValue(v) && depth < 8) flatten(dataset, v, key, skip, sink, depth + 1);
    else sink.value(dataset, key, valueText(v));
  }
}

export function valueText(v: unknown): string | null {
  if (isEmptyValue(v)) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return rawText(v);
}

function reportUnknown(root: Obj, consumed: string[][], sink: ExportSink): void {
  // A path is known when it is a consumed path, leads to one or lies inside one: every prefix of a
  // consumed path in one set, so each look-up costs the path's depth, not the number of sections.
  const SEP = '\u0000';
  const leads = new Set<string>();
  const exact = new Set<string>();
  for (const c of consumed) {
    exact.add(c.join(SEP));
    for (let i = 1; i <= c.length; i++) leads.add(c.slice(0, i).join(SEP));
  }
  const known = (path: string[]): boolean => {
    if (leads.has(path.join(SEP))) return true;
    for (let i = 1; i < path.length; i++) if (exact.has(path.slice(0, i).join(SEP))) return true;
    return false;
  };
  for (const [cat, catValue] of Object.entries(root)) {
    if (known([cat])) {
      if (!isObject(catValue) || exact.has(cat)) continue;
      for (const [sec, secValue] of Object.entries(catValue)) {
        if (WRAPPER_KEYS.has(normalizeName(sec)) || known([cat, sec])) continue;
        sink.unknown(`${cat}/${sec}`, rawText(secValue), isEmptyValue(secValue));
      }
    } else {
      sink.unknown(cat, rawText(catValue), isEmptyValue(catValue));
      if (!isObject(catValue) && !isEmptyValue(catValue)) {
        sink.warn(cat, 'wrong-type', { name: cat, found: kindOf(catValue), expected: 'sections' });
      }
    }
  }
}
