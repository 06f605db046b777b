import { describe, expect, test } from 'vitest';
import { createTranslator, dir, interpolate, missingKeys, pickLang, translate } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';

describe('i18n', () => {
  test('every UI string exists in English and Arabic', () => {
    expect(missingKeys(uiMessages, 'en')).toEqual([]);
    expect(missingKeys(uiMessages, 'ar')).toEqual([]);
  });
  test('Arabic strings are really Arabic, not copies of the French', () => {
    const copied = Object.keys(uiMessages.fr).filter(
      (k) =>
        !k.startsWith('lang.') &&
        k !== 'app.name' &&
        k !== 'sidepanel.title' &&
        uiMessages.ar?.[k] === uiMessages.fr[k],
    );
    expect(copied).toEqual([]);
  });
  test('picks the language from browser tags, French by default', () => {
    expect(pickLang(['ar-MA', 'fr'])).toBe('ar');
    expect(pickLang(['de-DE', 'en-US'])).toBe('en');
    expect(pickLang(['de-DE'])).toBe('fr');
    expect(pickLang(undefined)).toBe('fr');
    expect(dir('ar')).toBe('rtl');
    expect(dir('fr')).toBe('ltr');
  });
  test('interpolates parameters with local number formats and falls back to French', () => {
    expect(interpolate('Taille : {percent} %', { percent: 1250 }, 'fr')).toBe('Taille : 1\u202f250 %');
    const t = createTranslator({
      fr: { a: 'bonjour {name}', b: 'seulement en français' },
      en: { a: 'hello {name}' },
    });
    expect(t('en', 'a', { name: 'Awa' })).toBe('hello Awa');
    expect(t('en', 'b')).toBe('seulement en français');
    expect(translate({ fr: {} }, 'fr', 'missing.key')).toBe('missing.key');
  });
});
