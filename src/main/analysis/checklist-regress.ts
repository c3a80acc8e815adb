// What a newer export says about steps already decided: a step that was done in the previous
// verification and fails now flipped back (someone, or an app update, changed the setting), so it
// needs attention again and raises an alert. No sentences here: the alert is a code and parameters.
import type { StepState } from '../../shared/checklists';
import type { Verification } from './checklist-verify';

/** Worded by a door as `checklist.alert.<code>` with step = the step's title, value = observed. */
export const REGRESSION_ALERT = 'checklist-step-regressed' as const;

export interface RegressionAlert {
  code: typeof REGRESSION_ALERT;
  params: {
    stepId: string;
    /** the raw value the newer export holds */
    observed: string | null;
    previousObserved: string | null;
    snapshotId: number;
    previousSnapshotId: number;
  };
}

export interface Regression {
  stepId: string;
  state: 'needs-attention';
  alert: RegressionAlert;
}

/**
 * Steps done in `previous` that need attention in `current`. A step that became unknown is not a
 * regression: the newer export may simply not carry that key.
 */
export function findRegressions(previous: Verification, current: Verification): Regression[] {
  const before = new Map(previous.steps.map((s) => [s.stepId, s]));
  const out: Regression[] = [];
  for (const now of current.steps) {
    const then = before.get(now.stepId);
    if (then?.verdict !== 'done' || now.verdict !== 'needs-attention') continue;
    const failing = now.checks.find((c) => c.verdict === 'needs-attention');
    const was = then.checks.find((c) => c.key === failing?.key);
    out.push({
      stepId: now.stepId,
      state: 'needs-attention',
      alert: {
        code: REGRESSION_ALERT,
        params: {
          stepId: now.stepId,
          observed: failing?.observed ?? null,
          previousObserved: was?.observed ?? null,
          snapshotId: current.snapshotId,
          previousSnapshotId: previous.snapshotId,
        },
      },
    });
  }
  return out;
}

/**
 * The states a person's checklist should move to after a verification: an export that fails a
 * step overrides "done" and "todo" (needs attention); one that passes it marks todo and
 * needs-attention steps done. "skipped" and "not-applicable" are the person's call and stay.
 * Only steps whose state changes are returned.
 */
export function proposeStates(states: Readonly<Record<string, StepState>>, verification: Verification): Record<string, StepState> {
  const out: Record<string, StepState> = {};
  for (const v of verification.steps) {
    const state = states[v.stepId] ?? 'todo';
    if (state === 'skipped' || state === 'not-applicable') continue;
    if (v.verdict === 'needs-attention' && state !== 'needs-attention') out[v.stepId] = 'needs-attention';
    else if (v.verdict === 'done' && state !== 'done') out[v.stepId] = 'done';
  }
  return out;
}
