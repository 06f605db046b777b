import { describe, expect, it } from 'vitest';
import { missingKeys } from '../../../utils/i18n/index.ts';
import { HandoverError, StorageFullError, WrongPinError } from '../../../utils/storage/errors.ts';
import { message, storageCatalogs } from '../../../utils/storage/messages.ts';

describe('storage messages', () => {
  it('exist in French, English and Arabic', () => {
    expect(missingKeys(storageCatalogs, 'en')).toEqual([]);
    expect(missingKeys(storageCatalogs, 'ar')).toEqual([]);
  });

  it('give each typed error a plain message in each language', () => {
    for (const error of [new StorageFullError(), new WrongPinError(), new HandoverError('damaged')]) {
      const texts = (['fr', 'en', 'ar'] as const).map((lang) => message(lang, error));
      expect(new Set(texts).size).toBe(3);
      expect(error.message).toBe(texts[0]);
    }
    expect(message('ar', new StorageFullError())).toMatch(/[\u0600-\u06FF]/);
  });

  it('falls back to a generic message for unknown errors', () => {
    expect(message('fr', new Error('boom'))).toBe(storageCatalogs.fr['storage.failed']);
  });
});
