// Runs one import in a fresh process and prints its figures as JSON (peak RSS is this process's own).
// Modes: import (a new archive), floor (parse + bare inserts), covered (the archive's default facet
// fields covered first, as once its tables have been browsed: the import fills their values too).
import { createService } from '../src/main/service';
import { openExport, parseExport } from '../src/main/reader';
import { openDatabase } from '../src/main/store/db';
import { FACET_FIELDS } from '../src/main/service/explore';

function print(started: number, records: number, fresh?: number): void {
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ records, new: fresh, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

/** The floor: read and parse the same file, insert the same rows bare, in one transaction. */
function floor(exportPath: string, dbPath: string): number {
  const db = openDatabase(dbPath);
  db.exec('CREATE TABLE IF NOT EXISTS bare (dataset TEXT, data TEXT)');
  const insert = db.prepare('INSERT INTO bare (dataset, data) VALUES (?, ?)');
  let n = 0;
  db.transaction(() => {
    parseExport(openExport(exportPath).content).read({
        present: () => {},
        record: (dataset, fields) => void (insert.run(dataset, JSON.stringify(fields)), n++),
        value: () => {},
        unknown: () => {},
        warn: () => {},
      });
  })();
  db.close();
  return n;
}

async function main(): Promise<void> {
  const [, , exportPath, dbPath, mode] = process.argv as [string, string, string, string, string];
  if (mode === 'covered') {
    // an archive whose tables were browsed: every dataset's default facet fields covered (store/field-values.ts), so the import fills them too
    const s = createService({ dbPath });
    for (const [dataset, fields] of Object.entries(FACET_FIELDS)) await s.call('exploreFacets', { dataset, fields: [...fields] });
    s.close();
  }
  const started = performance.now();
  if (mode === 'floor') return print(started, floor(exportPath, dbPath));
  const service = createService({ dbPath });
  const r = await service.importExport({ path: exportPath });
  service.close();
  const all = Object.values(r.datasets);
  print(started, all.reduce((s, d) => s + d.records, 0), all.reduce((s, d) => s + d.new, 0));
}

void main();
