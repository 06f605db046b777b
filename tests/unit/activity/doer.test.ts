import { describe, expect, it } from 'vitest';
import { isDoer, wordsFor } from '../../../utils/activity/doer';
import { createTranslator, missingKeys } from '../../../utils/i18n';

const translate = createTranslator({
  fr: {
    'help.stuck': 'Je n’y arrive pas',
    'help.stuck.together': 'Nous n’y arrivons pas',
    'guides.step': 'Étape {n}',
  },
});
const t = (key: string, params?: Readonly<Record<string, string | number>>) => translate('fr', key, params);

describe('who holds the mouse', () => {
  it('knows its two ways only', () => {
    expect(isDoer('person')).toBe(true);
    expect(isDoer('together')).toBe(true);
    expect(isDoer('mediator')).toBe(false);
  });

  it('the person alone: the usual words', () => {
    expect(wordsFor(t, 'person')('help.stuck')).toBe('Je n’y arrive pas');
  });

  it('with the mediator: the `.together` words where there are some, else the usual ones', () => {
    const together = wordsFor(t, 'together');
    expect(together('help.stuck')).toBe('Nous n’y arrivons pas');
    expect(together('guides.step', { n: 2 })).toBe('Étape 2');
    expect(together('absent')).toBe('absent');
  });
});

describe('the switch’s words', () => {
  it('are in French, English and Arabic, and only vary words that exist', async () => {
    const { doerMessages } = await import('../../../components/features/guides/doer-messages');
    const { guidesMessages } = await import('../../../components/features/guides/messages');
    const { helpMessages } = await import('../../../components/features/guides/help-messages');
    expect(missingKeys(doerMessages, 'en')).toEqual([]);
    expect(missingKeys(doerMessages, 'ar')).toEqual([]);
    const usual = { ...guidesMessages.fr, ...helpMessages.fr };
    for (const key of Object.keys(doerMessages.fr).filter(
      (k) => k.endsWith('.together') && !k.startsWith('doer.'),
    ))
      expect(usual).toHaveProperty([key.replace(/\.together$/, '')]);
  });
});
