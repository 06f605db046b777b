/**
 * An image's size read from its first bytes (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X, GIF, BMP),
 * so an image too big to decode safely is refused BEFORE any decoder allocates its pixels.
 * A 20000×20000 PNG of a few kilobytes otherwise asks for 1.6 GB of RGBA (2.8 GB used in Node).
 *
 * The budget, from what OCR needs: an A4 page at 300 dpi is 2480×3508 ≈ 8.7 Mpx, and preprocessing
 * downscales everything to 2400 px on the long side anyway (preprocess/resize.ts). Phone photos
 * are 12 Mpx (most), 50 Mpx (8160×6144), up to 64 Mpx (9248×6936) in "full resolution" mode:
 * 2^26 ≈ 67.1 Mpx (256 MB of RGBA) lets every one of them through and refuses the larger
 * (108/200 Mpx full-resolution modes, decompression bombs). No document photo has a side beyond
 * 16384 px (browsers' canvas limit is 16384–32767 too), so longer sides are refused as well.
 */
import { OcrImageError } from './preprocess/image.ts';

export const MAX_IMAGE_PIXELS = 2 ** 26;
export const MAX_IMAGE_SIDE = 16_384;

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';
export type ImageSize = { format: ImageFormat; width: number; height: number };

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) => u16le(b, i) | (u16le(b, i + 2) << 16) | 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** Which image format the bytes start with (null: not one we read). */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  return null;
}

function png(b: Uint8Array): [number, number] | null {
  // Signature (8), then the first chunk must be IHDR: length (4), "IHDR", width, height.
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return [u32be(b, 16), u32be(b, 20)];
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or scan data before any frame
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    // Segment: FF, marker, length (2), precision (1), height (2), width (2).
    if (SOF.has(marker)) return i + 8 < b.length ? [u16be(b, i + 7), u16be(b, i + 5)] : null;
    i += 2 + length; // APPn (EXIF and its thumbnail), DQT, DHT… skipped whole
  }
  return null;
}

function webp(b: Uint8Array): [number, number] | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) {
    // Frame tag (3), start code 9D 01 2A, then 14-bit width and height (2 bits of scale each).
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X' && b.length >= 30) return [u24le(b, 24) + 1, u24le(b, 27) + 1];
  return null;
}

function gif(b: Uint8Array): [number, number] | null {
  return b.length >= 10 ? [u16le(b, 6), u16le(b, 8)] : null;
}

function bmp(b: Uint8Array): [number, number] | null {
  if (b.length < 26) return null;
  const header = i32le(b, 14);
  if (header === 12) return [u16le(b, 18), u16le(b, 20)];
  // Height is negative for top-down bitmaps.
  return [Math.abs(i32le(b, 18)), Math.abs(i32le(b, 22))];
}

const READERS: Record<ImageFormat, (b: Uint8Array) => [number, number] | null> = {
  png,
  jpeg,
  webp,
  gif,
  bmp,
};

/** Width and height from the header, or null when the format is unknown or the header broken. */
export function readImageSize(bytes: Uint8Array): ImageSize | null {
  const format = sniffImage(bytes);
  if (!format) return null;
  const size = READERS[format](bytes);
  if (!size) return null;
  const [width, height] = size;
  return { format, width, height };
}

/** True when an image of this size can be decoded and read. */
export function withinPixelBudget(width: number, height: number): boolean {
  return width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE && width * height <= MAX_IMAGE_PIXELS;
}

/**
 * The header's size if the image may be decoded. Throws `image-too-large` above the budget,
 * `bad-dimensions` for a zero side, `corrupt-image` for a header that cannot be read, and
 * `unsupported-format` for anything that is not one of the formats above.
 */
export function checkImageSize(bytes: Uint8Array): ImageSize {
  if (bytes.length === 0) throw new OcrImageError('empty-image', 'Empty file');
  const format = sniffImage(bytes);
  if (!format) throw new OcrImageError('unsupported-format', 'Not a PNG, JPEG, WebP, GIF or BMP image');
  const size = readImageSize(bytes);
  if (!size) throw new OcrImageError('corrupt-image', `Cannot read the ${format} header`);
  const { width, height } = size;
  if (width <= 0 || height <= 0)
    throw new OcrImageError('bad-dimensions', `Invalid image size ${width}×${height}`);
  if (!withinPixelBudget(width, height)) {
    throw new OcrImageError(
      'image-too-large',
      `Image of ${width}×${height} px is above the budget (${MAX_IMAGE_PIXELS} px, ${MAX_IMAGE_SIDE} px a side)`,
    );
  }
  return size;
}
