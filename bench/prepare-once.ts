// Prepares an archive for browsing in a fresh process (import/prepare.ts), from nothing covered or
// from what is pending, and prints JSON: seconds, datasets prepared, peak RSS, covered values.
//   tsx bench/prepare-once.ts <db> [reset]   reset: uncover every field first, as a fresh archive
import { createService } from '../src/main/service';
import { prepareArchive } from '../src/main/import/prepare';

const [, , dbPath, mode] = process.argv as [string, string, string, string | undefined];
const service = createService({ dbPath });
if (mode === 'reset') service.db.exec('DELETE FROM record_values; DELETE FROM record_value_fields; DELETE FROM ip_places');
const started = performance.now();
const r = prepareArchive(service.db);
const seconds = (performance.now() - started) / 1000;
const values = service.db.prepare('SELECT count(*) FROM record_values').pluck().get() as number;
const fields = service.db.prepare('SELECT count(*) FROM record_value_fields').pluck().get() as number;
service.close();
process.stdout.write(JSON.stringify({ seconds, ...r, values, fields, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
