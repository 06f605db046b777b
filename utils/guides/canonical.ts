/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript form, strings escaped as JSON.stringify does. Signatures are computed
 * over this form so that reformatting a guide file does not break its signature.
 */
export class CanonicalJsonError extends Error {
  readonly code = 'canonical-json';
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalize(value: unknown): string {
  const stack = new Set<object>();
  const write = (v: unknown): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(v)) throw new CanonicalJsonError('non-finite number');
        // ECMAScript Number-to-String is exactly the JCS number form (and -0 becomes 0).
        return JSON.stringify(v);
      case 'string':
        return JSON.stringify(v);
      case 'object': {
        if (stack.has(v as object)) throw new CanonicalJsonError('cycle');
        stack.add(v as object);
        try {
          if (Array.isArray(v))
            return `[${v.map((item) => write(item === undefined ? null : item)).join(',')}]`;
          const keys = Object.keys(v as object)
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          return `{${keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k])}`).join(',')}}`;
        } finally {
          stack.delete(v as object);
        }
      }
      default:
        throw new CanonicalJsonError(`not JSON: ${typeof v}`);
    }
  };
  return write(value);
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}
