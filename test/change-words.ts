// How a door words change params (alerts, timeline highlights), for the tests: lists joined with
// the language's list format, null as change.none, a dataset id by its name.
import type { ChangeParams } from '../src/shared/contract';
import type { MessageKey, MessageParams, Translator } from '../src/shared/i18n';

export function wordChange(t: Translator, key: string, params: ChangeParams): string {
  const values: MessageParams = {};
  for (const [k, v] of Object.entries(params)) {
    values[k] = Array.isArray(v) ? t.list(v) : v === null ? t.t('change.none') : k === 'dataset' && typeof v === 'string' ? t.t(`dataset.${v}` as MessageKey) : v;
  }
  return t.t(key as MessageKey, values);
}
