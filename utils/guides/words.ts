/**
 * Comparing a field's words as a person would: case, accents, punctuation, little words ("de",
 * "la", "votre"), word order, "N°" for "Numéro" and plural "(s)" make no difference. Used by the
 * target resolver to compare a guide's clues (label, hint, heading…) with a page's texts.
 */

// Little words that carry no meaning for telling two fields apart.
const STOPWORDS = new Set([
  'a',
  'au',
  'aux',
  'ce',
  'ces',
  'cet',
  'cette',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ma',
  'mes',
  'mon',
  'ou',
  'par',
  'pour',
  's',
  'sa',
  'ses',
  'son',
  'sur',
  'un',
  'une',
  'vos',
  'votre',
  'y',
  'the',
  'of',
  'your',
  'an',
]);

// Abbreviations and spellings of one word.
const SAME_WORD: Record<string, string> = {
  n: 'numero',
  no: 'numero',
  num: 'numero',
  nro: 'numero',
  tel: 'telephone',
  courriel: 'email',
  mail: 'email',
  mel: 'email',
  naiss: 'naissance',
  adr: 'adresse',
  cp: 'code postal',
};

const LATIN: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ô: 'o',
  ö: 'o',
  ó: 'o',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ú: 'u',
  ç: 'c',
  ÿ: 'y',
  œ: 'oe',
  æ: 'ae',
  '’': "'",
};

/** Lower case, no accents, ligatures spelled out. French letters by table (fast), others by Unicode. */
function fold(text: string): string {
  let value = text.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: plain ASCII range test.
  if (/^[\u0000-\u007f]*$/.test(value)) return value;
  value = value.replace(/[àâäáéèêëîïíôöóùûüúçÿœæ’]/g, (ch) => LATIN[ch] ?? ch);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: plain ASCII range test.
  if (/^[\u0000-\u007f°º\u00a0\u202f]*$/.test(value)) return value;
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The meaningful words of a text, in order: `N° d’allocataire (CAF)` → numero allocataire caf. */
export function meaningWords(text: string | null | undefined): string[] {
  const folded = fold(String(text ?? ''))
    // "n°", "nº", "no." before a word or a digit: the abbreviation of numéro.
    .replace(/\bn\s*[°º]/g, ' numero ')
    .replace(/\(s\)/g, '')
    .replace(/\be[-\s]?mail/g, 'email')
    .replace(/[^a-z0-9]+/g, ' ');
  const out: string[] = [];
  for (const raw of folded.split(' ')) {
    if (!raw) continue;
    const mapped = SAME_WORD[raw] ?? raw;
    for (const word of mapped.split(' ')) {
      if (STOPWORDS.has(word)) continue;
      // Plural and singular are one word ("enfants", "revenus"); short words are left as they are.
      out.push(word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);
    }
  }
  return out;
}

/** What a text is compared by: its words in order and as a set. Compute once, compare often. */
export type Words = { list: string[]; set: Set<string>; joined: string };

// The same label texts are compared again at every check of a page: their words are kept.
const known = new Map<string, Words>();
const KNOWN_MAX = 20_000;

export function toWords(text: string | null | undefined): Words {
  const key = String(text ?? '');
  const cached = known.get(key);
  if (cached) return cached;
  const list = meaningWords(key);
  const words = { list, set: new Set(list), joined: list.join(' ') };
  if (key.length <= 500) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, words);
  }
  return words;
}

/**
 * How alike two texts are, from 0 to 1: 1 for the same words in the same order, 0.95 for the same
 * words in another order, at least 0.7 when one is the beginning of the other and 0.65 when one
 * holds all the words of the other; else the share of words they have in common (Dice).
 */
export function wordsSimilarity(a: Words, b: Words): number {
  if (a.list.length === 0 || b.list.length === 0) return 0;
  if (a.joined === b.joined) return 1;
  let common = 0;
  for (const word of a.set) if (b.set.has(word)) common++;
  if (common === 0) return 0;
  if (common === a.set.size && common === b.set.size) return 0.95;
  const dice = (2 * common) / (a.set.size + b.set.size);
  const [short, long] = a.list.length <= b.list.length ? [a, b] : [b, a];
  if (common === short.set.size) {
    const prefix = long.joined.startsWith(`${short.joined} `);
    return Math.max(dice, prefix ? 0.7 : 0.65);
  }
  return dice;
}

export function textSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  return wordsSimilarity(toWords(a), toWords(b));
}
