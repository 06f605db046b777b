import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostMayMatch, patternMatchesUrl } from '../../../utils/guides/match-pattern.ts';

const PATTERNS = [
  '<all_urls>',
  '*://*/*',
  'https://*.impots.gouv.fr/*',
  'http://127.0.0.1/aide-logement/*',
  'http://127.0.0.1:8080/*',
  'https://caf.fr/mon-compte/*',
  'http://[::1]:3000/*',
  'file:///*',
];
const URLS = [
  'https://www.impots.gouv.fr/accueil',
  'https://impots.gouv.fr/',
  'https://faux-impots.gouv.fr.evil.test/',
  'http://127.0.0.1/aide-logement/identite.html',
  'http://127.0.0.1:8080/plain.html',
  'http://localhost/aide-logement/',
  'https://caf.fr/mon-compte/demarches',
  'https://CAF.fr/',
  'http://[::1]:3000/x',
  'file:///home/a.pdf',
];

describe('hostMayMatch (the cheap first look of the script on every page)', () => {
  it('never says no where the full match says yes, and rules out other hosts', () => {
    for (const pattern of PATTERNS)
      for (const url of URLS) {
        const host = new URL(url).hostname;
        if (patternMatchesUrl(pattern, url))
          expect(hostMayMatch(pattern, host), `${pattern} ${url}`).toBe(true);
      }
    expect(hostMayMatch('https://*.impots.gouv.fr/*', 'faux-impots.gouv.fr.evil.test')).toBe(false);
    expect(hostMayMatch('https://caf.fr/mon-compte/*', 'www.impots.gouv.fr')).toBe(false);
    expect(hostMayMatch('not a pattern', 'caf.fr')).toBe(false);
  });

  it('holds for generated hosts and patterns', () => {
    // Letters first: an all-digit host is an IPv4 address, which URL rewrites (0 → 0.0.0.0).
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
    const host = fc.array(label, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(
        host,
        host,
        fc.constantFrom('same', 'sub', 'other'),
        fc.boolean(),
        fc.constantFrom('', ':8080', ':*'),
        (a, c, relation, sub, port) => {
          // The page's host is the pattern's, one of its subdomains, or another one.
          const b = relation === 'same' ? a : relation === 'sub' ? `${c}.${a}` : c;
          const pattern = `https://${sub ? '*.' : ''}${a}${port}/*`;
          const url = `https://${b}${port === ':8080' ? ':8080' : ''}/page`;
          const full = patternMatchesUrl(pattern, url);
          const quick = hostMayMatch(pattern, new URL(url).hostname);
          if (full) expect(quick).toBe(true);
          if (relation === 'same') expect(quick).toBe(true);
        },
      ),
    );
  });
});
