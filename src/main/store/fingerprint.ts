// A record's identity: a hash of its dataset and identifying fields, normalised so that the same
// record read from a JSON export and from a TXT export (or from two layouts) hashes the same.
import type { DatasetSpec } from '../../shared/catalog';
import type { RecordFields } from '../export/sink';
import { parseTime } from '../export/time';
import { hash128, type Fingerprint } from './hash128';

const timeFields = new WeakMap<DatasetSpec, Set<string>>();
function timeFieldsOf(spec: DatasetSpec): Set<string> {
  let set = timeFields.get(spec);
  if (!set) timeFields.set(spec, (set = new Set(spec.fields.filter((f) => f.time).map((f) => f.name))));
  return set;
}

/** The record's time (UTC epoch ms) from the dataset's time field, if it has a readable one. */
export function recordTime(spec: DatasetSpec, fields: RecordFields): number | null {
  return spec.time ? parseTime(fields[spec.time]) : null;
}

/** The identity text of a record; `at` is its already-parsed time field, passed to avoid parsing twice. */
export function recordKey(spec: DatasetSpec, fields: RecordFields, at: number | null = recordTime(spec, fields)): string {
  const times = timeFieldsOf(spec);
  const names = spec.key ?? Object.keys(fields).sort();
  let key = spec.id;
  for (const name of names) {
    const v = fields[name];
    let part = '';
    if (v !== undefined) {
      const ms = !times.has(name) ? null : name === spec.time ? at : parseTime(v);
      part = ms !== null ? String(ms) : String(v).trim();
    }
    key += spec.key ? `\u001f${part}` : `\u001f${name}=${part}`;
  }
  return key;
}

export function fingerprint(key: string): Fingerprint {
  return hash128(key);
}
