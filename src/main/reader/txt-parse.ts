// Parses the text of one TikTok TXT file into sink calls. Four readers, by dataset shape:
// - records:  blank-line-separated "Label: value" blocks (most files), with sub-section headers
//             ("Send Gifts History:") that set the record's `list`;
// - values:   settings-like files ("Label: value" lines, bare or colon-terminated group headers,
//             parenthetical notes) → the same keys the JSON reader writes;
// - split:    Ad Interests ("Interests: a|b|c") → one record per name;
// - chat:     Direct Messages (">>> Chat History with X::" then "YYYY-MM-DD HH:MM:SS sender: text").
// Everything is a single pass over the lines (a file is read a piece at a time, never whole); no
// regular expression runs per record line.
import { normalizeName, type DatasetSpec } from '../../shared/catalog';
import { isEmptyValue } from './empty';
import { parseTime } from '../../shared/time';
import { canonicalField, mapItem, splitNested } from './fields';
import { valueKey } from './json-reader';
import { rawText, setOwn, type ExportSink, type RecordFields } from './sink';
import { chatHeader, isSentinel, PLATFORM_HEADERS, SUBSECTION_LISTS, type ValuesFile } from './txt-labels';

/** Labels longer than this are text, not labels. */
const MAX_LABEL = 120;
const KEY_SEPARATOR = ' › ';

export interface ParseContext {
  spec: DatasetSpec;
  /** the file's path relative to the export root, for warnings and raw sections */
  path: string;
  sink: ExportSink;
  /** for values datasets: how labels map onto JSON keys */
  values?: ValuesFile;
  /** looks up another dataset (Profile Info.txt also holds linked platforms) */
  datasetSpec: (id: string) => DatasetSpec | undefined;
}

export interface ParseResult {
  records: number;
  values: number;
  /** labels seen that are not canonical fields of the dataset */
  labels: Set<string>;
}

/**
 * The lines of a file, in order, each without its break, with its number from 0; fn returning false
 * stops. A file is read a piece at a time (txt-text.ts txtText): no parser needs the whole text.
 */
export type Lines = (fn: (line: string, index: number) => boolean | void) => void;

/** The lines of a text in memory (\n or \r\n breaks). */
export function stringLines(text: string): Lines {
  return (fn) => {
    const n = text.length;
    let pos = 0;
    let index = 0;
    while (pos < n) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      let stop = end;
      if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
      if (fn(text.slice(pos, stop), index++) === false) return;
      pos = end + 1;
    }
  };
}

/** Index of the label/value separator ": " when the line is a plausible "Label: value" line, else -1. */
function labelEnd(line: string): number {
  const i = line.indexOf(': ');
  if (i <= 0 || i > MAX_LABEL) return -1;
  // A label never starts with whitespace (an indented continuation), a note "(…", a list "[…" or a ">>>" header.
  const c = line.charCodeAt(0);
  if (c === 32 || c === 9 || c === 40 /* ( */ || c === 91 /* [ */ || c === 62 /* > */) return -1;
  return i;
}

/** "Label:" / "Label::" → "Label" */
function stripColons(label: string): string {
  let e = label.length;
  while (e > 0 && (label.charCodeAt(e - 1) === 58 || label.charCodeAt(e - 1) === 32)) e--;
  return e === label.length ? label : label.slice(0, e);
}

/** "[a, b]" → ["a","b"] as the JSON reader keeps lists; "{…}" JSON kept compact; empty lists → null. */
function structuredValue(v: string): string | null | undefined {
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  if (!((first === 91 && last === 93) || (first === 123 && last === 125))) return undefined;
  if (v.length > 2 && (v.charCodeAt(1) === 123 || v.charCodeAt(1) === 34 || first === 123)) {
    try {
      const parsed = JSON.parse(v) as unknown;
      return isEmptyValue(parsed) ? null : rawText(parsed);
    } catch {
      // not JSON: fall through to the plain list form
    }
  }
  if (first === 123) return undefined;
  const inner = v.slice(1, -1).trim();
  if (inner === '') return null;
  const items = inner.split(', ').map((s) => s.trim());
  if (items.every((s) => isEmptyValue(s))) return null;
  return JSON.stringify(items);
}

