/** Typed errors of form discovery and mirroring: a `code` for programs, a plain message for people. */
export type FormsErrorCode =
  | 'file-input'
  | 'not-a-file-input'
  | 'not-a-control'
  | 'unknown-option'
  | 'detached';

export class FormsError extends Error {
  readonly code: FormsErrorCode;
  constructor(code: FormsErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FormsError';
    this.code = code;
  }
}
