import { isLazyList } from './lazy-json';
import type { ImportWarningCode } from '../../shared/contract';
import type { ErrorParams } from '../../shared/errors';

// What a reader (JSON or TXT) hands to the importer. Readers only describe what they found; the
// store decides identity, de-duplication and persistence.
export type FieldValue = string | number | boolean;
export type RecordFields = Record<string, FieldValue>;

export interface ExportSink {
  /** a dataset's section exists in this export (it may hold nothing) */
  present(dataset: string, path: string): void;
  record(dataset: string, fields: RecordFields): void;
  value(dataset: string, key: string, value: string | null): void;
  /** a section Footprint does not understand, kept as text */
  unknown(path: string, raw: string, empty: boolean): void;
  /** something read past, as a code and plain parameters (contract.ts IMPORT_WARNING_CODES); never a sentence */
  warn(path: string, code: ImportWarningCode, params?: WarningParams): void;
}

export type WarningParams = ErrorParams;

/**
 * Sets an own property, whatever its name: "__proto__", "constructor" or "hasOwnProperty" from an
 * export are field names like any other (plain `o[k] = v` would set the prototype, and `k in o`
 * would find Object.prototype's and rename the field "… (2)").
 */
export function setOwn<T>(o: Record<string, T>, key: string, value: NoInfer<T>): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A warning about a whole file, before its path is known (the JSON parser sees only bytes). */
export type { FileWarning } from '../../shared/contract';

/** Serializes a raw section for keeping; hostile nesting must not crash the import. */
export function rawText(node: unknown): string {
  if (isLazyList(node)) return node.text();
  try {
    return JSON.stringify(node) ?? 'null';
  } catch {
    // JSON.stringify recurses: hostile nesting overflows the stack. Walk it with a stack of our own.
    try {
      return stringifyDeep(node);
    } catch {
      return '"[too large to keep]"';
    }
  }
}

/** JSON.stringify without recursion (same output for the plain values a JSON document parses to). */
export function stringifyDeep(root: unknown): string {
  const parts: string[] = [];
  const stack: { keys: string[] | null; values: unknown[]; i: number }[] = [];
  const open = (v: unknown): void => {
    if (isLazyList(v)) return void parts.push(v.text());
    if (Array.isArray(v)) {
      parts.push('[');
      stack.push({ keys: null, values: v, i: 0 });
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function');
      parts.push('{');
      stack.push({ keys, values: keys.map((k) => o[k]), i: 0 });
    } else parts.push(JSON.stringify(v) ?? 'null');
  };
  open(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i === top.values.length) {
      parts.push(top.keys ? '}' : ']');
      stack.pop();
      continue;
    }
    const i = top.i++;
    if (i > 0) parts.push(',');
    if (top.keys) parts.push(`${JSON.stringify(top.keys[i])}:`);
    open(top.values[i]);
  }
  return parts.join('');
}
