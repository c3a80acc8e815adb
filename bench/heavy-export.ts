// The real-sized export the benches import: a heavy account (test/fixtures/heavy-account.ts) as the
// ZIP TikTok sends, with its size and record count so every figure can be printed beside them.
import { mkdirSync, statSync } from 'node:fs';
import { heavyAccount } from '../test/fixtures/heavy-account';
import { expectedCounts, exportEpoch, jsonText, renderJson, writeZip } from '../test/fixtures/json';

export interface HeavyExport {
  zip: string;
  zipBytes: number;
  /** the user_data_tiktok.json inside */
  jsonBytes: number;
  /** distinct records and values an import should report */
  records: number;
  /** one line for the bench's output */
  describe: string;
}

export async function writeHeavyExport(dir: string): Promise<HeavyExport> {
  mkdirSync(dir, { recursive: true });
  const account = heavyAccount();
  const doc = renderJson(account, 'L4');
  // deterministic, so rewriting it each run costs well under a second and never goes stale
  const zip = await writeZip(doc, dir, { epoch: exportEpoch(account), jsonName: 'user_data_tiktok.json' });
  const jsonBytes = Buffer.byteLength(jsonText(doc));
  const records = Object.values(expectedCounts(account, 'L4')).reduce((a, b) => a + b, 0);
  const zipBytes = statSync(zip).size;
  const describe = `${(jsonBytes / 1e6).toFixed(1)} MB JSON (ZIP ${(zipBytes / 1e6).toFixed(1)} MB), ${records.toLocaleString('en')} records`;
  return { zip, zipBytes, jsonBytes, records, describe };
}
