// Where the CLI writes: lines to stdout and stderr, and whether stdout is still open. A reader that
// goes away (`footprint export … | head`) closes the pipe: the command then stops quietly, exit 0,
// like other Unix tools, instead of dying on EPIPE with a stack trace.

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
  /** true once nobody reads stdout any more; long outputs check it and stop */
  closed?: () => boolean;
  /** when stdout's buffer is full (a slow reader): a promise for when it has room again */
  full?: () => Promise<void> | null;
}

/** Thrown by a command that stops because stdout was closed; main() ends with exit 0. */
export class OutputClosed extends Error {}

let stdoutClosed = false;
let listening = false;

/** The process's own stdout and stderr. */
export function processOutput(): Output {
  if (!listening) {
    listening = true;
    // Without a listener an EPIPE (or any write error) is an uncaught exception.
    process.stdout.on('error', () => {
      stdoutClosed = true;
    });
    process.stderr.on('error', () => {});
  }
  return {
    out: (s) => {
      if (!stdoutClosed) process.stdout.write(s + '\n');
    },
    err: (s) => {
      process.stderr.write(s + '\n');
    },
    closed: () => stdoutClosed || process.stdout.destroyed,
    full: () =>
      process.stdout.writableNeedDrain && !stdoutClosed
        ? new Promise<void>((resolve) => {
            process.stdout.once('drain', resolve);
            process.stdout.once('error', () => resolve());
          })
        : null,
  };
}

/**
 * Lets pending write errors arrive (they are emitted asynchronously), then stops the command if
 * stdout has been closed. Long outputs call it every few hundred lines.
 */
export async function checkOpen(io: Output): Promise<void> {
  if (!io.closed) return;
  await new Promise((resolve) => setImmediate(resolve));
  if (io.closed()) throw new OutputClosed();
}

/**
 * Text for a terminal: names from an export must not carry control sequences (line breaks stay).
 * Bidi overrides and isolates would reorder what follows them on screen (a file name that reads
 * backwards, a "Trojan Source" line), and line/paragraph separators start a line the terminal may
 * not show as one: they are printed as visible escapes (\u202E), so what is there can be seen.
 */
export function printable(s: string): string {
  return s
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\ufffd')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
