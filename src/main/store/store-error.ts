// The store's failures, in a module of their own so that code on other threads can name them
// without loading the database driver.
export class StoreError extends Error {
  constructor(
    // DB_LOCKED: encrypted, and no or a wrong passphrase/key. The rest: see store/cipher.ts.
    readonly code: 'DB_NEWER' | 'DB_UNREADABLE' | 'DB_LOCKED' | 'DB_NOT_ENCRYPTED' | 'DB_ENCRYPTED' | 'DB_BUSY' | 'BAD_PASSPHRASE' | 'NO_KEYCHAIN',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
