import type { AnyImage } from '../preprocess/image.ts';

/** Same shapes as utils/ocr/extract's (structural types, so either module can be used alone). */
export type OcrBox = { x0: number; y0: number; x1: number; y1: number };
export type OcrWord = { text: string; confidence: number /* 0..100 */; bbox: OcrBox };
export type OcrLine = { text: string; confidence: number; bbox: OcrBox; words: OcrWord[] };

export type OcrResult = {
  text: string;
  /** Mean word confidence, 0..100. */
  confidence: number;
  lines: OcrLine[];
  durationMs: number;
};

/** Encoded image bytes (PNG, JPEG, PGM…) or decoded pixels. */
export type OcrImage = Uint8Array | AnyImage;

export type OcrProgress = { stage: 'loading' | 'recognizing'; progress: number };

/**
 * `sauvola` (adaptive) is the default: measured on our renders (bench/ocr.bench.ts), after our
 * preprocessing it is as fast as `otsu` (tesseract's global default) on clean pages, while Otsu turns a
 * shaded, noisy phone photo into 40–60 s of garbage (CER > 40 %). So no "Otsu first" shortcut.
 */
export type Thresholding = 'sauvola' | 'otsu';

export type RecognizeOptions = {
  signal?: AbortSignal;
  /** Only these characters may be read (the MRZ's A–Z0–9<); the default set is back after this call. */
  charWhitelist?: string;
};

export interface OcrEngine {
  recognize(image: OcrImage, opts?: RecognizeOptions): Promise<OcrResult>;
  terminate(): Promise<void>;
}

export type OcrErrorCode = 'cancelled' | 'engine-load-failed' | 'recognize-failed';

export class OcrError extends Error {
  readonly code: OcrErrorCode;
  constructor(code: OcrErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrError';
    this.code = code;
  }
}

/** The person (or the UI) stopped the reading; the worker has been terminated. */
export class OcrCancelledError extends OcrError {
  constructor() {
    super('cancelled', 'OCR cancelled');
    this.name = 'OcrCancelledError';
  }
}

export const THRESHOLDING_METHOD: Record<Thresholding, string> = { otsu: '0', sauvola: '2' };
