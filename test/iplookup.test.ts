// The offline IP lookup's fast paths (analysis/iplookup.ts): IPv4 reserved ranges checked in plain
// numbers, the text-as-written cache, and ASN ranges parsed once per 4 KB stretch, all answer as
// a fresh lookup does.
import { describe, expect, it } from 'vitest';
import { closeIpDatabases, lookupIp } from '../src/main/analysis/iplookup';

describe('IP lookup', () => {
  it('reserved IPv4 ranges end exactly where they should', () => {
    const reserved: [string, boolean][] = [
      ['0.0.0.0', true], ['0.255.255.255', true], ['1.0.0.0', false],
      ['9.255.255.255', false], ['10.0.0.0', true], ['10.255.255.255', true], ['11.0.0.0', false],
      ['100.63.255.255', false], ['100.64.0.0', true], ['100.127.255.255', true], ['100.128.0.0', false],
      ['172.15.255.255', false], ['172.16.0.0', true], ['172.31.255.255', true], ['172.32.0.0', false],
      ['192.167.255.255', false], ['192.168.0.1', true], ['192.169.0.0', false],
      ['198.17.255.255', false], ['198.18.0.0', true], ['198.19.255.255', true], ['198.20.0.0', false],
      ['223.255.255.255', false], ['224.0.0.0', true], ['255.255.255.255', true],
      ['::ffff:10.1.2.3', true], ['fe80::1', true], ['2001:db8::1', true], ['2001:4860:4860::8888', false],
    ];
    for (const [ip, want] of reserved) expect(lookupIp(ip)?.reserved, ip).toBe(want);
  });

  it('cached and block-read answers are those of a fresh lookup, in any order', () => {
    const ips = Array.from({ length: 80 }, (_, i) => `${1 + ((i * 37) % 222)}.${(i * 91) % 256}.${(i * 13) % 256}.${i % 256}`).filter((ip) => !lookupIp(ip)!.reserved);
    closeIpDatabases();
    const fresh = ips.map((ip) => {
      closeIpDatabases(); // nothing kept: every table read anew
      return lookupIp(ip);
    });
    closeIpDatabases();
    expect(ips.map((ip) => lookupIp(ip))).toEqual(fresh);
    expect([...ips].reverse().map((ip) => lookupIp(ip))).toEqual([...fresh].reverse());
    // the same address written another way is the same answer
    expect(lookupIp(' 8.8.8.8 ')).toEqual(lookupIp('8.8.8.8'));
    expect(lookupIp('[::ffff:8.8.8.8]:443')).toEqual(lookupIp('8.8.8.8'));
    expect(fresh.filter((r) => r?.asn !== null).length).toBeGreaterThan(ips.length / 2);
    closeIpDatabases();
  });
});
