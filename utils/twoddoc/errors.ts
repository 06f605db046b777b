/** Why a 2D-Doc could not be read: a typed error for the code, a plain message for the person (messages.ts). */
export type TwoDDocErrorCode =
  /** The text does not start with the « DC » marker: another kind of code (or none). */
  | 'not-2ddoc'
  /** A header shorter than its version needs, or with characters that cannot be there. */
  | 'bad-header'
  /** A version this reader does not know (01 to 04 are read). */
  | 'unsupported-version'
  /** A field cut short (fixed length not reached) or an identifier that is not two characters. */
  | 'bad-field'
  /** No signature after the unit separator. */
  | 'no-signature'
  /** The signature is not base32, or not the length of a P-256 or P-384 signature. */
  | 'bad-signature-encoding'
  /** No DataMatrix found in the image. */
  | 'no-code'
  /** The DataMatrix reader could not start (its WebAssembly file missing). */
  | 'reader-unavailable';

export class TwoDDocError extends Error {
  readonly code: TwoDDocErrorCode;
  constructor(code: TwoDDocErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'TwoDDocError';
    this.code = code;
  }
}
