import { describe, expect, it } from 'vitest';
import { browserPaths, mapProgress } from '../../../utils/ocr/engine/browser.ts';
import { pageToResult, toEngineBytes } from '../../../utils/ocr/engine/convert.ts';
import { textItemsToLines } from '../../../utils/ocr/pdf/index.ts';
import { normalizeContrast } from '../../../utils/ocr/preprocess/contrast.ts';
import { encodePgm } from '../../../utils/ocr/preprocess/encode.ts';
import { assertImage, gray, grayscale, histogram, percentile } from '../../../utils/ocr/preprocess/image.ts';
import { preprocess } from '../../../utils/ocr/preprocess/index.ts';
import { downscale } from '../../../utils/ocr/preprocess/resize.ts';
import { applyOrientation, rotateGray, rotateQuarter } from '../../../utils/ocr/preprocess/rotate.ts';
import { textPage } from './helpers.ts';

// 3×2 grey image:  1 2 3 / 4 5 6
const small = () => gray(3, 2, new Uint8ClampedArray([1, 2, 3, 4, 5, 6]));

describe('orientation', () => {
  it('turns 90° clockwise for EXIF 6, anticlockwise for 8, 180° for 3', () => {
    expect(Array.from(applyOrientation(small(), 6).data)).toEqual([4, 1, 5, 2, 6, 3]);
    expect(Array.from(applyOrientation(small(), 8).data)).toEqual([3, 6, 2, 5, 1, 4]);
    expect(Array.from(applyOrientation(small(), 3).data)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(Array.from(applyOrientation(small(), 2).data)).toEqual([3, 2, 1, 6, 5, 4]);
    expect(applyOrientation(small(), 6)).toMatchObject({ width: 2, height: 3 });
    expect(applyOrientation(small(), 1)).toEqual(small());
  });

  it('four quarter turns come back to the start, on RGBA too', () => {
    const rgba = { width: 3, height: 2, data: new Uint8ClampedArray(24).map((_, i) => i) };
    let r = rgba;
    for (let k = 0; k < 4; k++) r = rotateQuarter(r, 90);
    expect(r).toEqual(rgba);
  });

  it('rotateGray by 0 is the identity and fills uncovered corners', () => {
    const page = textPage(200, 200);
    expect(rotateGray(page, 0)).toBe(page);
    expect(rotateGray(page, 30, 77).data[0]).toBe(77);
  });
});

describe('pixels', () => {
  it('grayscale uses luma weights and validates buffers', () => {
    const rgba = { width: 2, height: 1, data: new Uint8ClampedArray([255, 0, 0, 255, 255, 255, 255, 255]) };
    expect(Array.from(grayscale(rgba).data)).toEqual([76, 255]);
    expect(() => assertImage({ width: 2, height: 2, data: new Uint8ClampedArray(3) })).toThrowError(
      expect.objectContaining({ code: 'bad-dimensions' }),
    );
  });

  it('stretches a washed-out image to the full range', () => {
    const page = textPage(400, 400, 170, 120);
    const out = normalizeContrast(page);
    const h = histogram(out);
    expect(percentile(h, 0.5)).toBe(0);
    expect(percentile(h, 99.5)).toBe(255);
  });

  it('downscales huge photos by area averaging', () => {
    const big = gray(4000, 3000);
    big.data.fill(100);
    const out = downscale(big, 2400);
    expect([out.width, out.height]).toEqual([2400, 1800]);
    expect(out.data.every((v) => v === 100)).toBe(true);
    expect(downscale(small(), 2400)).toEqual(small());
  });

  it('writes a PGM the engine can read', () => {
    const bytes = encodePgm(small());
    expect(new TextDecoder().decode(bytes.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect(Array.from(bytes.subarray(11))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toEngineBytes(small())).toEqual(bytes);
    const raw = new Uint8Array([1, 2]);
    expect(toEngineBytes(raw)).toBe(raw);
  });

  it('runs the whole pipeline: orientation, downscale, deskew', () => {
    const sideways = rotateQuarter(rotateGray(textPage(1000, 1400), -3), 270);
    const out = preprocess(sideways, { orientation: 6 });
    expect([out.image.width, out.image.height]).toEqual([1000, 1400]);
    expect(out.skewAngle).toBeCloseTo(3, 0);
    expect(out.quality.ok).toBe(true);
  });
});

describe('engine glue', () => {
  it('maps tesseract.js progress to two stages', () => {
    expect(mapProgress('recognizing text', 0.5)).toEqual({ stage: 'recognizing', progress: 0.5 });
    expect(mapProgress('loading language traineddata', 2)).toEqual({ stage: 'loading', progress: 1 });
    expect(mapProgress('initializing api', Number.NaN)).toEqual({ stage: 'loading', progress: 0 });
  });

  it('keeps every engine file under our own folder', () => {
    const p = browserPaths('chrome-extension://abc/ocr');
    for (const url of Object.values(p)) expect(url.startsWith('chrome-extension://abc/ocr/')).toBe(true);
  });

  it('flattens blocks into lines with the mean word confidence', () => {
    const bbox = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const r = pageToResult(
      {
        text: 'IBAN FR76\n',
        confidence: 50,
        blocks: [
          {
            paragraphs: [
              {
                lines: [
                  {
                    text: 'IBAN FR76\n',
                    confidence: 80,
                    bbox,
                    words: [
                      { text: 'IBAN', confidence: 90, bbox },
                      { text: 'FR76', confidence: 70, bbox },
                      { text: ' ', confidence: 0, bbox },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      12.4,
    );
    expect(r).toEqual({
      text: 'IBAN FR76',
      confidence: 80,
      durationMs: 12,
      lines: [
        {
          text: 'IBAN FR76',
          confidence: 80,
          bbox,
          words: [
            { text: 'IBAN', confidence: 90, bbox },
            { text: 'FR76', confidence: 70, bbox },
          ],
        },
      ],
    });
  });
});

describe('PDF text layer', () => {
  it('groups items on one baseline into a line, left to right, with word boxes', () => {
    const viewport = { width: 200, height: 100, transform: [2, 0, 0, -2, 0, 200] };
    const item = (str: string, x: number, y: number, width: number) => ({
      str,
      transform: [10, 0, 0, 10, x, y],
      width,
      height: 10,
    });
    const lines = textItemsToLines(
      [
        item('FR76 3000', 50, 80, 45),
        item('IBAN :', 10, 80, 30),
        item('BIC', 10, 60, 15),
        item(' ', 0, 0, 1),
      ],
      viewport,
    );
    expect(lines.map((l) => l.text)).toEqual(['IBAN : FR76 3000', 'BIC']);
    const words = lines[0]?.words ?? [];
    expect(words.map((w) => w.text)).toEqual(['IBAN', ':', 'FR76', '3000']);
    expect(words[2]?.bbox.x0).toBe(100);
    expect(words[2]?.bbox.x1).toBe(140);
    expect(lines[0]?.bbox.y0).toBeLessThan(lines[1]?.bbox.y0 ?? 0);
  });
});

describe('PDF runs split inside a word', () => {
  it('glues a ligature run to its word, keeps real gaps as spaces', () => {
    const viewport = { width: 200, height: 100, transform: [1, 0, 0, -1, 0, 100] };
    const run = (str: string, x: number, width: number) => ({
      str,
      transform: [10, 0, 0, 10, x, 50],
      width,
      height: 10,
    });
    const lines = textItemsToLines(
      [run('Numéro ', 0, 35), run('\uFB01', 35, 5), run('scal : 302', 40, 50)],
      viewport,
    );
    expect(lines[0]?.text).toBe('Numéro fiscal : 302');
    expect(lines[0]?.words.map((w) => w.text)).toEqual(['Numéro', 'fiscal', ':', '302']);
    const spaced = textItemsToLines([run('BIC', 0, 15), run('AGRIFRPP', 40, 40)], viewport);
    expect(spaced[0]?.text).toBe('BIC AGRIFRPP');
  });
});

describe('dropNoise', () => {
  it('removes speckle lines from the text and the lines, keeps real ones', async () => {
    const { dropNoise } = await import('../../../utils/ocr/index.ts');
    const bbox = { x0: 0, y0: 0, x1: 1, y1: 1 };
    const line = (text: string, confidence: number) => ({
      text,
      confidence,
      bbox,
      words: [{ text, confidence, bbox }],
    });
    const lines = [
      line('IBAN : FR76', 91),
      line('SESE RE RE SAS', 24),
      line(';', 67),
      line('BIC : AGRIFRPP', 55),
    ];
    const out = dropNoise({ text: 'IBAN : FR76\n\nSESE RE RE SAS\n;\nBIC : AGRIFRPP', lines });
    expect(out.text).toBe('IBAN : FR76\n\nBIC : AGRIFRPP');
    expect(out.lines.map((l) => l.text)).toEqual(['IBAN : FR76', 'BIC : AGRIFRPP']);
    const clean = { text: 'IBAN : FR76', lines: lines.slice(0, 1) };
    expect(dropNoise(clean)).toEqual(clean);
  });
});
