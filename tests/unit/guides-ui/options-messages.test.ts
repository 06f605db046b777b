/** Every string of the options page's "Guides" section and of the library errors exists in fr, en and ar. */
import { describe, expect, it } from 'vitest';
import { guidesOptionsMessages } from '../../../components/features/guides/options-messages';
import { libraryCatalogs } from '../../../utils/guides/library-messages';
import type { LibraryErrorCode } from '../../../utils/guides/sources';
import { missingKeys } from '../../../utils/i18n';

describe('options and library messages', () => {
  it('are complete in English and Arabic', () => {
    for (const lang of ['en', 'ar'] as const) {
      expect(missingKeys(guidesOptionsMessages, lang)).toEqual([]);
      expect(missingKeys(libraryCatalogs, lang)).toEqual([]);
    }
  });

  it('give a message for every library error code', () => {
    const codes: LibraryErrorCode[] = [
      'file-not-json',
      'file-invalid',
      'signature-invalid',
      'catalog-url',
      'catalog-unreachable',
      'catalog-invalid',
      'catalog-duplicate',
      'key-invalid',
      'key-duplicate',
      'storage-failed',
    ];
    // A message counted by {count} has plural forms (code.one, code.other) instead of one text.
    for (const code of codes)
      expect(code in libraryCatalogs.fr || `${code}.other` in libraryCatalogs.fr).toBe(true);
  });
});
