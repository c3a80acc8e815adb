import { isLazyList } from './lazy-json';

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
  warn(path: string, message: string): void;
}

/** Serializes a raw section for keeping; hostile nesting must not crash the import. */
export function rawText(node: unknown): string {
  if (isLazyList(node)) return node.text();
  try {
    return JSON.stringify(node) ?? 'null';
  } catch {
    return '"[too deeply nested to keep]"';
  }
}
