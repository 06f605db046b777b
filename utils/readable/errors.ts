/** Typed errors of readable mode: a `code` for programs; `message(lang, code)` gives people plain words. */
export type ReadableErrorCode =
  | 'not-a-document'
  | 'no-sanitizer'
  | 'readability-failed'
  | 'empty-input'
  | 'read-failed'
  /** Beyond READABLE_LIMITS (limits.ts): refused whole, never shown in part. */
  | 'page-too-large';

export class ReadableError extends Error {
  readonly code: ReadableErrorCode;
  constructor(code: ReadableErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ReadableError';
    this.code = code;
  }
}
