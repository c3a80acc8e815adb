// A fast non-cryptographic 128-bit string hash (cyrb128 by bryc, public domain) for record
// fingerprints, returned as two 53-bit integers: exact as JavaScript numbers and as SQLite
// INTEGERs, so the importer can load and compare a million of them without allocating buffers.
// Record identity needs collision resistance against accidents, not adversaries: 106 bits is ample.
// Text can be fed in parts: hashing "ab" and hashing "a" then "b" give the same result, so a
// record's identity text never has to be built as one string.
export type Fingerprint = [hi: number, lo: number];

const TWO_21 = 2 ** 21;

export class Hash128 {
  private h1 = 1779033703;
  private h2 = 3144134277;
  private h3 = 1013904242;
  private h4 = 2773480762;

  update(str: string): this {
    let { h1, h2, h3, h4 } = this;
    for (let i = 0, k: number; i < str.length; i++) {
      k = str.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
    return this;
  }

  digest(): Fingerprint {
    let { h1, h2, h3, h4 } = this;
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    return [(h1 >>> 0) * TWO_21 + ((h2 >>> 0) >>> 11), (h3 >>> 0) * TWO_21 + ((h4 >>> 0) >>> 11)];
  }
}

export function hash128(str: string): Fingerprint {
  return new Hash128().update(str).digest();
}
