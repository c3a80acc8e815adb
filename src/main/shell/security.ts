// The desktop app's security policy as plain functions (no electron import, so tests and the build
// config can use it): the Content-Security-Policy, which URLs are the app itself, which requests
// may leave the renderer, and which external links may open in the browser.
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, resolveAppRequest } from './app-protocol';

/** Where the window's page comes from. */
export type AppSource =
  /** production: out/renderer served as app://footprint/ (app-protocol.ts), never file:// */
  | { kind: 'app'; /** absolute path of the renderer folder (contains index.html) */ rendererDir: string }
  /** development only (electron-vite dev): the Vite dev server */
  | { kind: 'dev'; url: string };

/** The CSP of the window. Strict in production; dev adds what Vite's HMR client needs. */
export function contentSecurityPolicy(opts: { dev?: string; meta?: boolean } = {}): string {
  const devWs = opts.dev ? opts.dev.replace(/^http/, 'ws') : '';
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    // Vite injects <style> elements in dev; the build ships CSS files only.
    ['style-src', opts.dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', opts.dev ? `'self' ${devWs}` : "'self'"],
    ['media-src', "'none'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['child-src', "'none'"],
    ['worker-src', "'none'"],
    ['manifest-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    // not allowed in a <meta> policy (Chromium warns and ignores it there)
    ...(opts.meta ? [] : ([['frame-ancestors', "'none'"]] as [string, string][])),
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Longer URLs are never the app's own and are refused by every check here. */
export const MAX_URL_LENGTH = 8192;

/**
 * For the navigation and request callbacks: allowed only when the check returns true. A check that
 * throws (a malformed URL, a bug) denies, so nothing runs past a failed parse before preventDefault.
 */
export function allowOnly(check: () => boolean): boolean {
  try {
    return check() === true;
  } catch {
    return false;
  }
}

/** The URL the window loads. */
export function appEntryUrl(app: AppSource): string {
  return app.kind === 'dev' ? new URL(app.url).href : APP_ENTRY_URL;
}

/**
 * Is this the app's own page (the only page allowed to call IPC)? Compares everything but the
 * fragment: scheme, host, port, path and (no) query must be the entry's. Never throws.
 */
export function isAppPageUrl(url: string | undefined | null, app: AppSource): boolean {
  const got = parse(url);
  if (!got || got.username || got.password) return false;
  if (app.kind === 'dev') {
    const dev = parse(app.url);
    return !!dev && got.origin === dev.origin && (got.protocol === 'http:' || got.protocol === 'https:');
  }
  return got.protocol === `${APP_SCHEME}:` && got.host === APP_HOST && got.pathname === '/index.html' && got.search === '';
}

/**
 * May the renderer's session make this request? Only the app's own files (app://footprint/, the
 * same rule the protocol handler serves by) or, in development, the dev server. Everything else
 * (any http(s), ws, ftp, file:// at all) is cancelled. Never throws.
 */
export function isAllowedRequest(url: string, app: AppSource, opts: { devTools?: boolean } = {}): boolean {
  const u = parse(url);
  if (!u) return false;
  if (opts.devTools && (u.protocol === 'devtools:' || u.protocol === 'chrome-extension:')) return true;
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true; // never leaves the machine
  if (app.kind === 'dev') {
    const dev = parse(app.url);
    if (!dev) return false;
    if (u.protocol === 'ws:' || u.protocol === 'wss:') return u.host === dev.host;
    return u.origin === dev.origin;
  }
  return resolveAppRequest(url, app.rendererDir) !== null;
}

/**
 * External links the app may open in the user's browser: exact https URLs the app itself ships
 * (help pages). Matching is on the parsed URL (origin + path), never on a prefix of the string.
 */
export const EXTERNAL_LINKS = {
  requestData: 'https://support.tiktok.com/en/account-and-privacy/personalized-ads-and-data/requesting-your-data',
  offTikTokActivity: 'https://support.tiktok.com/en/account-and-privacy/personalized-ads-and-data/control-your-off-tiktok-data',
} as const;

/** The normalized URL to hand to shell.openExternal, or null when the link is not allowed. */
export function allowedExternalUrl(url: string, allow: readonly string[] = Object.values(EXTERNAL_LINKS)): string | null {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password || u.port) return null;
  for (const a of allow) {
    const w = new URL(a);
    if (u.hostname === w.hostname && u.pathname.replace(/\/$/, '') === w.pathname.replace(/\/$/, '') && !u.search) return w.href;
  }
  return null;
}

/** Window bounds saved between runs. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { width: 1180, height: 780, maximized: false };
export const MIN_WINDOW = { width: 760, height: 520 };

/**
 * Sanitizes a saved window state (it is a file on disk: anything may be in it) and makes sure the
 * window lands on a display that still exists; otherwise it is centred with the saved size.
 */
export function restoreWindowState(raw: unknown, displays: Rect[]): WindowState {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const width = Math.max(MIN_WINDOW.width, Math.min(num(r.width) ?? DEFAULT_WINDOW.width, 10_000));
  const height = Math.max(MIN_WINDOW.height, Math.min(num(r.height) ?? DEFAULT_WINDOW.height, 10_000));
  const state: WindowState = { width, height, maximized: r.maximized === true };
  const x = num(r.x);
  const y = num(r.y);
  if (x === undefined || y === undefined) return state;
  // at least 100×50 px of the title-bar area must be on some display
  const visible = displays.some((d) => x + width - 100 >= d.x && x + 100 <= d.x + d.width && y >= d.y && y + 50 <= d.y + d.height);
  if (!visible) return state;
  const onto = displays.find((d) => x >= d.x && x < d.x + d.width) ?? displays[0];
  return { ...state, x, y, width: onto ? Math.min(width, onto.width) : width, height: onto ? Math.min(height, onto.height) : height };
}