/** A settings-like value as the JSON reader's valueText() would give it. */
export function valueOf(raw: string): string | null {
  const v = raw.trim();
  if (isEmptyValue(v)) return null;
  const s = structuredValue(v);
  return s === undefined ? v : s;
}

function isParenthetical(t: string): boolean {
  return t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41;
}

/** Lines a reader could not place, kept as one raw section with one warning. */
class Leftovers {
  private lines: string[] = [];
  private notes: string[] = [];
  add(line: string): void {
    if (this.lines.length < 1_000_000) this.lines.push(line);
  }
  note(line: string): void {
    if (this.notes.length < 10_000) this.notes.push(line);
  }
  flush(ctx: ParseContext): void {
    if (this.notes.length > 0) ctx.sink.unknown(`${ctx.path} › notes`, this.notes.join('\n'), false);
    if (this.lines.length > 0) {
      ctx.sink.unknown(`${ctx.path} › unread lines`, this.lines.join('\n'), false);
      ctx.sink.warn(ctx.path, 'unread-lines', { count: this.lines.length, dataset: ctx.spec.id });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Records

/**
 * An unknown TXT label under the name JSON gives the same field: TikTok's JSON keys are its TXT labels
 * without the spaces ("Shared Content" ↔ SharedContent, "Cost Type" ↔ CostType), and datasets
 * without key fields are identified by every field, names included.
 */
function jsonStyleName(label: string): string {
  let space = false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === 32) space = true;
    else if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return label;
  }
  return space ? label.replaceAll(' ', '') : label;
}

interface LabelInfo {
  /** the canonical field (or the JSON-style label) */
  name: string;
  /** normalizeName(label): a repeated label starts the next record */
  norm: string;
  known: boolean;
  time: boolean;
}

/** Per file: TXT label → canonical field name (the catalog's txt aliases, else the JSON-style label). */
function labelMapper(spec: DatasetSpec, unknownLabels: Set<string>): (label: string) => LabelInfo {
  const cache = new Map<string, LabelInfo>();
  const known = new Set(spec.fields.map((f) => f.name));
  const times = new Set(spec.fields.filter((f) => f.time).map((f) => f.name));
  return (label) => {
    let info = cache.get(label);
    if (info === undefined) {
      let name = canonicalField(spec, label, 'txt');
      if (name === undefined) {
        name = jsonStyleName(label);
        if (!known.has(name)) unknownLabels.add(label);
      }
      info = { name, norm: normalizeName(label), known: known.has(name), time: times.has(name) };
      if (cache.size < 10_000) cache.set(label, info);
    }
    return info;
  };
}

class RecordBuilder {
  private fields: RecordFields = {};
  private any = false;
  /** normalized labels seen in this record: a repeated label starts the next record */
  private seen = new Set<string>();
  private last: string | null = null;
  list: string | null = null;
  count = 0;
  /** normalized labels of lists nested in a record (a watched LIVE's Comments) → their dataset */
  private readonly nestedKeys: Map<string, DatasetSpec>;
  /** a nested list written as labelled entries ("Comment Time:", "Comment Content:") under its label */
  private nestedList: { name: string; target: DatasetSpec; entries: Record<string, string>[]; seen: Set<string>; closed: boolean } | null = null;

  constructor(
    private readonly spec: DatasetSpec,
    private readonly sink: ExportSink,
    private readonly canonical: (label: string) => LabelInfo,
    private readonly inferList: boolean,
    datasetSpec: (id: string) => DatasetSpec | undefined,
  ) {
    this.nestedKeys = new Map();
    for (const n of spec.nested ?? []) {
      const target = datasetSpec(n.dataset);
      if (target) for (const k of n.keys) this.nestedKeys.set(normalizeName(k), target);
    }
  }

  get open(): boolean {
    return this.seen.size > 0;
  }

  /** The value being read is a nested list ("Comments:"), which goes on over the following lines. */
  get inNested(): boolean {
    return this.last !== null && this.nestedKeys.size > 0 && this.nestedKeys.has(normalizeName(this.last));
  }

