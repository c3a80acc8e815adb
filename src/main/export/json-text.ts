// Turns the bytes of user_data*.json into a value, forgiving what real exports and hand-edited copies
// are known to contain: a UTF-8 BOM, the whole document written twice back to back, trailing commas.
import { ImportError } from './errors';

export interface ParsedJson {
  value: unknown;
  warnings: string[];
}

const MAX_STRING_CHARS = 0x1fffffe8; // V8's string length limit

export function decodeUtf8(bytes: Buffer, warnings: string[]): string {
  if (bytes.length > MAX_STRING_CHARS) throw new ImportError('TOO_LARGE', 'This JSON file is too large to read.');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\ufffd') && !bytes.includes(Buffer.from('\ufffd'))) {
    warnings.push('The file contains bytes that are not valid UTF-8; they were replaced by "�".');
  }
  return text;
}

export function parseJsonText(text: string): ParsedJson {
  const warnings: string[] = [];
  const trimmed = text.trimStart();
  if (trimmed === '') throw new ImportError('EMPTY_FILE', 'The JSON file is empty.');
  if (trimmed[0] !== '{' && trimmed[0] !== '[') {
    throw new ImportError('NOT_JSON', 'This file is not JSON, and not a ZIP. Pick the ZIP TikTok sent you, or the user_data_tiktok.json inside it.');
  }
  try {
    return { value: JSON.parse(text), warnings };
  } catch (e) {
    const message = (e as Error).message;
    // The document written twice: everything after the first complete value is a second copy.
    const after = /after JSON at position (\d+)/.exec(message);
    if (after) {
      const end = Number(after[1]);
      const first = JSON.parse(text.slice(0, end)) as unknown;
      warnings.push('The file contains the export twice, back to back (a known TikTok glitch); the first copy was imported.');
      return { value: first, warnings };
    }
    const repaired = withoutTrailingCommas(text);
    if (repaired !== text) {
      try {
        const value = JSON.parse(repaired) as unknown;
        warnings.push('The file had trailing commas (it was probably edited by hand); they were ignored.');
        return { value, warnings };
      } catch {
        // fall through to the original error
      }
    }
    const pos = /position (\d+)/.exec(message);
    const where = pos ? ` near character ${pos[1]}` : '';
    if (/Unexpected end of JSON input|Unterminated/.test(message)) {
      throw new ImportError('NOT_JSON', `The JSON file is cut short${where}: it was probably not fully downloaded or unzipped.`);
    }
    throw new ImportError('NOT_JSON', `The JSON file is damaged${where} and cannot be read.`);
  }
}

/** Removes commas that directly precede a closing bracket, outside strings. */
function withoutTrailingCommas(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escape
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 44) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') {
        out += text.slice(last, i);
        last = i + 1;
      }
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
