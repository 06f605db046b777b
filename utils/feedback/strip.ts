/**
 * A comment sent to a guide's author must carry nothing of the person: anything that looks like an
 * e-mail address, an IBAN, a social security number (NIR), a phone number, or any long run of
 * digits (tax or CAF numbers) is replaced by « [retiré] » before it is kept. "Looks like" on
 * purpose: a mistyped IBAN is still personal. The validators' shapes (utils/validators) decide.
 */
import { compactIban, validate } from '../validators/index.ts';

export const REMOVED = '[retiré]';
export const MAX_COMMENT = 300;

const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]{2,}/g;
// Two capital letters, two digits, then 10 to 30 capitals or digits, in groups or not (a lower-case
// IBAN still loses its digits to LONG_DIGITS below).
const IBAN = /\b[A-Z]{2}\s?\d{2}(?:[\s.-]?[A-Z0-9]){10,30}\b/g;
// 1 or 2, then 12 digits (2A/2B for Corsica) and a 2-digit key, spaced or not.
const NIR = /\b[12][\s.]?\d{2}[\s.]?\d{2}[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}[\s.]?\d{3}[\s.]?\d{2}\b/gi;
// Phone numbers: French forms, +33 / 0033 included, with spaces, dots or dashes.
const PHONE = /(?:\+|00)\d{2,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d{2}){4}|\b0\d(?:[\s.-]?\d{2}){4}\b/g;
const LONG_DIGITS = /\d(?:[\s.-]?\d){7,}/g;

export type Stripped = { text: string; removed: number };

export function stripPersonal(input: string): Stripped {
  let removed = 0;
  const cut = (pattern: RegExp, keep?: (match: string) => boolean) => (text: string) =>
    text.replace(pattern, (match) => {
      if (keep?.(match)) return match;
      removed++;
      return REMOVED;
    });
  // Control characters (a pasted form feed, a NUL) become spaces.
  let text = [...input.normalize('NFC')]
    .map((c) => {
      const code = c.charCodeAt(0);
      return code < 32 || code === 127 ? ' ' : c;
    })
    .join('');
  text = cut(EMAIL)(text);
  // An IBAN-looking run: its letters and digits shaped like one (a checksum is not needed to cut it).
  text = cut(IBAN, (m) => {
    const compact = compactIban(m);
    return !/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact) || !/\d{6}/.test(compact.replace(/[A-Z]/g, ''));
  })(text);
  text = cut(NIR)(text);
  text = cut(PHONE, (m) => !validate('phone', m).valid && !/^(?:\+|00)/.test(m))(text);
  text = cut(LONG_DIGITS)(text);
  return { text: text.replace(/\s+/g, ' ').trim().slice(0, MAX_COMMENT), removed };
}
