// One set of limits for every container (a bare file, a folder, a ZIP), checked from sizes before
// a byte is read: the same export must not be accepted as a folder and refused as a ZIP, and no
// container may make us read more than this however it lies.

/** any one file of an export (the largest real TikTok JSON seen is a few hundred MiB) */
export const MAX_ONE_FILE_BYTES = 1024 ** 3;
/** all the files of an export together (ZIP: what its entries unpack to) */
export const MAX_EXPORT_BYTES = 2 * 1024 ** 3;
/** files in a folder or ZIP */
export const MAX_FILES = 20_000;
/** folders walked; past this the rest is skipped and counted (an export has a few dozen) */
export const MAX_FOLDERS = 20_000;
/** folder depth below the one picked; deeper folders are skipped and counted (an export has 4) */
export const MAX_DEPTH = 16;

export const MiB = 1024 ** 2;

/** Unknown sections and warnings an import keeps at most; past either, one warning sums up the rest. */
export const MAX_UNKNOWN_SECTIONS = 1_000;
export const MAX_UNKNOWN_BYTES = 256 * MiB;
export const MAX_WARNINGS = 1_000;
