import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test, vi } from 'vitest';
import { loadGlossary } from '../../../components/features/readable/glossary';
import { enhanceTerms, explanationFor } from '../../../components/features/readable/terms';
import { compileGlossary, markTerms, parseGlossaryFile } from '../../../utils/glossary';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const fileText = readFileSync(path.join(ROOT, 'public/glossary/fr.json'), 'utf8');
const glossary = compileGlossary(parseGlossaryFile(JSON.parse(fileText)).terms);
const labels = { readAloud: 'Lire à voix haute', termHelp: (term: string) => `Explication de « ${term} »` };

function page(html: string) {
  const { window } = new JSDOM(
    `<!doctype html><body><div id="root">${html}</div><div id="tips"></div></body>`,
  );
  const doc = window.document;
  const root = doc.getElementById('root') as HTMLElement;
  markTerms(root, glossary, doc, { firstOnly: true });
  return { window, doc, root };
}

describe('explained words', () => {
  test('each glossary word becomes a button with a closed explanation it is described by', () => {
    const { doc, root } = page(
      '<p>Votre numéro de sécurité sociale est sur la carte. La CAF vous écrit.</p>',
    );
    const { terms } = enhanceTerms(root, { glossary, lang: 'fr', idPrefix: 't', labels });
    expect(terms.map((t) => t.id)).toEqual(['nir', 'caf']);
    const button = root.querySelector<HTMLButtonElement>('button.pp-term[data-term-id="nir"]');
    expect(button?.type).toBe('button');
    expect(button?.textContent).toBe('numéro de sécurité sociale');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    const tip = doc.getElementById(button?.getAttribute('aria-controls') ?? '');
    expect(tip?.hidden).toBe(true);
    const description = doc.getElementById(button?.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(glossary.terms.get('nir')?.short_fr);
    // The sentence reads the same as before.
    expect(root.querySelector('p')?.textContent?.startsWith('Votre numéro de sécurité sociale')).toBe(true);
    expect(root.querySelector('[data-term-id]:not(button):not(.pp-term-tip)')).toBeNull();
  });

  test('focus and hover open it, leaving closes it, Escape closes it without reaching the view', () => {
    const { window, root } = page('<p>Contactez la CAF.</p><p><button id="after">après</button></p>');
    const { terms } = enhanceTerms(root, { glossary, lang: 'fr', idPrefix: 't', labels });
    const term = terms[0];
    if (!term) throw new Error('no term');
    term.button.focus();
    expect(term.button.getAttribute('aria-expanded')).toBe('true');
    expect(term.tip.hidden).toBe(false);
    const outside = vi.fn();
    root.addEventListener('keydown', outside);
    term.button.dispatchEvent(
      new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
    );
    expect(term.tip.hidden).toBe(true);
    expect(outside).not.toHaveBeenCalled();
    (root.querySelector('#after') as HTMLElement).focus();
    expect(term.tip.hidden).toBe(true);
    const wrap = term.button.parentElement as HTMLElement;
    wrap.dispatchEvent(new window.MouseEvent('mouseenter'));
    expect(term.tip.hidden).toBe(false);
    wrap.dispatchEvent(new window.MouseEvent('mouseleave'));
    expect(term.tip.hidden).toBe(true);
  });

  test('a tap (click without focus first) toggles it', () => {
    const { root } = page('<p>Contactez la CAF.</p>');
    const { terms } = enhanceTerms(root, { glossary, lang: 'en', idPrefix: 't', labels });
    const term = terms[0];
    if (!term) throw new Error('no term');
    term.button.click();
    expect(term.tip.hidden).toBe(false);
    expect(term.tip.textContent).toContain(glossary.terms.get('caf')?.short_en);
  });

  test('read aloud speaks the word and its explanation; without speech there is no button', () => {
    const speak = vi.fn();
    const { root } = page('<p>Contactez la CAF.</p>');
    const { terms } = enhanceTerms(root, { glossary, lang: 'fr', idPrefix: 't', labels, speak });
    const say = terms[0]?.tip.querySelector('button');
    expect(say?.textContent).toBe('Lire à voix haute');
    say?.click();
    expect(speak).toHaveBeenCalledWith(`CAF. ${glossary.terms.get('caf')?.short_fr}`);
    const other = page('<p>Contactez la CAF.</p>');
    const none = enhanceTerms(other.root, { glossary, lang: 'fr', idPrefix: 't', labels });
    expect(none.terms[0]?.tip.querySelector('button')).toBeNull();
  });

  test('tips can go elsewhere (a label keeps only the word); marks in links or unknown ids stay text', () => {
    const { doc, root } = page(
      '<span>Numéro de sécurité sociale</span><a href="/x">la <abbr data-term-id="caf">CAF</abbr></a> <abbr data-term-id="inconnu">mot</abbr>',
    );
    const tips = doc.getElementById('tips') as HTMLElement;
    const { terms, dispose } = enhanceTerms(root, {
      glossary,
      lang: 'fr',
      idPrefix: 'lbl',
      labels,
      tipHost: tips,
    });
    expect(terms.map((t) => t.id)).toEqual(['nir']);
    expect(root.querySelector('.pp-term-tip')).toBeNull();
    expect(tips.querySelectorAll('.pp-term-tip').length).toBe(1);
    expect(root.querySelector('a')?.innerHTML).toBe('la CAF');
    expect(root.textContent).toContain('mot');
    expect(root.querySelector('[data-term-id="inconnu"]')).toBeNull();
    dispose();
    terms[0]?.button.focus();
    expect(terms[0]?.tip.hidden).toBe(true);
  });

  test('explanations are text, never markup', () => {
    const hostile = compileGlossary([
      { id: 'piege', term: 'piège', variants: [], short_fr: '<img src=x onerror="alert(1)">', short_en: 'x' },
    ]);
    const { root } = page('<p>Un piège.</p>');
    markTerms(root, hostile, root.ownerDocument);
    const { terms } = enhanceTerms(root, { glossary: hostile, lang: 'fr', idPrefix: 'h', labels });
    expect(terms[0]?.tip.querySelector('img')).toBeNull();
    expect(terms[0]?.tip.textContent).toContain('<img src=x');
  });

  test('Arabic readers get the French explanation (the language of the site)', () => {
    const caf = glossary.terms.get('caf');
    if (!caf) throw new Error('no caf');
    expect(explanationFor(caf, 'ar')).toBe(caf.short_fr);
    expect(explanationFor(caf, 'en')).toBe(caf.short_en);
  });
});

describe('loading the glossary', () => {
  const ok = () => new Response(fileText, { status: 200, headers: { 'content-type': 'application/json' } });

  test('fetched once per URL and compiled', async () => {
    const fetcher = vi.fn(async () => ok());
    const a = await loadGlossary('https://ext/glossary/a.json', fetcher as unknown as typeof fetch);
    const b = await loadGlossary('https://ext/glossary/a.json', fetcher as unknown as typeof fetch);
    expect(a).toBe(b);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(a.terms.get('caf')?.term).toBe('CAF');
  });

  test('a missing or broken file rejects, and a later try fetches again', async () => {
    const url = 'https://ext/glossary/b.json';
    const broken = vi.fn(async () => new Response('{"version":2}', { status: 200 }));
    await expect(loadGlossary(url, broken as unknown as typeof fetch)).rejects.toMatchObject({
      code: 'invalid-glossary',
    });
    const missing = vi.fn(async () => new Response('', { status: 404 }));
    await expect(loadGlossary(url, missing as unknown as typeof fetch)).rejects.toThrow('404');
    const good = vi.fn(async () => ok());
    expect((await loadGlossary(url, good as unknown as typeof fetch)).terms.size).toBeGreaterThan(100);
  });
});
