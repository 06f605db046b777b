/** Text helpers shared by form discovery, readable mode and the glossary. */

/** Collapses runs of white space (including no-break spaces) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Lower case without accents, for comparisons that must not care about either. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}
