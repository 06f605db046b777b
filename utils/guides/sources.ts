/**
 * Where the guides offered on a page come from, and which one wins when several carry the same id:
 * the built-in guides, the guides a mediator installed (file or catalog, extension) and the guides
 * an administration configured (widget). A refused guide (its signature does not match its
 * content) is never offered; otherwise the highest version wins, then the better-trusted copy.
 */
import { type CatalogCache, type CatalogProblem, type FetchLike, fetchCatalog } from './catalog.ts';
import type { Guide } from './format.ts';
import { parseGuideTextWithKeys, trustedKeysFrom, verifyWithKeys } from './keys.ts';
import type { GuideLoadProblem } from './loading.ts';
import { guideMessage } from './messages.ts';
import { type GuideError, needsTrustOnly, parseGuideText } from './schema.ts';
import type { TrustedKey, Verification } from './signature.ts';

export type GuideOrigin = 'builtin' | 'installed' | 'configured';
/**
 * What the person sees: vérifié, non vérifié, refusé; built-in guides ship with Pas à pas, and
 * 'site' guides are the embedding site's own (served from its origin, or listed by its page).
 */
export type TrustState = 'builtin' | 'verified' | 'site' | 'unverified' | 'refused';

export type GuideCandidate = {
  guide: Guide;
  verification: Verification;
  origin: GuideOrigin;
  /** 'builtin', 'file', a catalog URL or a guide URL. */
  source: string;
  /**
   * The site that embeds the widget vouches for it: its page lists the guide in `data-guides`, or
   * the guide comes from the page's own origin. Shown as « Guide de ce site », not as unverified.
   */
  site?: boolean;
};
export type OfferedGuide = GuideCandidate & { trust: TrustState };

export function trustState(
  verification: Verification,
  origin: GuideOrigin = 'installed',
  site = false,
): TrustState {
  if (verification === 'invalid') return 'refused';
  if (verification === 'verified') return 'verified';
  if (site) return 'site';
  return origin === 'builtin' ? 'builtin' : 'unverified';
}

/** Semantic versions compared by their numbers; a pre-release comes before its release. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.split('+', 1)[0]?.split(/-(.*)/s) ?? [];
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const RANK: Record<TrustState, number> = { verified: 4, site: 3, builtin: 2, unverified: 1, refused: 0 };

/**
 * One guide per id, in the order they were first seen (built-in first when listed first).
 * `refused` lists what was left out because its signature is wrong; `shadowed` the older copies.
 */
export function mergeGuides(candidates: readonly GuideCandidate[]): {
  guides: OfferedGuide[];
  refused: GuideCandidate[];
  shadowed: GuideCandidate[];
} {
  const chosen = new Map<string, OfferedGuide>();
  const refused: GuideCandidate[] = [];
  const shadowed: GuideCandidate[] = [];
  for (const candidate of candidates) {
    const trust = trustState(candidate.verification, candidate.origin, candidate.site === true);
    if (trust === 'refused') {
      refused.push(candidate);
      continue;
    }
    const offered: OfferedGuide = { ...candidate, trust };
    const current = chosen.get(candidate.guide.id);
    if (!current) {
      chosen.set(candidate.guide.id, offered);
      continue;
    }
    const byVersion = compareVersions(candidate.guide.version, current.guide.version);
    const better = byVersion > 0 || (byVersion === 0 && RANK[trust] > RANK[current.trust]);
    if (better) {
      shadowed.push(current);
      chosen.set(candidate.guide.id, offered);
    } else {
      shadowed.push(candidate);
    }
  }
  return { guides: [...chosen.values()], refused, shadowed };
}

// ---------------------------------------------------------------------------------------------
// Reading one guide file

export type LibraryErrorCode =
  | 'file-not-json'
  | 'file-invalid'
  | 'signature-invalid'
  | 'catalog-url'
  | 'catalog-unreachable'
  | 'catalog-invalid'
  | 'catalog-duplicate'
  | 'key-invalid'
  | 'key-duplicate'
  | 'storage-failed'
  | 'whole-web-untrusted';

