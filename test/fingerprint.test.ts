// Record fingerprints are stored in every archive: if what they hash, or how, ever changed, a
// re-import would no longer recognise a single record. These values were computed by the first
// release's implementation (the key text built as one string, then hashed).
import { describe, expect, it } from 'vitest';
import { datasetSpec } from '../src/shared/catalog';
import { recordFingerprint, recordKey, recordTime } from '../src/main/import/fingerprint';
import { hash128 } from '../src/main/import/hash128';
import type { RecordFields } from '../src/main/reader/sink';

const GOLDEN: [dataset: string, fields: RecordFields, fingerprint: [number, number]][] = [
  ['watch_history', { date: '2024-11-20 15:21:12', link: 'https://www.tiktokv.com/share/video/7438000000000000001/' }, [2715890399162728, 6118036145303937]],
  ['login_history', { date: '2024-11-20 15:21:12 UTC', ip: '10.0.0.1', deviceModel: 'iPhone14,4', networkType: 'Wi-Fi' }, [6338275440250363, 1743364324174096]],
  ['searches', { date: '2024-01-01 00:00:00', term: 'søk 🥺 ' }, [2075291019552900, 4688074960135457]],
  ['comments', { date: 1700000000, comment: 'hi', photo: 'x' }, [3601349196323130, 1326109392695812]],
];

describe('record fingerprints', () => {
  it.each(GOLDEN)('%s: the same fingerprint as the first release', (dataset, fields, expected) => {
    const spec = datasetSpec(dataset)!;
    expect(recordFingerprint(spec, fields, recordTime(spec, fields))).toEqual(expected);
    // hashing the identity text in parts is hashing it whole
    expect(hash128(recordKey(spec, fields))).toEqual(expected);
  });

  it('a keyed dataset ignores fields outside its key; time formats of the same instant agree', () => {
    const spec = datasetSpec('watch_history')!;
    const a = { date: '2024-11-20 15:21:12', link: 'https://x/1' };
    expect(recordFingerprint(spec, { ...a, extra: 'ignored' })).toEqual(recordFingerprint(spec, a));
    expect(recordFingerprint(spec, { ...a, date: '2024-11-20 15:21:12 UTC' })).toEqual(recordFingerprint(spec, a));
    expect(recordFingerprint(spec, { ...a, link: 'https://x/2' })).not.toEqual(recordFingerprint(spec, a));
  });
});
