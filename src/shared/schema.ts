// Tiny runtime schemas for operation inputs: every door (IPC, CLI, tests) validates the same way.
// A mismatch is FootprintError BAD_INPUT { field, expected, … } (src/shared/errors.ts), worded by the door.
import { FootprintError, type ErrorParams } from './errors';

export type Schema<T> = { parse(value: unknown, path?: string): T; describe: string };

type Parsed<S> = S extends Schema<infer T> ? T : never;
/** An object whose optional() properties may be left out. */
export type ObjectOf<P extends Record<string, Schema<unknown>>> = {
  [K in keyof P as undefined extends Parsed<P[K]> ? never : K]: Parsed<P[K]>;
} & { [K in keyof P as undefined extends Parsed<P[K]> ? K : never]?: Exclude<Parsed<P[K]>, undefined> };

/**
 * Bundled content (scope catalog, checklists) that does not hold together: a bug in the build, not
 * the user's input, so INTERNAL, with the problem as its reason (and as the message, for tests).
 */
export class ContentError extends FootprintError {
  constructor(message: string) {
    super('INTERNAL', { reason: message });
    this.message = message;
    this.name = 'ContentError';
  }
}

/** Input that does not fit: BAD_INPUT with the field's path and what it must be, never the value. */
const fail = (path: string, expected: string, extra: ErrorParams = {}): never => {
  throw new FootprintError('BAD_INPUT', { field: path || 'input', expected, ...extra });
};

export const s = {
  string(opts: { max?: number; min?: number } = {}): Schema<string> {
    const max = opts.max ?? 4096;
    return {
      describe: 'string',
      parse: (v, path = '') => {
        if (typeof v !== 'string' || v.length > max || v.length < (opts.min ?? 0)) return fail(path, 'text', { min: opts.min ?? 0, max });
        return v;
      },
    };
  },
  int(opts: { min?: number; max?: number } = {}): Schema<number> {
    return {
      describe: 'integer',
      parse: (v, path = '') => {
        const bad = typeof v !== 'number' || !Number.isSafeInteger(v) || v < (opts.min ?? Number.MIN_SAFE_INTEGER) || v > (opts.max ?? Number.MAX_SAFE_INTEGER);
        if (!bad) return v as number;
        // only the bounds the schema sets: "at least 1", never "at most 9007199254740991"
        if (opts.min !== undefined && opts.max !== undefined) return fail(path, 'integerRange', { min: opts.min, max: opts.max });
        if (opts.min !== undefined) return fail(path, 'integerMin', { min: opts.min });
        return fail(path, 'integer');
      },
    };
  },
  oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
    return {
      describe: values.join('|'),
      parse: (v, path = '') => (values.includes(v as string) ? (v as T[number]) : fail(path, 'oneOf', { allowed: values.join(', ') })),
    };
  },
  array<T>(inner: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
    const max = opts.max ?? 10_000;
    return {
      describe: `${inner.describe}[]`,
      parse: (v, path = '') => {
        if (!Array.isArray(v) || v.length < (opts.min ?? 0) || v.length > max) return fail(path, 'list', { min: opts.min ?? 0, max });
        return v.map((x, i) => inner.parse(x, `${path}[${i}]`));
      },
    };
  },
  optional<T>(inner: Schema<T>): Schema<T | undefined> {
    return { describe: `${inner.describe}?`, parse: (v, path) => (v === undefined ? undefined : inner.parse(v, path)) };
  },
  object<P extends Record<string, Schema<unknown>>>(props: P): Schema<ObjectOf<P>> {
    return {
      describe: 'object',
      parse: (v, path = '') => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'object');
        for (const k of Object.keys(v)) if (!Object.hasOwn(props, k)) return fail(path ? `${path}.${k}` : k, 'absent');
        const out: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(props)) {
          const parsed = schema.parse((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
          if (parsed !== undefined) out[k] = parsed;
        }
        return out as ObjectOf<P>;
      },
    };
  },
};
