import type { ValidationResult } from '../../validators/index.ts';

export type OcrBox = { x0: number; y0: number; x1: number; y1: number };
export type OcrWord = { text: string; confidence: number /* 0..100 */; bbox: OcrBox };
export type OcrLine = { text: string; confidence: number; bbox: OcrBox; words: OcrWord[] };
export type OcrInput = { text: string; lines?: OcrLine[] };

export type FieldKind =
  | 'iban'
  | 'bic'
  | 'nir'
  | 'fiscal-number'
  | 'tax-notice-reference'
  | 'reference-tax-income'
  | 'caf-number'
  | 'siret'
  | 'name'
  | 'address'
  | 'postcode'
  | 'date'
  | 'amount'
  /** Identity documents' machine-readable zone. */
  | 'nationality'
  | 'document-number'
  /** Not read from documents yet: the meanings "Mes informations" (utils/infos) also looks for. */
  | 'family-name'
  | 'given-name'
  | 'city'
  | 'email'
  | 'phone';

export type ExtractedField = {
  kind: FieldKind;
  /** Canonical value to fill a form with (IBAN compact, dates JJ/MM/AAAA, amounts "1234.56"). */
  value: string;
  /** The text as read (before repair), for display next to the photo. */
  raw: string;
  valid: boolean;
  /** 0..1: OCR word confidence, label presence and validation combined. */
  confidence: number;
  validation?: ValidationResult;
  /** Dates: 'naissance', 'emission', 'echeance', 'debut', 'fin', 'paiement'…; amounts: 'net-a-payer'…; names: 'nom', 'titulaire'… */
  meaning?: string;
  /** The label text the value was read next to. */
  label?: string;
  /** Union of the boxes of the words that made up the value (when the OCR gave boxes). */
  box?: OcrBox;
  /** True when OCR confusions (O→0, l→1…) were corrected to get `value`. */
  repaired?: boolean;
  /** Where the value comes from: read by OCR (default), a signed 2D-Doc code, or a checked MRZ. */
  source?: 'ocr' | '2ddoc' | 'mrz';
};

export type DocumentType =
  | 'avis-imposition'
  | 'attestation-caf'
  | 'rib'
  | 'attestation-droits-ameli'
  | 'titre-sejour'
  | 'bulletin-salaire'
  | 'unknown';

/** Thrown only for programming errors (input of the wrong shape); unreadable text just gives no fields. */
export class ExtractError extends Error {
  readonly code: 'bad-input';
  constructor(message: string) {
    super(message);
    this.name = 'ExtractError';
    this.code = 'bad-input';
  }
}
