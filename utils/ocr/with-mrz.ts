/**
 * An identity document's reading and its MRZ read a second time, tuned for it (only A–Z, 0–9 and « < »
 * allowed, one block): a zone whose check digits all pass gives the values, which win over the printed
 * text; a zone with a failed check gives none, and the dates the first reading took from it go too.
 */
import { findMrzIn, type MrzReading, mrzLine } from '../mrz/read.ts';
import { mrzValues } from '../mrz/values.ts';
import type { OcrEngine, OcrLine } from './engine/types.ts';
import type { DocumentReading } from './index.ts';
import type { GrayImage } from './preprocess/image.ts';

/** Only what an MRZ can hold (ICAO 9303 OCR-B subset). */
export const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** Lines of the first reading that may be MRZ lines (long, only MRZ characters). */
export function mrzLikeLines(lines: readonly OcrLine[]): OcrLine[] {
  return lines.filter((l) => mrzLine(l.text) !== null && (l.text.match(/[<«]/g) ?? []).length >= 2);
}

export function crop(img: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }): GrayImage {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + width), y * width);
  return { width, height, data, channels: 1 };
}

/**
 * Reads the zone again with the MRZ whitelist, around the lines the first reading found there. null when
 * the page has no MRZ-like line (not an identity document).
 */
export async function readMrzZone(
  img: GrayImage,
  lines: readonly OcrLine[],
  engine: OcrEngine,
  signal?: AbortSignal,
): Promise<MrzReading | null> {
  const zone = mrzLikeLines(lines);
  if (zone.length === 0) return null;
  const h = Math.max(...zone.map((l) => l.bbox.y1 - l.bbox.y0));
  const box = {
    x0: Math.min(...zone.map((l) => l.bbox.x0)) - h,
    y0: Math.min(...zone.map((l) => l.bbox.y0)) - 2 * h,
    x1: Math.max(...zone.map((l) => l.bbox.x1)) + h,
    y1: Math.max(...zone.map((l) => l.bbox.y1)) + 2 * h,
  };
  const tuned = await engine.recognize(crop(img, box), { signal, charWhitelist: MRZ_WHITELIST });
  return findMrzIn(tuned.lines.map((l) => l.text)) ?? findMrzIn(zone.map((l) => l.text));
}

export function withMrz(reading: DocumentReading, mrz: MrzReading | null): DocumentReading {
  if (!mrz) return reading;
  // The first reading's own MRZ dates are replaced by the checked zone, or dropped with a failed one.
  const rest = reading.fields.filter((f) => f.label !== 'MRZ');
  if (!mrz.valid) return { ...reading, fields: rest };
  const values = mrzValues(mrz);
  const taken = new Set(values.map((v) => `${v.kind}|${v.meaning ?? ''}`));
  return {
    ...reading,
    fields: [...values, ...rest.filter((f) => !taken.has(`${f.kind}|${f.meaning ?? ''}`))],
    documentType:
      mrz.documentCode.startsWith('I') && mrz.documentCode !== 'ID' && reading.documentType.type === 'unknown'
        ? { type: 'titre-sejour', confidence: 1, labelKey: 'doctype.titre-sejour' }
        : reading.documentType,
  };
}