/** Every failure of loading guides, typed for code; `libraryMessage` gives the person's words. */
export class GuideLibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly errors: GuideError[] = [],
    readonly problems: CatalogProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(
      `${code}${errors.length ? `: ${errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}` : ''}`,
      options,
    );
    this.name = 'GuideLibraryError';
  }
}

/**
 * Reads a guide file a person chose: not JSON, schema errors (each with its JSON path) and a
 * signature that does not match the content all throw GuideLibraryError; unsigned guides and
 * guides signed with a key nobody trusts are accepted as « non vérifié », unless they claim the
 * whole web: that takes a key the mediator trusts.
 */
export async function readGuideFile(
  text: string,
  trustedKeys: readonly TrustedKey[],
): Promise<{ guide: Guide; verification: Verification }> {
  const { parsed, verification: known } = await parseGuideTextWithKeys(text, trustedKeys);
  if (!parsed.ok) {
    if (needsTrustOnly(parsed.errors)) {
      const id = String((JSON.parse(text) as { id?: unknown }).id ?? '').slice(0, 120);
      if (known === 'invalid') throw new GuideLibraryError('signature-invalid', { id });
      throw new GuideLibraryError('whole-web-untrusted', { id }, parsed.errors);
    }
    const notJson = parsed.errors.length === 1 && parsed.errors[0]?.code === 'invalid-json';
    throw new GuideLibraryError(
      notJson ? 'file-not-json' : 'file-invalid',
      { count: parsed.errors.length },
      parsed.errors,
    );
  }
  const verification = known ?? (await verifyWithKeys(JSON.parse(text), trustedKeys));
  if (verification === 'invalid') {
    throw new GuideLibraryError('signature-invalid', { id: parsed.guide.id });
  }
  return { guide: parsed.guide, verification };
}

// ---------------------------------------------------------------------------------------------
// Guides configured by an administration (widget)

export type ConfiguredGuides = {
  /** URLs of guide files. */
  urls?: readonly string[];
  /** URL of a catalog. */
  catalog?: string;
  /** Bare base64 Ed25519 keys. */
  trustedKeys?: readonly string[];
};

/** The help places a catalog publishes, as published (utils/help-places/catalog-places.ts reads them). */
export type PublishedPlaces = { url: string; name: string; places: unknown };

/** What the administration's guides gave: the guides, what went wrong, and its catalog's places. */
export type ConfiguredLoaded = {
  candidates: GuideCandidate[];
  problems: LoadProblem[];
  catalogPlaces?: PublishedPlaces;
};

/** A guide or catalog that could not be used (the session's type: both show them alike). */
export type LoadProblem = GuideLoadProblem;

function problem(code: string, params: Record<string, string | number>, extra: Partial<LoadProblem> = {}) {
  return {
    code,
    params,
    ...extra,
    message: { fr: guideMessage('fr', code, params), en: guideMessage('en', code, params) },
  } satisfies LoadProblem;
}

/** A cache that lives as long as the page: enough for a widget, whose host page is online. */
export function memoryCache(): CatalogCache {
  const map = new Map<string, unknown>();
  return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
}

/** The origin of an address, or undefined when it is not one. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The page that embeds the widget, when there is one (not in Node, not in a worker). */
function currentPageOrigin(): string | undefined {
  return originOf((globalThis as { location?: { href?: string } }).location?.href);
}

/**
 * The lines the site's developers see in the console for what went wrong with the guides their
 * page configured: which attribute, which address, what happened, what to check. The public only
 * sees that a guide could not be read.
 */
export function configuredProblemLines(problems: readonly LoadProblem[], config: ConfiguredGuides): string[] {
  return problems.map((p) => {
    const url = p.url ?? (p.params?.url as string | undefined) ?? '';
    const listed = (config.urls ?? []).includes(url);
    const attribute = listed ? 'data-guides' : 'data-catalog';
    const address = listed ? url : (config.catalog ?? url);
    const check = listed
      ? 'Vérifiez cette adresse dans l’attribut data-guides de la balise <script> de Pas à pas (elle se lit par rapport à la page).'
      : 'Vérifiez l’adresse du catalogue (attribut data-catalog) et les fichiers qu’il liste.';
    return `[Pas à pas] ${attribute} « ${address} » : ${p.message.fr} ${check}`;
  });
}

