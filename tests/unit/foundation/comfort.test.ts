// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { applyComfort, removeComfort } from '../../../utils/comfort/apply';
import { comfortCss } from '../../../utils/comfort/css';
import {
  DEFAULT_COMFORT,
  isDefaultComfort,
  parseComfort,
  stepTextScale,
} from '../../../utils/comfort/settings';

describe('comfort settings', () => {
  test('a corrupted entry keeps every valid choice', () => {
    expect(parseComfort({ theme: 'dark', textScale: 7, font: 'legible', lineSpacing: null })).toEqual({
      ...DEFAULT_COMFORT,
      theme: 'dark',
      font: 'legible',
    });
    expect(parseComfort('garbage')).toEqual(DEFAULT_COMFORT);
    expect(isDefaultComfort(parseComfort({}))).toBe(true);
  });
  test('text size steps stay within bounds', () => {
    expect(stepTextScale(1, -1)).toBe(1);
    expect(stepTextScale(1, 1)).toBe(1.25);
    expect(stepTextScale(2, 1)).toBe(2);
    expect(stepTextScale(1.3, 1)).toBe(1.25);
  });
  test('default settings add no CSS; each choice adds its rules, never touching our own host', () => {
    expect(comfortCss(DEFAULT_COMFORT, '/f/')).toBe('');
    const css = comfortCss(
      {
        ...DEFAULT_COMFORT,
        textScale: 1.5,
        theme: 'yellow-black',
        font: 'dyslexia',
        lineSpacing: 'large',
        letterSpacing: 'large',
      },
      '/f/',
    );
    expect(css).toContain('font-size:150% !important');
    expect(css).toContain('#ffff00');
    expect(css).toContain("url('/f/opendyslexic-latin-400-normal.woff2')");
    expect(css).toContain('line-height:1.8');
    expect(css).toContain('letter-spacing:0.12em');
    expect(css).toContain(':not([data-pasapas-host])');
    expect(css).not.toMatch(/https?:\/\//);
  });
  test('applies to the document and is fully reversible', () => {
    const before = document.adoptedStyleSheets.length;
    applyComfort(document, { ...DEFAULT_COMFORT, theme: 'dark' }, '/f/');
    expect(document.documentElement.getAttribute('data-pasapas-comfort')).toContain('dark');
    const applied =
      document.adoptedStyleSheets.length + document.querySelectorAll('#pasapas-comfort-style').length;
    expect(applied).toBeGreaterThan(before);
    applyComfort(document, { ...DEFAULT_COMFORT, theme: 'high-contrast' }, '/f/');
    expect(
      document.adoptedStyleSheets.length + document.querySelectorAll('#pasapas-comfort-style').length,
    ).toBe(applied);
    removeComfort(document);
    expect(document.adoptedStyleSheets.length).toBe(before);
    expect(document.getElementById('pasapas-comfort-style')).toBeNull();
    expect(document.documentElement.hasAttribute('data-pasapas-comfort')).toBe(false);
  });
});
