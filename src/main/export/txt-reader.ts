// TXT exports: placeholder until the TXT reader lands (issue 3); no TXT export is recognised yet.
import type { ExportSink } from './sink';
import type { SourceEntry } from './source';

export function findTxtExport(_entries: SourceEntry[]): SourceEntry[] | undefined {
  return undefined;
}

export function txtContentHash(_entries: SourceEntry[]): string {
  throw new Error('TXT exports are not supported yet');
}

export function readTxtExport(_entries: SourceEntry[], _sink: ExportSink): { layout: string } {
  throw new Error('TXT exports are not supported yet');
}
