// The window's page is served from app://footprint/ (a privileged standard scheme) instead of
// file://, so the GrantFileProtocolExtraPrivileges fuse can be off. No electron import: the URL to
// file mapping and the response are plain Node (tested in test/app-protocol.test.ts); window.ts only
// registers the scheme and hands this handler to session.protocol.handle.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'footprint';
export const APP_ORIGIN = 'app://footprint';
/** What the window loads in production. */
export const APP_ENTRY_URL = 'app://footprint/index.html';
/** Longer URLs are refused outright (the app's own are short). */
export const MAX_APP_URL_LENGTH = 2048;

/** The only file types served; anything else is a 404, so no file is ever sniffed or guessed. */
export const APP_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function appMimeType(file: string): string | undefined {
  return Object.hasOwn(APP_MIME_TYPES, extname(file).toLowerCase()) ? APP_MIME_TYPES[extname(file).toLowerCase()] : undefined;
}

// C0 controls (NUL included), DEL and the backslash: never in one of our URLs, and a backslash is a
// separator to Windows and to Chromium's standard-scheme parser.
const FORBIDDEN_RAW = /[\u0000-\u001f\u007f\\]/;
// a dot segment, plain or percent-encoded: refused rather than clamped by the URL parser
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=[/?#]|$)/i;
// encoded separators and NUL: a name must not smuggle a path
const ENCODED_SEPARATOR = /%(?:2f|5c|00)/i;
const FORBIDDEN_NAME = /[\u0000-\u001f\u007f/\\:]/;

/**
 * The file inside `rendererDir` that an app:// URL names, or null for everything else: another
 * scheme or host, credentials or a port, dot segments, encoded slashes, backslashes or NUL,
 * undecodable escapes, empty segments (`//etc/passwd`), drive letters, unknown file types, or a
 * path that would land outside the folder. Never throws: a null is a 404.
 */
export function resolveAppRequest(url: unknown, rendererDir: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_APP_URL_LENGTH) return null;
  if (FORBIDDEN_RAW.test(url) || DOT_SEGMENT.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  const path = u.pathname === '/' ? '/index.html' : u.pathname;
  if (!path.startsWith('/') || ENCODED_SEPARATOR.test(path)) return null;
  const names: string[] = [];
  for (const segment of path.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null; // e.g. %E0%A4%A or a lone %
    }
    if (name === '' || name === '.' || name === '..' || FORBIDDEN_NAME.test(name)) return null;
    names.push(name);
  }
  if (!appMimeType(names[names.length - 1]!)) return null;
  const root = resolve(rendererDir);
  const file = join(root, ...names);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

export interface AppResponseOptions {
  /** absolute path of the built renderer (out/renderer) */
  rendererDir: string;
  /** the Content-Security-Policy header, sent with every response (404s included) */
  csp: string;
}

function headers(csp: string, type: string): Record<string, string> {
  return { 'Content-Type': type, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
}

/**
 * The app:// handler: GET/HEAD of the app's own files with their type and the CSP; 404 for
 * anything resolveAppRequest refuses or the disk does not have; 405 for other methods. Never
 * rejects. Reads through fs, so it works inside app.asar (Electron's fs reads asar archives).
 */
export function appProtocolHandler(opts: AppResponseOptions): (request: Request) => Promise<Response> {
  const fail = (status: 404 | 405) =>
    new Response(status === 404 ? 'Not found' : 'Method not allowed', { status, headers: headers(opts.csp, 'text/plain; charset=utf-8') });
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
      const file = resolveAppRequest(request.url, opts.rendererDir);
      if (!file) return fail(404);
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(opts.csp, appMimeType(file)!) });
    } catch {
      return fail(404); // missing, a folder, unreadable
    }
  };
}
