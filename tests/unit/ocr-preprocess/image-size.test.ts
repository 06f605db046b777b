/**
 * Images above the pixel budget are refused from their header, before any decoder allocates
 * width × height × 4 bytes: in the command line, in the extension's and the widget's file reading,
 * and for PDF pages (rendered smaller instead). Big inputs are written here as headers only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import jpegJs from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readFile as readFileBrowser } from '../../../components/features/ocr/reading.ts';
import { decodeImage } from '../../../utils/ocr/engine/decode-node.ts';
import {
  checkImageSize,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  readImageSize,
} from '../../../utils/ocr/image-size.ts';
import { type PdfjsLike, type PdfjsPage, readPdfPages, renderScale } from '../../../utils/ocr/pdf/index.ts';
import { OcrImageError } from '../../../utils/ocr/preprocess/image.ts';
import { imageErrorMessage } from '../../../utils/ocr/preprocess/messages.ts';

// --- headers written by hand ---------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A valid PNG signature and IHDR (8-bit RGBA), then one tiny IDAT and IEND: only the header matters. */
function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(Math.min(1 + width * 4, 4096)))),
    chunk('IEND', new Uint8Array()),
  ]);
}
/** SOI, an APP1 (EXIF-like) segment to skip, then a baseline SOF0 with the size. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app1 = [0xff, 0xe1, 0x00, 0x08, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xff, ...app1, ...sof, ...new Array(9).fill(0), 0xff, 0xd9]);
}
function riff(kind: string, payload: number[]): Uint8Array {
  const body = Buffer.from(payload);
  const out = Buffer.alloc(20 + body.length);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(12 + body.length, 4);
  out.write('WEBP', 8, 'latin1');
  out.write(kind, 12, 'latin1');
  out.writeUInt32LE(body.length, 16);
  out.set(body, 20);
  return out;
}
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
function webpLossy(w: number, h: number) {
  return riff('VP8 ', [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0]);
}
function webpLossless(w: number, h: number) {
  const bits = (w - 1) | ((h - 1) << 14);
  return riff('VP8L', [0x2f, bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, (bits >>> 24) & 0xff]);
}
function webpExtended(w: number, h: number) {
  return riff('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);
}
function gifHeader(w: number, h: number) {
  return new Uint8Array([...Buffer.from('GIF89a'), ...le16(w), ...le16(h), 0, 0, 0]);
}
function bmpHeader(w: number, h: number) {
  const out = Buffer.alloc(54);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(w, 18);
  out.writeInt32LE(-h, 22); // top-down
  return out;
}

const tooLarge = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof OcrImageError ? error.code : String(error);
  }
  return 'accepted';
};

describe('image size from the header', () => {
  it.each([
    ['PNG', pngHeader(2480, 3508), 'png'],
    ['JPEG (after an APP1 segment)', jpegHeader(4032, 3024), 'jpeg'],
    ['WebP lossy', webpLossy(1600, 1200), 'webp'],
    ['WebP lossless', webpLossless(1600, 1200), 'webp'],
    ['WebP extended', webpExtended(9000, 7000), 'webp'],
    ['GIF', gifHeader(640, 480), 'gif'],
    ['BMP (top-down)', bmpHeader(800, 600), 'bmp'],
  ])('%s', (_name, bytes, format) => {
    const size = readImageSize(bytes);
    expect(size?.format).toBe(format);
    expect(size && size.width * size.height).toBeGreaterThan(0);
  });

  it('agrees with real encoders (pngjs, jpeg-js)', () => {
    const png = new PNG({ width: 37, height: 21 });
    expect(readImageSize(PNG.sync.write(png))).toEqual({ format: 'png', width: 37, height: 21 });
    const jpg = jpegJs.encode({ width: 45, height: 17, data: Buffer.alloc(45 * 17 * 4, 200) }, 80);
    expect(readImageSize(new Uint8Array(jpg.data))).toEqual({ format: 'jpeg', width: 45, height: 17 });
  });

  it('lets ordinary documents and phone photos through, up to a 64 Mpx phone photo', () => {
    for (const [w, h] of [
      [2480, 3508], // A4 at 300 dpi
      [4000, 3000], // 12 Mpx phone
      [8160, 6144], // 50 Mpx phone
      [9248, 6936], // 64 Mpx phone, full resolution
      [16000, 1200], // a long receipt
    ] as const) {
      expect(
        tooLarge(() => checkImageSize(pngHeader(w, h))),
        `${w}×${h}`,
      ).toBe('accepted');
      expect(
        tooLarge(() => checkImageSize(jpegHeader(w, h))),
        `${w}×${h}`,
      ).toBe('accepted');
    }
  });

  it.each([
    ['PNG 20000×20000', pngHeader(20000, 20000)],
    ['PNG 30000×30000', pngHeader(30000, 30000)],
    ['PNG 100000×10 (one side too long)', pngHeader(100000, 10)],
    ['JPEG 12000×9000 (108 Mpx)', jpegHeader(12000, 9000)],
    ['WebP lossy 16383×16383', webpLossy(16383, 16383)],
    ['WebP lossless 16384×16384', webpLossless(16384, 16384)],
    ['WebP extended 20000×20000', webpExtended(20000, 20000)],
    ['GIF 65535×65535', gifHeader(65535, 65535)],
    ['BMP 20000×20000', bmpHeader(20000, 20000)],
  ])('refuses %s before decoding', (_name, bytes) => {
    expect(tooLarge(() => checkImageSize(bytes))).toBe('image-too-large');
  });

  it('budget constants say what the comment says', () => {
    expect(MAX_IMAGE_PIXELS).toBeGreaterThanOrEqual(9248 * 6936);
    expect(MAX_IMAGE_SIDE).toBe(16384);
  });
});

describe('Node decoding (command line)', () => {
  it('refuses a 20000×20000 PNG with a typed error instead of decoding it', () => {
    const started = performance.now();
    expect(tooLarge(() => decodeImage(pngHeader(20000, 20000)))).toBe('image-too-large');
    expect(tooLarge(() => decodeImage(jpegHeader(12000, 9000)))).toBe('image-too-large');
    // Decoding took tens of seconds and gigabytes; the header check is instant. Generous bound.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('still decodes an ordinary PNG and JPEG', () => {
    const png = new PNG({ width: 8, height: 4 });
    png.data.fill(255);
    expect(decodeImage(PNG.sync.write(png)).image.width).toBe(8);
    const jpg = jpegJs.encode({ width: 8, height: 4, data: Buffer.alloc(8 * 4 * 4, 255) }, 80);
    expect(decodeImage(new Uint8Array(jpg.data)).image.height).toBe(4);
  });

  const dir = mkdtempSync(join(tmpdir(), 'pasapas-big-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`pasapas ocr big.png` answers at once in plain French and exits non-zero', () => {
    const file = join(dir, 'big.png');
    writeFileSync(file, pngHeader(20000, 20000));
    const out = spawnSync(process.execPath, [join(process.cwd(), 'bin/pasapas.js'), 'ocr', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('Image trop grande');
    expect(out.stdout).toContain('(image-too-large)');
  }, 60_000);
});

describe('browser file reading (extension OCR page and widget)', () => {
  const opts = { assetsBase: '/ocr/', signal: new AbortController().signal, onStage: () => undefined };

  it('refuses a too-large image from its header, before createImageBitmap', async () => {
    const error = await readFileBrowser(
      new Blob([pngHeader(20000, 20000) as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      opts,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrImageError);
    expect((error as OcrImageError).code).toBe('image-too-large');
    const webp = await readFileBrowser(
      new Blob([webpExtended(20000, 20000) as Uint8Array<ArrayBuffer>]),
      opts,
    ).catch((e: unknown) => e);
    expect((webp as OcrImageError).code).toBe('image-too-large');
  });

  it('says so in French, English and Arabic', () => {
    expect(imageErrorMessage('fr', 'image-too-large')).toMatch(/^Image trop grande/);
    expect(imageErrorMessage('en', 'image-too-large')).toMatch(/^Image too large/);
    expect(imageErrorMessage('ar', 'image-too-large')).toMatch(/^الصورة كبيرة جدًا/);
  });
});

describe('PDF pages', () => {
  /** A fake pdf.js page of `w`×`h` points, no text layer (a scan). */
  function fakePage(w: number, h: number): PdfjsPage {
    return {
      getViewport: ({ scale }) => ({
        width: w * scale,
        height: h * scale,
        transform: [scale, 0, 0, -scale, 0, h * scale],
      }),
      getTextContent: async () => ({ items: [] }),
    };
  }
  function fakePdfjs(page: PdfjsPage): PdfjsLike {
    return {
      getDocument: () => ({
        promise: Promise.resolve({ numPages: 1, getPage: async () => page }),
        destroy: async () => undefined,
      }),
    };
  }

  it('renders an A4 scan at 200 dpi as before', () => {
    expect(renderScale(fakePage(595, 842), 200 / 72)).toBe(200 / 72);
  });

  it.each([
    ['a 200-inch square page', 14400, 14400],
    ['an A0 poster', 2384, 3370],
    ['a very long strip', 200, 14400],
  ])('renders %s at a scale that fits the budget', async (_name, w, h) => {
    const scales: number[] = [];
    await readPdfPages(fakePdfjs(fakePage(w, h)), new Uint8Array([1]), {
      render: async (_page, scale) => {
        scales.push(scale);
        return { width: 1, height: 1, data: new Uint8ClampedArray(4) };
      },
    });
    const scale = scales[0] ?? Number.NaN;
    const pw = Math.ceil(w * scale);
    const ph = Math.ceil(h * scale);
    expect(pw * ph).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(Math.max(pw, ph)).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    expect(scale).toBeGreaterThan(0);
  });
});
