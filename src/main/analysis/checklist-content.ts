// The checklists' content, read from resources/checklists/ and validated once at load: a broken
// file fails at start-up (and in test/checklist-content.test.ts), never halfway through a page.
// It lives here, not in src/shared, because src/shared may import nothing outside itself.
import { parseChecklistContent, type ChecklistContent } from '../../shared/checklists';
import hardening from '../../../resources/checklists/hardening.json';
import guides from '../../../resources/checklists/guides.json';
import rights from '../../../resources/checklists/rights.json';
import sources from '../../../resources/checklists/sources.json';
import vocabulary from '../../../resources/checklists/vocabulary.json';
import labels from '../../../resources/checklists/labels.json';

export const CHECKLIST_CONTENT: ChecklistContent = parseChecklistContent({ hardening, guides, rights, sources, vocabulary, labels });
