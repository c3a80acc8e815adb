// Binds every contract operation to an ipcMain-like object, generically: channel `fp:<name>`,
// sender check, input validation (service.call), and an Envelope back — never a thrown error, so
// the renderer always gets {ok, value} | {ok: false, error: {code, params}} and words the error itself.
// No electron import: test/ipc.test.ts drives it with a plain object and a real service.
import { IPC_CHANNEL_PREFIX, OPERATIONS, UNLOCK_CHANNELS, UNLOCK_INPUTS, type ApiError, type ContractCaller, type Envelope, type OperationName, type UnlockStatus } from '../../shared/contract';
import type { GateService, UnlockGate } from '../vault/unlock';
import { toApiError } from '../service/errors';

/** The part of Electron's ipcMain this needs. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of the service this needs: validate + run by name. */
export type { ContractCaller } from '../../shared/contract';

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export const channelFor = (name: OperationName): string => `${IPC_CHANNEL_PREFIX}${name}`;

export const FORBIDDEN: ApiError = { code: 'FORBIDDEN', params: {} };

export interface BindOptions {
  /** told about unexpected (INTERNAL) failures, for the log */
  onInternalError?: (name: OperationName, error: unknown) => void;
}

/**
 * One IPC handler: refuse untrusted senders and extra arguments, run, and turn every outcome into
 * an Envelope. Shared by the contract and the unlock channels so both check the same way.
 */
export function guardedHandler<E, T>(
  label: string,
  isTrustedSender: (event: E) => boolean,
  run: (input: unknown) => Promise<T>,
  onInternalError?: (error: unknown) => void,
): (event: E, ...args: unknown[]) => Promise<Envelope<T>> {
  return async (event, ...args) => {
    let trusted: boolean;
    try {
      trusted = isTrustedSender(event) === true;
    } catch {
      trusted = false;
    }
    if (!trusted) return { ok: false, error: FORBIDDEN };
    if (args.length > 1) return { ok: false, error: { code: 'BAD_INPUT', params: { field: label, expected: 'oneArgument' } } };
    try {
      return { ok: true, value: await run(args[0] ?? {}) };
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'INTERNAL') onInternalError?.(e);
      return { ok: false, error };
    }
  };
}

/** Binds all operations; returns a function that removes the handlers again. */
export function bindContract<E>(
  ipc: IpcMainLike<E>,
  service: ContractCaller,
  isTrustedSender: (event: E) => boolean,
  opts: BindOptions = {},
): () => void {
  for (const name of OPERATION_NAMES) {
    ipc.handle(
      channelFor(name),
      guardedHandler(name, isTrustedSender, (input) => service.call(name, input), (e) => opts.onInternalError?.(name, e)),
    );
  }
  return () => {
    for (const name of OPERATION_NAMES) ipc.removeHandler(channelFor(name));
  };
}

/** Binds UNLOCK_CHANNELS on an ipcMain-like object; returns a function that removes them. */
export function bindUnlock<E>(
  ipc: IpcMainLike<E>,
  gate: Pick<UnlockGate<GateService>, 'status' | 'submit' | 'setPreference'>,
  isTrustedSender: (event: E) => boolean,
  opts: { onInternalError?: (channel: string, error: unknown) => void } = {},
): () => void {
  const handlers: Record<keyof typeof UNLOCK_CHANNELS, (input: unknown) => Promise<UnlockStatus>> = {
    status: async (input) => (UNLOCK_INPUTS.status.parse(input), gate.status()),
    submit: (input) => gate.submit(input),
    preference: (input) => gate.setPreference(input),
  };
  for (const [k, channel] of Object.entries(UNLOCK_CHANNELS) as [keyof typeof UNLOCK_CHANNELS, string][]) {
    ipc.handle(channel, guardedHandler(channel, isTrustedSender, handlers[k], (e) => opts.onInternalError?.(channel, e)));
  }
  return () => {
    for (const channel of Object.values(UNLOCK_CHANNELS)) ipc.removeHandler(channel);
  };
}
