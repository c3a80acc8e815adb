// A structural JSON reader over the raw bytes. Objects near the top are parsed; large arrays are kept
// as byte ranges (LazyList) and parsed a chunk of items at a time while the importer walks them. A
// million-record export then never exists as one giant string plus one giant object tree, which
// would need several times the file's size in memory.
//
// It is also forgiving where exports are known to be broken: a UTF-8 BOM, the document written twice
// back to back, trailing commas, a file cut short (what is complete is read), one damaged item in a
// list (that item is skipped and reported). Nesting is scanned iteratively, so hostile depth cannot
// overflow the stack.
import { isUtf8 } from 'node:buffer';
import { FootprintError } from '../../shared/errors';
import type { FileWarning } from '../../shared/contract';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

/** Arrays at least this long (in bytes) stay lazy. */
const LAZY_ARRAY_BYTES = 64 * 1024;
/** Objects nested deeper than this are parsed whole (V8's parser is iterative) instead of walked. */
const MAX_WALK_DEPTH = 16;
const ITEMS_PER_CHUNK = 256;

export interface LazyJsonResult {
  value: unknown;
  warnings: FileWarning[];
  /** the file ended before the document did */
  truncated: boolean;
  /** warnings found after parsing, while the lazy lists were read (each returned once) */
  laterWarnings: () => FileWarning[];
}

/**
 * A number token that may not survive as a double (outside strings, which are preceded by a quote
 * or a slash): 16+ digits, an exponent, or a negative zero.
 */
const BIG_INTEGER = /[:,[]\s*(?:-?\d{16,}|-?\d+(?:\.\d+)?[eE]|-0(?!\d))/;

/**
 * Whether a number's double loses what its text says, so that the text is kept instead: integers
 * beyond 2^53 (device UIDs), values past double range (1e400 → Infinity), non-zero values that
 * underflow to 0 (1e-400) and -0. Otherwise distinct raw records would merge as duplicates.
 */
export function keepsText(value: number, source: string): boolean {
  if (!Number.isFinite(value) || Object.is(value, -0)) return true;
  if (value === 0) return /[1-9]/.test(source.split(/[eE]/)[0]!);
  // digits only, as before (1e300 stays the number it always was: fingerprints must not move)
  return !Number.isSafeInteger(value) && /^-?\d+$/.test(source);
}

/**
 * JSON.parse, except that numbers a double cannot hold (keepsText) are kept as their exact text.
 * `longNumbers: false` says the caller's scan found no such number outside strings.
 */
export function parseJson(text: string, longNumbers = true): unknown {
  if (!longNumbers || !BIG_INTEGER.test(text)) return JSON.parse(text);
  try {
    return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
      typeof value === 'number' && context?.source && (value === 0 || !Number.isSafeInteger(value)) && keepsText(value, context.source) ? context.source : value,
    );
  } catch (e) {
    // V8 applies a reviver recursively: hostile nesting overflows the stack where plain parsing does not.
    if (e instanceof RangeError) return JSON.parse(quoteBigIntegers(text));
    throw e;
  }
}

/** The text with every integer beyond 2^53 outside strings turned into a string of its digits. */
function quoteBigIntegers(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j]!)) j++;
      const token = text.slice(i, j);
      if (/^-?\d/.test(token) && keepsText(Number(token), token)) {
        out += `${text.slice(last, i)}"${token}"`;
        last = j;
      }
      i = j - 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Repairs two things hand-edited or badly written files hold that JSON does not allow: raw control
 * characters (NUL, raw line breaks…) inside strings, escaped here, and trailing commas before "}" or
 * "]", dropped. Returns undefined when there was nothing to repair.
 */
export function repairJsonText(text: string): { text: string; controls: boolean; commas: boolean } | undefined {
  let out = '';
  let last = 0;
  let inString = false;
  let escaped = false;
  let controls = false;
  let commas = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inString) {
      if (c === QUOTE) inString = true;
      else if (c === COMMA) {
        let j = i + 1;
        while (j < text.length && isWs(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if (d === CLOSE_OBJ || d === CLOSE_ARR) {
          out += text.slice(last, i);
          last = i + 1;
          commas = true;
        }
      }
    } else if (escaped) escaped = false;
    else if (c === BACKSLASH) escaped = true;
    else if (c === QUOTE) inString = false;
    else if (c < 0x20) {
      out += text.slice(last, i) + '\\u' + c.toString(16).padStart(4, '0');
      last = i + 1;
      controls = true;
    }
  }
  return last === 0 ? undefined : { text: out + text.slice(last), controls, commas };
}

