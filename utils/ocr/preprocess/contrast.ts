import { type GrayImage, gray, histogram, percentile } from './image.ts';

/**
 * Percentile stretch: maps the `low`th percentile to black and the `high`th to white, so that a grey,
 * washed-out or dim photo uses the full range (adaptive binarisation fails on very flat images).
 */
export function normalizeContrast(img: GrayImage, low = 0.5, high = 99): GrayImage {
  const hist = histogram(img);
  const lo = percentile(hist, low);
  let hi = percentile(hist, high);
  if (hi <= lo) hi = lo + 1;
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = ((v - lo) * 255) / (hi - lo);
  const out = gray(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) out.data[i] = lut[img.data[i] ?? 0] ?? 0;
  return out;
}
