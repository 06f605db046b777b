/** Who wrote a guide, in the person's language (issue 13, problem 9: the author line stayed in French). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGuide, publisherName } from '../../../utils/guides/schema.ts';
import { demoGuide } from './helpers.ts';

describe('publisher name', () => {
  it('is one name, or one per language with French required', () => {
    const one = parseGuide(demoGuide());
    expect(one.ok).toBe(true);
    if (one.ok) expect(publisherName(one.guide, 'ar')).toBe(demoGuide().publisher.name);

    const guide = demoGuide();
    guide.publisher.name = { fr: 'Mairie de Exemple', en: 'Exemple town hall', ar: 'بلدية إكزامبل' };
    const several = parseGuide(guide);
    expect(several.ok ? [] : several.errors).toEqual([]);
    if (!several.ok) return;
    expect(publisherName(several.guide, 'fr')).toBe('Mairie de Exemple');
    expect(publisherName(several.guide, 'en')).toBe('Exemple town hall');
    expect(publisherName(several.guide, 'ar')).toBe('بلدية إكزامبل');
    // A language left out falls back to French.
    guide.publisher.name = { fr: 'Mairie de Exemple' };
    const frOnly = parseGuide(guide);
    expect(frOnly.ok && publisherName(frOnly.guide, 'ar')).toBe('Mairie de Exemple');
  });

  it('refuses a name without French, HTML in any language, and a name that is neither', () => {
    const codes = (name: unknown) => {
      const guide = demoGuide();
      guide.publisher.name = name;
      const result = parseGuide(guide);
      return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`);
    };
    expect(codes({ en: 'Town hall' })).toEqual(['$.publisher.name.fr required']);
    expect(codes({ fr: 'Mairie', ar: '<img src=x onerror=alert(1)>' })).toEqual([
      '$.publisher.name.ar md-html',
    ]);
    expect(codes(42).length).toBe(1);
    expect(codes('')).toEqual(['$.publisher.name required']);
  });

  it('the demo guides name their author in French, English and Arabic', () => {
    for (const id of ['fr.demo.aide-logement', 'fr.demo.cantine', 'fr.demo.emploi']) {
      const file = fileURLToPath(new URL(`../../../public/guides/${id}.json`, import.meta.url));
      const name = JSON.parse(readFileSync(file, 'utf8')).publisher.name;
      expect(Object.keys(name).sort(), id).toEqual(['ar', 'en', 'fr']);
      expect(name.ar).toMatch(/[\u0600-\u06ff]/);
    }
  });
});
