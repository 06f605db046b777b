import { type AnyImage, assertImage, channelsOf } from './image.ts';

/** Longest side kept for OCR: ~200 dpi for an A4 page photographed whole; more only costs time. */
export const DEFAULT_MAX_SIDE = 2400;

/**
 * Downscales so that the longest side is at most `maxSide`, averaging every source pixel that falls
 * in a destination pixel (area filter: no aliasing on thin strokes). Smaller images are returned as is.
 */
export function downscale<T extends AnyImage>(img: T, maxSide = DEFAULT_MAX_SIDE): T {
  assertImage(img);
  const { width: w, height: h } = img;
  const scale = maxSide / Math.max(w, h);
  if (scale >= 1) return img;
  const ch = channelsOf(img);
  const ow = Math.max(1, Math.round(w * scale));
  const oh = Math.max(1, Math.round(h * scale));
  const sums = new Float64Array(ow * oh * ch);
  const counts = new Uint32Array(ow * oh);
  const xmap = new Uint32Array(w);
  for (let x = 0; x < w; x++) xmap[x] = Math.min(ow - 1, Math.floor((x * ow) / w));
  const src = img.data;
  for (let y = 0; y < h; y++) {
    const oy = Math.min(oh - 1, Math.floor((y * oh) / h));
    const rowOut = oy * ow;
    let i = y * w * ch;
    for (let x = 0; x < w; x++) {
      const o = rowOut + (xmap[x] ?? 0);
      counts[o] = (counts[o] ?? 0) + 1;
      const so = o * ch;
      for (let c = 0; c < ch; c++) sums[so + c] = (sums[so + c] ?? 0) + (src[i++] ?? 0);
    }
  }
  const data = new Uint8ClampedArray(ow * oh * ch);
  for (let o = 0; o < ow * oh; o++) {
    const n = counts[o] || 1;
    for (let c = 0; c < ch; c++) data[o * ch + c] = Math.round((sums[o * ch + c] ?? 0) / n);
  }
  return { ...img, width: ow, height: oh, data };
}