// Repairs worth a warning (contract.ts IMPORT_WARNING_CODES), each reported once per file.
const CONTROL_CHARS_NOTE = 'control-characters';
const DUPLICATE_KEYS_NOTE = 'duplicate-key';
const TRAILING_COMMAS_NOTE = 'trailing-commas';
type Note = typeof CONTROL_CHARS_NOTE | typeof DUPLICATE_KEYS_NOTE | typeof TRAILING_COMMAS_NOTE;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

class Scanner {
  truncated = false;
  /** the last valueEnd ran into the end of the file */
  hitEnd = false;
  /** valueEnd passed a run of 16+ digits outside strings (a number that may be beyond 2^53); reset by the caller */
  longNumbers = false;
  /** ":" outside strings that valueEnd passed: one per member of every object scanned */
  colons = 0;
  /** things worth a warning, found while parsing (also later, while lazy lists are read) */
  readonly notes = new Set<Note>();
  constructor(readonly buf: Buffer) {}

  /**
   * JSON.parse keeps the last of two equal names silently; the walked objects warn. Fewer members
   * parsed than ":" scanned means a name came twice: the same warning, wherever it was.
   */
  checkMembers(value: unknown, colons: number): void {
    if (colons === 0 || this.notes.has(DUPLICATE_KEYS_NOTE)) return;
    let members = 0;
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else if (v !== null && typeof v === 'object') {
        for (const k in v) {
          members++;
          stack.push((v as Record<string, unknown>)[k]);
        }
      }
    }
    if (members < colons) this.notes.add(DUPLICATE_KEYS_NOTE);
  }

  /** parseJson, repairing control characters in strings and trailing commas when that is what breaks it */
  parse(text: string, longNumbers = true): unknown {
    try {
      return parseJson(text, longNumbers);
    } catch (e) {
      const repaired = repairJsonText(text);
      if (repaired === undefined) throw e;
      const value = parseJson(repaired.text);
      if (repaired.controls) this.notes.add(CONTROL_CHARS_NOTE);
      if (repaired.commas) this.notes.add(TRAILING_COMMAS_NOTE);
      return value;
    }
  }

  skipWs(i: number): number {
    const b = this.buf;
    while (i < b.length && isWs(b[i]!)) i++;
    return i;
  }

  /** i is at an opening quote; returns the index after the closing one (or the end, if cut short). */
  stringEnd(i: number): number {
    const b = this.buf;
    let j = i + 1;
    for (;;) {
      j = b.indexOf(QUOTE, j);
      if (j < 0) {
        this.truncated = true;
        this.hitEnd = true;
        return b.length;
      }
      let k = j - 1;
      while (b[k] === BACKSLASH) k--;
      if ((j - k - 1) % 2 === 0) return j + 1;
      j++;
    }
  }

  /** The end (exclusive) of the value starting at i, scanning nested brackets without recursion. */
  valueEnd(i: number): number {
    const b = this.buf;
    const c = b[i];
    this.hitEnd = false;
    if (c === QUOTE) return this.stringEnd(i);
    let digits = 0;
    if (c !== OPEN_OBJ && c !== OPEN_ARR) {
      while (i < b.length) {
        const d = b[i]!;
        if (d === COMMA || d === CLOSE_OBJ || d === CLOSE_ARR || isWs(d)) break;
        if (d >= 0x30 && d <= 0x39 && ++digits === 16) this.longNumbers = true;
        else if (d === 0x65 || d === 0x45 || (d === 0x2d && b[i + 1] === 0x30)) this.longNumbers = true; // exponent, -0…
        i++;
      }
      return i;
    }
    let depth = 0;
    for (let k = i; k < b.length; k++) {
      const d = b[k]!;
      if (d === QUOTE) k = this.stringEnd(k) - 1;
      else if (d >= 0x30 && d <= 0x39) {
        if (++digits === 16) this.longNumbers = true;
        continue;
      } else if ((d === 0x65 || d === 0x45) && digits > 0) this.longNumbers = true; // an exponent (true/false follow no digit)
      else if (d === 0x2d && b[k + 1] === 0x30) this.longNumbers = true; // -0, -0.0…
      else if (d === COLON) this.colons++;
      else if (d === OPEN_OBJ || d === OPEN_ARR) depth++;
      else if (d === CLOSE_OBJ || d === CLOSE_ARR) {
        if (--depth === 0) return k + 1;
      }
      digits = 0;
    }
    this.truncated = true;
    this.hitEnd = true;
    return b.length;
  }

  text(start: number, end: number): string {
    try {
      return this.buf.toString('utf8', start, end);
    } catch (e) {
      // V8 strings stop a little above 512 MiB
      if ((e as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError) {
        throw new FootprintError('TOO_LARGE', { reason: 'value', limit: 512, byte: start });
      }
      throw e;
    }
  }

  /** `_why` documents the call site; people get the byte, which needs no language */
  fail(at: number, _why: string): never {
    throw new FootprintError('NOT_JSON', { reason: 'damaged', byte: at });
  }

  parseValue(i: number, depth: number): [unknown, number] {
    const b = this.buf;
    const c = b[i];
    if (c === OPEN_OBJ && depth < MAX_WALK_DEPTH) return this.parseObject(i, depth);
    const colonsBefore = this.colons;
    const end = this.valueEnd(i);
    const open = this.hitEnd && c !== QUOTE;
    if (c === OPEN_ARR && end - i >= LAZY_ARRAY_BYTES) return [new LazyList(this, i, end, open), end];
    const slice = this.text(i, end);
    try {
      const value = this.parse(slice);
      this.checkMembers(value, this.colons - colonsBefore);
      return [value, end];
    } catch {
      if (c === OPEN_ARR) return [new LazyList(this, i, end, open), end]; // damaged items are skipped one by one
      if (this.truncated && end >= b.length) return [undefined, end];
      return this.fail(i, 'an unreadable value');
    }
  }

  parseObject(i: number, depth: number): [Record<string, unknown>, number] {
    const b = this.buf;
    const out: Record<string, unknown> = {};
    let copies: Map<string, number> | undefined;
    let k = this.skipWs(i + 1);
    if (b[k] === CLOSE_OBJ) return [out, k + 1];
    while (k < b.length) {
      if (b[k] !== QUOTE) return this.fail(k, 'expected a key');
      const keyEnd = this.stringEnd(k);
      if (keyEnd >= b.length) break;
      let key: string;
      try {
        key = this.parse(this.text(k, keyEnd)) as string;
      } catch {
        return this.fail(k, 'an unreadable key');
      }
      k = this.skipWs(keyEnd);
      if (b[k] !== COLON) {
        if (k >= b.length) break;
        return this.fail(k, 'expected ":"');
      }
      k = this.skipWs(k + 1);
      if (k >= b.length) break;
      const [value, end] = this.parseValue(k, depth + 1);
      if (value !== undefined) {
        // the same name twice in one object: the later copy is kept beside the first, not over it
        let name = key;
        if (Object.hasOwn(out, key)) {
          copies ??= new Map();
          let n = copies.get(key) ?? 2;
          while (Object.hasOwn(out, (name = `${key} (${n})`))) n++;
          copies.set(key, n + 1);
          this.notes.add(DUPLICATE_KEYS_NOTE);
        }
        // "__proto__" is data here, never the object's prototype (JSON.parse agrees)
        Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      }
      k = this.skipWs(end);
      if (b[k] === COMMA) {
        k = this.skipWs(k + 1);
        if (b[k] === CLOSE_OBJ) {
          this.notes.add(TRAILING_COMMAS_NOTE);
          return [out, k + 1];
        }
        continue;
      }
      if (b[k] === CLOSE_OBJ) return [out, k + 1];
      if (k >= b.length) break;
      return this.fail(k, 'expected "," or "}"');
    }
    this.truncated = true;
    return [out, b.length];
  }
}

