import { describe, expect, it } from 'vitest';
import { deskew, estimateSkew, otsuThreshold } from '../../../utils/ocr/preprocess/deskew.ts';
import { rotateGray } from '../../../utils/ocr/preprocess/rotate.ts';
import { textPage } from './helpers.ts';

describe('deskew (projection profiles)', () => {
  const page = textPage(900, 1200);

  it('finds no skew on a straight page', () => {
    expect(Math.abs(estimateSkew(page).angle)).toBeLessThanOrEqual(0.2);
  });

  it.each([-7, -3.5, 2, 4, 9])('measures a page turned by %s° and straightens it', (deg) => {
    // rotateGray turns content anticlockwise by its angle: lines then go down to the right by -deg.
    const turned = rotateGray(page, -deg);
    const est = estimateSkew(turned);
    expect(est.angle).toBeCloseTo(deg, 0);
    expect(Math.abs(est.angle - deg)).toBeLessThanOrEqual(0.3);
    expect(est.confidence).toBeGreaterThan(1.5);
    const fixed = deskew(turned);
    expect(fixed.angle).toBe(est.angle);
    expect(Math.abs(estimateSkew(fixed.image).angle)).toBeLessThanOrEqual(0.3);
  });

  it('leaves a blank page alone', () => {
    const blank = { ...page, data: new Uint8ClampedArray(page.data.length).fill(250) };
    expect(deskew(blank)).toEqual({ image: blank, angle: 0 });
  });

  it("puts Otsu's threshold between ink and paper", () => {
    const t = otsuThreshold(page);
    expect(t).toBeGreaterThanOrEqual(20);
    expect(t).toBeLessThan(245);
  });
});
