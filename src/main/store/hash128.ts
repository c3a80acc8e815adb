// A fast non-cryptographic 128-bit string hash (cyrb128 by bryc, public domain) for record
// fingerprints. SHA-256 cost ~1 µs a record, most of a million-record import's budget; record identity
// needs collision resistance against accidents, not adversaries, and 128 bits gives that.
export function hash128(str: string): Buffer {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0, k: number; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const out = Buffer.allocUnsafe(16);
  out.writeUInt32LE(h1 >>> 0, 0);
  out.writeUInt32LE(h2 >>> 0, 4);
  out.writeUInt32LE(h3 >>> 0, 8);
  out.writeUInt32LE(h4 >>> 0, 12);
  return out;
}