  /**
   * A "Label: value" line under a nested list's label: an entry of that list when the label is one
   * of its dataset's fields (or an entry is already open and the label is not one of this record's).
   * A label repeated within the entry starts the next entry. False: the line is the record's own.
   */
  nestedField(label: string, raw: string): boolean {
    let list = this.nestedList;
    if (list === null) {
      const target = this.inNested ? this.nestedKeys.get(normalizeName(this.last!)) : undefined;
      if (!target || canonicalField(target, label, 'txt') === undefined) return false;
      list = this.nestedList = { name: this.last!, target, entries: [], seen: new Set(), closed: false };
    } else if (list.closed) {
      return false;
    } else if (canonicalField(list.target, label, 'txt') === undefined && this.canonical(label).known) {
      list.closed = true; // the record's own fields again ("Link:" after the comments)
      return false;
    }
    const norm = normalizeName(label);
    if (list.entries.length === 0 || list.seen.has(norm)) {
      list.entries.push({});
      list.seen.clear();
    }
    list.seen.add(norm);
    const v = raw.trim();
    // named as JSON names the key ("Raw Time" → RawTime), so both readers keep the same fields
    if (!isEmptyValue(v)) setOwn(list.entries[list.entries.length - 1]!, jsonStyleName(label), v);
    this.any = true;
    return true;
  }

  field(label: string, raw: string): void {
    const info = this.canonical(label);
    if (this.seen.has(info.norm)) this.flush();
    this.seen.add(info.norm);
    let name = info.name;
    if (Object.hasOwn(this.fields, name)) name = Object.hasOwn(this.fields, label) ? `${label} (2)` : label;
    this.last = name;
    let v = raw.trim();
    if (v.length < 8 && isEmptyValue(v)) return;
    if (!info.known) {
      const s = structuredValue(v);
      if (s === null) return;
      if (s !== undefined) v = s;
    } else if (info.time && v.endsWith(' UTC') && parseTime(v) === null) {
      // a placeholder ("1969-12-31 23:59:59 UTC") compares as text: match JSON's suffix-less form
      v = v.slice(0, -4);
    }
    setOwn(this.fields, name, v);
    this.any = true;
  }

  /** A line without a label inside a record: the previous value went on over a line break. */
  continueValue(line: string): boolean {
    if (this.last === null) return false;
    const prev = Object.hasOwn(this.fields, this.last) ? this.fields[this.last] : undefined;
    setOwn(this.fields, this.last, prev === undefined ? line : `${String(prev)}\n${line}`);
    this.any = true;
    return true;
  }

  flush(): void {
    if (this.any && this.nestedKeys.size > 0) splitNestedText(this.spec, this.fields, this.sink, this.nestedList);
    this.nestedList = null;
    if (this.any) {
      let list = this.list;
      if (list === null && this.inferList) list = 'giftAmount' in this.fields || 'username' in this.fields ? 'SendGifts' : 'BuyGifts';
      this.sink.record(this.spec.id, list !== null ? { list, ...this.fields } : this.fields);
      this.count++;
    }
    this.fields = {};
    this.any = false;
    this.seen.clear();
    this.last = null;
  }
}

/** Entries of a nested list written as text: one per line, or on one line joined by " | ". */
const NESTED_ENTRY = /\n|\s+\|\s+(?=\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})/;

/**
 * A nested list as TXT writes it: JSON ("[{"CommentTime": …}]"), or "time text" entries. Anything
 * else is undefined, and the value stays on its record as text.
 */
function nestedEntries(v: unknown): Record<string, unknown>[] | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s.charCodeAt(0) === 91 /* [ */) {
    try {
      const parsed = JSON.parse(s) as unknown;
      return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : undefined;
    } catch {
      return undefined;
    }
  }
  const out: Record<string, unknown>[] = [];
  for (const piece of s.split(NESTED_ENTRY)) {
    const t = piece.trim();
    if (t === '') continue;
    const ts = timestampLength(t);
    if (ts === 0 || (t.length > ts && t.charCodeAt(ts) !== 32)) return undefined;
    out.push({ date: t.slice(0, ts), content: t.slice(ts + 1).trim() });
  }
  return out.length > 0 ? out : undefined;
}

