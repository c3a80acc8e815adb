// The step texts the service does not send: the view names each step by id and title key; why,
// the trade-off and the menu paths come from the same content files the service reads
// (resources/checklists/), validated here by the same shared parser.
import { parseChecklistContent, resolvePath, type MenuPath, type Platform, type ResolvedLabel, type Step } from '@shared/checklists';
import hardening from '../../../../../resources/checklists/hardening.json';
import guides from '../../../../../resources/checklists/guides.json';
import rights from '../../../../../resources/checklists/rights.json';
import sources from '../../../../../resources/checklists/sources.json';
import vocabulary from '../../../../../resources/checklists/vocabulary.json';
import labels from '../../../../../resources/checklists/labels.json';

const content = parseChecklistContent({ hardening, guides, rights, sources, vocabulary, labels });
const steps = new Map<string, Step>(content.steps.map((s) => [s.id, s]));

export const stepContent = (id: string): Step | undefined => steps.get(id);

/** The menu path for the person's phone, else the web one; with each label's other names. */
export function stepPath(id: string, phone: Platform): { labels: ResolvedLabel[]; unconfirmed: boolean; platform: Platform } | null {
  const st = steps.get(id);
  if (!st) return null;
  const order: Platform[] = [phone, 'web', phone === 'ios' ? 'android' : 'ios'];
  const platform = order.find((p) => st.paths[p]);
  if (!platform) return null;
  const p = st.paths[platform] as MenuPath;
  return { labels: resolvePath(p, content.labelVariants), unconfirmed: p.unconfirmed === true, platform };
}
