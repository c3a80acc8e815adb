// What the window shows of the checklists' content, as the contract's checklistContent: each step's
// why, trade-off and menu paths (each label with the other names TikTok has used for it), and the
// guides with the numbers their texts name. Message keys and numbers only; the door words them.
import type { ChecklistContentView, GuideView, MenuPathView, StepContentView } from '../../shared/contract';
import { guideFact, resolvePath, type Answers, type ChecklistContent, type MenuPath, type Platform } from '../../shared/checklists';
import { applies } from './checklist-plan';

function paths(ps: Partial<Record<Platform, MenuPath>> | undefined, variants: Record<string, string[]>): Partial<Record<Platform, MenuPathView>> {
  const out: Partial<Record<Platform, MenuPathView>> = {};
  for (const [platform, p] of Object.entries(ps ?? {}) as [Platform, MenuPath][]) out[platform] = { labels: resolvePath(p, variants), unconfirmed: p.unconfirmed === true };
  return out;
}

/**
 * The content for the window. `answers`: the questionnaire's (null: nothing is hidden);
 * `freshExportIntervalDays`: the person's interval, which the fresh-export guide names.
 */
export function contentView(c: ChecklistContent, answers: Answers | null, freshExportIntervalDays: number): ChecklistContentView {
  const steps: StepContentView[] = c.steps.map((s) => ({
    id: s.id,
    title: s.title,
    why: s.why,
    tradeoff: s.tradeoff,
    desired: s.desired,
    paths: paths(s.paths, c.labelVariants),
    link: s.link ?? null,
  }));
  const guides: GuideView[] = c.guides.map((g) => ({
    id: g.id,
    title: g.title,
    intro: g.intro,
    items: g.items.map((it) => ({
      id: it.id,
      title: it.title,
      body: it.body,
      params: Object.fromEntries(
        Object.entries(it.params ?? {}).map(([name, fact]) => [name, fact === 'freshExportIntervalDays' ? freshExportIntervalDays : guideFact(c.facts, fact)]),
      ),
      paths: paths(it.paths, c.labelVariants),
      link: it.link ?? null,
      applies: answers === null || applies(it, answers),
    })),
  }));
  return { steps, guides, facts: { ...c.facts, mayMissHours: [...c.facts.mayMissHours] } };
}