/** Splits a record's nested lists off into their own dataset, as the JSON reader does (splitNested). */
function splitNestedText(
  spec: DatasetSpec,
  fields: RecordFields,
  sink: ExportSink,
  labelled: { name: string; entries: Record<string, string>[] } | null,
): void {
  const keys = new Set((spec.nested ?? []).flatMap((n) => n.keys.map(normalizeName)));
  const lists: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    if (!keys.has(normalizeName(name))) continue;
    const entries = nestedEntries(fields[name]);
    if (entries) lists[name] = entries;
  }
  if (labelled) lists[labelled.name] = [...((lists[labelled.name] as Record<string, unknown>[] | undefined) ?? []), ...labelled.entries];
  // TXT labels and JSON keys differ only in spaces, which names are compared without
  if (Object.keys(lists).length > 0) splitNested(spec, lists, fields, 'txt', (d, f) => sink.record(d, f));
}

/** Blank-line-separated "Label: value" blocks. */
export function parseRecords(ctx: ParseContext, forEachLine: Lines): ParseResult {
  const { spec } = ctx;
  const labels = new Set<string>();
  const canonical = labelMapper(spec, labels);
  const subsections = SUBSECTION_LISTS[spec.id];
  const hasList = spec.fields.some((f) => f.name === 'list');
  const rec = new RecordBuilder(spec, ctx.sink, canonical, hasList && spec.id === 'purchases', ctx.datasetSpec);
  const leftovers = new Leftovers();
  const ownNames = new Set([spec.id, spec.label, ...spec.sections, ...(spec.txtFiles ?? []).map((f) => f.replace(/\.txt$/i, ''))].map(normalizeName));

  forEachLine((line) => {
    const t = line.trim();
    if (t === '') {
      rec.flush();
      return;
    }
    // "2025-05-01 23:16:38 nice!" under "Comments:": an entry of the nested list, even with a ": " in it
    if (rec.inNested && timestampLength(t) > 0) {
      rec.continueValue(t);
      return;
    }
    const sep = labelEnd(line);
    if (sep > 0) {
      const label = stripColons(line.slice(0, sep).trim());
      if (subsections) {
        const list = subsections[normalizeName(label)];
        if (list !== undefined) {
          rec.flush();
          rec.list = list;
          const rest = line.slice(sep + 2).trim();
          if (rest !== '' && !isSentinel(rest)) leftovers.add(line);
          return;
        }
      }
      if (rec.nestedField(label, line.slice(sep + 2))) return;
      rec.field(label, line.slice(sep + 2));
      return;
    }
    if (isSentinel(t)) {
      rec.flush();
      return;
    }
    const colonEnded = t.charCodeAt(t.length - 1) === 58;
    if (t.length <= MAX_LABEL + 1 && (colonEnded || !rec.open || subsections)) {
      const label = stripColons(t);
      const norm = normalizeName(label);
      if (subsections && subsections[norm] !== undefined) {
        rec.flush();
        rec.list = subsections[norm]!;
        return;
      }
      if (colonEnded && label !== '' && (rec.open || canonicalField(spec, label, 'txt') !== undefined)) {
        rec.field(label, ''); // "Carrier:" with nothing after it
        return;
      }
      if (!rec.open && ownNames.has(norm)) return; // a title line naming the file itself
    }
    if (rec.open && !isParenthetical(t) && rec.continueValue(line)) return;
    if (isParenthetical(t)) leftovers.note(t);
    else leftovers.add(line);
  });
  rec.flush();
  leftovers.flush(ctx);
  return { records: rec.count, values: 0, labels };
}

// ---------------------------------------------------------------------------------------------
// Values (settings-like files)

type Pair = [key: string, value: string | null];

/**
 * Emits key/values the way the JSON reader flattens a map: a nested map whose values are all empty
 * is one key with no value, and a section with nothing in it at all yields nothing.
 */
