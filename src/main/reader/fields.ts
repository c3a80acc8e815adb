// Maps an item's fields (JSON keys or TXT labels, in any casing) onto a dataset's canonical fields,
// keeping every other field under its own name so that nothing is lost.
import { datasetSpec, normalizeName, type DatasetSpec } from '../../shared/catalog';
import { isEmptyValue } from './empty';
import { isLazyList } from './lazy-json';
import { rawText, setOwn, type RecordFields } from './sink';

const normalized = new Map<string, string>();
function norm(key: string): string {
  let n = normalized.get(key);
  if (n === undefined) {
    n = normalizeName(key);
    if (normalized.size < 100_000) normalized.set(key, n);
  }
  return n;
}

type Index = Map<string, string>;
const indexes = new WeakMap<DatasetSpec, { json: Index; txt: Index }>();

function fieldIndex(spec: DatasetSpec, kind: 'json' | 'txt'): Index {
  let entry = indexes.get(spec);
  if (!entry) {
    const build = (pick: 'json' | 'txt'): Index => {
      const m: Index = new Map();
      for (const f of spec.fields) {
        for (const alias of [...(f[pick] ?? []), f.name]) if (!m.has(normalizeName(alias))) m.set(normalizeName(alias), f.name);
      }
      return m;
    };
    entry = { json: build('json'), txt: build('txt') };
    indexes.set(spec, entry);
  }
  return entry[kind];
}

/** The canonical field for a key, if it is one. */
export function canonicalField(spec: DatasetSpec, key: string, kind: 'json' | 'txt'): string | undefined {
  return fieldIndex(spec, kind).get(norm(key));
}

/** Builds a record from one item; returns null when every field is empty. */
export function mapItem(spec: DatasetSpec, item: Record<string, unknown>, kind: 'json' | 'txt'): RecordFields | null {
  const index = fieldIndex(spec, kind);
  const out: RecordFields = {};
  let any = false;
  for (const key in item) {
    const v = item[key];
    if (isEmptyValue(v)) continue;
    let name = index.get(norm(key)) ?? key;
    if (Object.hasOwn(out, name)) name = Object.hasOwn(out, key) ? `${key} (2)` : key;
    setOwn(out, name, typeof v === 'object' ? rawText(v) : (v as string | number | boolean));
    any = true;
  }
  return any ? out : null;
}

/** "Chat History with alice:" → "alice" */
export function conversationName(title: string): string {
  return title
    .replace(/^\s*>*\s*chat history with\s*/i, '')
    .replace(/:+\s*$/, '')
    .trim();
}

/**
 * The lists an item nests that are records of another dataset (spec.nested: a watched LIVE's
 * comments): each becomes a record of that dataset, linked to the item, and leaves the item's
 * fields. A nested value that is not a list of objects stays on the item as it was, so nothing is
 * lost. `item` holds the raw values (JSON values; a TXT reader passes lists it already parsed).
 */
export function splitNested(
  spec: DatasetSpec,
  item: Record<string, unknown>,
  fields: RecordFields,
  kind: 'json' | 'txt',
  emit: (dataset: string, fields: RecordFields) => void,
): void {
  for (const nest of spec.nested ?? []) {
    const target = datasetSpec(nest.dataset);
    if (!target) continue;
    const keys = new Set(nest.keys.map(normalizeName));
    for (const key of Object.keys(item)) {
      if (!keys.has(norm(key))) continue;
      const v = item[key];
      if (!Array.isArray(v) && !isLazyList(v)) continue;
      const list = [...v].filter((x) => !isEmptyValue(x));
      if (!list.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) continue;
      const link = fields[nest.link.from];
      for (const x of list) {
        const mapped = mapItem(target, x as Record<string, unknown>, kind);
        if (mapped) emit(target.id, link === undefined ? mapped : { [nest.link.to]: link, ...mapped });
      }
      delete fields[canonicalField(spec, key, kind) ?? key];
    }
  }
}