/**
 * Fetches the guides and catalog an administration configured, checks them against its keys:
 * unsigned guides come back as « non vérifié », a tampered signed guide is refused (a problem).
 * Guides the page lists itself (`urls`) and a catalog from the page's own origin are the site's
 * own (`site`). What went wrong is also written to the console for the site's developers (`warn`).
 */
export async function loadConfiguredGuides(
  config: ConfiguredGuides,
  {
    fetch,
    cache = memoryCache(),
    signal,
    pageOrigin = currentPageOrigin(),
    warn = (line: string) => globalThis.console?.warn(line),
  }: {
    fetch: FetchLike;
    cache?: CatalogCache;
    signal?: AbortSignal;
    /** The origin of the page that embeds the widget. */
    pageOrigin?: string;
    warn?: (line: string) => void;
  },
): Promise<ConfiguredLoaded> {
  const loaded = await loadConfigured(config, { fetch, cache, signal }, pageOrigin);
  for (const line of configuredProblemLines(loaded.problems, config)) warn(line);
  return loaded;
}

async function loadConfigured(
  config: ConfiguredGuides,
  { fetch, cache, signal }: { fetch: FetchLike; cache: CatalogCache; signal?: AbortSignal },
  pageOrigin: string | undefined,
): Promise<ConfiguredLoaded> {
  const keys = await trustedKeysFrom(config.trustedKeys ?? []);
  const candidates: GuideCandidate[] = [];
  const problems: LoadProblem[] = [];
  let catalogPlaces: PublishedPlaces | undefined;
  for (const url of config.urls ?? []) {
    let text: string;
    try {
      const response = await fetch(url, { signal });
      if (!response.ok) {
        problems.push(problem('guide-http', { id: url, status: response.status }, { url }));
        continue;
      }
      text = new TextDecoder().decode(await response.arrayBuffer());
    } catch {
      problems.push(problem('guide-offline', { id: url }, { url }));
      continue;
    }
    try {
      const { guide, verification } = await readGuideFile(text, keys);
      // The page named this file itself: the site vouches for it.
      candidates.push({ guide, verification, origin: 'configured', source: url, site: true });
    } catch (error) {
      const e = error as GuideLibraryError;
      const id = (e.params?.id as string | undefined) ?? url;
      if (e.code === 'signature-invalid')
        problems.push(problem('guide-signature-invalid', { id }, { url, guideId: id }));
      else if (e.code === 'whole-web-untrusted')
        problems.push({
          ...problem('guide-whole-web-refused', { id }, { url, guideId: id }),
          errors: e.errors,
        });
      else problems.push({ ...problem('guide-invalid', { id }, { url }), errors: e.errors ?? [] });
    }
  }
  if (config.catalog) {
    // A catalog's guides live on the catalog's origin (others are refused): same as the page's, the site's own.
    const siteOwn = pageOrigin !== undefined && originOf(config.catalog) === pageOrigin;
    const result = await fetchCatalog(config.catalog, { fetch, cache, trustedKeys: keys, signal });
    problems.push(...result.problems);
    // Its help places come with it (no other request), unread: utils/help-places reads them.
    if (result.catalog && result.catalog.places !== undefined)
      catalogPlaces = { url: config.catalog, name: result.catalog.name, places: result.catalog.places };
    for (const fetched of result.guides) {
      let verification = fetched.verification;
      // A key given bare may carry another id than the one the guide names.
      if (verification === 'untrusted-key')
        verification = await verifyWithKeys(JSON.parse(fetched.text), keys);
      candidates.push({
        guide: fetched.guide,
        verification,
        origin: 'configured',
        source: config.catalog,
        site: siteOwn,
      });
    }
  }
  return catalogPlaces ? { candidates, problems, catalogPlaces } : { candidates, problems };
}

// ---------------------------------------------------------------------------------------------
// Everything a page is offered

