import type { OcrInput, OcrLine } from '../../../utils/ocr/extract/index.ts';

/** Reads tesseract's TSV output (`tesseract img out tsv`) into the lines-and-words shape. */
export function fromTesseractTsv(tsv: string): OcrInput {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c[0] !== '5' || !c[11]?.trim()) continue;
    const [left, top, width, height] = [6, 7, 8, 9].map((i) => Number(c[i]));
    const bbox = {
      x0: left ?? 0,
      y0: top ?? 0,
      x1: (left ?? 0) + (width ?? 0),
      y1: (top ?? 0) + (height ?? 0),
    };
    const key = `${c[2]}-${c[3]}-${c[4]}`;
    const word = { text: c[11].trim(), confidence: Number(c[10]), bbox };
    const line = lines.get(key);
    if (!line) {
      lines.set(key, { text: word.text, confidence: word.confidence, bbox: { ...bbox }, words: [word] });
      continue;
    }
    line.words.push(word);
    line.text += ` ${word.text}`;
    line.bbox = {
      x0: Math.min(line.bbox.x0, bbox.x0),
      y0: Math.min(line.bbox.y0, bbox.y0),
      x1: Math.max(line.bbox.x1, bbox.x1),
      y1: Math.max(line.bbox.y1, bbox.y1),
    };
  }
  const list = [...lines.values()];
  return { text: list.map((l) => l.text).join('\n'), lines: list };
}
