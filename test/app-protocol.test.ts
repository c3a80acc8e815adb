// app:// (src/main/shell/app-protocol.ts): which URL serves which file of out/renderer, with which
// type and headers, and the refusals (traversal, encodings, absolute paths, backslashes, NUL). Plus
// malformed URLs against every check the navigation and request callbacks use: none may throw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENTRY_URL, appMimeType, appProtocolHandler, MAX_APP_URL_LENGTH, resolveAppRequest } from '../src/main/shell/app-protocol';
import { allowedExternalUrl, allowOnly, contentSecurityPolicy, isAllowedRequest, isAppPageUrl, type AppSource } from '../src/main/shell/security';

let work: string;
let renderer: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fp-app-protocol-'));
  renderer = join(work, 'out', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Footprint</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'export const x = 1;');
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(renderer, 'assets', 'notes.md'), '# not a type we serve');
  mkdirSync(join(work, 'out', 'main'), { recursive: true });
  writeFileSync(join(work, 'out', 'main', 'index.js'), 'secret main code');
  writeFileSync(join(work, 'out', 'renderer-evil.js'), 'next to the folder');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// malformed or hostile URLs every check must survive (return a refusal, never throw)
const MALFORMED = [
  'app://footprint/%E0%A4%A',
  'app://footprint/assets/%E0%A4%A.js',
  'app://footprint/%',
  'app://footprint/assets/%.js',
  'app://footprint/%zz.js',
  `app://footprint/${'a'.repeat(MAX_APP_URL_LENGTH)}.js`,
  `https://support.tiktok.com/${'%'.repeat(10_000)}`,
  'app://footprint/index.html\0.js',
  'app://footprint/index.html%00.js',
  'file:///%E0%A4%A',
  'https://support.tiktok.com/en/%E0%A4%A',
  '%',
  '',
  '\0',
  'http://[::1',
];

describe('resolveAppRequest', () => {
  it('maps the app URL onto files inside the renderer folder', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, renderer)).toBe(join(renderer, 'index.html'));
    expect(resolveAppRequest('app://footprint/', renderer)).toBe(join(renderer, 'index.html'));
    expect(resolveAppRequest('app://footprint/assets/index-abc.js', renderer)).toBe(join(renderer, 'assets', 'index-abc.js'));
    expect(resolveAppRequest('app://footprint/assets/index-abc.js?v=1#x', renderer)).toBe(join(renderer, 'assets', 'index-abc.js'));
    // a name with an encoded space is still a name
    expect(resolveAppRequest('app://footprint/assets/a%20b.png', renderer)).toBe(join(renderer, 'assets', 'a b.png'));
  });

  it('refuses traversal, plain or encoded, before the URL parser could clamp it', () => {
    for (const url of [
      'app://footprint/../main/index.js',
      'app://footprint/assets/../../main/index.js',
      'app://footprint/%2e%2e/main/index.js',
      'app://footprint/%2E%2E/main/index.js',
      'app://footprint/.%2e/main/index.js',
      'app://footprint/./index.html',
      'app://footprint/assets/%2e/index-abc.js',
      'app://footprint/..',
      'app://footprint/assets/..%2f..%2fmain%2findex.js',
      'app://footprint/..%5c..%5cmain%5cindex.js',
    ]) {
      expect(resolveAppRequest(url, renderer), url).toBeNull();
    }
  });

  it('refuses absolute paths, backslashes, NUL, drive letters and encoded separators', () => {
    for (const url of [
      'app://footprint//etc/passwd.txt',
      'app://footprint/%2Fetc%2Fpasswd.txt',
      'app://footprint/C:/Windows/win.ini.txt',
      'app://footprint/C%3A%5CWindows%5Cwin.ini.txt',
      'app://footprint/assets\\index-abc.js',
      'app://footprint/assets%5cindex-abc.js',
      'app://footprint/index.html%00.js',
      'app://footprint/index.html\u0000',
      'app://footprint/index%0a.html',
      'app://footprint/assets//index-abc.js',
    ]) {
      expect(resolveAppRequest(url, renderer), url).toBeNull();
    }
  });

  it('refuses other schemes, hosts, credentials and ports', () => {
    for (const url of [
      `file://${join(renderer, 'index.html')}`,
      'https://footprint/index.html',
      'app://evil/index.html',
      'app://user:pw@footprint/index.html',
      'app://footprint:8080/index.html',
      'app:index.html',
      'app:///index.html',
    ]) {
      expect(resolveAppRequest(url, renderer), url).toBeNull();
    }
  });

  it('serves known file types only', () => {
    expect(resolveAppRequest('app://footprint/assets/notes.md', renderer)).toBeNull();
    expect(resolveAppRequest('app://footprint/assets', renderer)).toBeNull();
    expect(resolveAppRequest('app://footprint/assets/', renderer)).toBeNull();
    expect(appMimeType('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(appMimeType('x.html')).toBe('text/html; charset=utf-8');
    expect(appMimeType('x.css')).toBe('text/css; charset=utf-8');
    expect(appMimeType('x.woff2')).toBe('font/woff2');
    expect(appMimeType('x.toString')).toBeUndefined();
    expect(appMimeType('x.constructor')).toBeUndefined();
  });

  it('refuses malformed and overlong URLs without throwing', () => {
    for (const url of [...MALFORMED, undefined, null, 42, {}]) {
      expect(() => resolveAppRequest(url, renderer)).not.toThrow();
      expect(resolveAppRequest(url, renderer), String(url).slice(0, 60)).toBeNull();
    }
  });
});

