/**
 * The sites a person used during a session on a shared computer: web origins only (http, https),
 * deduplicated and bounded, kept in the extension's memory storage (never on disk) until the end.
 */

/** Enough for a long day at a public computer; the oldest go first beyond it. */
export const MAX_SITES = 200;

/** The web origin of an address, or null for anything that is not an ordinary web page. */
export function siteOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The list with this origin added at the end (moved there if it was already in). */
export function addSite(list: readonly string[], origin: string): string[] {
  const next = list.filter((o) => o !== origin);
  next.push(origin);
  return next.length > MAX_SITES ? next.slice(next.length - MAX_SITES) : next;
}

/** A stored list, read defensively (storage is ours, but an older version may have written it). */
export function parseSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const item of raw) {
    const origin = typeof item === 'string' ? siteOrigin(item) : null;
    if (origin && !out.includes(origin)) out.push(origin);
  }
  return out.slice(-MAX_SITES);
}

/** The host names of these origins (Firefox's browsingData filters cookies by host name, not origin). */
export function hostnamesOf(origins: readonly string[]): string[] {
  return [...new Set(origins.map((o) => new URL(o).hostname))];
}

/**
 * The hosts of these origins with their port when it is not the scheme's (`127.0.0.1:8080`):
 * Firefox's browsingData matches local storage and IndexedDB against the origin's `hostPort`, so a
 * bare host name misses a site on another port (read in Firefox 153's ext-browsingData.js).
 */
export function hostPortsOf(origins: readonly string[]): string[] {
  return [...new Set(origins.map((o) => new URL(o).host))];
}
