/**
 * The real OCR engine (tesseract.js, offline) on fictitious documents rendered in Chromium, clean and
 * degraded like phone photos: expected fields (kind, value, valid), document type and character error rate.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../utils/ocr/engine/decode-node.ts';
import { createNodeOcr } from '../../../utils/ocr/engine/node.ts';
import { OcrCancelledError } from '../../../utils/ocr/engine/types.ts';
import { readDocument } from '../../../utils/ocr/index.ts';
import { rotateQuarter } from '../../../utils/ocr/preprocess/rotate.ts';
import {
  BAD_VARIANTS,
  cer,
  DOCS,
  READABLE_VARIANTS,
  type Rendered,
  renderDocs,
} from '../../fixtures/ocr-docs/render.ts';

let rendered: Rendered[] = [];
const engine = createNodeOcr({ langs: 'fra+eng' });

beforeAll(async () => {
  rendered = await renderDocs();
});
afterAll(() => engine.terminate());

const find = (doc: string, variant: string) => {
  const r = rendered.find((x) => x.doc.id === doc && x.variant === variant);
  if (!r) throw new Error(`not rendered: ${doc} ${variant}`);
  return r;
};

const CER_LIMIT: Record<string, number> = { clean: 0.01 };

describe.each(DOCS.map((d) => [d.id, d] as const))('%s', (id, doc) => {
  it.each([...READABLE_VARIANTS])('reads the %s render: fields, type, CER', async (variant) => {
    const r = find(id, variant);
    const { image, orientation } = decodeImage(readFileSync(r.path));
    const reading = await readDocument({ image, orientation }, engine);
    const errorRate = cer(r.text, reading.text);
    expect(errorRate, reading.text).toBeLessThanOrEqual(CER_LIMIT[variant] ?? 0.05);
    expect(reading.documentType.type).toBe(doc.type);
    for (const want of doc.fields) {
      const got = reading.fields.filter((f) => f.kind === want.kind);
      expect(
        got.map((f) => f.value),
        `${want.kind} in\n${reading.text}`,
      ).toContain(want.value);
      expect(got.find((f) => f.value === want.value)?.valid).toBe(true);
    }
    // Boxes come back in the coordinates of the processed image.
    const box = reading.fields.find((f) => f.kind === doc.fields[0]?.kind)?.box;
    expect(box).toBeDefined();
    expect(box && box.x1 > box.x0 && box.y1 > box.y0 && box.x1 <= (reading.size?.width ?? 0)).toBe(true);
    expect(reading.quality?.ok).toBe(true);
    if (variant === 'rotate' || variant === 'photo')
      expect(Math.abs(reading.skewAngle)).toBeGreaterThanOrEqual(2.5);
  });

  it.each([...BAD_VARIANTS])('flags the %s photo so the person can retake it', async (variant) => {
    const r = find(id, variant);
    const reading = await readDocument(decodeImage(readFileSync(r.path)), engine);
    expect(reading.quality?.issues).toContain(variant === 'dark' ? 'too-dark' : 'too-blurry');
  });
});

describe('orientation', () => {
  it('turns a page photographed sideways (no EXIF) back upright by trying rotations', async () => {
    const { image } = decodeImage(readFileSync(find('rib', 'clean').path));
    const reading = await readDocument(rotateQuarter(image, 90), engine);
    expect(reading.rotation).toBe(270);
    expect(reading.fields.find((f) => f.kind === 'iban')?.value).toBe('FR7630006000011234567890189');
  });

  it('turns an upside-down page back', async () => {
    const { image } = decodeImage(readFileSync(find('avis-imposition', 'clean').path));
    const reading = await readDocument(rotateQuarter(image, 180), engine);
    expect(reading.rotation).toBe(180);
    expect(reading.fields.find((f) => f.kind === 'fiscal-number')?.value).toBe('3023217600053');
  });

  it('uses the EXIF orientation of a JPEG when there is one', async () => {
    const { image } = decodeImage(readFileSync(find('attestation-caf', 'clean').path));
    // Stored sideways (as the sensor saw it) and tagged "turn 90° clockwise to view" (6).
    const reading = await readDocument({ image: rotateQuarter(image, 270), orientation: 6 }, engine);
    expect(reading.rotation).toBe(0);
    expect(reading.fields.find((f) => f.kind === 'caf-number')?.value).toBe('1234567');
  });
});

describe('cancel', () => {
  it('stops a reading with OcrCancelledError, and the engine still works afterwards', async () => {
    const own = createNodeOcr();
    try {
      const { image } = decodeImage(readFileSync(find('avis-imposition', 'clean').path));
      // While the engine loads…
      const early = new AbortController();
      const loading = own.recognize(image, { signal: early.signal });
      setTimeout(() => early.abort(), 100);
      await expect(loading).rejects.toBeInstanceOf(OcrCancelledError);
      // …and in the middle of a page, once loaded.
      const warm = await own.recognize(image);
      expect(warm.text).toContain('3023217600053');
      const mid = new AbortController();
      const started = performance.now();
      const pending = own.recognize(image, { signal: mid.signal });
      setTimeout(() => mid.abort(), 150);
      await expect(pending).rejects.toBeInstanceOf(OcrCancelledError);
      expect(performance.now() - started).toBeLessThan(warm.durationMs);
      const again = await own.recognize(image);
      expect(again.text).toContain('3023217600053');
    } finally {
      await own.terminate();
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const { image } = decodeImage(readFileSync(find('rib', 'clean').path));
    await expect(readDocument(image, engine, { signal: ctrl.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
