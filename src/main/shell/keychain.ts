// Electron glue for the device key (the only file here that imports electron). Everything else,
// the key-file format and the choice between device key and passphrase, is in ../vault/device-key.ts
// and tested in plain Node. Call these only after app.whenReady(): before it, safeStorage cannot
// tell which backend it uses (Linux reports 'unknown') and encryption is not available.
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { createKeyStore, type DeviceKeyStore } from '../vault/device-key';

export const KEY_FILE = 'footprint.key';

/** The device-key store in userData, protected by the OS keychain through safeStorage. */
export function deviceKeyStore(): DeviceKeyStore {
  return createKeyStore(safeStorage, join(app.getPath('userData'), KEY_FILE));
}