function emitCollapsed(pairs: Pair[], emit: (key: string, value: string | null) => void): void {
  if (pairs.every(([, v]) => v === null)) return;
  const level = (items: { parts: string[]; value: string | null }[], depth: number, path: string): void => {
    const order: string[] = [];
    const groups = new Map<string, { parts: string[]; value: string | null }[]>();
    for (const it of items) {
      const seg = it.parts[depth]!;
      let g = groups.get(seg);
      if (!g) {
        groups.set(seg, (g = []));
        order.push(seg);
      }
      g.push(it);
    }
    for (const seg of order) {
      const members = groups.get(seg)!;
      const key = path + seg;
      const inner = members.filter((m) => m.parts.length > depth + 1);
      for (const m of members) if (m.parts.length === depth + 1) emit(key, m.value);
      if (inner.length === 0) continue;
      if (inner.every((m) => m.value === null)) emit(key, null);
      else level(inner, depth + 1, key + KEY_SEPARATOR);
    }
  };
  level(
    pairs.map(([k, value]) => ({ parts: k.split(KEY_SEPARATOR), value })),
    0,
    '',
  );
}

export function parseValues(ctx: ParseContext, forEachLine: Lines): ParseResult {
  const { spec, sink } = ctx;
  const vf = ctx.values ?? { keys: new Map<string, string>() };
  const leftovers = new Leftovers();
  const pairs: Pair[] = [];
  const keyFor = (label: string): string => {
    const k = valueKey(label);
    return vf.keys.get(normalizeName(k)) ?? k;
  };

  let group: string | null = null;
  let groupIndented = false;
  let groupEntries = 0;
  let last: Pair | null = null; // the value a continuation line extends
  let blockStart = true;
  let platforms: number | null = null; // the line of the linked platforms' header: the rest of the file is theirs

  const closeGroup = (): void => {
    if (group !== null && groupEntries === 0) pairs.push([group, null]); // a header with nothing under it
    group = null;
    groupEntries = 0;
  };
  const entry = (label: string, raw: string, indented: boolean): void => {
    if (group !== null && groupIndented && !indented && groupEntries > 0) closeGroup();
    let key = keyFor(label);
    if (group !== null) {
      if (groupEntries === 0) groupIndented = indented;
      groupEntries++;
      key = `${group}${KEY_SEPARATOR}${key}`;
    }
    last = [key, valueOf(raw)];
    pairs.push(last);
  };
  const startGroup = (label: string): void => {
    closeGroup();
    group = keyFor(label);
    groupIndented = false;
    last = null;
  };
  const continueValue = (line: string): boolean => {
    if (!last) return false;
    last[1] = last[1] === null ? line.trim() : `${last[1]}\n${line}`;
    return true;
  };
  const isGroupKey = (label: string): boolean => GROUP_KEYS.has(normalizeName(keyFor(label)));
  const knownScalar = (label: string): boolean => vf.keys.has(normalizeName(valueKey(label))) && !isGroupKey(label);

  forEachLine((line, index) => {
    const t = line.trim();
    if (t === '') {
      closeGroup(); // a blank line ends a group
      last = null;
      blockStart = true;
      return;
    }
    const wasBlockStart = blockStart;
    blockStart = false;
    const indented = line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9;
    const body = indented ? line.trimStart() : line;
    const sep = labelEnd(body);
    if (sep > 0) {
      const label = stripColons(body.slice(0, sep).trim());
      if (spec.id === 'profile' && PLATFORM_HEADERS.has(normalizeName(label))) {
        readPlatformList(ctx, body.slice(sep + 2).trim(), leftovers, line);
        last = null;
        return;
      }
      entry(label, body.slice(sep + 2), indented);
      return;
    }
    if (isSentinel(t)) {
      closeGroup();
      last = null;
      return;
    }
    if (isParenthetical(t)) {
      const inner = t.slice(1, -1).trim();
      const i = inner.indexOf(': ');
      if (i > 0 && vf.keys.has(normalizeName(inner.slice(0, i)))) pairs.push([keyFor(inner.slice(0, i)), valueOf(inner.slice(i + 2))]);
      else leftovers.note(t);
      return;
    }
    const colonEnded = t.charCodeAt(t.length - 1) === 58;
    const label = stripColons(t);
    if (label === '' || label.length > MAX_LABEL) {
      if (!continueValue(line)) leftovers.add(line);
      return;
    }
    if (spec.id === 'profile' && PLATFORM_HEADERS.has(normalizeName(label))) {
      // the rest of the file is blocks of linked login platforms
      closeGroup();
      platforms = index;
      return false;
    }
    if (colonEnded) {
      if (isGroupKey(label) || (wasBlockStart && !knownScalar(label))) startGroup(label);
      else entry(label, '', indented);
      return;
    }
    // a bare line: a header, unless it continues a value
    if (isGroupKey(label) || wasBlockStart || last === null) startGroup(label);
    else if (!continueValue(line)) leftovers.add(line);
  });
  closeGroup();

  let count = 0;
  emitCollapsed(pairs, (key, value) => {
    sink.value(spec.id, vf.prefix ? `${vf.prefix}${KEY_SEPARATOR}${key}` : key, value);
    count++;
  });
  leftovers.flush(ctx);
  let recordCount = 0;
  const labels = new Set<string>();
  if (platforms !== null) {
    const linked = ctx.datasetSpec('linked_platforms');
    if (linked) {
      const from = platforms;
      // a second pass over the file, from the line after the header
      const rest: Lines = (fn) => forEachLine((line, i) => (i > from ? fn(line, i - from - 1) : undefined));
      const r = parseRecords({ ...ctx, spec: linked }, rest);
      recordCount = r.records;
      for (const l of r.labels) labels.add(l);
    }
  }
  return { records: recordCount, values: count, labels };
}

