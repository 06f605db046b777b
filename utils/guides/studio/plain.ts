/**
 * Plain-language advice on a text the author writes (FALC spirit): long sentences, words the
 * glossary explains (with the definition to offer), abbreviations and inclusive "(s)" plurals, and
 * the passive voice where a cheap pattern can tell it ("est traité par"). Advice only: the studio
 * never blocks a text on it. Codes and parameters only; the panel says them in the person's language.
 */
import { normalizeText } from '../text.ts';

export type PlainAdvice =
  | { code: 'long-sentence'; words: number; max: number; excerpt: string }
  | { code: 'glossary'; term: string; definition: string }
  | { code: 'abbreviation'; excerpt: string; suggestion: string }
  | { code: 'plural-mark'; excerpt: string }
  | { code: 'acronym'; excerpt: string }
  | { code: 'passive'; excerpt: string };

export type GlossaryLike = { term: string; definition: string; variants?: readonly string[] };

export type PlainOptions = {
  /** Words per sentence above which a sentence is called long (FALC guidance: about 15). */
  maxWords?: number;
  glossary?: readonly GlossaryLike[];
  lang?: 'fr' | 'en' | 'ar';
};

export const MAX_SENTENCE_WORDS = 15;

// Abbreviations a reader may not know, with what to write instead.
const ABBREVIATIONS: Array<[RegExp, string, string]> = [
  [/(^|[\s(])([Nn][°º]|[Nn]o\.)(?=\s|\d|$)/g, 'N°', 'numéro'],
  [/(^|[\s(])(etc\.)/g, 'etc.', '…'],
  [/(^|[\s(])(cf\.)/g, 'cf.', 'voir'],
  [/(^|[\s(])(ex\.)(?=\s|:)/g, 'ex.', 'par exemple'],
  [/(^|[\s(])(env\.)/g, 'env.', 'environ'],
  [/(^|[\s(])(svp)(?=[\s.,!]|$)/gi, 'svp', 's’il vous plaît'],
  [/(^|[\s(])(mini\.|maxi\.)/g, 'mini.', 'au moins / au plus'],
];

// "justificatif(s)", "né(e)", "concerné·e·s": hard to read aloud and for screen readers.
const PLURAL_MARKS = /[\p{L}]+(\((?:s|e|es|x|ne|le|te)\)|[·.](?:e|es|s)(?:[·.]s)?)(?=[\s,.;:!?)]|$)/gu;

// Être + past participle + "par": the passive whose agent is named (cheap, few false alarms).
const PASSIVE_FR =
  /(?<!\p{L})(est|sont|sera|seront|était|étaient|a été|ont été|soit|soient|fut|furent)\s+(?:\p{L}+ment\s+)?(\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|t|te|ts|tes))\s+par(?!\p{L})/giu;
const PASSIVE_EN = /\b(is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(\w+(?:ed|en|wn|ne))\s+by\b/gi;

// Acronyms that every reader knows or that are names: not worth a remark.
const KNOWN_ACRONYMS = new Set(['PDF', 'JPG', 'JPEG', 'PNG', 'OK', 'FR', 'UE', 'SMS', 'QR']);

/** Sentences of a text: split after . ! ? … and line breaks (list items are sentences too). */
export function sentences(text: string): string[] {
  return text
    .replace(/\s*\n+\s*/g, '\n')
    .split(/(?<=[.!?…؟])\s+|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function wordCount(sentence: string): number {
  return sentence.split(/[\s\u00a0\u202f]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function excerpt(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the normalized text hold this normalized phrase as whole words? */
function holdsPhrase(normalized: string, phrase: string): boolean {
  if (!phrase) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}])`, 'u').test(normalized);
}

/** The advice for one text. The same remark is given once per text. */
export function checkPlainLanguage(text: string, options: PlainOptions = {}): PlainAdvice[] {
  const out: PlainAdvice[] = [];
  const value = String(text ?? '');
  if (!value.trim()) return out;
  const max = options.maxWords ?? MAX_SENTENCE_WORDS;
  const lang = options.lang ?? 'fr';
  for (const s of sentences(value)) {
    const words = wordCount(s);
    if (words > max) out.push({ code: 'long-sentence', words, max, excerpt: excerpt(s) });
  }
  const normalized = normalizeText(value);
  const seenTerms = new Set<string>();
  for (const entry of options.glossary ?? []) {
    const forms = [entry.term, ...(entry.variants ?? [])].map(normalizeText).filter(Boolean);
    if (seenTerms.has(normalizeText(entry.term))) continue;
    if (forms.some((form) => holdsPhrase(normalized, form))) {
      seenTerms.add(normalizeText(entry.term));
      out.push({ code: 'glossary', term: entry.term, definition: entry.definition });
    }
  }
  if (lang === 'ar') return out;
  const seen = new Set<string>();
  for (const [pattern, shown, suggestion] of ABBREVIATIONS) {
    pattern.lastIndex = 0;
    if (pattern.test(value) && !seen.has(shown)) {
      seen.add(shown);
      out.push({ code: 'abbreviation', excerpt: shown, suggestion });
    }
  }
  for (const m of value.matchAll(PLURAL_MARKS)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    out.push({ code: 'plural-mark', excerpt: m[0] });
  }
  const explained = new Set((options.glossary ?? []).map((g) => g.term.toUpperCase()));
  for (const m of value.matchAll(/(?<!\p{L})[A-Z]{2,6}(?!\p{L})/gu)) {
    const word = m[0];
    if (KNOWN_ACRONYMS.has(word) || explained.has(word) || seen.has(word)) continue;
    // Explained right there: "IBAN (numéro de compte)".
    const after = value.slice((m.index ?? 0) + word.length, (m.index ?? 0) + word.length + 3);
    if (/^\s?\(/.test(after)) continue;
    seen.add(word);
    out.push({ code: 'acronym', excerpt: word });
  }
  for (const m of value.matchAll(lang === 'en' ? PASSIVE_EN : PASSIVE_FR)) {
    out.push({ code: 'passive', excerpt: excerpt(m[0]) });
  }
  return out;
}

/** The project glossary's file (public/glossary/fr.json) as glossary entries for the check. */
export function glossaryFromFile(json: unknown, lang: 'fr' | 'en' | 'ar' = 'fr'): GlossaryLike[] {
  const terms = (json as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(terms)) return [];
  const out: GlossaryLike[] = [];
  for (const t of terms.slice(0, 2000)) {
    const entry = t as Record<string, unknown>;
    const term = typeof entry.term === 'string' ? entry.term : '';
    const definition =
      (lang === 'en' && typeof entry.short_en === 'string' ? entry.short_en : undefined) ??
      (typeof entry.short_fr === 'string' ? entry.short_fr : '');
    if (!term || !definition) continue;
    const variants = Array.isArray(entry.variants)
      ? entry.variants.filter((v): v is string => typeof v === 'string')
      : [];
    out.push({ term, definition, variants });
  }
  return out;
}
