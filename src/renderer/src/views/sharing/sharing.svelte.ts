// The Sharing page's data, kept outside the page so the nav entry can show how many apps are due
// for review on every page. One `sharing` answer (parties, apps, due ids) and the scope catalog;
// every change to the register reloads the first, so badge, list and parties agree. Before the
// page is first opened the badge asks `appsDue` alone: the parties of a large archive take a
// second to gather, and the window would wait for them on every start.
import type { OperationResults, SharingView } from '@shared/contract';
import { api } from '../../lib/api';
import { Loader } from '../../lib/loader.svelte';

class SharingState {
  readonly view = new Loader<SharingView>();
  /** the scopes and the catalog's guide (review interval, how to revoke, access needing no grant) */
  readonly catalog = new Loader<OperationResults['scopes']>();

  /** the due ids alone, for the badge until the page's answer is there */
  readonly dueOnly = new Loader<OperationResults['appsDue']>();

  /** apps due for review (the nav badge); 0 until the first answer */
  readonly due: number = $derived((this.view.value ?? this.dueOnly.value)?.dueForReview.length ?? 0);

  refresh(): Promise<void> {
    return this.view.load(() => api.sharing({}));
  }

  /** the badge's count when the archive opens or changes: the page's whole answer when it has one, else the due ids alone */
  refreshDue(): Promise<void> {
    return this.view.value ? this.refresh() : this.dueOnly.load(() => api.appsDue({}));
  }

  /** the catalog never changes while the app runs: asked once */
  loadCatalog(): void {
    if (!this.catalog.value && !this.catalog.loading) void this.catalog.load(() => api.scopes({}));
  }
}

export const sharing = new SharingState();
