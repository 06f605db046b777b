/**
 * Address patterns are matched without backtracking: a hostile guide cannot freeze the page with
 * `*a*a*a…b` (a regular expression took over 80 s on a 60-character path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PATTERN_WILDCARDS,
  matchGlob,
  parseMatchPattern,
  patternMatchesUrl,
} from '../../../utils/guides/match-pattern.ts';

/** The plain definition, for small inputs: `*` is any run of characters, the rest is literal. */
function reference(glob: string, text: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let out: boolean;
    if (i === glob.length) out = j === text.length;
    else if (glob[i] === '*') out = go(i + 1, j) || (j < text.length && go(i, j + 1));
    else out = j < text.length && glob[i] === text[j] && go(i + 1, j + 1);
    memo.set(key, out);
    return out;
  };
  return go(0, 0);
}

/** Median of many runs, so a busy machine does not make the test flaky. */
function medianMs(run: () => void, times = 201): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(times / 2)] ?? Number.POSITIVE_INFINITY;
}

const LONG_PATH = `/${'a'.repeat(1999)}`; // with the host, a URL of more than 2,000 characters

describe('matchGlob', () => {
  it('agrees with the plain definition on small random inputs', () => {
    const glob = fc.string({ unit: fc.constantFrom('a', 'b', '*', '.', '?', '/'), maxLength: 10 });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '?', '/'), maxLength: 14 });
    fc.assert(
      fc.property(glob, text, (g, t) => {
        expect(matchGlob(g, t), `${g} ${t}`).toBe(reference(g, t));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['/*', '/', true],
    ['/*', '', false],
    ['/a*b', '/ab', true],
    ['/a*b', '/axxb', true],
    ['/a*b', '/axxbx', false],
    ['/*a*a*b', '/aab', true],
    ['/*a*a*b', '/ab', false],
    ['/x.html*', '/x.html?q=1', true],
    ['/x.html*', '/xyhtml', false],
    ['/a**b', '/ab', true],
  ])('%s on %s is %s', (glob, text, expected) => {
    expect(matchGlob(glob, text)).toBe(expected);
  });

  it('decides the hostile pattern in under a millisecond on a 2,000-character address', () => {
    const hostile = '/*a*a*a*a*a*a*a*a*b';
    expect(matchGlob(hostile, LONG_PATH)).toBe(false);
    expect(matchGlob(hostile, `${LONG_PATH}b`)).toBe(true);
    expect(medianMs(() => matchGlob(hostile, LONG_PATH))).toBeLessThan(1);
    expect(medianMs(() => matchGlob(hostile, `${LONG_PATH}b`))).toBeLessThan(1);
  });

  it('matches a full address with as many wildcards as allowed in under a millisecond', () => {
    // The most a pattern may hold, all of them in the path, on the worst kind of address.
    const pattern = `https://exemple.fr/${'*a'.repeat(MAX_PATTERN_WILDCARDS - 1)}*b`;
    expect(parseMatchPattern(pattern)).not.toBeNull();
    const url = `https://exemple.fr${LONG_PATH}`;
    expect(url.length).toBeGreaterThan(2000);
    expect(patternMatchesUrl(pattern, url)).toBe(false);
    expect(patternMatchesUrl(pattern, `${url}b`)).toBe(true);
    const parsed = parseMatchPattern(pattern);
    if (!parsed) throw new Error('the pattern must parse');
    const u = new URL(url);
    expect(medianMs(() => patternMatchesUrl(parsed, u))).toBeLessThan(1);
  });
});

describe('wildcard cap', () => {
  it('refuses a pattern with more wildcards than the cap, accepts one at the cap', () => {
    expect(MAX_PATTERN_WILDCARDS).toBeGreaterThanOrEqual(4);
    expect(MAX_PATTERN_WILDCARDS).toBeLessThanOrEqual(10);
    expect(parseMatchPattern('*://*/*a*a*a*a*a*a*a*a*b')).toBeNull();
    const atCap = `https://exemple.fr/${'*x'.repeat(MAX_PATTERN_WILDCARDS)}`;
    const over = `https://exemple.fr/${'*x'.repeat(MAX_PATTERN_WILDCARDS + 1)}`;
    expect(parseMatchPattern(atCap)).not.toBeNull();
    expect(parseMatchPattern(over)).toBeNull();
    expect(patternMatchesUrl(over, 'https://exemple.fr/xxxxxxxxxxxxxxxxxxxxxxxxxx')).toBe(false);
  });
});
