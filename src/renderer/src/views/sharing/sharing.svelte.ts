// The Sharing page's register, kept outside the page so the nav entry can show how many apps are due
// for review on every page. One `listApps` answer (apps, due ids) and the scope catalog; every change
// to the register reloads the first, so badge and list agree. The parties are not here: the parties
// tab asks for them itself, a kind at a time (PartiesList.svelte), so no other tab carries them.
// Before the page is first opened the badge asks `appsDue` alone: the apps' exposure reads the
// archive, and the window would wait for it on every start.
import type { OperationResults } from '@shared/contract';
import { api } from '../../lib/api';
import { Loader } from '../../lib/loader.svelte';

class SharingState {
  readonly view = new Loader<OperationResults['listApps']>();
  /** the scopes and the catalog's guide (review interval, how to revoke, access needing no grant) */
  readonly catalog = new Loader<OperationResults['scopes']>();

  /** the due ids alone, for the badge until the register's answer is there */
  readonly dueOnly = new Loader<OperationResults['appsDue']>();

  /** apps due for review (the nav badge); 0 until the first answer */
  readonly due: number = $derived((this.view.value ?? this.dueOnly.value)?.dueForReview.length ?? 0);

  refresh(): Promise<void> {
    return this.view.load(() => api.listApps({}));
  }

  /** the badge's count when the archive opens or changes: the register's whole answer when it has one, else the due ids alone */
  refreshDue(): Promise<void> {
    return this.view.value ? this.refresh() : this.dueOnly.load(() => api.appsDue({}));
  }

  /** the catalog never changes while the app runs: asked once */
  loadCatalog(): void {
    if (!this.catalog.value && !this.catalog.loading) void this.catalog.load(() => api.scopes({}));
  }
}

export const sharing = new SharingState();
