/**
 * Plain pixel buffers, so preprocessing runs the same in Node and in a browser worker
 * (an `ImageData` is a valid `RgbaImage`).
 */
export type RgbaImage = { width: number; height: number; data: Uint8ClampedArray };
/** One byte of luminance per pixel. */
export type GrayImage = { width: number; height: number; data: Uint8ClampedArray; channels: 1 };
export type AnyImage = RgbaImage | GrayImage;

export type ImageErrorCode =
  | 'empty-image'
  | 'bad-dimensions'
  | 'unsupported-format'
  | 'corrupt-image'
  /** Above the pixel budget (utils/ocr/image-size.ts): refused before decoding. */
  | 'image-too-large';

export class OcrImageError extends Error {
  readonly code: ImageErrorCode;
  constructor(code: ImageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrImageError';
    this.code = code;
  }
}

export function channelsOf(img: AnyImage): 1 | 4 {
  return 'channels' in img && img.channels === 1 ? 1 : 4;
}

export function isGray(img: AnyImage): img is GrayImage {
  return channelsOf(img) === 1;
}

/** Throws a typed error for buffers that do not match their dimensions. */
export function assertImage(img: AnyImage): void {
  const { width, height } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new OcrImageError('bad-dimensions', `Invalid image size ${width}×${height}`);
  }
  if (img.data.length !== width * height * channelsOf(img)) {
    throw new OcrImageError(
      'bad-dimensions',
      `Pixel buffer of ${img.data.length} bytes for ${width}×${height}`,
    );
  }
}

export function gray(width: number, height: number, data?: Uint8ClampedArray): GrayImage {
  return { width, height, data: data ?? new Uint8ClampedArray(width * height), channels: 1 };
}

/** Rec. 601 luma, integer arithmetic (fast on big photos). */
export function grayscale(img: AnyImage): GrayImage {
  assertImage(img);
  if (isGray(img)) return img;
  const { width, height, data } = img;
  const out = gray(width, height);
  for (let i = 0, j = 0; j < out.data.length; i += 4, j++) {
    out.data[j] = ((data[i] ?? 0) * 77 + (data[i + 1] ?? 0) * 150 + (data[i + 2] ?? 0) * 29) >> 8;
  }
  return out;
}

/** Back to RGBA, e.g. to put the result on a canvas. */
export function grayToRgba(img: GrayImage): RgbaImage {
  const data = new Uint8ClampedArray(img.width * img.height * 4);
  for (let j = 0, i = 0; j < img.data.length; j++, i += 4) {
    const v = img.data[j] ?? 0;
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
    data[i + 3] = 255;
  }
  return { width: img.width, height: img.height, data };
}

export function histogram(img: GrayImage): Uint32Array {
  const h = new Uint32Array(256);
  for (const v of img.data) h[v] = (h[v] ?? 0) + 1;
  return h;
}

/** Value below which `p` percent of the pixels lie. */
export function percentile(hist: Uint32Array, p: number): number {
  let total = 0;
  for (const c of hist) total += c;
  const target = (total * p) / 100;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v] ?? 0;
    if (acc >= target) return v;
  }
  return 255;
}

export function mean(img: GrayImage): number {
  let s = 0;
  for (const v of img.data) s += v;
  return s / Math.max(1, img.data.length);
}