/** A JSON array kept as bytes; iterate it to parse its items. */
export class LazyList implements Iterable<unknown> {
  /** items that could not be parsed while iterating */
  skipped = 0;
  constructor(
    private readonly scanner: Scanner,
    readonly start: number,
    readonly end: number,
    /** the file ends inside this list: the items before the cut are all there is */
    readonly cutShort = false,
  ) {}

  isEmpty(): boolean {
    return this.scanner.buf[this.scanner.skipWs(this.start + 1)] === CLOSE_ARR;
  }

  /** the exact text of the array, for keeping it raw */
  text(): string {
    return this.scanner.text(this.start, this.end);
  }

  toJSON(): unknown {
    return [...this];
  }

  first(): unknown {
    for (const item of this) return item;
    return undefined;
  }

  *[Symbol.iterator](): Iterator<unknown> {
    const s = this.scanner;
    const b = s.buf;
    let k = s.skipWs(this.start + 1);
    const bounds: number[] = [];
    let longNumbers = false; // in the items waiting in bounds
    let colons = 0; // in the items waiting in bounds
    const flush = function* (this: LazyList): Generator<unknown> {
      if (bounds.length === 0) return;
      let items: unknown[] | undefined;
      try {
        // the scan of these items said whether any number is long enough to need keeping exact
        items = s.parse(`[${s.text(bounds[0]!, bounds[bounds.length - 1]!)}]`, longNumbers) as unknown[];
        s.checkMembers(items, colons);
      } catch {
        items = undefined;
      }
      longNumbers = false;
      colons = 0;
      if (items && items.length === bounds.length / 2) yield* items;
      else {
        for (let n = 0; n < bounds.length; n += 2) {
          try {
            yield s.parse(s.text(bounds[n]!, bounds[n + 1]!));
          } catch {
            this.skipped++;
          }
        }
      }
      bounds.length = 0;
    }.bind(this);
    while (k < this.end && b[k] !== CLOSE_ARR) {
      s.longNumbers = false;
      const colonsBefore = s.colons;
      const end = s.valueEnd(k);
      longNumbers ||= s.longNumbers;
      colons += s.colons - colonsBefore;
      if (end > this.end || (end >= b.length && s.truncated)) break; // an item cut off by the end of the file
      bounds.push(k, end);
      if (bounds.length >= ITEMS_PER_CHUNK * 2) yield* flush();
      k = s.skipWs(end);
      if (b[k] === COMMA) {
        k = s.skipWs(k + 1);
        if (b[k] === CLOSE_ARR) s.notes.add(TRAILING_COMMAS_NOTE);
      } else if (b[k] !== CLOSE_ARR && k < this.end) {
        // not a separator: resynchronise at the next comma so one bad item does not lose the rest
        this.skipped++;
        const next = b.indexOf(COMMA, k);
        if (next < 0 || next >= this.end) break;
        k = s.skipWs(next + 1);
      }
    }
    yield* flush();
  }
}

