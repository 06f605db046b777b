import type { OcrInput, OcrLine, OcrWord } from '../../../utils/ocr/extract/index.ts';

/**
 * Turns plain text into OCR output with word boxes (10 px per character, 30 px per line), as
 * tesseract would give for a page printed in a monospace font. `conf` sets a word's confidence.
 */
export function synthOcr(text: string, conf: (word: string, line: number) => number = () => 92): OcrInput {
  const lines: OcrLine[] = [];
  text.split('\n').forEach((row, li) => {
    const words: OcrWord[] = [];
    for (const m of row.matchAll(/\S+/g)) {
      const x0 = (m.index ?? 0) * 10;
      words.push({
        text: m[0],
        confidence: conf(m[0], li),
        bbox: { x0, y0: li * 30, x1: x0 + m[0].length * 10, y1: li * 30 + 20 },
      });
    }
    if (words.length === 0) return;
    const first = words[0];
    const last = words[words.length - 1];
    lines.push({
      text: words.map((w) => w.text).join(' '),
      confidence: words.reduce((s, w) => s + w.confidence, 0) / words.length,
      bbox: { x0: first?.bbox.x0 ?? 0, y0: li * 30, x1: last?.bbox.x1 ?? 0, y1: li * 30 + 20 },
      words,
    });
  });
  return { text, lines };
}
