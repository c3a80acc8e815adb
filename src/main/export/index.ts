// From a path the user picked to a readable export: open the container, find the export inside it,
// fingerprint its content and parse it. Nothing here touches the database.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ImportError } from './errors';
import { parseLazyJson } from './lazy-json';
import { readJsonDocument } from './json-reader';
import type { ExportSink } from './sink';
import { openSource, type Source, type SourceEntry } from './source';
import { findTxtExport, readTxtExport, txtContentHash } from './txt-reader';

export interface OpenedExport {
  format: 'json' | 'txt';
  sourceName: string;
  /** SHA-256 of the export's content: the same export zipped or unzipped hashes the same */
  sha256: string;
  /** when TikTok generated it, if the file name says (TikTok_Data_<epoch>.zip) */
  exportedAtHint: number | null;
  /** parses the content; throws ImportError for anything unreadable */
  parse(): ParsedExport;
}

export interface ParsedExport {
  warnings: { path: string; message: string }[];
  /** streams every section into the sink and returns the detected layout */
  read(sink: ExportSink): { layout: string };
}

const JSON_NAMES = /^(user_data(_tiktok)?|tiktok_data)\.json$/i;

export function openExport(path: string): OpenedExport {
  const source = openSource(path);
  const hint = exportTimeFromName(source.name);
  const json = findJsonEntry(source);
  if (json) {
    let bytes: Buffer | undefined = json.read();
    if (bytes.length === 0) throw new ImportError('EMPTY_FILE', `"${json.path}" is empty (0 bytes). Download the export again.`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return {
      format: 'json',
      sourceName: source.name,
      sha256,
      exportedAtHint: hint,
      parse: () => {
        if (!bytes) throw new Error('an export is parsed once');
        const parsed = parseLazyJson(bytes);
        bytes = undefined; // the lazy lists hold the buffer from here on; nothing else may
        return {
          warnings: parsed.warnings.map((message) => ({ path: json.path, message })),
          read: (sink) => {
            const result = readJsonDocument(parsed.value, sink, parsed.truncated);
            for (const message of parsed.laterWarnings()) sink.warn(json.path, message);
            return result;
          },
        };
      },
    };
  }
  const txt = findTxtExport(source.entries);
  if (txt) {
    return {
      format: 'txt',
      sourceName: source.name,
      sha256: txtContentHash(txt),
      exportedAtHint: hint,
      parse: () => ({ warnings: [], read: (sink) => readTxtExport(txt, sink) }),
    };
  }
  if (source.kind === 'folder') {
    throw new ImportError('NO_EXPORT_IN_FOLDER', `The folder "${source.name}" holds no TikTok export (no user_data_tiktok.json and no TikTok .txt files).`);
  }
  if (source.kind === 'zip') {
    throw new ImportError('NOT_TIKTOK', `This is not a TikTok export: "${source.name}" is a ZIP, but it holds no user_data_tiktok.json and no TikTok .txt files.`);
  }
  throw new ImportError('NOT_JSON', `"${source.name}" is neither a ZIP nor a JSON file. Pick the ZIP TikTok sent you, or the JSON inside it.`);
}

export function findJsonEntry(source: Source): SourceEntry | undefined {
  if (source.kind === 'file') {
    const only = source.entries[0]!;
    // A bare file may have been renamed; anything that is not a .txt is tried as JSON.
    return /\.txt$/i.test(only.path) ? undefined : only;
  }
  const named = source.entries.filter((e) => JSON_NAMES.test(basename(e.path)));
  if (named.length > 0) return named.sort((a, b) => a.path.split('/').length - b.path.split('/').length)[0];
  const jsons = source.entries.filter((e) => /\.json$/i.test(e.path) && !e.path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'));
  return jsons.length === 1 ? jsons[0] : undefined;
}

export function exportTimeFromName(name: string): number | null {
  const m = /tiktok_data_(\d{9,11})/i.exec(name);
  return m ? Number(m[1]) * 1000 : null;
}
