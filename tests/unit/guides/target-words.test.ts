/** When a step cannot point at its field, the panel says which field it is, in words, in fr/en/ar. */
import { describe, expect, it } from 'vitest';
import { guidesMessages } from '../../../components/features/guides/messages';
import { targetInWords } from '../../../components/features/guides/target-words';
import { translate } from '../../../utils/i18n';

const tIn = (lang: 'fr' | 'en' | 'ar') => (key: string, params?: Record<string, string | number>) =>
  translate(guidesMessages, lang, key, params);

describe('targetInWords', () => {
  it('says the kind of field, its label and what it sits under', () => {
    const t = tIn('fr');
    expect(targetInWords({ kind: 'field', label: 'Numéro fiscal', under: 'Vos revenus' }, t)).toBe(
      'Cherchez vous-même la case « Numéro fiscal », sous « Vos revenus ».',
    );
    expect(targetInWords({ kind: 'button', label: 'Suivant' }, t)).toBe(
      'Cherchez vous-même le bouton « Suivant ».',
    );
    expect(targetInWords({ kind: null, label: 'IBAN' }, t)).toBe('Cherchez vous-même le champ « IBAN ».');
    expect(targetInWords(null, t)).toBe('');
  });

  it('has its sentences in French, English and Arabic', () => {
    for (const lang of ['fr', 'en', 'ar'] as const) {
      const text = targetInWords({ kind: 'list', label: 'Situation', under: 'Foyer' }, tIn(lang));
      expect(text).toContain('Situation');
      expect(text).toContain('Foyer');
      expect(text).not.toMatch(/guides\.|\{/);
      expect((guidesMessages[lang] as Record<string, string>)['guides.ambiguous']).toBeTruthy();
    }
  });
});
