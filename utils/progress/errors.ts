/** Typed errors of the progress feature. `messageKey` is in components/features/progress/messages.ts. */
export type ProgressErrorCode = 'pin-needed' | 'bad-call' | 'no-config' | 'unavailable' | 'forbidden';

const KEYS: Record<ProgressErrorCode, string> = {
  'pin-needed': 'progress.error.pinNeeded',
  'bad-call': 'progress.error.failed',
  'no-config': 'progress.error.noConfig',
  unavailable: 'progress.error.unavailable',
  // A page asked for another site's answers, or for something only our own pages may do.
  forbidden: 'progress.error.forbidden',
};

export class ProgressError extends Error {
  readonly code: string;
  readonly messageKey: string;
  readonly params: Record<string, string | number> | undefined;
  constructor(code: ProgressErrorCode, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'ProgressError';
    this.code = code;
    this.messageKey = KEYS[code];
    this.params = undefined;
  }
}

/** An error as it crosses the extension's messaging (plain data), and back. */
export type WireError = {
  name: string;
  code: string;
  messageKey?: string;
  params?: Record<string, string | number>;
  message: string;
};

export function toWire(error: unknown): WireError {
  const e = (error ?? {}) as Partial<WireError> & { name?: string; message?: string };
  const wire: WireError = {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.code === 'string' ? e.code : 'failed',
    message: typeof e.message === 'string' ? e.message : String(error),
  };
  if (typeof e.messageKey === 'string') wire.messageKey = e.messageKey;
  if (e.params && typeof e.params === 'object') wire.params = { ...e.params };
  return wire;
}

/** What the far side threw, with the same `code`, `messageKey` and `params` (so `message()` works). */
export class RemoteError extends Error {
  readonly code: string;
  readonly messageKey: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
    this.messageKey = wire.messageKey;
    this.params = wire.params;
  }
}
