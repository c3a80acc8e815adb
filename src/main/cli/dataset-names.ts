// Datasets as people name them on the command line: the id (watch_history) or the label in either
// language ("Watch history", "visningshistorik"), case, spaces, dashes and underscores aside. The
// import output shows labels, so what it shows can be typed back.
import { DATASET_IDS } from '../../shared/catalog';
import { CATALOGS, LANGS, type MessageKey, type Translator } from '../../shared/i18n';
import { UsageError, didYouMean } from './args';

const labelKey = (id: string) => `dataset.${id}` as MessageKey;

/** One spelling for comparing names: lower case, any run of spaces, "-" and "_" as one space. */
export const normalName = (s: string): string => s.trim().toLocaleLowerCase('sv').replace(/[\s_-]+/g, ' ');

let names: Map<string, string> | undefined;

/** Every accepted spelling → dataset id (built once, on first use). */
export function datasetNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const id of DATASET_IDS) {
    names.set(normalName(id), id);
    for (const lang of LANGS) {
      const label = CATALOGS[lang][labelKey(id)];
      if (label && !names.has(normalName(label))) names.set(normalName(label), id);
    }
  }
  return names;
}

/** The dataset id a typed name means; a usage error (with a near miss) when it means none. */
export function resolveDataset(text: string): string {
  const id = datasetNames().get(normalName(text));
  if (id) return id;
  const near = didYouMean(normalName(text), [...datasetNames().keys()]);
  const more = near.map((m) => ({ ...m, params: { suggestion: `"${String(m.params.suggestion)}"` } }));
  throw new UsageError('cli.usage.unknownDataset', { text }, [...more, { key: 'cli.usage.listDatasets' }]);
}

/** The dataset's label in the CLI's language (its id when the catalog has none). */
export function datasetLabel(tr: Translator, id: string): string {
  const key = labelKey(id);
  return tr.has(key) ? tr.t(key) : id;
}

/** "Watch history (watch_history)": what to read, and what to type. */
export function datasetNamed(tr: Translator, id: string): string {
  return tr.t('cli.named', { label: datasetLabel(tr, id), id });
}

/** "  Watch history   watch_history   5 records": the name to read, the id to type, in aligned columns. */
export function datasetColumns(tr: Translator, rows: [id: string, text: string][]): string[] {
  const labels = rows.map(([id]) => datasetLabel(tr, id));
  const width = Math.max(0, ...labels.map((l) => l.length));
  const idWidth = Math.max(0, ...rows.map(([id]) => id.length));
  return rows.map(([id, text], i) => `  ${labels[i]!.padEnd(width)}  ${id.padEnd(idWidth)}  ${text}`);
}
