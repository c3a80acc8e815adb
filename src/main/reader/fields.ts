// Maps an item's fields (JSON keys or TXT labels, in any casing) onto a dataset's canonical fields,
// keeping every other field under its own name so that nothing is lost.
import { normalizeName, type DatasetSpec } from '../../shared/catalog';
import { isEmptyValue } from './empty';
import { rawText, type RecordFields } from './sink';

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
    if (name in out) name = key in out ? `${key} (2)` : key;
    out[name] = typeof v === 'object' ? rawText(v) : (v as string | number | boolean);
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
