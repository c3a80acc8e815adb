// What a newer export says about steps already decided: a step that was done in the previous
// verification and fails now flipped back (someone, or an app update, changed the setting), so it
// needs attention again and raises an alert. No sentences here: the alert is a code and parameters.
import type { StepState, Step, Vocabulary } from '../../shared/checklists';
import type { FoundAlert } from '../../shared/contract';
import { levelOf, verifySnapshot, type SettingsSnapshot, type Verification } from './checklist-verify';

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

/**
 * The diff's alerts for steps the older export verified and the newer one shows undone
 * (`setting-regressed` {step, key, from, to}): shown with the other alerts on the Changes page,
 * the timeline and `footprint diff`. key: the setting as the newer export names it.
 */
export function regressionAlerts(steps: readonly Step[], from: SettingsSnapshot, to: SettingsSnapshot, vocab: Vocabulary): FoundAlert[] {
  const later = verifySnapshot(steps, to, vocab);
  return findRegressions(verifySnapshot(steps, from, vocab), later).map((r) => {
    const failing = later.steps.find((s) => s.stepId === r.stepId)!.checks.find((c) => c.verdict === 'needs-attention');
    return {
      kind: 'setting-regressed',
      params: {
        step: r.stepId,
        key: failing?.foundKey ?? failing?.key ?? null,
        from: r.alert.params.previousObserved,
        to: r.alert.params.observed,
        // the values' meaning ('off', 'everyone', …), so doors word "Disabled" as the person's "Off"
        fromLevel: levelOf(r.alert.params.previousObserved, vocab),
        toLevel: levelOf(r.alert.params.observed, vocab),
      },
      evidence: { snapshotId: to.snapshotId, recordIds: [], at: to.exportedAt },
    };
  });
}