/** Keys whose JSON value is a nested map (a header line in TXT). */
const GROUP_KEYS = new Set(
  ['Push Notification', 'Content Preferences', 'Family Content Preferences', 'WatchLiveSettingsMap', 'SettingsMap'].map(normalizeName),
);

/** "Platform Info: [{"Platform": …}]" on one line (the JSON form) → linked platform records. */
function readPlatformList(ctx: ParseContext, v: string, leftovers: Leftovers, line: string): void {
  if (isEmptyValue(v) || v === '[]' || v === '{}') return;
  const linked = ctx.datasetSpec('linked_platforms');
  try {
    const parsed = JSON.parse(v) as unknown;
    if (linked && Array.isArray(parsed)) {
      for (const item of parsed) {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
        const fields = mapItem(linked, item as Record<string, unknown>, 'json');
        if (fields) ctx.sink.record(linked.id, fields);
      }
      return;
    }
  } catch {
    // not JSON
  }
  leftovers.add(line);
}

// ---------------------------------------------------------------------------------------------
// Split lists (Ad Interests)

export function parseSplit(ctx: ParseContext, forEachLine: Lines): ParseResult {
  const { spec, sink } = ctx;
  const list = spec.listKeys?.[0] ?? '';
  const labels = new Set<string>();
  const leftovers = new Leftovers();
  let count = 0;
  const names = (v: string): void => {
    for (const part of v.split('|')) {
      const name = part.trim();
      if (isEmptyValue(name)) continue;
      sink.record(spec.id, { list, name });
      count++;
    }
  };
  forEachLine((line) => {
    const t = line.trim();
    if (t === '') return;
    const sep = labelEnd(line);
    if (sep > 0) {
      const label = stripColons(line.slice(0, sep).trim());
      if (canonicalField(spec, label, 'txt') === 'name') {
        const v = line.slice(sep + 2).trim();
        const s = v.charCodeAt(0) === 91 ? structuredValue(v) : undefined;
        if (typeof s === 'string') for (const x of JSON.parse(s) as string[]) names(x);
        else if (s !== null) names(v);
        return;
      }
      labels.add(label);
      leftovers.add(line);
      return;
    }
    if (isSentinel(t)) return;
    if (t.charCodeAt(t.length - 1) === 58) {
      if (canonicalField(spec, stripColons(t), 'txt') === 'name') return; // "Interests:" header
    }
    if (isParenthetical(t)) leftovers.note(t);
    else names(t); // one interest per line
  });
  leftovers.flush(ctx);
  return { records: count, values: 0, labels };
}

