/**
 * Guide catalogs: a static JSON index of guides with their SHA-256, served from any web host.
 * `fetchCatalog` uses conditional requests and an injected cache, works offline from the cache,
 * checks every guide's hash, format and signature, and skips bad guides with a plain message.
 */
import * as v from 'valibot';
import { sha256Hex, utf8 } from './bytes.ts';
import { type Guide, LIMITS, LTextSchema, SignatureSchema } from './format.ts';
import { parseGuideTextWithKeys } from './keys.ts';
import { guideMessage } from './messages.ts';
import { type GuideError, needsTrustOnly, parseGuideText } from './schema.ts';
import { type TrustedKey, type Verification, verifyGuide } from './signature.ts';

export const CATALOG_FORMAT_VERSION = 1 as const;

export const CatalogEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(3), v.maxLength(LIMITS.guideId)),
  version: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  signature: v.optional(SignatureSchema),
  title: v.optional(LTextSchema),
});

export const CatalogSchema = v.strictObject({
  $schema: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))),
  formatVersion: v.literal(CATALOG_FORMAT_VERSION),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.shortText), v.regex(/\S/)),
  updated: v.pipe(v.string(), v.isoTimestamp()),
  guides: v.pipe(v.array(CatalogEntrySchema), v.maxLength(2000)),
  /**
   * In-person help places (national schema of digital-mediation places, JSON form). Read by
   * utils/help-places/catalog-places.ts, not here: bad places must not cost the catalog's guides.
   */
  places: v.optional(v.unknown()),
});

export type Catalog = v.InferOutput<typeof CatalogSchema>;
export type CatalogEntry = v.InferOutput<typeof CatalogEntrySchema>;

export type CatalogProblem = {
  code: string;
  guideId?: string;
  url?: string;
  message: { fr: string; en: string };
  params?: Record<string, string | number>;
  errors?: GuideError[];
};

function problem(
  code: string,
  params: Record<string, string | number>,
  extra: Partial<CatalogProblem> = {},
): CatalogProblem {
  return {
    code,
    ...extra,
    params,
    message: { fr: guideMessage('fr', code, params), en: guideMessage('en', code, params) },
  };
}

export function parseCatalog(json: unknown): { ok: true; catalog: Catalog } | { ok: false; detail: string } {
  try {
    const result = v.safeParse(CatalogSchema, json);
    if (result.success) return { ok: true, catalog: result.output };
    const issue = result.issues[0];
    const path = (issue.path ?? [])
      .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
      .join('');
    return { ok: false, detail: `$${path}: ${issue.message}` };
  } catch {
    return { ok: false, detail: 'illisible' };
  }
}

export type CatalogFile = { url: string; content: string | Uint8Array };

function isSigned(text: string): boolean {
  const json = parseJsonOrNull(text) as { signature?: unknown } | null;
  return typeof json?.signature === 'object' && json.signature !== null;
}

/** Builds a catalog from guide files; invalid guides are left out and reported. */
export async function buildCatalog(
  files: readonly CatalogFile[],
  { name, updated = new Date().toISOString() }: { name: string; updated?: string },
): Promise<{ catalog: Catalog; problems: Array<{ url: string; errors: GuideError[] }> }> {
  const guides: CatalogEntry[] = [];
  const problems: Array<{ url: string; errors: GuideError[] }> = [];
  const seen = new Set<string>();
  for (const file of files) {
    const bytes = typeof file.content === 'string' ? utf8(file.content) : file.content;
    const text = new TextDecoder().decode(bytes);
    let parsed = parseGuideText(text);
    // A signed guide that claims the whole web is listed: each mediator's own keys decide.
    if (!parsed.ok && needsTrustOnly(parsed.errors) && isSigned(text))
      parsed = parseGuideText(text, { trusted: true });
    if (!parsed.ok) {
      problems.push({ url: file.url, errors: parsed.errors });
      continue;
    }
    const guide = parsed.guide;
    if (seen.has(guide.id)) {
      const p = problem('guide-duplicate', { id: guide.id });
      problems.push({ url: file.url, errors: [{ path: '$.id', code: p.code, message: p.message }] });
      continue;
    }
    seen.add(guide.id);
    const entry: CatalogEntry = {
      id: guide.id,
      version: guide.version,
      url: file.url,
      sha256: await sha256Hex(bytes),
      title: guide.title,
    };
    if (guide.signature) entry.signature = guide.signature;
    guides.push(entry);
  }
  guides.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { catalog: { formatVersion: CATALOG_FORMAT_VERSION, name, updated, guides }, problems };
}

