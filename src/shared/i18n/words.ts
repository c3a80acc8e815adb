// How every door words what the main process reports as codes and parameters: failures
// (`error.<CODE>`), change alerts (`alert.<kind>`), timeline highlights (`highlight.<code>`) and
// import warnings (`warning.<code>`). One place, so the CLI and the window say the same thing.
// Parameters are made readable first: a list joined the language's way, null as change.none, a
// dataset id by its name.
import type { ChangeAlert, ChangeParams, ImportWarning, TimelineHighlight } from '../contract';
import type { ApiError } from '../errors';
import type { MessageKey, MessageParams, Translator } from './index';

type Params = Record<string, string | number | boolean | null | readonly string[] | undefined>;

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country by its name in the language ("IE" → "Ireland", "Irland"); the code when Intl has no name for it. */
export function countryName(lang: string, code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function readableParams(tr: Translator, params: Params): MessageParams {
  const values: MessageParams = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) values[k] = tr.list(v as string[]);
    else if (v === null) values[k] = tr.t('change.none');
    else if (k === 'dataset' && typeof v === 'string' && tr.has(`dataset.${v}`)) values[k] = tr.t(`dataset.${v}` as MessageKey);
    else if (k === 'country' && typeof v === 'string') values[k] = countryName(tr.lang, v);
    else values[k] = v as string | number | boolean | undefined;
  }
  return values;
}

/** `key` with readable params, or undefined when the catalog has no such key. */
function worded(tr: Translator, key: string, params: Params): string | undefined {
  return tr.has(key) ? tr.t(key, readableParams(tr, params)) : undefined;
}

export function errorMessage(tr: Translator, e: ApiError): string {
  const text = worded(tr, `error.${e.code}`, e.params) ?? tr.t('error.INTERNAL', { reason: e.code });
  // a problem with one entry of a file (apps import): say which one
  return typeof e.params.entry === 'number' ? tr.t('error.inEntry', { entry: e.params.entry, text }) : text;
}

export function errorTitle(tr: Translator, e: Pick<ApiError, 'code'>): string {
  return worded(tr, `error.${e.code}.title`, {}) ?? tr.t('error.INTERNAL.title');
}

export function alertMessage(tr: Translator, alert: Pick<ChangeAlert, 'kind' | 'params'>): string {
  return worded(tr, `alert.${alert.kind}`, levelWords(tr, alert.params)) ?? alert.kind;
}

/** A setting's value by what it means, in the person's words ("Disabled" → "Off"/"Av"); the raw value when the level is unknown. */
export function settingValueWord(tr: Translator, raw: string, level: unknown): string {
  return (typeof level === 'string' ? worded(tr, `checklist.level.${level}`, {}) : undefined) ?? raw;
}

function levelWords(tr: Translator, params: ChangeParams): ChangeParams {
  const out = { ...params };
  for (const side of ['from', 'to'] as const) {
    const raw = params[side];
    if (typeof raw === 'string') out[side] = settingValueWord(tr, raw, params[`${side}Level`]);
  }
  return out;
}

/** A highlight; an `alert` highlight reads as its alert followed by "(and N more like it)". */
export function highlightMessage(tr: Translator, h: TimelineHighlight): string {
  if (h.code === 'alert') {
    const { kind, others, ...rest } = h.params as ChangeParams & { kind: string; others?: number };
    const head = alertMessage(tr, { kind: kind as ChangeAlert['kind'], params: rest });
    const tail = others ? worded(tr, 'highlight.alert', { others }) : '';
    return tail ? `${head} ${tail}` : head;
  }
  return worded(tr, `highlight.${h.code}`, h.params) ?? h.code;
}

/** An import warning without its path (the door shows the path beside it). */
export function warningMessage(tr: Translator, w: Pick<ImportWarning, 'code' | 'params' | 'path'>): string {
  return worded(tr, `warning.${w.code}`, { path: w.path, ...w.params }) ?? w.code;
}
