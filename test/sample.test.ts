// The bundled sample export (resources/sample): small, deterministic, and importable.
// If the generator changes, rewrite it with `npm run fixtures -- sample`.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { SAMPLE, SAMPLE_DIR, sampleAccount, sampleFileName } from './fixtures/cli';
import { expectedCounts, renderJson, zipBytes } from './fixtures/json';
import { tempDir } from './helpers';

const samplePath = join(SAMPLE_DIR, sampleFileName());

describe('the bundled sample export', () => {
  it('is the only export in resources/sample, small, and what the generator writes', async () => {
    const exports = readdirSync(SAMPLE_DIR).filter((f) => /\.(zip|json|txt)$/i.test(f));
    expect(exports).toEqual([sampleFileName()]);
    expect(statSync(samplePath).size).toBeLessThan(100 * 1024);
    const regenerated = await zipBytes(renderJson(sampleAccount(), SAMPLE.layout), { jsonName: 'user_data_tiktok.json' });
    expect(regenerated.equals(readFileSync(samplePath)), 'run `npm run fixtures -- sample` to rewrite the sample').toBe(true);
  });

  it('imports through "try it with sample data" with the expected counts', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'footprint.db'), samplePath });
    try {
      const result = await service.importSample({});
      const counts = Object.fromEntries(Object.entries(result.datasets).map(([id, c]) => [id, c.records]));
      expect(counts).toEqual(expectedCounts(sampleAccount(), 'L4'));
      expect(result.snapshot.layout).toBe('L4');
      expect(result.snapshot.exportedAt).toBe('2026-05-20T12:00:00Z');
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(200);
      expect(total).toBeLessThan(1000);
      expect(result.datasets.messages!.records).toBeGreaterThan(0);
      // importing it again creates nothing
      expect((await service.importSample({})).alreadyImported).toBe(true);
    } finally {
      service.close();
    }
  });
});
