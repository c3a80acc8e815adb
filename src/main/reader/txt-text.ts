// A TXT file's text, decoded and split into lines a piece at a time, so that no file becomes one
// string: a 100 MB file held as bytes and as a 100–200 MB string at once is what pushed five such
// files past the memory budget. Each pass reads the file again from where it is (a file on disk a
// few MiB at a time). The text is exactly decodeTxt's (txt-reader.ts), whatever the piece sizes:
// UTF-8 (BOM stripped, invalid bytes replaced) or UTF-16 with a BOM, NUL characters dropped, and
// every line-ending mix (CRLF, LF, CR) read as LF, a CR at the end of one piece and an LF at the
// start of the next being one break.
import { isUtf8 } from 'node:buffer';

/** Reads a file's bytes in order, a piece at a time. */
export type Pieces = (each: (piece: Buffer) => void) => void;

export type TextWarning = 'bad-encoding' | 'nul-removed';

/** The largest piece decoded at once: larger pieces from the source are cut down to this. */
export const DECODE_BYTES = 1024 * 1024;

/** Thrown through `pieces` to stop reading early (a pass that has what it needs). */
const STOP = Symbol('stop');

/**
 * Decodes the bytes `pieces` gives into text pieces (line breaks as \n) handed to `out`; `out`
 * returning false stops the reading. `pieceBytes` cuts the source's pieces smaller (tests use 1–7).
 */
export function decodePieces(pieces: Pieces, out: (text: string) => boolean | void, warn: (code: TextWarning) => void = () => {}, pieceBytes = DECODE_BYTES): void {
  let encoding: 'utf8' | 'utf16le' | 'utf16be' | undefined;
  let carry: Buffer = Buffer.alloc(0); // bytes of a character not complete yet (or the BOM's start)
  let first = true; // the first character decoded (a UTF-8 BOM is dropped)
  let crEnded = false; // the text so far ended with a CR: an LF next is the same break
  let highSurrogate = ''; // a UTF-16 pair is never cut between two text pieces
  let badEncoding = false;
  let nulRemoved = false;

  const emit = (raw: string): void => {
    let s = raw;
    if (first && s.length > 0) {
      first = false;
      if (encoding === 'utf8' && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    if (s.includes('\0')) {
      if (!nulRemoved) warn('nul-removed');
      nulRemoved = true;
      s = s.replaceAll('\0', '');
    }
    if (s.length === 0) return;
    if (crEnded && s.charCodeAt(0) === 10) s = s.slice(1); // the LF of a CR LF cut between two pieces
    crEnded = false;
    if (s.length === 0) return;
    crEnded = s.charCodeAt(s.length - 1) === 13;
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
    s = highSurrogate + s;
    highSurrogate = '';
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      highSurrogate = s.slice(-1);
      s = s.slice(0, -1);
    }
    if (s.length > 0 && out(s) === false) throw STOP;
  };

  const decode = (bytes: Buffer, final: boolean): void => {
    if (encoding === undefined) {
      if (bytes.length < 2 && !final) {
        carry = Buffer.from(bytes);
        return;
      }
      if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf16le';
      else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf16be';
      else encoding = 'utf8';
      if (encoding !== 'utf8') bytes = bytes.subarray(2);
    }
    let cut = bytes.length;
    if (encoding === 'utf8') {
      // cut before the start of a character that may go on in the next piece: a byte that is not a
      // continuation byte always starts afresh, so the pieces decode as the whole would
      if (!final) {
        for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
          if ((bytes[i]! & 0xc0) !== 0x80) {
            const b = bytes[i]!;
            const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            if (i + need > bytes.length) cut = i;
            break;
          }
        }
      }
      const part = bytes.subarray(0, cut);
      if (!badEncoding && !isUtf8(part)) {
        badEncoding = true;
        warn('bad-encoding');
      }
      emit(part.toString('utf8'));
    } else {
      cut = bytes.length & ~1; // an odd byte left at the very end is dropped, as Buffer#toString does
      const part = bytes.subarray(0, cut);
      emit(encoding === 'utf16le' ? part.toString('utf16le') : Buffer.from(part).swap16().toString('utf16le'));
    }
    carry = final ? Buffer.alloc(0) : Buffer.from(bytes.subarray(cut));
  };

  try {
    pieces((piece) => {
      for (let at = 0; at < piece.length; at += pieceBytes) {
        const part = piece.subarray(at, at + pieceBytes);
        decode(carry.length > 0 ? Buffer.concat([carry, part]) : part, false);
      }
    });
    decode(carry, true);
    if (highSurrogate !== '') {
      const s = highSurrogate;
      highSurrogate = '';
      out(s);
    }
  } catch (e) {
    if (e !== STOP) throw e;
  }
}

/** A TXT file's text, read again from its bytes on each pass. */
export interface TxtText {
  /**
   * Calls fn with every line (without its break) and its number from 0, in order; fn returning
   * false stops the pass. `warn` hears the file's encoding warnings (give it on one pass only).
   */
  lines(fn: (line: string, index: number) => boolean | void, warn?: (code: TextWarning) => void): void;
  /** the first `chars` characters of the text */
  head(chars: number): string;
  /** the text's pieces, in order, for hashing */
  texts(fn: (text: string) => void, warn?: (code: TextWarning) => void): void;
}

export function txtText(pieces: Pieces, pieceBytes = DECODE_BYTES): TxtText {
  return {
    lines: (fn, warn) => {
      let partial = ''; // the start of a line that goes on in the next piece
      let index = 0;
      let stopped = false;
      decodePieces(
        pieces,
        (text) => {
          let pos = 0;
          for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', pos)) {
            const line = partial === '' ? text.slice(pos, end) : partial + text.slice(pos, end);
            partial = '';
            pos = end + 1;
            if (fn(line, index++) === false) {
              stopped = true;
              return false;
            }
          }
          if (pos < text.length) partial += text.slice(pos);
        },
        warn,
        pieceBytes,
      );
      if (!stopped && partial !== '') fn(partial, index);
    },
    head: (chars) => {
      let head = '';
      decodePieces(
        pieces,
        (text) => {
          head += text;
          return head.length < chars;
        },
        undefined,
        pieceBytes,
      );
      return head.length > chars ? head.slice(0, chars) : head;
    },
    texts: (fn, warn) => decodePieces(pieces, (t) => void fn(t), warn, pieceBytes),
  };
}
