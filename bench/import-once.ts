// Runs one import in a fresh process and prints its figures as JSON (peak RSS is this process's own).
import { createService } from '../src/main/service';
import { openExport, parseExport } from '../src/main/reader';
import { openDatabase } from '../src/main/store/db';

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
  const started = performance.now();
  if (mode === 'floor') return print(started, floor(exportPath, dbPath));
  const service = createService({ dbPath });
  const r = await service.importExport({ path: exportPath });
  service.close();
  const all = Object.values(r.datasets);
  print(started, all.reduce((s, d) => s + d.records, 0), all.reduce((s, d) => s + d.new, 0));
}

void main();
