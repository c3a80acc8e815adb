// Whose word wins when an export is verified: the export's verdict moves todo/done/needs-attention,
// never skipped or not-applicable, never a confirmation the person made after the export, never a
// decision from a newer export; an unreadable setting changes nothing.
import { describe, expect, it } from 'vitest';
import { decideFromVerification, type CurrentDecision } from '../src/main/analysis/checklist-decide';
import type { Verification } from '../src/main/analysis/checklist-verify';

const T = Date.UTC(2026, 0, 10);
const NOW = Date.UTC(2026, 0, 20);

function verification(verdicts: Record<string, 'done' | 'needs-attention' | 'unknown'>, snapshotId = 2): Verification {
  return {
    snapshotId,
    exportedAt: T,
    steps: Object.entries(verdicts).map(([stepId, verdict]) => ({
      stepId,
      verdict,
      checks: [{ key: 'K', foundKey: verdict === 'unknown' ? null : 'K', observed: verdict === 'done' ? 'On' : verdict === 'unknown' ? null : 'Off', level: null, verdict }],
    })),
  };
}

const by = (decidedBy: CurrentDecision['decidedBy'], status: CurrentDecision['status'], at: number, snapshotId: number | null = null): CurrentDecision => ({
  status,
  decidedBy,
  snapshotId,
  exportedAt: decidedBy === 'snapshot' ? at : null,
  decidedAt: at,
});

describe('decideFromVerification', () => {
  it('decides undecided steps from the export, with the value that decided them', () => {
    const out = decideFromVerification({}, verification({ a: 'done', b: 'needs-attention', c: 'unknown' }), T, NOW);
    expect(out).toEqual([
      { stepId: 'a', status: 'done', decidedBy: 'snapshot', observed: 'On', snapshotId: 2, exportedAt: T, decidedAt: NOW },
      { stepId: 'b', status: 'needs-attention', decidedBy: 'snapshot', observed: 'Off', snapshotId: 2, exportedAt: T, decidedAt: NOW },
    ]);
  });

  it('leaves skipped and not-applicable alone, and a confirmation made after the export', () => {
    const current = {
      a: by('user', 'skipped', T - 1),
      b: by('user', 'not-applicable', T - 1),
      c: by('user', 'done', T + 1),
      d: by('user', 'done', T - 1),
    };
    const out = decideFromVerification(current, verification({ a: 'needs-attention', b: 'needs-attention', c: 'needs-attention', d: 'needs-attention' }), T, NOW);
    expect(out.map((d) => [d.stepId, d.status])).toEqual([['d', 'needs-attention']]);
  });

  it('an older export does not overrule a newer one; the same export and verdict writes nothing', () => {
    const current = { a: by('snapshot', 'done', T + 86_400_000, 3), b: by('snapshot', 'done', T, 2), c: by('snapshot', 'done', T - 86_400_000, 1) };
    const out = decideFromVerification(current, verification({ a: 'needs-attention', b: 'done', c: 'needs-attention' }), T, NOW);
    expect(out.map((d) => [d.stepId, d.status, d.snapshotId])).toEqual([['c', 'needs-attention', 2]]);
  });
});
