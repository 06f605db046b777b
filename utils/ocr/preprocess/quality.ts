import { normalizeContrast } from './contrast.ts';
import { type AnyImage, type GrayImage, grayscale, histogram, mean, percentile } from './image.ts';
import { downscale } from './resize.ts';

export type QualityIssue = 'too-small' | 'too-dark' | 'too-blurry' | 'low-contrast';
export type QualityMetrics = {
  width: number;
  height: number;
  /** Mean luminance 0–255. */
  brightness: number;
  /** 98th minus 2nd percentile of luminance. */
  contrast: number;
  /** Variance of the Laplacian on a 1200 px, contrast-normalised copy (higher is sharper). */
  sharpness: number;
};
export type QualityReport = { ok: boolean; issues: QualityIssue[]; metrics: QualityMetrics };

/**
 * Thresholds, calibrated on the rendered documents of tests/fixtures/ocr-docs: a 1.6 px blur or a
 * 120–180 grey range still reads perfectly after preprocessing, so they are not flagged; a 4 px blur is.
 */
export const QUALITY_LIMITS = {
  minShortSide: 600,
  minLongSide: 800,
  darkMean: 70,
  darkPaper: 120,
  minContrast: 40,
  minSharpness: 180,
} as const;

/** Variance of the 4-neighbour Laplacian: blur removes the high frequencies it measures. */
export function laplacianVariance(img: GrayImage): number {
  const { width: w, height: h, data } = img;
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v =
        (data[i - 1] ?? 0) +
        (data[i + 1] ?? 0) +
        (data[i - w] ?? 0) +
        (data[i + w] ?? 0) -
        4 * (data[i] ?? 0);
      sum += v;
      sq += v * v;
      n++;
    }
  }
  const m = sum / n;
  return sq / n - m * m;
}

/** Checks a photo before OCR, so the person can retake it rather than get a wrong reading. */
export function checkQuality(input: AnyImage, limits = QUALITY_LIMITS): QualityReport {
  const g = grayscale(input);
  const hist = histogram(g);
  const brightness = mean(g);
  const contrast = percentile(hist, 98) - percentile(hist, 2);
  const paper = percentile(hist, 90);
  const sharpness = laplacianVariance(normalizeContrast(downscale(g, 1200)));
  const issues: QualityIssue[] = [];
  const short = Math.min(g.width, g.height);
  const long = Math.max(g.width, g.height);
  if (short < limits.minShortSide || long < limits.minLongSide) issues.push('too-small');
  if (brightness < limits.darkMean && paper < limits.darkPaper) issues.push('too-dark');
  else if (contrast < limits.minContrast) issues.push('low-contrast');
  if (contrast >= 10 && sharpness < limits.minSharpness) issues.push('too-blurry');
  return {
    ok: issues.length === 0,
    issues,
    metrics: { width: g.width, height: g.height, brightness, contrast, sharpness: Math.round(sharpness) },
  };
}
