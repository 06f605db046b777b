/**
 * Image preprocessing for OCR, pure functions on pixel buffers (Node and browser worker alike):
 * orientation → grayscale → downscale → quality check → contrast stretch → deskew.
 */
import { normalizeContrast } from './contrast.ts';
import { deskew } from './deskew.ts';
import { type AnyImage, type GrayImage, grayscale } from './image.ts';
import { checkQuality, type QualityReport } from './quality.ts';
import { DEFAULT_MAX_SIDE, downscale } from './resize.ts';
import { applyOrientation } from './rotate.ts';

export * from './contrast.ts';
export * from './deskew.ts';
export * from './encode.ts';
export * from './exif.ts';
export * from './image.ts';
export * from './quality.ts';
export * from './resize.ts';
export * from './rotate.ts';

export type PreprocessOptions = {
  /** EXIF orientation of the source (see readJpegOrientation); 1 = upright. */
  orientation?: number;
  maxSide?: number;
  /** Straighten text lines tilted by up to ±10° (default true). */
  deskew?: boolean;
  /** Stretch the grey levels (default true). */
  normalize?: boolean;
};

export type Preprocessed = {
  image: GrayImage;
  quality: QualityReport;
  /** Angle the text was turned by to straighten it, degrees. */
  skewAngle: number;
  durationMs: number;
};

export function preprocess(input: AnyImage, opts: PreprocessOptions = {}): Preprocessed {
  const started = performance.now();
  let img = grayscale(input);
  if (opts.orientation && opts.orientation !== 1) img = applyOrientation(img, opts.orientation);
  const quality = checkQuality(img);
  img = downscale(img, opts.maxSide ?? DEFAULT_MAX_SIDE);
  if (opts.normalize !== false) img = normalizeContrast(img);
  let skewAngle = 0;
  if (opts.deskew !== false) {
    const straight = deskew(img);
    img = straight.image;
    skewAngle = straight.angle;
  }
  return { image: img, quality, skewAngle, durationMs: performance.now() - started };
}
