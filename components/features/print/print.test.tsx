// @vitest-environment jsdom
/**
 * "Imprimer en grands caractères": the print-only sheet is there while the browser prints (large
 * text, our own UI hidden), gone afterwards; the tab prints at the size chosen; every string is in
 * French, English and Arabic; the feature is registered.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testServices } from '../../../tests/unit/panel-services';
import { missingKeys } from '../../../utils/i18n';
import { ServicesContext } from '../../app/services';
import { features } from '../index';
import { largePrintCss, printLargeType } from './large-print';
import { printMessages } from './messages';
import PrintTab from './PrintTab';

/**
 * The print rules the document holds right now: an adopted sheet where the DOM has them (browsers),
 * else our <style> element (jsdom has no constructed sheets: the fallback is what runs here).
 */
const printRules = () =>
  [
    ...(document.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
    ...[...document.querySelectorAll('style[data-pasapas-print]')].map((s) => s.textContent ?? ''),
  ].join('\n');

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('large-type print', () => {
  it('applies to paper only, at the chosen size, and leaves our own UI off the page', () => {
    const css = largePrintCss(200);
    expect(css.startsWith('@media print')).toBe(true);
    expect(css).toContain('font-size: 200% !important');
    expect(css).toContain('[data-pasapas-host] { display: none !important; }');
  });

  it('adds its sheet while the browser prints, and removes it once printing is over', async () => {
    let during = '';
    const print = vi.fn(() => {
      during = printRules();
      window.dispatchEvent(new Event('afterprint'));
    });
    await printLargeType({ doc: document, print }, 150);
    expect(print).toHaveBeenCalledTimes(1);
    expect(during).toContain('150%');
    expect(printRules()).not.toContain('150%');
  });

  it('prints from its tab at the size the person chose, and says when it is done', async () => {
    let during = '';
    // The DOM emulation has no print(): the browser's, as far as this page can tell.
    Object.defineProperty(window, 'print', {
      configurable: true,
      value: () => {
        during = printRules();
        window.dispatchEvent(new Event('afterprint'));
      },
    });
    const announced: string[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    render(
      <ServicesContext.Provider value={testServices({ announce: (m) => announced.push(m) })}>
        <PrintTab />
      </ServicesContext.Provider>,
      host,
    );
    const larger = host.querySelector<HTMLInputElement>('input[value="200"]');
    await act(() => larger?.click());
    await act(() => host.querySelector<HTMLButtonElement>('[data-action="print-large"]')?.click());
    await vi.waitFor(() =>
      expect(host.querySelector('[role="status"]')?.textContent).toBe('Impression terminée.'),
    );
    expect(during).toContain('200%');
    expect(announced).toEqual(['La fenêtre d’impression s’ouvre.']);
    render(null, host);
    Reflect.deleteProperty(window, 'print');
  });

  it('has every string in English and Arabic, and is registered with its label', () => {
    expect(missingKeys(printMessages, 'en')).toEqual([]);
    expect(missingKeys(printMessages, 'ar')).toEqual([]);
    const feature = features.get('print');
    expect(feature?.contexts).toEqual(['page', 'widget']);
    for (const lang of ['fr', 'en', 'ar'] as const)
      expect(feature?.messages[lang]?.['feature.print']).toBeTruthy();
  });
});
