// What a door may ask before any archive is open: whether the file is encrypted (the CLI's
// `encrypt` refuses an encrypted one up front), and an export's structure (diagnose opens none).
export { isEncrypted } from '../vault/file-encryption';
export { diagnoseExport } from '../reader/diagnose';
