// Offline IP → country and IP → network owner (autonomous system). Never a network lookup:
//   country: @ip-location-db/geo-whois-asn-country-mmdb (MMDB, read with mmdb-lib);
//   network owner: @ip-location-db/asn (sorted CSV ranges, searched in place by binary search over
//   the file, so the 20 MB table is never loaded into memory).
// Licences and attribution: LICENSES-THIRD-PARTY.md. Private, reserved and malformed addresses
// have no country and no owner; IPv4-mapped IPv6 addresses are read as IPv4.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { Reader, type Response } from 'mmdb-lib';

export interface IpInfo {
  /** the address as compared (trimmed, brackets/port/zone removed, mapped IPv4 unwrapped) */
  ip: string;
  version: 4 | 6;
  /** private, loopback, link-local, CGNAT, documentation… */
  reserved: boolean;
  country: string | null;
  asn: number | null;
  org: string | null;
}

const localRequire = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));

function packageFile(pkg: string, file: string): string | null {
  try {
    return join(localRequire.resolve(`${pkg}/package.json`).replace(/package\.json$/, ''), file);
  } catch {
    return null;
  }
}

/** Normalises what TikTok (or a hand-edited file) wrote as an IP; null when it is not one. */
const CANONICAL_V4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function normalizeIp(raw: unknown): { ip: string; version: 4 | 6 } | null {
  if (typeof raw === 'string' && CANONICAL_V4.test(raw)) return { ip: raw, version: 4 }; // as TikTok writes them: nothing to undo
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  let s = String(raw).trim();
  if (s === '' || s.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.replace(/:\d+$/, '');
  s = s.replace(/%[\w.-]+$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped) s = mapped[1]!;
  const v = isIP(s);
  if (v === 4) {
    // node accepts only canonical dotted quads; strip leading zeros that TikTok never writes anyway
    return { ip: s, version: 4 };
  }
  if (v === 6) return { ip: s, version: 6 };
  return null;
}

function ipv4ToBig(ip: string): bigint {
  return ip.split('.').reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

function ipv6ToBig(ip: string): bigint {
  let s = ip;
  // a trailing dotted quad (::1.2.3.4)
  const quad = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (quad) {
    const n = ipv4ToBig(quad[1]!);
    s = s.slice(0, -quad[1]!.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? (s.split('::') as [string, string]) : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

function inRange(n: bigint, base: bigint, bits: number, width: number): boolean {
  return n >> BigInt(width - bits) === base >> BigInt(width - bits);
}

const RESERVED_V4 = (
  [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as [string, number][]
).map(([b, bits]): [bigint, number] => [ipv4ToBig(b), bits]);
const RESERVED_V6 = (
  [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as [string, number][]
).map(([b, bits]): [bigint, number] => [ipv6ToBig(b), bits]);

function isReserved(n: bigint, version: 4 | 6): boolean {
  return version === 4
    ? RESERVED_V4.some(([b, bits]) => inRange(n, b, bits, 32))
    : RESERVED_V6.some(([b, bits]) => inRange(n, b, bits, 128));
}

// IPv4 in plain numbers: a facet of 50,000 logins looks up every distinct address, and BigInt
// arithmetic made that 100 ms; unsigned 32-bit shifts give the same answers several times faster.
const RESERVED_V4_NUM = RESERVED_V4.map(([b, bits]): [number, number] => [Number(b), 32 - bits]);

function ipv4ToNumber(ip: string): number {
  let n = 0;
  for (const p of ip.split('.')) n = n * 256 + Number(p);
  return n;
}

const isReservedV4 = (n: number): boolean => RESERVED_V4_NUM.some(([b, shift]) => n >>> shift === b >>> shift);

// ---- country (MMDB) ----

let countryReader: Reader<Response> | null | undefined;

function countryDb(): Reader<Response> | null {
  if (countryReader === undefined) {
    const path = packageFile('@ip-location-db/geo-whois-asn-country-mmdb', 'geo-whois-asn-country.mmdb');
    try {
      countryReader = path ? new Reader(readFileSync(path)) : null;
    } catch {
      countryReader = null;
    }
  }
  return countryReader ?? null;
}

// ---- network owner (sorted CSV ranges, searched on disk) ----
// On first use the file is read once to note where a line starts about every 4 KB (its start
// address too); a lookup then binary-searches that small index and reads one 4 KB stretch.

interface RangeFile {
  fd: number;
  size: number;
  positions: number[];
  keys: bigint[];
}
const rangeFiles = new Map<string, RangeFile | null>();
const STRIDE = 4096;

function rangeFile(name: string): RangeFile | null {
  if (!rangeFiles.has(name)) {
    const path = packageFile('@ip-location-db/asn', name);
    let file: RangeFile | null;
    try {
      const fd = openSync(path!, 'r');
      file = { fd, size: fstatSync(fd).size, positions: [], keys: [] };
      indexRanges(file);
    } catch {
      file = null;
    }
    rangeFiles.set(name, file);
  }
  return rangeFiles.get(name)!;
}

function indexRanges(f: RangeFile): void {
  const chunk = Buffer.allocUnsafe(1 << 20);
  let target = 0;
  for (let base = 0; base < f.size; base += chunk.length) {
    const n = readSync(f.fd, chunk, 0, chunk.length, base);
    while (target < base + n) {
      let ls: number;
      if (target === 0) ls = 0;
      else {
        const idx = chunk.indexOf(10, target - base);
        if (idx < 0 || idx >= n) break;
        ls = base + idx + 1;
      }
      if (ls >= f.size) {
        target = f.size;
        break;
      }
      const key = lineKey(readAt(f, ls, 128));
      if (key !== null && (f.keys.length === 0 || key >= f.keys[f.keys.length - 1]!)) {
        f.positions.push(ls);
        f.keys.push(key);
      }
      target = ls + STRIDE;
    }
  }
}

/** Closes the range files (tests; the app keeps them open). */
export function closeIpDatabases(): void {
  for (const f of rangeFiles.values()) if (f) closeSync(f.fd);
  rangeFiles.clear();
  blocks.clear();
  countryReader = undefined;
  cache.clear();
}

function readAt(f: { fd: number; size: number }, pos: number, len: number): string {
  const buf = Buffer.allocUnsafe(Math.max(0, Math.min(len, f.size - pos)));
  const n = readSync(f.fd, buf, 0, buf.length, pos);
  return buf.toString('latin1', 0, n);
}

function lineKey(line: string): bigint | null {
  const m = /^(\d+),/.exec(line);
  return m ? BigInt(m[1]!) : null;
}

function parseRange(line: string): { start: bigint; end: bigint; asn: number; org: string } | null {
  const m = /^(\d+),(\d+),(\d+),(.*)$/.exec(line.replace(/\r$/, ''));
  if (!m) return null;
  let org = m[4]!;
  if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
  return { start: BigInt(m[1]!), end: BigInt(m[2]!), asn: Number(m[3]), org };
}

function findRange(f: RangeFile, n: bigint): { asn: number; org: string } | null {
  // the last indexed line starting at or below n
  let lo = 0;
  let hi = f.keys.length - 1;
  if (hi < 0 || f.keys[0]! > n) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (f.keys[mid]! <= n) lo = mid;
    else hi = mid - 1;
  }
  const ranges = block(f, lo);
  let best: Range | undefined;
  for (const r of ranges) {
    if (r.start > n) break;
    best = r;
  }
  return best && n <= best.end ? { asn: best.asn, org: best.org } : null;
}

type Range = NonNullable<ReturnType<typeof parseRange>>;

/**
 * The ranges of one 4 KB stretch, parsed once and kept (a few hundred stretches at most): the
 * addresses of one person's logins cluster in a few networks, so most lookups of a facet land in
 * a stretch already read.
 */
const blocks = new Map<RangeFile, Map<number, Range[]>>();
const MAX_BLOCKS = 512;

function block(f: RangeFile, i: number): Range[] {
  let kept = blocks.get(f);
  if (!kept) blocks.set(f, (kept = new Map()));
  const have = kept.get(i);
  if (have) return have;
  const from = f.positions[i]!;
  const to = i + 1 < f.positions.length ? f.positions[i + 1]! : f.size;
  const ranges: Range[] = [];
  for (const line of readAt(f, from, to - from).split('\n')) {
    const r = parseRange(line);
    if (r) ranges.push(r);
  }
  if (kept.size >= MAX_BLOCKS) kept.delete(kept.keys().next().value!);
  kept.set(i, ranges);
  return ranges;
}

const cache = new Map<string, IpInfo | null>();

let databasesVersion: string | undefined;

/**
 * Which offline databases answer (their package versions): places kept in the archive
 * (store/ip-places.ts) are read again when the app ships newer ones.
 */
export function ipDatabasesVersion(): string {
  if (databasesVersion === undefined) {
    const version = (pkg: string): string => {
      try {
        return (JSON.parse(readFileSync(packageFile(pkg, 'package.json')!, 'utf8')) as { version?: string }).version ?? '?';
      } catch {
        return '?';
      }
    };
    databasesVersion = `${version('@ip-location-db/geo-whois-asn-country-mmdb')}+${version('@ip-location-db/asn')}`;
  }
  return databasesVersion;
}

/** Country and network owner of an address, offline; null when the text is not an IP address. */
export function lookupIp(raw: unknown): IpInfo | null {
  // the text as written first: a table of logins repeats the same few addresses (the lookup table is static, never invalidated)
  if (typeof raw === 'string') {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
  }
  const norm = normalizeIp(raw);
  if (!norm) return null;
  const hit = cache.get(norm.ip);
  if (hit !== undefined) {
    if (typeof raw === 'string') cache.set(raw, hit);
    return hit;
  }
  const v4 = norm.version === 4 ? ipv4ToNumber(norm.ip) : 0;
  const reserved = norm.version === 4 ? isReservedV4(v4) : isReserved(ipv6ToBig(norm.ip), 6);
  const info: IpInfo = { ip: norm.ip, version: norm.version, reserved, country: null, asn: null, org: null };
  if (!reserved) {
    try {
      const c = countryDb()?.get(norm.ip) as { country_code?: string } | null | undefined;
      info.country = c?.country_code ?? null;
    } catch {
      info.country = null;
    }
    const f = rangeFile(norm.version === 4 ? 'asn-ipv4-num.csv' : 'asn-ipv6-num.csv');
    if (f) {
      const r = findRange(f, norm.version === 4 ? BigInt(v4) : ipv6ToBig(norm.ip));
      if (r) {
        info.asn = r.asn;
        info.org = r.org;
      }
    }
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(norm.ip, info);
  if (typeof raw === 'string' && raw !== norm.ip) cache.set(raw, info);
  return info;
}
