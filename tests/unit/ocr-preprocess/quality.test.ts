import { describe, expect, it } from 'vitest';
import { LANGS, missingKeys } from '../../../utils/i18n/index.ts';
import { gray, grayToRgba } from '../../../utils/ocr/preprocess/image.ts';
import { catalogs, message, qualityMessage } from '../../../utils/ocr/preprocess/messages.ts';
import { checkQuality, laplacianVariance } from '../../../utils/ocr/preprocess/quality.ts';
import { blur, textPage } from './helpers.ts';

describe('checkQuality', () => {
  it('accepts a sharp, well-lit page (RGBA or grey)', () => {
    const page = textPage();
    expect(checkQuality(page)).toMatchObject({ ok: true, issues: [] });
    expect(checkQuality(grayToRgba(page)).issues).toEqual([]);
  });

  it('flags a dark photo', () => {
    const r = checkQuality(textPage(1200, 1600, 60, 10));
    expect(r.issues).toContain('too-dark');
    expect(r.ok).toBe(false);
  });

  it('flags a blurred photo, not a slightly soft one', () => {
    const page = textPage(800, 1000);
    const strong = blur(page, 4);
    expect(checkQuality(strong).issues).toContain('too-blurry');
    expect(checkQuality(blur(page, 1, 1)).issues).not.toContain('too-blurry');
    expect(laplacianVariance(strong)).toBeLessThan(laplacianVariance(page) / 10);
  });

  it('flags a washed-out photo', () => {
    const r = checkQuality(textPage(1200, 1600, 150, 130));
    expect(r.issues).toEqual(['low-contrast']);
  });

  it('flags a tiny image', () => {
    expect(checkQuality(textPage(500, 400)).issues).toContain('too-small');
  });

  it('does not call a flat grey image blurry (nothing to measure), but low-contrast', () => {
    const flat = gray(1000, 1000);
    flat.data.fill(200);
    expect(checkQuality(flat).issues).toEqual(['low-contrast']);
  });
});

describe('quality messages', () => {
  it('exist in every language', () => {
    for (const lang of LANGS) expect(missingKeys(catalogs, lang)).toEqual([]);
  });

  it('say what is wrong and what to do, in plain words', () => {
    expect(qualityMessage('fr', 'too-blurry')).toMatch(/^La photo est floue : rapprochez-vous/);
    expect(qualityMessage('fr', 'too-dark')).toBe(
      "La photo est trop sombre : allumez la lumière ou approchez-vous d'une fenêtre",
    );
    expect(qualityMessage('en', 'too-small')).toMatch(/too small/);
    expect(qualityMessage('ar', 'too-dark')).toMatch(/مظلمة/);
    expect(message('fr', { issues: ['too-dark', 'too-blurry'] })).toHaveLength(2);
    expect(message('fr', { issues: [] })).toEqual([]);
  });
});
