/**
 * Reading a document on the device: preprocessing → OCR engine → typed fields.
 * The engine is passed in (createNodeOcr in Node, createBrowserOcr in the extension), so this module
 * runs unchanged in both.
 */
import type { OcrEngine, OcrLine, OcrResult } from './engine/types.ts';
import { detectDocumentType, extractFields } from './extract/index.ts';
import type { DocumentType, ExtractedField } from './extract/types.ts';
import type { AnyImage, GrayImage } from './preprocess/image.ts';
import { type Preprocessed, type PreprocessOptions, preprocess } from './preprocess/index.ts';
import type { QualityReport } from './preprocess/quality.ts';
import { downscale } from './preprocess/resize.ts';
import { rotateQuarter } from './preprocess/rotate.ts';

export type { OcrEngine, OcrImage, OcrLine, OcrProgress, OcrResult, Thresholding } from './engine/types.ts';
export { OcrCancelledError, OcrError } from './engine/types.ts';
export { readJpegOrientation } from './preprocess/exif.ts';
export type { AnyImage, GrayImage, RgbaImage } from './preprocess/image.ts';
export { OcrImageError } from './preprocess/image.ts';
export {
  catalogs as ocrQualityCatalogs,
  message as qualityMessages,
  qualityMessage,
} from './preprocess/messages.ts';
export { checkQuality, type QualityIssue, type QualityReport } from './preprocess/quality.ts';

export type DocumentInput =
  | AnyImage
  | { image: AnyImage; orientation?: number }
  /** A PDF page with a text layer: no OCR needed. */
  | { text: string; lines?: OcrLine[] };

export type ReadOptions = {
  preprocess?: PreprocessOptions;
  /**
   * Runs the preprocessing; default: `preprocess` on this thread. In a page, pass
   * `(img, o) => preprocessInWorker(worker, img, o)` to keep the UI responsive.
   */
  preprocessor?: (image: AnyImage, opts: PreprocessOptions) => Preprocessed | Promise<Preprocessed>;
  signal?: AbortSignal;
  /**
   * Try 90/180/270° when the first reading is poor (a page photographed sideways or upside down).
   * Tesseract's own orientation detection needs the legacy engine and osd data (~+10 MB), so instead
   * a small copy is read at each rotation and the most confident one wins. Default true.
   */
  detectRotation?: boolean;
};

export type DocumentReading = {
  /** The text read, without lines that are only noise (see dropNoise). */
  text: string;
  /** Everything the engine returned, noise included. */
  rawText: string;
  /** Mean word confidence 0..100 (100 for a text layer). */
  confidence: number;
  documentType: { type: DocumentType; confidence: number; labelKey: string };
  fields: ExtractedField[];
  /** Boxes are in the coordinates of `size` (the preprocessed image). */
  lines: OcrLine[];
  quality: QualityReport | null;
  source: 'ocr' | 'text-layer';
  skewAngle: number;
  rotation: 0 | 90 | 180 | 270;
  size: { width: number; height: number } | null;
  durationMs: number;
};

function isTextInput(input: DocumentInput): input is { text: string; lines?: OcrLine[] } {
  return typeof (input as { text?: unknown }).text === 'string';
}

function isWrapped(input: DocumentInput): input is { image: AnyImage; orientation?: number } {
  return typeof (input as { image?: unknown }).image === 'object';
}

/** Sum of confidences of real words (3+ letters or digits): rewards both reading more and reading surely. */
export function readingScore(r: OcrResult): number {
  let s = 0;
  for (const line of r.lines)
    for (const w of line.words) if (/[\p{L}\p{N}]{3,}/u.test(w.text)) s += w.confidence;
  return s;
}

/** Upright pages read at 88–95 here, even degraded; a sideways page still scored 58 (junk read as words). */
const POOR_CONFIDENCE = 75;
/** Below this a line is speckle read as letters (table edges, shadows around the page), not text. */
export const NOISE_LINE_CONFIDENCE = 40;

/** Drops lines with no letter or digit, or read with very low confidence, from the text and the lines. */
export function dropNoise(r: Pick<OcrResult, 'text' | 'lines'>): { text: string; lines: OcrLine[] } {
  const noise = (l: OcrLine) => l.confidence < NOISE_LINE_CONFIDENCE || !/[\p{L}\p{N}]/u.test(l.text);
  const dropped = r.lines.filter(noise);
  if (dropped.length === 0) return { text: r.text, lines: r.lines };
  const textLines = r.text.split('\n');
  for (const l of dropped) {
    const i = textLines.indexOf(l.text);
    if (i >= 0) textLines.splice(i, 1);
  }
  return {
    text: textLines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    lines: r.lines.filter((l) => !noise(l)),
  };
}

async function findRotation(
  img: GrayImage,
  engine: OcrEngine,
  signal: AbortSignal | undefined,
): Promise<0 | 90 | 180 | 270> {
  const small = downscale(img, 1000);
  let best: 0 | 90 | 180 | 270 = 0;
  let bestScore = -1;
  for (const angle of [0, 90, 180, 270] as const) {
    const r = await engine.recognize(rotateQuarter(small, angle), { signal });
    const s = readingScore(r);
    // Another angle must clearly beat upright: a few lucky words on a sideways page are not enough.
    if (bestScore < 0 || s > bestScore * 1.3) {
      bestScore = s;
      best = angle;
    }
  }
  return best;
}

export async function readDocument(
  input: DocumentInput,
  engine: OcrEngine,
  opts: ReadOptions = {},
): Promise<DocumentReading> {
  const started = performance.now();
  if (isTextInput(input)) {
    const extracted = { text: input.text, lines: input.lines };
    return {
      text: input.text,
      rawText: input.text,
      confidence: 100,
      documentType: detectDocumentType(input.text),
      fields: extractFields(extracted),
      lines: input.lines ?? [],
      quality: null,
      source: 'text-layer',
      skewAngle: 0,
      rotation: 0,
      size: null,
      durationMs: Math.round(performance.now() - started),
    };
  }
  const image = isWrapped(input) ? input.image : input;
  const orientation = isWrapped(input) ? input.orientation : undefined;
  const run = opts.preprocessor ?? preprocess;
  const pre = await run(image, { orientation, ...opts.preprocess });
  let img = pre.image;
  let result = await engine.recognize(img, { signal: opts.signal });
  let rotation: 0 | 90 | 180 | 270 = 0;
  // A blurred or dark photo reads poorly at every angle: ask for a new photo rather than spin it.
  const unreadable = pre.quality.issues.some((i) => i === 'too-blurry' || i === 'too-dark');
  const poor = result.confidence < POOR_CONFIDENCE || result.text.length < 20;
  if (opts.detectRotation !== false && poor && !unreadable) {
    rotation = await findRotation(img, engine, opts.signal);
    if (rotation !== 0) {
      // Straighten again after turning: the skew was measured on the sideways page.
      img = (await run(rotateQuarter(img, rotation), { normalize: false })).image;
      const again = await engine.recognize(img, { signal: opts.signal });
      if (readingScore(again) > readingScore(result)) result = again;
      else {
        rotation = 0;
        img = pre.image;
      }
    }
  }
  const { text, lines } = dropNoise(result);
  return {
    text,
    rawText: result.text,
    confidence: result.confidence,
    documentType: detectDocumentType(text),
    fields: extractFields({ text, lines }),
    lines,
    quality: pre.quality,
    source: 'ocr',
    skewAngle: pre.skewAngle,
    rotation,
    size: { width: img.width, height: img.height },
    durationMs: Math.round(performance.now() - started),
  };
}
