// What the rest of the app needs to know of the OS-kept device key, apart from how it is kept
// (device-key.ts): file-level encryption takes a store without depending on its implementation.

export type KeychainAvailability =
  | { available: true; backend: string }
  | { available: false; reason: 'basic_text' | 'unavailable' | 'not_ready' };

export interface DeviceKeyStore {
  availability(): Promise<KeychainAvailability>;
  /** the stored keys, newest first ([] when there is no file or nothing in it decrypts) */
  load(): Promise<Buffer[]>;
  /** a new random key, stored (before the older ones) before it is returned */
  create(): Promise<Buffer>;
  /** keep only this key (after the database was successfully keyed with it) */
  commit(key: Uint8Array): Promise<void>;
  /** forget this key (a re-key with it failed) */
  discard(key: Uint8Array): Promise<void>;
  /** delete the key file (the database no longer uses a device key) */
  clear(): Promise<void>;
}
