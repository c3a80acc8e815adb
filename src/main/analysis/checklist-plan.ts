// A person's checklist: the questionnaire hides the steps that do not apply to them, one step is
// offered as "do this first" (a long plan is daunting; one clear next step is not), and progress
// is counted per area.
import { AREAS, SEVERITIES, type Answers, type Area, type Condition, type MenuPath, type Platform, type Step, type StepState } from '../../shared/checklists';

/** Whether one condition of a step's notApplicableWhen holds: every field it names must match. */
export function conditionHolds(c: Condition, a: Answers): boolean {
  if (c.ageGroup && !c.ageGroup.includes(a.ageGroup)) return false;
  if (c.region && !c.region.includes(a.region)) return false;
  if (c.role && !c.role.includes(a.role)) return false;
  if (c.phone && !c.phone.includes(a.phone)) return false;
  if (c.usesDms !== undefined && c.usesDms !== a.usesDms) return false;
  if (c.parent !== undefined && c.parent !== (a.parent ?? false)) return false;
  return true;
}

/** A step applies unless one of its conditions holds. */
export function applies(item: { notApplicableWhen?: Condition[] }, a: Answers): boolean {
  return !(item.notApplicableWhen ?? []).some((c) => conditionHolds(c, a));
}

export interface PlannedStep {
  id: string;
  area: Area;
  severity: Step['severity'];
  state: StepState;
  /** the path for the person's phone, and the web's when there is one */
  path: MenuPath | null;
  webPath: MenuPath | null;
}

export interface AreaProgress {
  area: Area;
  done: number;
  skipped: number;
  needsAttention: number;
  /** applicable steps the person has not marked not-applicable */
  total: number;
}

export interface Plan {
  steps: PlannedStep[];
  /** ids the questionnaire hid */
  hidden: string[];
  /** the one step to do first, or null when nothing is left */
  first: string | null;
  progress: AreaProgress[];
}

const RANK = new Map(SEVERITIES.map((s, i) => [s, i])); // critical = 0

/**
 * The step to do first: the most severe one still open (todo or needs-attention). Ties go to a
 * step an export showed needs attention, then to content order (the content lists steps in the
 * order worth doing), so the choice never depends on anything else.
 */
export function doThisFirst(steps: readonly PlannedStep[]): string | null {
  const flagged = (s: PlannedStep): number => (s.state === 'needs-attention' ? 0 : 1);
  let best: PlannedStep | null = null;
  for (const step of steps) {
    if (step.state !== 'todo' && step.state !== 'needs-attention') continue;
    if (best === null) {
      best = step;
      continue;
    }
    const a = RANK.get(step.severity)!;
    const b = RANK.get(best.severity)!;
    // strictly better only: on a full tie the earlier step (content order) stays
    if (a < b || (a === b && flagged(step) < flagged(best))) best = step;
  }
  return best?.id ?? null;
}

export function progressByArea(steps: readonly PlannedStep[]): AreaProgress[] {
  return AREAS.map((area) => {
    const mine = steps.filter((s) => s.area === area && s.state !== 'not-applicable');
    return {
      area,
      done: mine.filter((s) => s.state === 'done').length,
      skipped: mine.filter((s) => s.state === 'skipped').length,
      needsAttention: mine.filter((s) => s.state === 'needs-attention').length,
      total: mine.length,
    };
  }).filter((p) => p.total > 0);
}

/** The checklist for these answers and the person's states (a step without a state is todo). */
export function planChecklist(steps: readonly Step[], answers: Answers, states: Readonly<Record<string, StepState>> = {}): Plan {
  const visible: PlannedStep[] = [];
  const hidden: string[] = [];
  const phone: Platform = answers.phone;
  for (const step of steps) {
    if (!applies(step, answers)) {
      hidden.push(step.id);
      continue;
    }
    visible.push({
      id: step.id,
      area: step.area,
      severity: step.severity,
      state: states[step.id] ?? 'todo',
      path: step.paths[phone] ?? null,
      webPath: step.paths.web ?? null,
    });
  }
  return { steps: visible, hidden, first: doThisFirst(visible), progress: progressByArea(visible) };
}
