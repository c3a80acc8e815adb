// A stand-in for Electron's safeStorage (same method names, an in-memory "OS" key), and the
// device-key stores built on it: a working keychain, or Linux with only the basic_text backend.
// Used by test/unlock.test.ts and the e2e harness.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createKeyStore, type DeviceKeyStore, type SafeStorageLike } from '../../src/main/vault/device-key';

/** The "OS" side of the stand-in: AES-GCM under a key only this fake machine has, in Chromium's v10 framing. */
export function fakeOsCipher(osKey: Buffer): { enc: (text: string) => Buffer; dec: (buf: Buffer) => string } {
  return {
    enc: (text) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([Buffer.from('v10'), iv, c.getAuthTag(), body]);
    },
    dec: (buf) => {
      if (buf.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const d = createDecipheriv('aes-256-gcm', osKey, buf.subarray(3, 15));
      d.setAuthTag(buf.subarray(15, 31));
      return Buffer.concat([d.update(buf.subarray(31)), d.final()]).toString('utf8');
    },
  };
}

export function fakeSafeStorage(o: { backend?: string; osKey?: Buffer } = {}): SafeStorageLike {
  const osKey = o.osKey ?? randomBytes(32);
  const backend = o.backend ?? 'gnome_libsecret';
  const available = backend !== 'basic_text';
  const { enc, dec } = fakeOsCipher(osKey);
  return {
    isEncryptionAvailable: () => available,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (t) => enc(t),
    decryptStringAsync: async (b) => ({ result: dec(b), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => backend,
  };
}

/** A device-key store in `file`: a working keychain ('keychain') or none ('basic_text', as on Linux without a keyring). */
export function fakeKeyStore(file: string, kind: 'keychain' | 'basic_text', osKey?: Buffer): DeviceKeyStore {
  return createKeyStore(fakeSafeStorage({ backend: kind === 'keychain' ? 'gnome_libsecret' : 'basic_text', osKey }), file, 'linux');
}
