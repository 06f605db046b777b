/**
 * Finding glossary terms in text: whole words, ignoring case and accents, longest match first,
 * no overlaps. Acronym variants written in capitals (CAF, ASS, PAS, AME) only match capitals, so
 * "pas" or "âme" in a sentence are not taken for the prélèvement à la source or the aide médicale.
 */

import type { GlossaryFile, GlossaryTerm } from './schema.ts';
import { parseGlossaryFile } from './schema.ts';

export type TermMatch = { start: number; end: number; id: string };

type Terminal = { id: string; acronym: boolean };
type TrieNode = { next: Map<string, TrieNode>; terminal?: Terminal };

export type CompiledGlossary = {
  readonly terms: ReadonlyMap<string, GlossaryTerm>;
  readonly root: TrieNode;
};

export type GlossaryInput = CompiledGlossary | readonly GlossaryTerm[] | GlossaryFile;

// Letters and digits, with a trailing degree sign for "N°"; everything else separates words.
const TOKEN = /[\p{L}\p{N}]+[°º]?/gu;
// What may stand between two words of one term: spaces, hyphens, apostrophes.
const GAP = /^[\s\u00a0\u202f\-\u2010\u2011\u2013'\u2019\u02bc]*$/;
const ABBREVIATION_GAP = /^\.[\s\u00a0\u202f]*$/;

type Token = { start: number; end: number; folded: string };

const PLAIN_WORD = /^[A-Za-z0-9]+$/;

function fold(word: string): string {
  // Most words are plain ASCII: skip Unicode normalisation for them (the hot path on long pages).
  if (PLAIN_WORD.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/º/g, '°');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ start, end: start + match[0].length, folded: fold(match[0]) });
  }
  return tokens;
}

function isAcronym(variant: string): boolean {
  const letters = variant.replace(/[^\p{L}]/gu, '');
  return (
    letters.length > 0 &&
    letters.length <= 6 &&
    letters === letters.toUpperCase() &&
    /^[\p{Lu}\p{N}°.\s-]+$/u.test(variant)
  );
}

/** Builds the word trie once; later terms win when two terms share a variant (guides override). */
export function compileGlossary(terms: readonly GlossaryTerm[]): CompiledGlossary {
  const root: TrieNode = { next: new Map() };
  const byId = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    byId.set(term.id, term);
    for (const variant of new Set([term.term, ...term.variants])) {
      const words = tokenize(variant).map((t) => t.folded);
      if (words.length === 0) continue;
      let node = root;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      const acronym = isAcronym(variant);
      // The same id written as a word somewhere ("Caf") makes any case acceptable.
      const keepLoose = node.terminal?.id === term.id && !node.terminal.acronym;
      node.terminal = { id: term.id, acronym: acronym && !keepLoose };
    }
  }
  return { terms: byId, root };
}

const compiledCache = new WeakMap<object, CompiledGlossary>();

export function toCompiled(glossary: GlossaryInput): CompiledGlossary {
  if ('root' in glossary) return glossary;
  const cached = compiledCache.get(glossary);
  if (cached) return cached;
  const terms = Array.isArray(glossary) ? glossary : parseGlossaryFile(glossary).terms;
  const compiled = compileGlossary(terms as readonly GlossaryTerm[]);
  compiledCache.set(glossary, compiled);
  return compiled;
}

function step(node: TrieNode, word: string): TrieNode | undefined {
  const exact = node.next.get(word);
  if (exact) return exact;
  // Plurals: "revenus fiscaux" for "revenu fiscal", "avis d'impositions"…
  if (word.length >= 4) {
    if (word.endsWith('aux')) {
      const singular = node.next.get(`${word.slice(0, -3)}al`);
      if (singular) return singular;
    }
    if (word.endsWith('s') || word.endsWith('x')) return node.next.get(word.slice(0, -1));
  }
  return undefined;
}

function gapAllowed(text: string, previous: Token, next: Token): boolean {
  const gap = text.slice(previous.end, next.start);
  if (GAP.test(gap)) return true;
  // "C.A.F." or "N. I. R.": a dot after a one-letter word.
  return previous.end - previous.start === 1 && ABBREVIATION_GAP.test(gap);
}

function isCapitals(text: string): boolean {
  return text === text.toUpperCase();
}

/**
 * An acronym inside a heading written all in capitals ("NE PAS OUBLIER") is an ordinary word:
 * accept it unless every word next to it is written in capitals too.
 */
function acronymInContext(text: string, tokens: Token[], first: number, last: number): boolean {
  const neighbours = [tokens[first - 1], tokens[last + 1]].filter((t): t is Token => t !== undefined);
  if (neighbours.length === 0) return true;
  return neighbours.some((t) => {
    const word = text.slice(t.start, t.end);
    return word !== word.toUpperCase() || !/\p{L}.*\p{L}/u.test(word);
  });
}

/** Every glossary term in `text`, as character offsets, longest first then left to right, without overlaps. */
export function findTerms(text: string, glossary: GlossaryInput): TermMatch[] {
  const { root } = toCompiled(glossary);
  const tokens = tokenize(text);
  const candidates: { first: number; last: number; match: TermMatch }[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    let node: TrieNode | undefined = root;
    let best: { last: number; id: string } | undefined;
    for (let j = i; j < tokens.length && node; j += 1) {
      const token = tokens[j] as Token;
      if (j > i && !gapAllowed(text, tokens[j - 1] as Token, token)) break;
      node = step(node, token.folded);
      const terminal = node?.terminal;
      const accepted =
        terminal &&
        (!terminal.acronym ||
          (isCapitals(text.slice((tokens[i] as Token).start, token.end)) &&
            acronymInContext(text, tokens, i, j)));
      if (terminal && accepted) {
        best = { last: j, id: terminal.id };
      }
    }
    if (best) {
      const start = (tokens[i] as Token).start;
      const end = (tokens[best.last] as Token).end;
      candidates.push({ first: i, last: best.last, match: { start, end, id: best.id } });
    }
  }
  candidates.sort((a, b) => b.match.end - b.match.start - (a.match.end - a.match.start) || a.first - b.first);
  const taken = new Uint8Array(tokens.length);
  const chosen: TermMatch[] = [];
  for (const candidate of candidates) {
    let free = true;
    for (let k = candidate.first; k <= candidate.last; k += 1) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = candidate.first; k <= candidate.last; k += 1) taken[k] = 1;
    chosen.push(candidate.match);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
