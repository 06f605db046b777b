import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  compileGlossary,
  findTerms,
  GlossaryError,
  GlossaryFileSchema,
  type GlossaryTerm,
  markTerms,
  mergeGlossary,
  parseGlossaryFile,
} from '../../../utils/glossary/index.ts';

const raw = JSON.parse(readFileSync(join(process.cwd(), 'public/glossary/fr.json'), 'utf8'));
const glossary = parseGlossaryFile(raw);
const compiled = compileGlossary(glossary.terms);

function found(text: string): string[] {
  return findTerms(text, compiled).map((m) => `${text.slice(m.start, m.end)}=${m.id}`);
}

describe('the French glossary file', () => {
  it('is valid against the schema and holds at least 150 terms with unique ids', () => {
    expect(v.safeParse(GlossaryFileSchema, raw).success).toBe(true);
    expect(glossary.terms.length).toBeGreaterThanOrEqual(150);
    const ids = glossary.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the terms procedures need most', () => {
    const wanted = [
      'revenu-fiscal-reference',
      'avis-imposition',
      'numero-allocataire',
      'justificatif-domicile',
      'rib',
      'quotient-familial',
      'ayant-droit',
      'nir',
      'piece-justificative',
      'titre-sejour',
      'attestation-honneur',
      'caf',
      'msa',
      'cpam',
      'france-travail',
      'urssaf',
      'ass',
      'rsa',
      'apl',
      'prime-activite',
      'aah',
    ];
    const ids = new Set(glossary.terms.map((t) => t.id));
    expect(wanted.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('explains every term briefly, in French and English, and never matches two terms on one variant', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const term of glossary.terms) {
      expect(term.short_fr.length).toBeLessThanOrEqual(280);
      expect(term.short_en.length).toBeLessThanOrEqual(280);
      // One or two short sentences (a third only when it is very short).
      expect(
        term.short_fr.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3).length,
      ).toBeLessThanOrEqual(3);
      for (const variant of [term.term, ...term.variants]) {
        const key = variant.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        const previous = owner.get(key);
        if (previous && previous !== term.id) clashes.push(`${variant}: ${previous} / ${term.id}`);
        owner.set(key, term.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('rejects a broken file with every issue, as a typed error', () => {
    const broken = {
      version: 1,
      lang: 'fr',
      terms: [glossary.terms[0], glossary.terms[0], { id: 'Bad Id', term: '' }],
    };
    try {
      parseGlossaryFile(broken);
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(GlossaryError);
      expect((error as GlossaryError).code).toBe('invalid-glossary');
      expect((error as GlossaryError).issues.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('findTerms', () => {
  it('matches plurals, capitals and missing accents', () => {
    expect(found('Indiquez vos Revenus fiscaux de référence.')).toEqual([
      'Revenus fiscaux de référence=revenu-fiscal-reference',
    ]);
    expect(found('REVENU FISCAL DE REFERENCE')).toEqual([
      'REVENU FISCAL DE REFERENCE=revenu-fiscal-reference',
    ]);
    expect(found('les avis d’imposition et les avis d impot')).toEqual([
      'avis d’imposition=avis-imposition',
      'avis d impot=avis-imposition',
    ]);
  });

  it('matches "N° allocataire" and its spellings', () => {
    expect(found('N° allocataire : 1234567')).toEqual(['N° allocataire=numero-allocataire']);
    expect(found('Votre nº d’allocataire')).toEqual(['nº d’allocataire=numero-allocataire']);
    expect(found('numéro allocataire')).toEqual(['numéro allocataire=numero-allocataire']);
  });

  it('takes the longest match and never overlaps', () => {
    expect(found('la déclaration trimestrielle de ressources')).toEqual([
      'déclaration trimestrielle de ressources=ressources',
    ]);
    expect(found('votre foyer fiscal')).toEqual(['foyer fiscal=foyer-fiscal']);
    const matches = findTerms('avis d’imposition avis d’imposition', compiled);
    for (let i = 1; i < matches.length; i += 1) {
      expect(matches[i]?.start).toBeGreaterThanOrEqual(matches[i - 1]?.end ?? 0);
    }
  });

  it('matches whole words only', () => {
    expect(found('CAFÉ et RIBAMBELLE, caféine')).toEqual([]);
    expect(found('Écrivez à la CAF.')).toEqual(['CAF=caf']);
    expect(found('la Caf et la C.A.F.')).toEqual(['Caf=caf', 'C.A.F=caf']);
  });

  it('only takes acronyms written in capitals, and not inside a shouted sentence', () => {
    expect(found('il ne faut pas oublier son âme')).toEqual([]);
    expect(found('le PAS et l’AME')).toEqual(['PAS=prelevement-a-la-source', 'AME=ame']);
    expect(found('NE PAS OUBLIER')).toEqual([]);
    expect(found('Vous touchez l’ASS ?')).toEqual(['ASS=ass']);
  });

  it('handles hyphens and apostrophes as word gaps, not other punctuation', () => {
    expect(found('les ayants-droit')).toEqual(['ayants-droit=ayant-droit']);
    expect(found('avis, d’imposition')).toEqual([]);
  });

  it('returns nothing for an empty text', () => {
    expect(findTerms('', compiled)).toEqual([]);
  });
});

describe('markTerms', () => {
  function dom(body: string) {
    return new JSDOM(`<!doctype html><body><div id="root">${body}</div></body>`);
  }

  it('wraps terms in <abbr> by splitting text nodes, keeping the text identical', () => {
    const d = dom('<p>Votre <b>avis d’imposition</b> et votre RIB pour la CAF.</p>');
    const root = d.window.document.getElementById('root') as Element;
    const before = root.textContent;
    const marked = markTerms(root, compiled, d.window.document);
    expect(marked.map((m) => m.id)).toEqual(['avis-imposition', 'rib', 'caf']);
    expect(root.textContent).toBe(before);
    const abbr = root.querySelector('abbr[data-term-id="rib"]');
    expect(abbr?.textContent).toBe('RIB');
    expect(abbr?.className).toBe('pasapas-term');
  });

  it('never turns page text into markup', () => {
    const d = dom('<p id="p"></p>');
    const p = d.window.document.getElementById('p') as Element;
    p.textContent = '<img src=x onerror=alert(1)> la CAF <script>alert(2)</script>';
    markTerms(d.window.document.getElementById('root') as Element, compiled, d.window.document);
    expect(p.querySelector('img, script')).toBeNull();
    expect(p.querySelectorAll('abbr')).toHaveLength(1);
    expect(p.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('skips controls, scripts, code and existing marks; leaves link attributes alone', () => {
    const d = dom(
      '<textarea>la CAF</textarea><script>var CAF = 1;</script><code>RIB</code><button>RSA</button>' +
        '<a href="/caf?q=RIB" title="RIB">le RIB</a><abbr data-term-id="caf">CAF</abbr>',
    );
    const root = d.window.document.getElementById('root') as Element;
    const marked = markTerms(root, compiled, d.window.document);
    expect(marked.map((m) => m.id)).toEqual(['rib']);
    const link = root.querySelector('a') as Element;
    expect(link.getAttribute('href')).toBe('/caf?q=RIB');
    expect(link.getAttribute('title')).toBe('RIB');
    expect(link.querySelector('abbr')?.textContent).toBe('RIB');
    expect(root.querySelector('textarea')?.textContent).toBe('la CAF');
    expect(root.querySelector('script')?.textContent).toBe('var CAF = 1;');
  });

  it('can mark only the first occurrence and add a title', () => {
    const d = dom('<p>La CAF. Encore la CAF.</p><p>Toujours la CAF.</p>');
    const root = d.window.document.getElementById('root') as Element;
    const marked = markTerms(root, compiled, d.window.document, { firstOnly: true, title: 'en' });
    expect(marked).toHaveLength(1);
    expect(marked[0]?.element.getAttribute('title')).toMatch(/family benefits/);
  });
});

describe('mergeGlossary', () => {
  const extra: GlossaryTerm = {
    id: 'teleprocedure-x',
    term: 'formulaire X-42',
    variants: ['X-42'],
    short_fr: 'Le formulaire de ce guide.',
    short_en: "This guide's form.",
  };

  it('adds a guide’s terms and lets it override an explanation', () => {
    const override = {
      ...glossary.terms.find((t) => t.id === 'rib'),
      short_fr: 'Explication du guide.',
      variants: ['relevé bancaire'],
    };
    const merged = mergeGlossary(glossary, [extra, override]);
    expect(merged).toHaveLength(glossary.terms.length + 1);
    const rib = merged.find((t) => t.id === 'rib');
    expect(rib?.short_fr).toBe('Explication du guide.');
    expect(rib?.variants).toContain('relevé bancaire');
    expect(rib?.variants).toContain("relevé d'identité bancaire");
    const matches = findTerms('Joignez le formulaire X-42 et un relevé bancaire', merged);
    expect(matches.map((m) => m.id)).toEqual(['teleprocedure-x', 'rib']);
  });

  it('rejects invalid guide terms and leaves the base untouched', () => {
    const before = JSON.stringify(glossary.terms);
    expect(() => mergeGlossary(glossary.terms, [{ id: 'x', term: 'y' }])).toThrow(GlossaryError);
    expect(() => mergeGlossary(glossary.terms, 'pas une liste')).toThrow(
      expect.objectContaining({ code: 'invalid-term' }),
    );
    expect(JSON.stringify(glossary.terms)).toBe(before);
  });
});
