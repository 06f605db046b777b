import { type AnyImage, assertImage, channelsOf, type GrayImage, gray } from './image.ts';

/**
 * Applies an EXIF orientation (1–8) so the pixels are upright. 2/4/5/7 are mirrored variants
 * (front cameras), 3 is 180°, 6 is 90° clockwise, 8 is 90° counter-clockwise.
 */
export function applyOrientation<T extends AnyImage>(img: T, orientation: number): T {
  assertImage(img);
  if (orientation < 2 || orientation > 8) return img;
  const { width: w, height: h } = img;
  const ch = channelsOf(img);
  const swap = orientation >= 5;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      // (sx, sy): where destination pixel (x, y) comes from in the stored image.
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          sx = w - 1 - x;
          sy = y;
          break;
        case 3:
          sx = w - 1 - x;
          sy = h - 1 - y;
          break;
        case 4:
          sx = x;
          sy = h - 1 - y;
          break;
        case 5:
          sx = y;
          sy = x;
          break;
        case 6:
          sx = y;
          sy = h - 1 - x;
          break;
        case 7:
          sx = w - 1 - y;
          sy = h - 1 - x;
          break;
        default:
          sx = w - 1 - y;
          sy = x;
          break; // 8
      }
      const s = (sy * w + sx) * ch;
      const d = (y * ow + x) * ch;
      for (let c = 0; c < ch; c++) out[d + c] = img.data[s + c] ?? 0;
    }
  }
  return { ...img, width: ow, height: oh, data: out };
}

/** Rotates clockwise by a multiple of 90°. */
export function rotateQuarter<T extends AnyImage>(img: T, degreesClockwise: 0 | 90 | 180 | 270): T {
  const orientation = { 0: 1, 90: 6, 180: 3, 270: 8 }[degreesClockwise];
  return applyOrientation(img, orientation);
}

/**
 * Rotates a grey image by `degrees` (positive = counter-clockwise, as on screen with y down it turns the
 * content anticlockwise) around its centre, same size, bilinear, uncovered corners filled with `fill`.
 */
export function rotateGray(img: GrayImage, degrees: number, fill = 255): GrayImage {
  if (Math.abs(degrees) < 0.01) return img;
  const { width: w, height: h, data } = img;
  const out = gray(w, h);
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // Inverse mapping: destination → source.
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out.data[y * w + x] = fill;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const a = data[i] ?? fill;
      const b = data[i + 1] ?? fill;
      const c = data[i + w] ?? fill;
      const d = data[i + w + 1] ?? fill;
      out.data[y * w + x] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }
  }
  return out;
}