export function isLazyList(v: unknown): v is LazyList {
  return v instanceof LazyList;
}

/**
 * UTF-16 to UTF-8 a slice at a time: one string of a whole large file would pass V8's string limit
 * (~512 Mi characters) and end in an INTERNAL "Cannot create a string longer than…".
 */
function utf16ToUtf8(body: Buffer, littleEndian: boolean): Buffer {
  const decoder = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be');
  const parts: Buffer[] = [];
  const step = 32 * 1024 * 1024; // even: a code unit is never cut (surrogate pairs are, and stream:true joins them)
  for (let at = 0; at < body.length; at += step) {
    parts.push(Buffer.from(decoder.decode(body.subarray(at, at + step), { stream: true }), 'utf8'));
  }
  parts.push(Buffer.from(decoder.decode(), 'utf8'));
  return Buffer.concat(parts);
}

/** Parses an export's bytes; throws FootprintError (without a path: the caller adds it) only when nothing usable can be read. */
export function parseLazyJson(buf: Buffer): LazyJsonResult {
  const warnings: FileWarning[] = [];
  const note = (code: FileWarning['code'], params: FileWarning['params'] = {}): void => void warnings.push({ code, params });
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    // re-saved by an editor as "Unicode": UTF-16 with a byte-order mark
    buf = utf16ToUtf8(buf.subarray(2, 2 + ((buf.length - 2) & ~1)), buf[0] === 0xff);
    note('utf16');
  }
  const s = new Scanner(buf);
  let i = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  if (!isUtf8(buf)) note('bad-encoding');
  i = s.skipWs(i);
  if (i >= buf.length) throw new FootprintError('EMPTY_FILE');
  const c = buf[i];
  if (c !== OPEN_OBJ && c !== OPEN_ARR) throw new FootprintError('NOT_JSON', { reason: 'notJson' });
  const [value, end] = s.parseValue(i, 0);
  const rest = s.skipWs(end);
  if (rest < buf.length) {
    if (buf[rest] === OPEN_OBJ) note('export-twice');
    else note('trailing-data', { byte: rest });
  }
  const reported = new Set(s.notes);
  for (const n of reported) note(n);
  if (s.truncated) note('cut-short');
  const laterWarnings = (): FileWarning[] => {
    const fresh = [...s.notes].filter((n) => !reported.has(n));
    for (const n of fresh) reported.add(n);
    return fresh.map((code) => ({ code, params: {} }));
  };
  return { value, warnings, truncated: s.truncated, laterWarnings };
}
