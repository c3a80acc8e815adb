// Which step states an export's verification may change, and to what. proposeStates says what the
// export means; this adds whose word is newer: a person's confirmation made after the export was
// generated is not overruled by that export (it lags), and an export never overrules a decision
// taken from a newer export. "skipped" and "not-applicable" are the person's call and stay.
import type { StepState } from '../../shared/checklists';
import type { Verification } from './checklist-verify';

export interface CurrentDecision {
  status: StepState;
  decidedBy: 'snapshot' | 'user' | null;
  snapshotId: number | null;
  exportedAt: number | null;
  decidedAt: number | null;
}

export interface Decision {
  stepId: string;
  status: StepState;
  decidedBy: 'snapshot';
  observed: string | null;
  snapshotId: number;
  exportedAt: number | null;
  decidedAt: number;
}

/**
 * The decisions an export's verification makes. `exportTime`: when the export was made (import time
 * when unknown). A step the export cannot read (unknown) keeps its state.
 */
export function decideFromVerification(
  current: Readonly<Record<string, CurrentDecision>>,
  verification: Verification,
  exportTime: number,
  now: number,
): Decision[] {
  const out: Decision[] = [];
  for (const v of verification.steps) {
    if (v.verdict === 'unknown') continue;
    const cur = current[v.stepId];
    if (cur?.status === 'skipped' || cur?.status === 'not-applicable') continue;
    if (cur?.decidedBy === 'user' && (cur.decidedAt ?? 0) > exportTime) continue;
    if (cur?.decidedBy === 'snapshot') {
      if ((cur.exportedAt ?? -Infinity) > exportTime) continue;
      if (cur.snapshotId === verification.snapshotId && cur.status === v.verdict) continue;
    }
    // the value that decided it: the failing check's, else the first the export had
    const deciding = v.checks.find((c) => c.verdict === v.verdict && c.foundKey !== null) ?? v.checks.find((c) => c.foundKey !== null);
    out.push({
      stepId: v.stepId,
      status: v.verdict,
      decidedBy: 'snapshot',
      observed: deciding?.observed ?? null,
      snapshotId: verification.snapshotId,
      exportedAt: verification.exportedAt,
      decidedAt: now,
    });
  }
  return out;
}
