import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../../../utils/glossary/schema.ts';
import { missingKeys } from '../../../utils/i18n/index.ts';
import {
  extractReadable,
  isProbablyReadable,
  message,
  type Purifier,
  ReadableError,
} from '../../../utils/readable/index.ts';
import { catalogs } from '../../../utils/readable/messages.ts';

const glossary = parseGlossaryFile(
  JSON.parse(readFileSync(join(process.cwd(), 'public/glossary/fr.json'), 'utf8')),
);

function load(path: string): JSDOM {
  return new JSDOM(readFileSync(join(process.cwd(), path), 'utf8'), { url: 'https://example.test/page' });
}

function purifyFor(dom: JSDOM): Purifier {
  return createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
}

describe('extractReadable', () => {
  it('keeps the fields Readability would remove, from the original document, which is left untouched', () => {
    const dom = load('tests/fixtures/pages/broken-form.html');
    const doc = dom.window.document;
    const before = doc.documentElement.outerHTML;
    const result = extractReadable(doc, { purify: purifyFor(dom), glossary });
    expect(doc.documentElement.outerHTML).toBe(before);
    const names = result.fields.map((f) => f.name ?? f.type);
    expect(names).toEqual([
      'nom',
      'prenom',
      'naissance',
      'allocataire',
      'cp',
      'loyer',
      'charges',
      'couple',
      'enfants',
      'deja',
      'pays',
      'textbox',
      'switch',
      'code',
    ]);
    // The header's search box and the footer's newsletter field are not the procedure.
    expect(names).not.toContain('q');
    expect(names).not.toContain('newsletter');
    expect(result.fields[0]?.element.ownerDocument).toBe(doc);
    expect(result.contentHtml).not.toMatch(/<input|<select|<textarea|<form/);
    expect(result.submitControls.map((c) => c.label)).toEqual(['Envoyer ma demande']);
    expect(result.heading).toBe("Demande d'aide au logement");
    expect(result.lang).toBe('fr');
  });

  it('places fields after the heading they follow and marks that heading in the content', () => {
    const dom = load('tests/fixtures/pages/broken-form.html');
    const result = extractReadable(dom.window.document, { purify: purifyFor(dom) });
    expect(result.sections.map((s) => [s.heading, s.fieldKeys.length])).toEqual([
      ['Vous', 5],
      ['Votre logement', 9],
    ]);
    const sectionKeys = result.sections.flatMap((s) => s.fieldKeys);
    expect(sectionKeys).toEqual(result.fields.map((f) => f.key));
    for (const [index, section] of result.sections.entries()) {
      if (section.anchored) expect(result.contentHtml).toContain(`data-pasapas-section="${index}"`);
    }
  });

  it('extracts an article: title, text without the page chrome, glossary terms counted', () => {
    const dom = load('tests/fixtures/pages/article-jargon.html');
    const result = extractReadable(dom.window.document, { purify: purifyFor(dom), glossary });
    expect(result.article).toBe(true);
    expect(result.text).toContain('revenu fiscal de référence (RFR)');
    expect(result.text).not.toContain('Site fictif — aucune donnée réelle');
    expect(result.text.split('\n').length).toBeGreaterThan(4);
    const hits = new Map(result.glossaryMatches.map((h) => [h.id, h.count]));
    expect(hits.get('revenu-fiscal-reference')).toBe(3);
    // Twice in the body (Readability drops the h1 that repeats the title).
    expect(hits.get('avis-imposition')).toBe(2);
    expect(hits.has('caf')).toBe(true);
    expect(hits.has('numero-fiscal')).toBe(true);
    expect(result.fields).toEqual([]);
  });

  it('can mark glossary terms in the sanitized content', () => {
    const dom = load('tests/fixtures/pages/article-jargon.html');
    const result = extractReadable(dom.window.document, {
      purify: purifyFor(dom),
      glossary,
      markTerms: { firstOnly: true },
    });
    const content = new JSDOM(result.contentHtml).window.document;
    const ids = [...content.querySelectorAll('abbr[data-term-id]')].map((a) =>
      a.getAttribute('data-term-id'),
    );
    expect(ids).toContain('revenu-fiscal-reference');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads DSFR messages on a real multi-step page: hint, error, previous/next buttons', () => {
    const dom = load('tests/fixtures/pages/multistep.html');
    const result = extractReadable(dom.window.document, { purify: purifyFor(dom) });
    const salaire = result.fields.find((f) => f.name === 'salaire');
    expect(salaire?.error).toBe('Indiquez un montant en chiffres');
    expect(salaire?.hint).toBe('En euros, sans les centimes');
    expect(result.fields.find((f) => f.name === 'allocations')?.hint).toBe(
      "RSA, prime d'activité, aides au logement… Laissez vide si vous n'en recevez pas",
    );
    expect(result.submitControls.map((c) => c.kind)).toEqual(['previous', 'submit']);
  });

  it('leaves out the DSFR theme dialog and header of the example pages', () => {
    const dom = load('node_modules/@gouvfr/dsfr/example/layout/page/login/2-error/index.html');
    const result = extractReadable(dom.window.document, { purify: purifyFor(dom), glossary });
    expect(result.fields.map((f) => f.name ?? f.id)).toEqual([
      'username',
      'password',
      'password-7904-show',
      'remember',
    ]);
    expect(result.submitControls.map((c) => c.label)).toEqual(['Se connecter']);
    expect(result.glossaryMatches.some((h) => h.id === 'franceconnect')).toBe(true);
  });

  it('refuses what is not a document or has no sanitizer, with a typed error and plain words', () => {
    const dom = load('tests/fixtures/pages/no-form-short.html');
    expect(() => extractReadable({} as Document, { purify: purifyFor(dom) })).toThrow(ReadableError);
    try {
      extractReadable(dom.window.document, { purify: undefined as unknown as Purifier });
    } catch (error) {
      expect((error as ReadableError).code).toBe('no-sanitizer');
      expect(message('fr', error)).toBe('Le nettoyage de la page est impossible.');
      expect(message('en', error)).toBe('The page cannot be cleaned.');
    }
    expect(message('ar', new Error('x'))).toBe('حدث خطأ ما.');
  });

  it('has every message in English and Arabic', () => {
    expect(missingKeys(catalogs, 'en')).toEqual([]);
    expect(missingKeys(catalogs, 'ar')).toEqual([]);
  });
});

describe('isProbablyReadable', () => {
  it('accepts articles and pages with a visible form, refuses short pages and invisible forms', () => {
    expect(isProbablyReadable(load('tests/fixtures/pages/article-jargon.html').window.document)).toBe(true);
    expect(isProbablyReadable(load('tests/fixtures/pages/multistep.html').window.document)).toBe(true);
    expect(isProbablyReadable(load('tests/fixtures/pages/no-form-short.html').window.document)).toBe(false);
    const hidden = new JSDOM(
      '<body><form><input type="hidden" name="t"><div hidden><input name="x"></div></form><header><input name="q"></header></body>',
    );
    expect(isProbablyReadable(hidden.window.document)).toBe(false);
    const visible = new JSDOM('<body><p>Court.</p><form><label>Nom <input name="nom"></label></form></body>');
    expect(isProbablyReadable(visible.window.document)).toBe(true);
  });
});
