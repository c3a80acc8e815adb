// How a door words change params (alerts, timeline highlights), for the tests: the doors' own
// readableParams (src/shared/i18n/words.ts) with a key chosen by the test.
import type { ChangeParams } from '../src/shared/contract';
import type { MessageKey, Translator } from '../src/shared/i18n';
import { readableParams } from '../src/shared/i18n/words';

export function wordChange(t: Translator, key: string, params: ChangeParams): string {
  return t.t(key as MessageKey, readableParams(t, params));
}
