// The archive as the window knows it: the snapshots, the import in progress and the last message
// (import finished, error…). Pages read it; only these functions change it.
import type { ImportProgress, ImportResult, SnapshotSummary } from '@shared/contract';
import { api, onImportProgress, pathForFile } from './api';
import { t } from './i18n.svelte';
import { errorCode, errorText, errorTitle } from './words';

export interface Message {
  kind: 'success' | 'error' | 'info' | 'warn';
  /** worded when shown, so a language switch rewords it too */
  title: () => string;
  text: () => string;
  /** a failed import: the window offers to open another export */
  openAnother?: boolean;
  /** when it was shown: a notice goes when the user moves on to another page (Shell.svelte) */
  at: number;
}

class Archive {
  loaded = $state(false);
  loadError = $state<unknown>(null);
  snapshots = $state<SnapshotSummary[]>([]);
  /** bumped on every change to the snapshots, so pages that derive from them reload */
  version = $state(0);
  importing = $state(false);
  progress = $state<ImportProgress | null>(null);
  importSource = $state('');
  message = $state<Message | null>(null);

  /** the most recently imported snapshot (what #/overview shows) */
  get latestId(): number | null {
    return this.snapshots.reduce<number | null>((m, s) => (m === null || s.id > m ? s.id : m), null);
  }

  async refresh(): Promise<void> {
    try {
      this.snapshots = await api.listSnapshots({});
      this.loadError = null;
    } catch (e) {
      this.loadError = e;
      this.fail(e, () => t('window.archive.readFailed'));
    } finally {
      this.version++;
      this.loaded = true;
    }
  }

  fail(e: unknown, context?: () => string): void {
    this.message = {
      kind: errorCode(e) === 'CANCELLED' ? 'info' : 'error',
      title: () => errorTitle(e, 'general', context?.()),
      text: () => errorText(e),
      at: Date.now(),
    };
  }

  /** An import that did not finish: the file's name, why, and (unless cancelled) "open another". */
  #failImport(e: unknown, file: string): void {
    const cancelled = errorCode(e) === 'CANCELLED';
    this.message = {
      kind: cancelled ? 'info' : 'error',
      title: () => errorTitle(e, 'general', t('window.import.failed')),
      text: () => (cancelled ? errorText(e) : `${t('window.import.failedFile', { file })} ${errorText(e)}`),
      openAnother: !cancelled,
      at: Date.now(),
    };
  }

  /** Runs an import; resolves to the new (or already imported) snapshot's id, or null. */
  async #run(label: string, work: () => Promise<ImportResult>): Promise<number | null> {
    if (this.importing) return null;
    this.importing = true;
    this.importSource = label;
    this.progress = null;
    this.message = null;
    try {
      const r = await work();
      await this.refresh();
      this.message = summary(r);
      return r.snapshot.id;
    } catch (e) {
      this.#failImport(e, label);
      return null;
    } finally {
      this.importing = false;
      this.progress = null;
    }
  }

  async openExport(kind: 'file' | 'folder'): Promise<number | null> {
    if (this.importing) return null;
    try {
      const { path } = await api.chooseExport({ kind });
      return path ? await this.#run(baseName(path), () => api.importExport({ path })) : null;
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  importSample(): Promise<number | null> {
    return this.#run(t('window.import.sampleSource'), () => api.importSample({}));
  }

  importDropped(file: File): Promise<number | null> {
    const path = pathForFile(file);
    if (!path) {
      this.message = { kind: 'error', title: () => t('window.drop.failed.title'), text: () => t('window.drop.failed.text'), openAnother: true, at: Date.now() };
      return Promise.resolve(null);
    }
    return this.#run(file.name || baseName(path), () => api.importExport({ path }));
  }

  async cancelImport(): Promise<void> {
    try {
      await api.cancelImport({});
    } catch (e) {
      this.fail(e);
    }
  }

  async deleteSnapshot(id: number): Promise<boolean> {
    try {
      await api.deleteSnapshot({ id });
      await this.refresh();
      this.message = { kind: 'info', title: () => t('window.snapshot.deleted.title'), text: () => t('window.snapshot.deleted.text', { id }), at: Date.now() };
      return true;
    } catch (e) {
      this.fail(e, () => t('window.snapshot.deleteFailed'));
      return false;
    }
  }

  /** Starts listening for import progress; returns the stop function. */
  listen(): () => void {
    return onImportProgress((p) => {
      if (this.importing) this.progress = p;
    });
  }
}

const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

function summary(r: ImportResult): Message {
  const id = r.snapshot.id;
  if (r.alreadyImported) return { kind: 'info', title: () => t('window.import.already.title'), text: () => t('window.import.already.text', { id }), at: Date.now() };
  const datasets = Object.values(r.datasets);
  const counts = {
    datasets: datasets.filter((d) => d.records > 0).length,
    records: datasets.reduce((n, d) => n + d.records, 0),
    fresh: datasets.reduce((n, d) => n + d.new, 0),
    unknown: r.unknownSections.length,
  };
  return {
    kind: 'success',
    title: () => t('window.import.done.title'),
    text: () =>
      t('window.import.done.text', counts) +
      (counts.unknown ? ' ' + t('window.import.done.unknown', { n: counts.unknown }) : '') +
      (r.unknownSectionsDropped ? ' ' + t('window.import.done.unknownDropped', { n: r.unknownSectionsDropped.count }) : ''),
    at: Date.now(),
  };
}

export const archive = new Archive();
