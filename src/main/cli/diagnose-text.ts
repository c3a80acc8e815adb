// `footprint diagnose` for a terminal, in the CLI's language. The report holds names, types and
// counts only (the reader made it so); this file only words it.
import type { DiagnoseReport, DiagnoseShape } from '../../shared/contract';
import type { MessageKey, Translator } from '../../shared/i18n';
import { warningText, type CliError } from './words';

function typeName(tr: Translator, type: string): string {
  const key = `cli.diagnose.type.${type}` as MessageKey;
  return tr.has(key) ? tr.t(key) : type;
}

function typesText(tr: Translator, types: Record<string, number>): string {
  const entries = Object.entries(types);
  if (entries.length === 1 && entries[0]![1] === 1) return typeName(tr, entries[0]![0]);
  return entries.map(([t, n]) => `${typeName(tr, t)} ×${tr.number(n)}`).join(', ');
}

function shapeLines(tr: Translator, shape: DiagnoseShape, name: string, indent: string, out: string[]): void {
  let head = `${indent}${name}: ${typesText(tr, shape.types)}`;
  if (shape.keys) {
    const keys = tr.t('cli.diagnose.keys', { n: Object.keys(shape.keys).length });
    head += `  {${keys}${shape.hiddenKeys ? `, ${tr.t('cli.diagnose.hidden', { n: shape.hiddenKeys })}` : ''}}`;
  }
  if (shape.items) {
    head += `  [${
      shape.lists === 1
        ? tr.t('cli.diagnose.items', { n: shape.length ?? 0 })
        : tr.t('cli.diagnose.lists', { lists: shape.lists ?? 0, items: shape.length ?? 0, longest: shape.maxLength ?? 0 })
    }]`;
  }
  if (shape.deeper) head += `  (${tr.t('cli.diagnose.deeper', { n: shape.deeper })})`;
  out.push(head);
  for (const [k, v] of Object.entries(shape.keys ?? {})) shapeLines(tr, v, k, `${indent}  `, out);
  if (shape.items && (shape.items.keys || shape.items.items)) shapeLines(tr, shape.items, tr.t('cli.diagnose.item'), `${indent}  `, out);
}

/** The report as text; `error` is the report's import error, already worded by the caller. */
export function diagnoseText(tr: Translator, r: DiagnoseReport, error: CliError | null): string {
  const out: string[] = [tr.t('cli.diagnose.title'), ''];
  out.push(tr.t('cli.diagnose.container', { container: tr.t(`cli.diagnose.kind.${r.container}`), n: r.files.length + r.moreFiles }));
  for (const f of r.files) out.push(`  ${f}`);
  if (r.moreFiles) out.push(`  ${tr.t('cli.diagnose.moreFiles', { n: r.moreFiles })}`);
  const others = Object.entries(r.otherFiles).map(([ext, n]) => (ext === '(none)' ? tr.t('cli.diagnose.otherNoExt', { n }) : tr.t('cli.diagnose.otherExt', { n, ext })));
  if (others.length) out.push(tr.t('cli.diagnose.otherFiles', { list: others.join(', ') }));
  const format = r.format ?? tr.t('cli.diagnose.notRecognised');
  out.push(r.layout ? tr.t('cli.diagnose.formatLayout', { format, layout: r.layout }) : tr.t('cli.diagnose.format', { format }));
  if (error) out.push(tr.t('cli.diagnose.wouldFail', { code: error.code, text: error.message }));
  out.push('', tr.t('cli.diagnose.datasets', { n: r.datasets.length }));
  for (const d of r.datasets) {
    const count = d.values ? tr.t('cli.values', { n: d.values }) : tr.t('cli.records', { n: d.records });
    out.push(`  ${d.id.padEnd(26)} ${count}  ${tr.t('cli.diagnose.at', { paths: d.paths.join(', ') })}`);
    const fields = Object.entries(d.fields).map(([k, t]) => `${k} (${typesText(tr, t)})`);
    if (fields.length) out.push(`      ${tr.t('cli.diagnose.fields', { list: fields.join(', ') })}`);
  }
  if (r.unknownSections.length) {
    out.push('', tr.t('cli.diagnose.unknown'));
    for (const u of r.unknownSections) out.push(`  ${u.empty ? tr.t('cli.diagnose.empty', { path: u.path }) : u.path}`);
  }
  if (r.warnings.length) {
    out.push('', tr.t('cli.diagnose.warnings'));
    for (const w of r.warnings) out.push(`  ${w.path}: ${warningText(tr, w)}`);
  }
  if (r.structure) {
    out.push('', tr.t('cli.diagnose.structure'));
    shapeLines(tr, r.structure, tr.t('cli.diagnose.root'), '  ', out);
  }
  return out.join('\n');
}
