import { type GrayImage, histogram } from './image.ts';
import { downscale } from './resize.ts';
import { rotateGray } from './rotate.ts';

export type SkewEstimate = { angle: number; confidence: number };

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(img: GrayImage): number {
  const hist = histogram(img);
  const total = img.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * (hist[v] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let v = 0; v < 256; v++) {
    wB += hist[v] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += v * (hist[v] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

/**
 * Estimates the slope of the text lines, in degrees (positive: lines go down to the right), by
 * projection profiles: the ink projected across the true line direction gives the sharpest profile.
 * Searches ±maxAngle at 0.5° then refines to 0.1°. `confidence` compares the best profile with the
 * straight one (1 = no better than unrotated).
 */
export function estimateSkew(img: GrayImage, maxAngle = 10): SkewEstimate {
  const small = downscale(img, 1000);
  const t = otsuThreshold(small);
  const xs: number[] = [];
  const ys: number[] = [];
  const { width: w, height: h, data } = small;
  // Ignore a margin: borders of a photo (table edge, shadow) are not text lines.
  const mx = Math.floor(w * 0.03);
  const my = Math.floor(h * 0.03);
  for (let y = my; y < h - my; y++) {
    for (let x = mx; x < w - mx; x++) {
      if ((data[y * w + x] ?? 255) < t) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  // Mostly dark means background, not ink: nothing reliable to measure.
  if (xs.length < 50 || xs.length > w * h * 0.5) return { angle: 0, confidence: 0 };
  const step = Math.max(1, Math.floor(xs.length / 80_000));
  const diag = Math.ceil(Math.hypot(w, h)) + 2;
  const bins = new Float64Array(diag * 2);
  const score = (deg: number): number => {
    const rad = (deg * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    bins.fill(0);
    for (let i = 0; i < xs.length; i += step) {
      const b = Math.round((ys[i] ?? 0) * cos - (xs[i] ?? 0) * sin) + diag;
      bins[b] = (bins[b] ?? 0) + 1;
    }
    let s = 0;
    for (const c of bins) s += c * c;
    return s;
  };
  let bestAngle = 0;
  let bestScore = -1;
  for (let a = -maxAngle; a <= maxAngle + 1e-9; a += 0.5) {
    const s = score(a);
    if (s > bestScore) {
      bestScore = s;
      bestAngle = a;
    }
  }
  const coarse = bestAngle;
  for (let a = coarse - 0.4; a <= coarse + 0.4 + 1e-9; a += 0.1) {
    const s = score(a);
    if (s > bestScore) {
      bestScore = s;
      bestAngle = a;
    }
  }
  const flat = score(0);
  return { angle: Math.round(bestAngle * 10) / 10, confidence: flat > 0 ? bestScore / flat : 0 };
}

/** Straightens the text lines; angles under 0.3° are left alone (not worth the resampling blur). */
export function deskew(img: GrayImage, maxAngle = 10): { image: GrayImage; angle: number } {
  const { angle } = estimateSkew(img, maxAngle);
  if (Math.abs(angle) < 0.3) return { image: img, angle: 0 };
  return { image: rotateGray(img, angle, 255), angle };
}
