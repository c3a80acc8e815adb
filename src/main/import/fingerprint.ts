// A record's identity: a hash of its dataset and identifying fields, normalised so that the same
// record read from a JSON export and from a TXT export (or from two layouts) hashes the same.
// Fingerprints are stored: changing what goes into one splits every archive's records in two.
import type { DatasetSpec } from '../../shared/catalog';
import type { RecordFields } from '../reader/sink';
import { parseTime } from '../../shared/time';
import { Hash128, type Fingerprint } from './hash128';

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

/**
 * The identity text of a record, in parts: the dataset id, then per identifying field "\u001f" and
 * its value (times as epoch ms, other values trimmed); datasets without a key use every field, as
 * "\u001f<name>=<value>" in name order. `at` is the already-parsed time field.
 */
function identityParts(spec: DatasetSpec, fields: RecordFields, at: number | null, out: { update(part: string): unknown }): void {
  const times = timeFieldsOf(spec);
  const names = spec.key ?? Object.keys(fields).sort();
  out.update(spec.id);
  for (const name of names) {
    const v = fields[name];
    let part = '';
    if (v !== undefined) {
      const ms = !times.has(name) ? null : name === spec.time ? at : parseTime(v);
      part = ms !== null ? String(ms) : String(v).trim();
    }
    out.update(spec.key ? '\u001f' : `\u001f${name}=`);
    out.update(part);
  }
}

/** The identity text of a record (what its fingerprint hashes). */
export function recordKey(spec: DatasetSpec, fields: RecordFields, at: number | null = recordTime(spec, fields)): string {
  const text = { key: '', update: (part: string) => (text.key += part) };
  identityParts(spec, fields, at, text);
  return text.key;
}

/** The record's fingerprint: the hash of its identity text, fed part by part (no string is built). */
export function recordFingerprint(spec: DatasetSpec, fields: RecordFields, at: number | null = recordTime(spec, fields)): Fingerprint {
  const h = new Hash128();
  identityParts(spec, fields, at, h);
  return h.digest();
}
