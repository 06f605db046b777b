import { encodePgm } from '../preprocess/encode.ts';
import { grayscale, isGray } from '../preprocess/image.ts';
import type { OcrImage, OcrLine, OcrResult } from './types.ts';

/** Pixels go to the engine as PGM (lossless, no encoder needed); encoded bytes go as they are. */
export function toEngineBytes(image: OcrImage): Uint8Array {
  if (image instanceof Uint8Array) return image;
  return encodePgm(isGray(image) ? image : grayscale(image));
}

type TessBox = { x0: number; y0: number; x1: number; y1: number };
type TessWord = { text: string; confidence: number; bbox: TessBox };
type TessLine = { text: string; confidence: number; bbox: TessBox; words: TessWord[] };
type TessPage = {
  text: string;
  confidence: number;
  blocks: Array<{ paragraphs: Array<{ lines: TessLine[] }> }> | null;
};

const box = (b: TessBox) => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

/** Flattens tesseract.js's blocks → paragraphs → lines → words (asked for with `{ blocks: true }`). */
export function pageToResult(page: TessPage, durationMs: number): OcrResult {
  const lines: OcrLine[] = [];
  let sum = 0;
  let count = 0;
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text, confidence: w.confidence, bbox: box(w.bbox) }));
        if (words.length === 0) continue;
        for (const w of words) {
          sum += w.confidence;
          count++;
        }
        lines.push({ text: line.text.trim(), confidence: line.confidence, bbox: box(line.bbox), words });
      }
    }
  }
  return {
    text: page.text.trim(),
    confidence: count > 0 ? Math.round((sum / count) * 10) / 10 : 0,
    lines,
    durationMs: Math.round(durationMs),
  };
}
