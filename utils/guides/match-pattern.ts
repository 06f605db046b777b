/**
 * WebExtension match patterns (`<all_urls>`, `*://*.example.fr/path*`), as browsers read them:
 * `*` scheme means http or https; `*.host` also matches host itself; a pattern without a port
 * matches any port; the path part (with `*` wildcards) is matched against path + query.
 * Paths are matched by `matchGlob`, never by a regular expression: a guide is third-party data,
 * and `*a*a*a…b` as a RegExp backtracks for minutes on the main thread of every page.
 */

export type MatchPattern = {
  all: boolean;
  schemes: string[];
  host: string; // '' for file:, '*' for any
  subdomains: boolean;
  port: string | null; // null = any port
  /** The path glob (`*` = any run of characters), matched by `matchGlob`. */
  path: string;
};

/** At most this many `*` in a whole pattern: real guides use 2 or 3; more is refused. */
export const MAX_PATTERN_WILDCARDS = 8;

export function wildcardCount(pattern: string): number {
  let count = 0;
  for (let i = pattern.indexOf('*'); i >= 0; i = pattern.indexOf('*', i + 1)) count++;
  return count;
}

/**
 * Does `text` match `glob`, where `*` is any run of characters and everything else is literal?
 * The parts between stars are found left to right, each at its first place: the leftmost
 * placement never loses a match, so there is no backtracking. O(text × part) at worst, each
 * part searched by the engine's indexOf.
 */
export function matchGlob(glob: string, text: string): boolean {
  const parts = glob.split('*');
  const first = parts[0] ?? '';
  if (parts.length === 1) return text === first;
  const last = parts[parts.length - 1] ?? '';
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

const SCHEMES = ['http', 'https', 'file', 'ws', 'wss'];

export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (typeof pattern !== 'string' || pattern.length > 2000) return null;
  if (pattern === '<all_urls>') {
    return {
      all: true,
      schemes: ['http', 'https', 'file', 'ws', 'wss'],
      host: '*',
      subdomains: false,
      port: null,
      path: '*',
    };
  }
  if (wildcardCount(pattern) > MAX_PATTERN_WILDCARDS) return null;
  const m = /^(\*|[a-z]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return null;
  const [, scheme = '', authority = '', path = ''] = m;
  if (scheme !== '*' && !SCHEMES.includes(scheme)) return null;
  const schemes = scheme === '*' ? ['http', 'https'] : [scheme];
  let host = authority;
  let port: string | null = null;
  const portMatch = /^(.*):(\*|\d{1,5})$/.exec(authority);
  if (portMatch) {
    host = portMatch[1] ?? '';
    port = portMatch[2] === '*' ? null : String(Number(portMatch[2]));
  }
  if (scheme === 'file') {
    if (host !== '') return null;
  } else if (host === '') {
    return null;
  }
  let subdomains = false;
  if (host.startsWith('*.')) {
    subdomains = true;
    host = host.slice(2);
  }
  if (host !== '*' && !/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$|^$/i.test(host)) return null;
  if (host.includes('*') && host !== '*') return null;
  return { all: false, schemes, host: host.toLowerCase(), subdomains, port, path };
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' || protocol === 'wss:'
    ? '443'
    : protocol === 'http:' || protocol === 'ws:'
      ? '80'
      : '';
}

export function patternMatchesUrl(pattern: string | MatchPattern, url: string | URL): boolean {
  const parsed = typeof pattern === 'string' ? parseMatchPattern(pattern) : pattern;
  if (!parsed) return false;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (!parsed.schemes.includes(scheme)) return false;
  if (parsed.all) return true;
  if (scheme !== 'file') {
    const host = u.hostname.toLowerCase();
    if (parsed.host !== '*') {
      const same = host === parsed.host;
      const sub = parsed.subdomains && host.endsWith(`.${parsed.host}`);
      if (!same && !sub) return false;
    }
    if (parsed.port !== null && (u.port || defaultPort(u.protocol)) !== parsed.port) return false;
  }
  return matchGlob(parsed.path, u.pathname + u.search);
}

/**
 * A first look without parsing, for the script on every page: false when the pattern's host cannot
 * be this hostname (then `patternMatchesUrl` is false too); true means "parse and check".
 */
export function hostMayMatch(pattern: string, hostname: string): boolean {
  if (pattern === '<all_urls>') return true;
  const start = pattern.indexOf('://');
  if (start < 0) return false;
  const end = pattern.indexOf('/', start + 3);
  let host = pattern.slice(start + 3, end < 0 ? undefined : end).toLowerCase();
  const colon = host.lastIndexOf(':');
  if (colon > host.lastIndexOf(']')) host = host.slice(0, colon);
  if (host === '*' || host === '') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return host === hostname;
}

/**
 * Suffixes shared by many unrelated sites: `*.` one of them claims them all. A top-level domain
 * (one label: `*.fr`, `*.com`) always is one; these two-label ones are the usual French and
 * English ones, and `gouv.fr`, under which every ministry and public body lives.
 */
const SHARED_SUFFIXES = new Set([
  'gouv.fr',
  'asso.fr',
  'com.fr',
  'nom.fr',
  'presse.fr',
  'tm.fr',
  'co.uk',
  'org.uk',
  'gov.uk',
  'ac.uk',
  'com.au',
  'co.nz',
  'com.br',
  'co.jp',
]);

/**
 * Whether the pattern claims every site, or a whole family of unrelated ones: `<all_urls>`, any
 * host `*`, or `*.` followed by a top-level domain or a shared suffix. `*.caf.fr` is one
 * organisation's sites and is not. A pattern that does not parse is left to the other checks.
 */
export function coversWholeWeb(pattern: string): boolean {
  const parsed = parseMatchPattern(pattern);
  if (!parsed) return false;
  if (parsed.all || parsed.host === '*') return true;
  if (!parsed.subdomains) return false;
  return !parsed.host.includes('.') || SHARED_SUFFIXES.has(parsed.host);
}
