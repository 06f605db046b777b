/**
 * The export/import screen's errors, from typed errors to a plain sentence in the person's language:
 * the sealed file's own problems (utils/storage) and the file's content (utils/infos). Through the
 * extension's messaging only the code and the key arrive: a plain object must give the same sentence.
 */
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../components/features/infos/messages';
import { LANGS } from '../../../utils/i18n/index.ts';
import { InfoError } from '../../../utils/infos/messages.ts';
import { HandoverError } from '../../../utils/storage/errors.ts';

describe('export and import messages', () => {
  it('says a wrong passphrase plainly, in French and in the person’s language', () => {
    const wrong = new HandoverError('wrong-passphrase');
    expect(errorMessage('fr', wrong)).toBe("Ce n'est pas la bonne phrase secrète. Rien n'a été importé.");
    expect(errorMessage('en', wrong)).toBe('This is not the right secret phrase. Nothing was imported.');
    expect(errorMessage('ar', wrong)).toMatch(/[\u0600-\u06FF]/);
    // As it arrives from the background: a plain object with its code and key.
    expect(errorMessage('fr', { code: wrong.code, messageKey: wrong.messageKey })).toBe(
      errorMessage('fr', wrong),
    );
  });
  it('gives every sealed-file and content problem its own sentence in each language, never a key', () => {
    const errors = [
      new HandoverError('passphrase-too-short', { min: 8 }),
      new HandoverError('damaged'),
      new HandoverError('not-export'),
      new InfoError('not-infos'),
      new InfoError('empty-export'),
    ];
    for (const lang of LANGS) {
      const texts = errors.map((e) => errorMessage(lang, e));
      for (const text of texts) expect(text).not.toMatch(/^(storage|infos)\./);
      expect(new Set(texts).size).toBe(errors.length);
      expect(texts.some((t) => t === errorMessage(lang, new Error('x')))).toBe(false);
    }
    expect(errorMessage('fr', errors[0])).toBe(
      'La phrase secrète est trop courte. Choisissez au moins 8 caractères.',
    );
  });
});
