// Tiny runtime schemas for operation inputs: every door (IPC, CLI, tests) validates the same way.
export type Schema<T> = { parse(value: unknown, path?: string): T; describe: string };

type Parsed<S> = S extends Schema<infer T> ? T : never;
/** An object whose optional() properties may be left out. */
export type ObjectOf<P extends Record<string, Schema<unknown>>> = {
  [K in keyof P as undefined extends Parsed<P[K]> ? never : K]: Parsed<P[K]>;
} & { [K in keyof P as undefined extends Parsed<P[K]> ? K : never]?: Exclude<Parsed<P[K]>, undefined> };

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

const fail = (path: string, want: string, got: unknown): never => {
  throw new SchemaError(`${path || 'input'} must be ${want} (got ${got === null ? 'null' : typeof got})`);
};

export const s = {
  string(opts: { max?: number; min?: number } = {}): Schema<string> {
    const max = opts.max ?? 4096;
    return {
      describe: 'string',
      parse: (v, path = '') => {
        if (typeof v !== 'string') return fail(path, 'a string', v);
        if (v.length > max || v.length < (opts.min ?? 0)) return fail(path, `a string of ${opts.min ?? 0}–${max} characters`, v);
        return v;
      },
    };
  },
  int(opts: { min?: number; max?: number } = {}): Schema<number> {
    return {
      describe: 'integer',
      parse: (v, path = '') => {
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) return fail(path, 'an integer', v);
        if (v < (opts.min ?? Number.MIN_SAFE_INTEGER) || v > (opts.max ?? Number.MAX_SAFE_INTEGER)) return fail(path, 'in range', v);
        return v;
      },
    };
  },
  oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
    return {
      describe: values.join('|'),
      parse: (v, path = '') => (values.includes(v as string) ? (v as T[number]) : fail(path, `one of ${values.join(', ')}`, v)),
    };
  },
  array<T>(inner: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
    const max = opts.max ?? 10_000;
    return {
      describe: `${inner.describe}[]`,
      parse: (v, path = '') => {
        if (!Array.isArray(v)) return fail(path, 'a list', v);
        if (v.length < (opts.min ?? 0) || v.length > max) return fail(path, `a list of ${opts.min ?? 0}–${max} items`, v);
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
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object', v);
        for (const k of Object.keys(v)) if (!(k in props)) throw new SchemaError(`${path ? `${path}.` : ''}${k} is not expected`);
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
