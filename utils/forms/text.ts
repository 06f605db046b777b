/** Text helpers shared by form discovery, readable mode and the glossary. */

// Icon fonts draw their pictures with private-use code points (Font Awesome, Material, DSFR's old
// icons) and sites decorate labels with dingbats and emoji: none of it is words to read or speak.
const DECORATION = /[\uE000-\uF8FF\u2700-\u27BF]|\uFE0F|[\u{1F300}-\u{1FAFF}]|[\u{F0000}-\u{FFFFD}]/gu;

/** Collapses runs of white space (including no-break spaces), drops icon glyphs, and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(DECORATION, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
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
