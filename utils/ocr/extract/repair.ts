/**
 * OCR confusions that are safe to undo only where a digit is expected: O/o → 0, l/I/| → 1,
 * S → 5, B → 8, Z → 2. Letters are never "repaired" in names or addresses.
 */
const TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  l: '1',
  I: '1',
  '|': '1',
  S: '5',
  B: '8',
  Z: '2',
};
/** The reverse, for places that must be letters (the 6 first characters of a BIC). */
const TO_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z' };

export const CONFUSABLE_DIGIT = '[0-9OolI|SBZ]';

export function toDigits(text: string): string {
  let out = '';
  for (const ch of text) out += TO_DIGIT[ch] ?? ch;
  return out;
}

export function toLetters(text: string): string {
  let out = '';
  for (const ch of text) out += TO_LETTER[ch] ?? ch;
  return out;
}

/** A token that is a number, possibly misread: digits and confusable letters, mostly digits. */
export function isNumericish(text: string): boolean {
  const t = text.replace(/[.-]/g, '');
  // At least one real digit: "6OO" is a misread 600, "SOS" is a word.
  return /^[0-9OolI|SBZ]+$/.test(t) && /\d/.test(t);
}

/**
 * Repairs the number-looking tokens of a line without changing its length, so positions found
 * in the repaired text still point at the right words.
 */
export function repairNumericTokens(text: string): string {
  return (
    text
      .replace(/[0-9OolI|SBZ.,]+/g, (token) =>
        isNumericish(token.replace(/,/g, '')) ? toDigits(token) : token,
      )
      // A lone "l" before a group of three digits is the thousands digit of an amount ("l 791,84").
      .replace(/(?<![\p{L}\d])[OolI|SBZ](?= \d{3}(?!\d))/gu, (ch) => toDigits(ch))
  );
}
