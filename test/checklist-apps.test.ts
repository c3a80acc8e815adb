// The checklist's "connected apps" evidence reads the register of authorized apps: an app with
// ongoing access counts until it is revoked; a one-time grant never does.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { smallExport, tempDir, writeJson } from './helpers';

describe('checklist evidence from the apps register', () => {
  it('counts the apps that can still pull data, by name, and drops one once revoked', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db'), today: () => '2026-06-01' });
    try {
      await service.importExport({ path: writeJson(dir, smallExport()) });
      const ongoingCount = async () => {
        const view = await service.checklist({});
        const evidence = view.checklists.flatMap((c) => c.steps).flatMap((s) => s.evidence).find((e) => e.kind === 'apps-with-ongoing-access');
        return evidence ? { count: evidence.params.count, items: evidence.items } : null;
      };
      expect(await ongoingCount()).toEqual({ count: 0, items: [] });
      const keeper = await service.addApp({ name: 'Archive Keeper', scopes: ['portability.activity.ongoing'], grantedOn: '2026-01-10' });
      await service.addApp({ name: 'Once Only', scopes: ['portability.activity.single'], grantedOn: '2026-01-11' });
      expect(await ongoingCount()).toEqual({ count: 1, items: ['Archive Keeper'] });
      await service.revokeApp({ id: keeper.id, on: '2026-05-01' });
      expect(await ongoingCount()).toEqual({ count: 0, items: [] });
    } finally {
      service.close();
    }
  });
});
