// Runs one import in a fresh process and prints its figures as JSON (peak RSS is this process's own).
// Modes: import (a new archive, or into the one there), floor (parse + bare inserts).
// `seconds` is the import as the desktop app's worker runs it, up to the result the window shows;
// `prepareSeconds` the preparation for browsing the worker then does in the background
// (import/prepare.ts: every field of every dataset covered in the field values' index).
import { createService } from '../src/main/service';
import { openExport, parseExport } from '../src/main/reader';
import { openDatabase } from '../src/main/store/db';
import { importExport } from '../src/main/import/run';
import { prepareArchive } from '../src/main/import/prepare';

function print(seconds: number, records: number, fresh?: number, prepareSeconds?: number): void {
  process.stdout.write(JSON.stringify({ records, new: fresh, seconds, prepareSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
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
  if (mode === 'floor') {
    const started = performance.now();
    const n = floor(exportPath, dbPath);
    return print((performance.now() - started) / 1000, n);
  }
  const service = createService({ dbPath });
  const started = performance.now();
  const r = importExport(service.db, exportPath);
  const imported = performance.now();
  prepareArchive(service.db);
  const prepareSeconds = (performance.now() - imported) / 1000;
  service.close();
  const all = Object.values(r.datasets);
  print((imported - started) / 1000, all.reduce((s, d) => s + d.records, 0), all.reduce((s, d) => s + d.new, 0), prepareSeconds);
}

void main();