/** Where the extension or the widget keeps catalogs and guides between visits. */
export type CatalogCache = {
  get(key: string): unknown | Promise<unknown>;
  set(key: string, value: unknown): void | Promise<void>;
};

export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<{
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export type FetchedGuide = {
  entry: CatalogEntry;
  url: string;
  guide: Guide;
  text: string;
  verification: Verification;
  fromCache: boolean;
};

export type CatalogResult = {
  catalog: Catalog | null;
  /** network: fresh copy; not-modified: server said 304; cache: offline or server error. */
  source: 'network' | 'not-modified' | 'cache' | 'none';
  guides: FetchedGuide[];
  problems: CatalogProblem[];
};

export type FetchCatalogOptions = {
  fetch: FetchLike;
  cache: CatalogCache;
  trustedKeys?: readonly TrustedKey[];
  /** Refuse unsigned guides and guides signed by unknown keys (a mediator's choice). */
  requireSignature?: boolean;
  signal?: AbortSignal;
  concurrency?: number;
};

type CachedCatalog = { body: string; etag?: string; lastModified?: string };
type CachedGuide = { text: string };

const catalogKey = (url: string) => `pasapas:catalog:${url}`;
const guideKey = (sha256: string) => `pasapas:guide:${sha256}`;

function asCachedCatalog(value: unknown): CachedCatalog | null {
  if (value && typeof value === 'object' && typeof (value as CachedCatalog).body === 'string')
    return value as CachedCatalog;
  return null;
}

async function safeGet(cache: CatalogCache, key: string): Promise<unknown> {
  try {
    return await cache.get(key);
  } catch {
    return undefined;
  }
}

async function safeSet(cache: CatalogCache, key: string, value: unknown): Promise<void> {
  try {
    await cache.set(key, value);
  } catch {
    // A full or broken cache only costs a download next time.
  }
}

export async function fetchCatalog(catalogUrl: string, options: FetchCatalogOptions): Promise<CatalogResult> {
  const { fetch, cache, trustedKeys = [], requireSignature = false, signal, concurrency = 4 } = options;
  const problems: CatalogProblem[] = [];
  const cached = asCachedCatalog(await safeGet(cache, catalogKey(catalogUrl)));

  let body: string | null = null;
  let parsedFresh: CachedCatalog | null = null;
  let source: CatalogResult['source'] = 'none';
  try {
    const headers: Record<string, string> = {};
    if (cached?.etag) headers['If-None-Match'] = cached.etag;
    if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;
    const response = await fetch(catalogUrl, { headers, signal });
    if (response.status === 304 && cached) {
      body = cached.body;
      source = 'not-modified';
    } else if (response.ok) {
      const text = new TextDecoder().decode(await response.arrayBuffer());
      body = text;
      source = 'network';
      const fresh: CachedCatalog = { body: text };
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      if (etag) fresh.etag = etag;
      if (lastModified) fresh.lastModified = lastModified;
      // Stored only once we know it is a valid catalog (below).
      parsedFresh = fresh;
    } else {
      problems.push(
        problem('catalog-http', { url: catalogUrl, status: response.status }, { url: catalogUrl }),
      );
    }
  } catch {
    if (!cached) problems.push(problem('catalog-offline', { url: catalogUrl }, { url: catalogUrl }));
    else problems.push(problem('catalog-offline-cached', { url: catalogUrl }, { url: catalogUrl }));
  }
  if (body === null && cached) {
    body = cached.body;
    source = 'cache';
  }
  if (body === null) return { catalog: null, source: 'none', guides: [], problems };

  let catalog: Catalog | null = null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    json = undefined;
    problems.push(
      problem(
        'catalog-invalid',
        { url: catalogUrl, detail: String((error as Error).message).slice(0, 200) },
        { url: catalogUrl },
      ),
    );
  }
  if (json !== undefined) {
    const parsed = parseCatalog(json);
    if (parsed.ok) catalog = parsed.catalog;
    else
      problems.push(
        problem('catalog-invalid', { url: catalogUrl, detail: parsed.detail }, { url: catalogUrl }),
      );
  }
  if (!catalog && source === 'network' && cached) {
    // A broken new version must not erase a good old one.
    const old = parseCatalog(parseJsonOrNull(cached.body));
    if (old.ok) {
      catalog = old.catalog;
      source = 'cache';
    }
  } else if (catalog && source === 'network' && parsedFresh) {
    await safeSet(cache, catalogKey(catalogUrl), parsedFresh);
  }
  if (!catalog) return { catalog: null, source, guides: [], problems };

  const guides: Array<FetchedGuide | null> = new Array(catalog.guides.length).fill(null);
  const seen = new Set<string>();
  const entries = catalog.guides.map((entry, i) => ({ entry, i }));
  const work = entries.filter(({ entry }) => {
    if (seen.has(entry.id)) {
      problems.push(problem('guide-duplicate', { id: entry.id }, { guideId: entry.id }));
      return false;
    }
    seen.add(entry.id);
    return true;
  });
  const loadOne = async ({ entry, i }: { entry: CatalogEntry; i: number }) => {
    const result = await loadGuide(entry, catalogUrl, {
      fetch,
      cache,
      trustedKeys,
      requireSignature,
      signal,
    });
    if ('problem' in result) problems.push(result.problem);
    else guides[i] = result.guide;
  };
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, work.length)) }, async () => {
    while (next < work.length) {
      const item = work[next++];
      if (item) await loadOne(item);
    }
  });
  await Promise.all(workers);
  return { catalog, source, guides: guides.filter((g): g is FetchedGuide => g !== null), problems };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function loadGuide(
  entry: CatalogEntry,
  catalogUrl: string,
  opts: Required<Pick<FetchCatalogOptions, 'fetch' | 'cache' | 'trustedKeys' | 'requireSignature'>> & {
    signal?: AbortSignal;
  },
): Promise<{ guide: FetchedGuide } | { problem: CatalogProblem }> {
  const id = entry.id;
  let url: string;
  try {
    const resolved = new URL(entry.url, catalogUrl);
    if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') throw new Error('not a web address');
    url = resolved.href;
  } catch {
    return { problem: problem('guide-bad-url', { id }, { guideId: id }) };
  }
  let text: string | null = null;
  let fromCache = false;
  const hit = await safeGet(opts.cache, guideKey(entry.sha256));
  if (hit && typeof (hit as CachedGuide).text === 'string') {
    // The cache is keyed by hash, but we check again: the store may have been tampered with.
    const candidate = (hit as CachedGuide).text;
    if ((await sha256Hex(candidate)) === entry.sha256) {
      text = candidate;
      fromCache = true;
    }
  }
  if (text === null) {
    let bytes: Uint8Array;
    try {
      const response = await opts.fetch(url, { signal: opts.signal });
      if (!response.ok)
        return { problem: problem('guide-http', { id, status: response.status }, { guideId: id, url }) };
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch {
      return { problem: problem('guide-offline', { id }, { guideId: id, url }) };
    }
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      return { problem: problem('guide-hash-mismatch', { id }, { guideId: id, url }) };
    }
    text = new TextDecoder().decode(bytes);
  }
  const { parsed, verification: known } = await parseGuideTextWithKeys(text, opts.trustedKeys);
  if (!parsed.ok) {
    if (known === 'invalid')
      return { problem: problem('guide-signature-invalid', { id }, { guideId: id, url }) };
    const code = needsTrustOnly(parsed.errors) ? 'guide-whole-web-refused' : 'guide-invalid';
    return { problem: problem(code, { id }, { guideId: id, url, errors: parsed.errors }) };
  }
  if (parsed.guide.id !== entry.id || parsed.guide.version !== entry.version) {
    return { problem: problem('guide-mismatch', { id }, { guideId: id, url }) };
  }
  const verification = known ?? (await verifyGuide(parseJsonOrNull(text), opts.trustedKeys));
  if (verification === 'invalid')
    return { problem: problem('guide-signature-invalid', { id }, { guideId: id, url }) };
  if (opts.requireSignature && verification === 'unsigned') {
    return { problem: problem('guide-unsigned-refused', { id }, { guideId: id, url }) };
  }
  if (opts.requireSignature && verification === 'untrusted-key') {
    return { problem: problem('guide-untrusted-refused', { id }, { guideId: id, url }) };
  }
  if (!fromCache) await safeSet(opts.cache, guideKey(entry.sha256), { text } satisfies CachedGuide);
  return { guide: { entry, url, guide: parsed.guide, text, verification, fromCache } };
}
