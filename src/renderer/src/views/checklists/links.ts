// Where a step's or a guide's link leads in the window, and the menu path for the person's phone.
import type { ChecklistLink, MenuPathView } from '@shared/contract';
import type { Route } from '../../lib/router.svelte';

export function linkRoute(link: ChecklistLink): Route {
  switch (link) {
    case 'sharing.register':
      return { page: 'sharing' };
    case 'sharing.before-authorize':
      return { page: 'sharing', section: 'preview' };
    case 'checklist.get-your-data':
      return { page: 'checklists', section: 'guides', guide: 'get-your-data' };
    case 'rights.deletion':
      return { page: 'checklists', section: 'rights', request: 'deletion' };
  }
}

type Platform = 'ios' | 'android' | 'web';

/** The path for the person's phone, else the web one, else the other phone's. */
export function pathFor(paths: Partial<Record<Platform, MenuPathView>>, phone: 'ios' | 'android'): { path: MenuPathView; platform: Platform } | null {
  const order: Platform[] = [phone, 'web', phone === 'ios' ? 'android' : 'ios'];
  const platform = order.find((p) => paths[p]);
  return platform ? { path: paths[platform]!, platform } : null;
}