/** An installed guide as the background hands it to a page (the extension's own IndexedDB). */
export type InstalledEntry = { text: string; verification: Verification; source: string };

export type GuideTrust = { trust: TrustState; origin: GuideOrigin; source: string };

export type CollectedGuides = {
  guides: Guide[];
  problems: LoadProblem[];
  /** By guide id: where the offered copy came from and whether it is verified. */
  trust: Record<string, GuideTrust>;
  /** The help places the administration's catalog publishes (widget). */
  catalogPlaces?: PublishedPlaces;
};

/**
 * Built-in guides, then the installed ones (extension), then the configured ones (widget), merged
 * by `mergeGuides`. One source failing is a problem, not a failure: only when no source answers
 * at all does the first error propagate (the tab then offers to try again).
 */
export async function collectGuides(sources: {
  builtin?: () => Promise<{ guides: Guide[]; problems: LoadProblem[] }>;
  installed?: () => Promise<readonly InstalledEntry[]>;
  configured?: () => Promise<ConfiguredLoaded>;
}): Promise<CollectedGuides> {
  const candidates: GuideCandidate[] = [];
  const problems: LoadProblem[] = [];
  const failures: unknown[] = [];
  let catalogPlaces: PublishedPlaces | undefined;
  let answered = 0;
  if (sources.builtin) {
    try {
      const loaded = await sources.builtin();
      answered++;
      for (const guide of loaded.guides)
        candidates.push({ guide, verification: 'unsigned', origin: 'builtin', source: 'builtin' });
      problems.push(...loaded.problems);
    } catch (error) {
      failures.push(error);
    }
  }
  if (sources.installed) {
    try {
      const entries = await sources.installed();
      answered++;
      for (const entry of Array.isArray(entries) ? entries : []) {
        // The whole web only from a guide a trusted key signed (checked again by the background).
        const trusted = entry?.verification === 'verified';
        const parsed = typeof entry?.text === 'string' ? parseGuideText(entry.text, { trusted }) : null;
        if (!parsed?.ok) {
          problems.push({
            ...problem('guide-invalid', { id: String(entry?.source ?? '?') }),
            errors: parsed?.errors ?? [],
          });
          continue;
        }
        candidates.push({
          guide: parsed.guide,
          verification: entry.verification,
          origin: 'installed',
          source: entry.source,
        });
      }
    } catch (error) {
      failures.push(error);
    }
  }
  if (sources.configured) {
    try {
      const loaded = await sources.configured();
      answered++;
      candidates.push(...loaded.candidates);
      problems.push(...loaded.problems);
      catalogPlaces = loaded.catalogPlaces;
    } catch (error) {
      failures.push(error);
    }
  }
  if (answered === 0 && failures.length > 0) throw failures[0];
  const merged = mergeGuides(candidates);
  for (const refused of merged.refused) {
    const id = refused.guide.id;
    problems.push(problem('guide-signature-invalid', { id }, { guideId: id }));
  }
  const trust: Record<string, GuideTrust> = {};
  for (const offered of merged.guides)
    trust[offered.guide.id] = { trust: offered.trust, origin: offered.origin, source: offered.source };
  const collected: CollectedGuides = { guides: merged.guides.map((g) => g.guide), problems, trust };
  if (catalogPlaces) collected.catalogPlaces = catalogPlaces;
  return collected;
}

/**
 * The browser's fetch for catalogs. Conditional headers make a cross-origin request need a CORS
 * preflight, which some static hosts do not answer: on a network failure the request is tried
 * once more without them (the browser's HTTP cache then revalidates by itself). No cookies.
 */
export function browserCatalogFetch(base: typeof fetch): FetchLike {
  return async (url, init = {}) => {
    const plain = { credentials: 'omit', cache: 'no-cache', signal: init.signal } as const;
    try {
      return (await base(url, { ...plain, headers: init.headers })) as unknown as Awaited<
        ReturnType<FetchLike>
      >;
    } catch (error) {
      if (!init.headers || Object.keys(init.headers).length === 0 || init.signal?.aborted) throw error;
      return (await base(url, plain)) as unknown as Awaited<ReturnType<FetchLike>>;
    }
  };
}
