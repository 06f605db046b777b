/** Typed errors of readable mode: a `code` for programs; `message(lang, code)` gives people plain words. */
export type ReadableErrorCode =
  | 'not-a-document'
  | 'no-sanitizer'
  | 'readability-failed'
  | 'empty-input'
  | 'read-failed';

export class ReadableError extends Error {
  readonly code: ReadableErrorCode;
  constructor(code: ReadableErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ReadableError';
    this.code = code;
  }
}
