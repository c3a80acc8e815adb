// The contract's operations table (src/shared/contract.ts OPERATIONS), enforced in one place for
// every door: each input is validated against its schema, desktop-only operations are refused
// where there is no window, and exclusive ones while an import writes. The handlers (index.ts)
// receive parsed input only.
import { OPERATIONS, type Api, type OperationInput, type OperationName, type OperationResults } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export interface TableState {
  /** an import holds the archive (exclusive operations wait) */
  importing(): boolean;
  /**
   * stops what writes the archive in the background (the preparation for browsing on the import
   * worker, import/prepare.ts) before an exclusive operation: re-encrypting the file under another
   * connection's writes would corrupt it, and deletes would wait for its write lock
   */
  quiesce?(): Promise<void> | undefined;
  /** how many answers the archive keeps (store/kept-answers.ts): read before and after each operation */
  keptAnswers?(): number;
  /**
   * after an operation that stopped the background or deleted kept answers (an import, a deletion
   * mark, forgetting…): the background work starts again, for the preparation it cut short and the
   * answers to keep again
   */
  resume?(): void;
  /** this door is the desktop app (it can offer desktop-only operations) */
  desktop: boolean;
}

export type Caller = <K extends OperationName>(name: K, input: unknown) => Promise<OperationResults[K]>;

/** Validates, checks the operation's flags, then runs its handler. */
export function operationCaller(handlers: Api, state: TableState): Caller {
  return async <K extends OperationName>(name: K, input: unknown): Promise<OperationResults[K]> => {
    if (typeof name !== 'string' || !Object.hasOwn(OPERATIONS, name)) {
      throw new FootprintError('BAD_INPUT', { field: 'operation', expected: 'oneOf', allowed: OPERATION_NAMES.join(', ') });
    }
    const spec = OPERATIONS[name];
    const parsed = spec.input.parse(input ?? {}) as OperationInput<K>;
    if (spec.desktopOnly && !state.desktop) throw new FootprintError('DESKTOP_ONLY', { operation: name });
    if (spec.exclusive && state.importing()) throw new FootprintError('IMPORT_RUNNING');
    // nothing in the background: on at once, with no gap in which an import could start
    const quiet = spec.exclusive ? state.quiesce?.() : undefined;
    if (quiet) {
      await quiet;
      if (state.importing()) throw new FootprintError('IMPORT_RUNNING');
    }
    const before = state.keptAnswers?.() ?? 0;
    try {
      return await (handlers[name] as (i: OperationInput<K>) => Promise<OperationResults[K]>)(parsed);
    } finally {
      if (quiet || (state.keptAnswers?.() ?? 0) < before) state.resume?.();
    }
  };
}

/** The Api whose every method goes through `call`: calling service.x(input) is calling service.call('x', input). */
export function validatedApi(call: Caller): Api {
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as Api;
}
