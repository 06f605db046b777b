/** Text comparison for page content: case, accents, apostrophes, spaces and asterisks don't count. */
export function normalizeText(text: string | null | undefined): string {
  let value = String(text ?? '');
  // Most label texts are short; skip Unicode decomposition when there is nothing to decompose.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: plain ASCII range test.
  if (!/^[\u0000-\u007f]*$/.test(value)) value = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return value
    .replace(/[’‘`´]/g, "'")
    .replace(/[*:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** 3 = same text, 2 = starts with it, 1 = contains it, 0 = no match. Both inputs normalized. */
export function textScore(candidate: string, wanted: string): number {
  if (wanted === '' || candidate === '') return 0;
  if (candidate === wanted) return 3;
  if (candidate.startsWith(wanted)) return 2;
  if (candidate.includes(wanted)) return 1;
  return 0;
}
