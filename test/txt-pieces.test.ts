// TXT files are decoded and parsed a piece at a time (src/main/reader/txt-text.ts), so that no file
// becomes one string. Whatever the piece sizes — down to 1 byte, cutting every multi-byte character,
// BOM and CR LF pair — the text, the lines and the records must be exactly those of the whole file:
// every fixture export read with pieces of 1–7 bytes equals the same export decoded whole, and random
// byte strings (UTF-8, UTF-16 with either BOM, invalid bytes, NULs, every line-ending mix) cut at
// random places decode to decodeTxt's text of the whole.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ExportSink } from '../src/main/reader/sink';
import type { SourceEntry } from '../src/main/reader/source';
import { decodeTxt, findTxtExport, readTxtExport } from '../src/main/reader/txt-reader';
import { stringLines } from '../src/main/reader/txt-parse';
import { txtText, type Pieces, type TextWarning } from '../src/main/reader/txt-text';
import { generateAccount } from './fixtures/account';
import { GENERATIONS, renderTxt, type TxtFiles, type TxtRenderOptions } from './fixtures/txt';

/** Every sink call, in order. */
function readAll(files: Record<string, Buffer>, pieceBytes: number, cut?: (bytes: Buffer) => Pieces): unknown[] {
  const events: unknown[] = [];
  const sink: ExportSink = {
    present: (d, p) => void events.push(['present', d, p]),
    record: (d, f) => void events.push(['record', d, { ...f }]),
    value: (d, k, v) => void events.push(['value', d, k, v]),
    unknown: (p, raw, empty) => void events.push(['unknown', p, raw, empty]),
    warn: (p, code, params) => void events.push(['warn', p, code, params ?? {}]),
  };
  const entries: SourceEntry[] = Object.entries(files).map(([path, bytes]) => ({
    path,
    size: bytes.length,
    read: () => bytes,
    ...(cut ? { pieces: cut(bytes) } : {}),
  }));
  const found = findTxtExport(entries);
  if (!found) throw new Error('not recognised as a TXT export');
  const { layout } = readTxtExport(found, sink, { pieceBytes });
  events.push(['layout', layout]);
  return events;
}

const WHOLE = Number.MAX_SAFE_INTEGER;

function asBytes(files: TxtFiles): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(files).map(([p, t]) => [p, Buffer.from(t)]));
}

describe('every fixture export read in pieces of 1–7 bytes is the same as read whole', () => {
  const account = generateAccount({ seed: 'pieces', scale: 0.15 });
  const old = generateAccount({ seed: 'pieces-2020', scale: 0.15, asOf: '2020-11-02 10:00:00' });
  const cases: [string, TxtFiles][] = [];
  for (const gen of GENERATIONS) {
    for (const opts of [{}, { quirks: true }, { lang: 'nl' }, { lang: 'nl', quirks: true }] as TxtRenderOptions[]) {
      if (opts.lang === 'nl' && gen !== 'C') continue;
      cases.push([`Gen ${gen} ${JSON.stringify(opts)}`, renderTxt(account, gen, opts)]);
    }
  }
  for (const y2020 of [{ messages: 'lines', gifts: 'sections' }, { messages: 'labelled', gifts: 'flat' }] as const) {
    cases.push([`2020 ${JSON.stringify(y2020)}`, renderTxt(old, 'A', { y2020, quirks: true })]);
  }

  it.each(cases)('%s', (_name, files) => {
    const bytes = asBytes(files);
    const whole = readAll(bytes, WHOLE);
    expect(whole.filter((e) => (e as unknown[])[0] === 'record').length).toBeGreaterThan(20);
    for (let n = 1; n <= 7; n++) expect(readAll(bytes, n), `pieces of ${n} bytes`).toEqual(whole);
  });

  it('the same with CR, CRLF and LF mixed in every file, UTF-16 files and a UTF-8 BOM, cut by the source at odd places too', () => {
    const files = renderTxt(account, 'C', {});
    const breaks = ['\r', '\n', '\r\n'];
    const bytes: Record<string, Buffer> = {};
    let i = 0;
    for (const [path, text] of Object.entries(files)) {
      // (a CR break right before an LF break would be one CR LF break: that pair is not drawn)
      let last = '';
      const mixed = text.replace(/\n/g, (_m, at: number) => (last = last === '\r' && text[at - 1] === '\n' ? '\r\n' : breaks[i++ % 3]!));
      const kind = i % 4;
      bytes[path] =
        kind === 0
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mixed, 'utf16le')])
          : kind === 1
            ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(mixed, 'utf16le').swap16()])
            : kind === 2
              ? Buffer.from(`\ufeff${mixed}`)
              : Buffer.from(mixed);
    }
    const whole = readAll(bytes, WHOLE);
    // the source's own pieces (3, 5, 7… bytes) cut again by the decoder's
    const sourceCut = (size: number) => (b: Buffer) => (each: (piece: Buffer) => void) => {
      for (let at = 0; at < b.length; at += size) each(b.subarray(at, at + size));
    };
    for (const n of [1, 2, 3, 5, 7]) expect(readAll(bytes, n), `pieces of ${n} bytes`).toEqual(whole);
    for (const size of [3, 5, 7]) expect(readAll(bytes, 4, sourceCut(size)), `source pieces of ${size} bytes`).toEqual(whole);
    // and whole is what the line-ending mix means: every record of the LF original
    expect(whole.filter((e) => (e as unknown[])[0] === 'record')).toEqual(readAll(asBytes(files), WHOLE).filter((e) => (e as unknown[])[0] === 'record'));
  });
});