// ---------------------------------------------------------------------------------------------
// Chats (Direct Messages)

/** Length of a leading "YYYY-MM-DD HH:MM:SS" (with an optional " UTC"), or 0. */
function timestampLength(line: string): number {
  if (line.length < 19) return 0;
  for (let i = 0; i < 19; i++) {
    const c = line.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return 0;
    } else if (i === 10) {
      if (c !== 32 && c !== 84) return 0;
    } else if (i === 13 || i === 16) {
      if (c !== 58) return 0;
    } else if (c < 48 || c > 57) return 0;
  }
  if (line.startsWith(' UTC', 19)) return 23;
  return 19;
}

/** How much of a file's start tells whether it is a chat file. */
export const CHAT_HEAD_CHARS = 65_536;

/** A chat file, from its first CHAT_HEAD_CHARS characters: ">>>" headers, 2020's "Chat History with X:" headers, or "time sender: text" lines. */
export function isChatText(head: string): boolean {
  if (/^\s*>>>|\n\s*>>>/.test(head)) return true;
  if (/^[ \t]*(chat history|chatgeschiedenis|chatverlauf)\b[^\n]*:[ \t]*\r?$/im.test(head)) return true;
  return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?: UTC)? [^\n]*?: /m.test(head);
}

export function parseChat(ctx: ParseContext, forEachLine: Lines): ParseResult {
  const { spec, sink } = ctx;
  const leftovers = new Leftovers();
  let conversation = '';
  let msg: RecordFields | null = null;
  /** the message is written as "Date:" / "From:" / "Content:" lines, not on one line */
  let labelled = false;
  let blanks = 0;
  let count = 0;
  const flush = (): void => {
    if (msg) {
      sink.record(spec.id, msg);
      count++;
    }
    msg = null;
    labelled = false;
    blanks = 0;
  };
  forEachLine((line) => {
    if (line.trim() === '') {
      if (msg) blanks++;
      if (labelled) flush(); // a blank line ends a labelled message
      return;
    }
    const header = chatHeader(line);
    if (header !== undefined) {
      flush();
      conversation = header;
      return;
    }
    // A labelled message: "Date: …", "From: …", "Content: …" (a repeated label starts the next one).
    const sep = msg === null || labelled ? labelEnd(line) : -1;
    if (sep > 0) {
      const field = canonicalField(spec, stripColons(line.slice(0, sep).trim()), 'txt');
      if (field === 'date' || field === 'from' || field === 'content') {
        if (msg !== null && field in (msg as RecordFields)) flush();
        if (msg === null) msg = { conversation };
        labelled = true;
        const v = line.slice(sep + 2).trim();
        if (!isEmptyValue(v)) (msg as RecordFields)[field] = v;
        return;
      }
    }
    const ts = timestampLength(line);
    if (ts > 0 && (line.length === ts || line.charCodeAt(ts) === 32)) {
      flush();
      const date = line.slice(0, ts);
      const rest = line.slice(ts + 1);
      const i = rest.indexOf(': ');
      let from: string;
      let content: string;
      if (i >= 0) {
        from = rest.slice(0, i).trim();
        content = rest.slice(i + 2);
      } else if (rest.endsWith(':')) {
        from = rest.slice(0, -1).trim();
        content = '';
      } else {
        from = '';
        content = rest;
      }
      const m: RecordFields = { conversation, date };
      if (!isEmptyValue(from)) m.from = from;
      if (!isEmptyValue(content)) m.content = content.trimEnd();
      msg = m;
      return;
    }
    const t = line.trim();
    if (isSentinel(t)) {
      flush();
      return;
    }
    if (msg) {
      // a message that went on over line breaks
      const m = msg as RecordFields;
      const prev = m.content === undefined ? '' : `${String(m.content)}\n${'\n'.repeat(blanks)}`;
      m.content = prev + line;
      blanks = 0;
      return;
    }
    leftovers.add(line);
  });
  flush();
  leftovers.flush(ctx);
  return { records: count, values: 0, labels: new Set() };
}
