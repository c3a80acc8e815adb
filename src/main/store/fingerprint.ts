// A record's identity: a hash of its dataset and identifying fields, normalised so that the same
// record read from a JSON export and from a TXT export (or from two layouts) hashes the same.
import { hash } from 'node:crypto';
import type { DatasetSpec } from '../../shared/catalog';
import type { RecordFields } from '../export/sink';
import { parseTime } from '../export/time';

function keyPart(spec: DatasetSpec, name: string, v: RecordFields[string] | undefined): string {
  if (v === undefined) return '';
  if (spec.fields.some((f) => f.name === name && f.time)) {
    const ms = parseTime(v);
    if (ms !== null) return String(ms);
  }
  return String(v).trim();
}

export function recordKey(spec: DatasetSpec, fields: RecordFields): string {
  const names = spec.key ?? Object.keys(fields).sort();
  let key = spec.id;
  for (const name of names) key += `\u001f${spec.key ? '' : `${name}=`}${keyPart(spec, name, fields[name])}`;
  return key;
}

export function fingerprint(key: string): Buffer {
  return (hash('sha256', key, 'buffer') as Buffer).subarray(0, 16);
}

export function recordTime(spec: DatasetSpec, fields: RecordFields): number | null {
  return spec.time ? parseTime(fields[spec.time]) : null;
}