describe('the piecewise decoder is decodeTxt of the whole file', () => {
  /** Text made of the characters that are hard to cut: line breaks, multi-byte and paired characters, NUL, BOM, separators. */
  const tricky = fc.array(
    fc.constantFrom('a', 'Date: ', ' ', '\r', '\n', '\r\n', '\n\r', 'é', 'ß', '€', '😀', '𝄞', '\u2028', '\u0085', '\0', '\ufeff', '\ud800', '\udc00', '>>> ', '\t'),
    { maxLength: 60 },
  ).map((parts) => parts.join(''));

  const encoded = fc.oneof(
    tricky.map((t) => Buffer.from(t)),
    tricky.map((t) => Buffer.from(`\ufeff${t}`)),
    tricky.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
    tricky.map((t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])),
    // raw bytes: invalid UTF-8, truncated sequences, odd-length UTF-16
    fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b)),
    fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 80 })).map(([bom, b]) => Buffer.from([...bom, ...b])),
  );

  /** The bytes given in pieces of the sizes drawn (the last size repeats). */
  const cutInto = (bytes: Buffer, sizes: number[]): Pieces => (each) => {
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const n = sizes[Math.min(k, sizes.length - 1)]!;
      each(bytes.subarray(at, at + n));
      at += n;
    }
  };

  const wholeLines = (bytes: Buffer): { lines: string[]; text: string; warnings: Set<TextWarning> } => {
    const warnings = new Set<TextWarning>();
    const text = decodeTxt(bytes, (c) => void warnings.add(c));
    const lines: string[] = [];
    stringLines(text)((l) => void lines.push(l));
    return { lines, text, warnings };
  };

  it('gives the same lines, head and warnings for any cut', () => {
    fc.assert(
      fc.property(encoded, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 7 }), (bytes, sizes, pieceBytes) => {
        const expected = wholeLines(bytes);
        const text = txtText(cutInto(bytes, sizes), pieceBytes);
        const lines: string[] = [];
        const warnings = new Set<TextWarning>();
        text.lines((l) => void lines.push(l), (c) => void warnings.add(c));
        expect(lines).toEqual(expected.lines);
        expect(warnings).toEqual(expected.warnings);
        for (const n of [1, 3, 10, 1000]) expect(text.head(n)).toBe(expected.text.slice(0, n));
        let joined = '';
        text.texts((t) => void (joined += t));
        expect(joined).toBe(expected.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops reading when the parser has what it needs', () => {
    let delivered = 0;
    const bytes = Buffer.from('line\n'.repeat(10_000));
    const pieces: Pieces = (each) => {
      for (let at = 0; at < bytes.length; at += 100) {
        delivered++;
        each(bytes.subarray(at, at + 100));
      }
    };
    const seen: string[] = [];
    txtText(pieces).lines((l, i) => {
      seen.push(l);
      return i < 2;
    });
    expect(seen).toEqual(['line', 'line', 'line']);
    expect(delivered).toBe(1);
    expect(txtText(pieces).head(12)).toBe('line\nline\nli');
  });
});