describe('appProtocolHandler', () => {
  const csp = contentSecurityPolicy();
  const serve = (url: string, init?: RequestInit) => appProtocolHandler({ rendererDir: renderer, csp })(new Request(url, init));

  it('serves the page and its assets with their type, the CSP and nosniff', async () => {
    const page = await serve(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Footprint</title>');

    const script = await serve('app://footprint/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const x = 1;');
    expect((await serve('app://footprint/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await serve('app://footprint/assets/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);

    const head = await serve(APP_ENTRY_URL, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 (with the CSP) for anything outside the folder, missing or refused', async () => {
    for (const url of [
      'app://footprint/../main/index.js',
      'app://footprint/%2e%2e/main/index.js',
      'app://footprint/..%2fmain%2findex.js',
      'app://footprint/missing.js',
      'app://footprint/assets/notes.md',
      'app://footprint/%E0%A4%A',
      'app://footprint/%',
      'app://evil/index.html',
    ]) {
      const r = await serve(url);
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-security-policy'), url).toBe(csp);
      expect(await r.text(), url).not.toContain('secret');
    }
    // a folder whose name looks like a file
    mkdirSync(join(renderer, 'dir.js'), { recursive: true });
    expect((await serve('app://footprint/dir.js')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const r = await serve(APP_ENTRY_URL, { method: 'POST', body: 'x' });
    expect(r.status).toBe(405);
    expect(r.headers.get('content-security-policy')).toBe(csp);
  });
});

describe('the window checks survive malformed URLs', () => {
  const app: AppSource = { kind: 'app', rendererDir: renderer };
  const dev: AppSource = { kind: 'dev', url: 'http://localhost:5173' };

  it('never throw, and refuse', () => {
    for (const url of MALFORMED) {
      for (const source of [app, dev]) {
        expect(() => isAppPageUrl(url, source)).not.toThrow();
        expect(isAppPageUrl(url, source), url.slice(0, 60)).toBe(false);
        expect(() => isAllowedRequest(url, source, { devTools: true })).not.toThrow();
        expect(isAllowedRequest(url, source), url.slice(0, 60)).toBe(false);
      }
      expect(() => allowedExternalUrl(url)).not.toThrow();
      expect(allowedExternalUrl(url)).toBeNull();
    }
    // a broken dev-server URL denies rather than throws
    const broken: AppSource = { kind: 'dev', url: 'not a url' };
    expect(isAppPageUrl('http://localhost:5173/', broken)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/', broken)).toBe(false);
  });

  it('allowOnly: a check that throws or answers anything but true denies', () => {
    expect(allowOnly(() => true)).toBe(true);
    expect(allowOnly(() => false)).toBe(false);
    expect(allowOnly(() => 'yes' as unknown as boolean)).toBe(false);
    expect(
      allowOnly(() => {
        throw new URIError('URI malformed');
      }),
    ).toBe(false);
    expect(allowOnly(() => decodeURIComponent('%E0%A4%A') === '')).toBe(false);
  });
});
