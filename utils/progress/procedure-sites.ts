/**
 * Where the progress code should load: the pages of a procedure (a guide's address patterns) and
 * the sites where something is saved. The extension's background publishes this list into its
 * storage, and the script on every page reads it with the comfort settings it reads anyway: one
 * storage read per page load, no message, no service worker woken up on every page.
 */
import { hostMayMatch, patternMatchesUrl } from '../guides/match-pattern.ts';

export const PROCEDURE_SITES_KEY = 'pasapas:procedureSites';

export type ProcedureSites = {
  /** Guides' URL match patterns (built-in and installed). */
  patterns: string[];
  /** Origins with saved answers (clear mode). */
  origins: string[];
  /** Encrypted answers exist (shared computer): their sites cannot be read without the PIN. */
  everywhere: boolean;
};

const MAX_ITEMS = 5000;
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((s): s is string => typeof s === 'string' && s.length <= 2000).slice(0, MAX_ITEMS)
    : [];

/** Lenient: the value comes from our own storage, but an older or damaged one must not throw. */
export function parseProcedureSites(raw: unknown): ProcedureSites | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  return { patterns: strings(r.patterns), origins: strings(r.origins), everywhere: r.everywhere === true };
}

// Not storage/db's originOf: that module brings Dexie into the script on every page.
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * `saved`: answers are kept for this site (or encrypted ones, whose sites cannot be read), so a
 * return can be offered as soon as the page is there. `guided`: a guide knows the page, nothing is
 * kept yet. `null`: neither.
 */
export function procedureSiteKind(sites: ProcedureSites | null, url: string): 'saved' | 'guided' | null {
  if (!sites) return null;
  if (sites.everywhere || sites.origins.includes(originOf(url))) return 'saved';
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    return null;
  }
  // Most pages match no guide: a string look at each pattern's host first, parsing only the few left.
  return sites.patterns.some((p) => hostMayMatch(p, hostname) && patternMatchesUrl(p, url)) ? 'guided' : null;
}
