// Messages of the sharing area. Keys: see ./index.ts. Swedish is written as Swedish privacy texts
// read, not word for word.
export const en = {} as const;

export const sv: Record<keyof typeof en, string> = {};
