// The one error type an import may end with: a stable code for programs, a human sentence for people.
export type ImportErrorCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'EMPTY_FILE'
  | 'NOT_ZIP'
  | 'CORRUPT_ZIP'
  | 'ZIP_BOMB'
  | 'UNSAFE_ZIP'
  | 'ENCRYPTED_ZIP'
  | 'NOT_JSON'
  | 'NOT_TIKTOK'
  | 'NO_EXPORT_IN_FOLDER'
  | 'TOO_LARGE'
  | 'CANCELLED';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** What a cancelled import ends with, wherever it stopped. */
export function cancelledImport(): ImportError {
  return new ImportError('CANCELLED', 'The import was cancelled; nothing was changed.');
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
