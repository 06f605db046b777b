/**
 * WebExtension match patterns (`<all_urls>`, `*://*.example.fr/path*`), as browsers read them:
 * `*` scheme means http or https; `*.host` also matches host itself; a pattern without a port
 * matches any port; the path part (with `*` wildcards) is matched against path + query.
 */

export type MatchPattern = {
  all: boolean;
  schemes: string[];
  host: string; // '' for file:, '*' for any
  subdomains: boolean;
  port: string | null; // null = any port
  path: RegExp;
};

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
      path: /^/,
    };
  }
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
  const source = path
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return { all: false, schemes, host: host.toLowerCase(), subdomains, port, path: new RegExp(`^${source}$`) };
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
  return parsed.path.test(u.pathname + u.search);
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
