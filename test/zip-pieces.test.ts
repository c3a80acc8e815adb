// A ZIP entry inflated a piece at a time (zip.ts readZipEntryPieces), so that a 100 MB TXT file in a
// ZIP is never held whole: the pieces are exactly the entry's bytes, and a damaged or lying entry
// fails with the very error inflating it whole gives (CORRUPT_ZIP inflate/checksum, ZIP_BOMB).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { bufferBytes, listZip, readZipEntry, readZipEntryPieces, type ZipEntry } from '../src/main/reader/zip';
import { toApiError } from '../src/main/service/errors';

async function zipOf(content: Buffer, compression: 'STORE' | 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('TikTok/Comments.txt', content);
  return zip.generateAsync({ type: 'nodebuffer', compression, compressionOptions: { level: 6 } });
}

function pieces(zip: Buffer, entry: ZipEntry): { bytes: Buffer; count: number } {
  const parts: Buffer[] = [];
  readZipEntryPieces(bufferBytes(zip), entry, (p) => void parts.push(Buffer.from(p))); // a piece is valid during the call: copied
  return { bytes: Buffer.concat(parts), count: parts.length };
}

/** What a call ends with: its bytes, or its error as the API gives it. */
function outcome(read: () => Buffer): unknown {
  try {
    return { bytes: read().toString('base64') };
  } catch (e) {
    return toApiError(e);
  }
}

const fileEntry = (zip: Buffer): ZipEntry => listZip(zip).find((e) => !e.isDirectory)!;

describe('a ZIP entry inflated a piece at a time', () => {
  it('is the entry, given in pieces of at most 1 MiB (a 6 MB text is never one buffer)', async () => {
    const text = Buffer.from(Array.from({ length: 120_000 }, (_, i) => `Date: 2024-01-01 00:00:00\nComment: ${i} ${(i * 7919) % 104729}\n\n`).join(''));
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const zip = await zipOf(text, compression);
      const { bytes, count } = pieces(zip, fileEntry(zip));
      expect(bytes.equals(text)).toBe(true);
      expect(count).toBeGreaterThanOrEqual(Math.ceil(text.length / (1024 * 1024)));
    }
  });

  it('equals the whole-entry read for random contents, and fails as it does when a byte of the data is damaged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s.repeat(20)))),
        fc.constantFrom('STORE' as const, 'DEFLATE' as const),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (content, compression, where, flip) => {
          const zip = await zipOf(Buffer.from(content), compression);
          const entry = fileEntry(zip);
          expect(pieces(zip, entry).bytes.equals(readZipEntry(zip, entry))).toBe(true);
          if (entry.compressedSize === 0) return;
          // one byte of the entry's data damaged (the local header is 30 bytes + the name)
          const damaged = Buffer.from(zip);
          const dataStart = entry.localOffset + 30 + damaged.readUInt16LE(entry.localOffset + 26) + damaged.readUInt16LE(entry.localOffset + 28);
          const at = dataStart + (where % entry.compressedSize);
          damaged[at] = damaged[at]! ^ flip;
          expect(outcome(() => pieces(damaged, entry).bytes)).toEqual(outcome(() => readZipEntry(damaged, entry)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an entry that inflates past its declared size is a ZIP bomb, refused before the rest is inflated', async () => {
    const text = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `Comment: ${i} ${(i * 7919) % 104729}\n`).join(''));
    const zip = await zipOf(text, 'DEFLATE');
    const entry = { ...fileEntry(zip), size: 1_000_000 }; // the directory lies
    let given = 0;
    let err: unknown;
    try {
      readZipEntryPieces(bufferBytes(zip), entry, (p) => void (given += p.length));
    } catch (e) {
      err = e;
    }
    expect(toApiError(err)).toMatchObject({ code: 'ZIP_BOMB', params: { reason: 'overrun' } });
    expect(given).toBeLessThanOrEqual(1_000_000);
    expect(toApiError(err)).toEqual(outcome(() => readZipEntry(zip, entry)));
  });
});
