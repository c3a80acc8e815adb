// The Sharing page's data, kept outside the page so the nav entry can show how many apps are due
// for review on every page. One `sharing` answer (parties, apps, due ids) and the scope catalog;
// every change to the register reloads the first, so badge, list and parties agree.
import type { OperationResults, SharingView } from '@shared/contract';
import { api } from '../../lib/api';
import { Loader } from '../../lib/loader.svelte';

class SharingState {
  readonly view = new Loader<SharingView>();
  /** the scopes and the catalog's guide (review interval, how to revoke, access needing no grant) */
  readonly catalog = new Loader<OperationResults['scopes']>();

  /** apps due for review (the nav badge); 0 until the first answer */
  readonly due: number = $derived(this.view.value?.dueForReview.length ?? 0);

  refresh(): Promise<void> {
    return this.view.load(() => api.sharing({}));
  }

  /** the catalog never changes while the app runs: asked once */
  loadCatalog(): void {
    if (!this.catalog.value && !this.catalog.loading) void this.catalog.load(() => api.scopes({}));
  }
}

export const sharing = new SharingState();
