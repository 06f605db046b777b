/**
 * Loading the guides bundled with us over HTTP (the widget's folder or the extension's own files):
 * `<base>index.json` and every guide it lists, with the problems found along the way in plain words.
 */
import type { Lang } from '../i18n/index.ts';
import { sha256Hex } from './bytes.ts';
import { type FetchLike, parseCatalog } from './catalog.ts';
import type { Guide } from './format.ts';
import { guideMessage } from './messages.ts';
import { type GuideError, guideErrorText, parseGuideText } from './schema.ts';
import type { GuideTrust, PublishedPlaces } from './sources.ts';

export type GuideLoadProblem = {
  code: string;
  url?: string;
  guideId?: string;
  /** Plain message, French and English; other languages are rebuilt from `code` and `params`. */
  message: { fr: string; en: string };
  params?: Record<string, string | number>;
  errors?: GuideError[];
};

export type LoadedGuides = {
  guides: Guide[];
  problems: GuideLoadProblem[];
  /** By guide id, when guides come from several sources (see `collectGuides`). */
  trust?: Record<string, GuideTrust>;
  /** The help places the administration's catalog publishes, unread (widget; see `collectGuides`). */
  catalogPlaces?: PublishedPlaces;
};

export class GuideLoadError extends Error {
  readonly code = 'guides-unreachable';
  constructor(readonly url: string) {
    super(`Guides index unreachable: ${url}`);
    this.name = 'GuideLoadError';
  }
}

async function fetchText(fetchFn: FetchLike, url: string, signal?: AbortSignal): Promise<string | null> {
  const answer = await fetchAnswer(fetchFn, url, signal);
  return typeof answer === 'string' ? answer : null;
}

const ABSENT = Symbol('absent');

/** The text, ABSENT when the server says there is no such file (404), null on any other failure. */
async function fetchAnswer(
  fetchFn: FetchLike,
  url: string,
  signal?: AbortSignal,
): Promise<string | typeof ABSENT | null> {
  try {
    const response = await fetchFn(url, { signal });
    if (response.status === 404) return ABSENT;
    if (!response.ok) return null;
    return new TextDecoder().decode(await response.arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * Reads `<base>index.json` and every guide it lists. These are the guides bundled with us (the
 * widget's folder or the extension's own files, `chrome-extension:` included), so entries must
 * stay on the index's origin; a catalog's SHA-256 is checked. A plain list of file names is also
 * accepted. Bad guides are skipped and reported; only an unreachable index throws. A folder
 * without index.json (404) has no bundled guides: the widget ships none, each site configures its own.
 * Remote catalogs (signatures, caching) go through `fetchCatalog` instead.
 */
export async function loadGuides(
  base: string,
  fetchFn: FetchLike,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LoadedGuides> {
  const indexUrl = new URL('index.json', base).href;
  const text = await fetchAnswer(fetchFn, indexUrl, signal);
  if (text === ABSENT) return { guides: [], problems: [] };
  if (text === null) throw new GuideLoadError(indexUrl);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const catalog = parseCatalog(json);
  const entries: Array<{ url: string; id?: string; version?: string; sha256?: string }> | null = catalog.ok
    ? catalog.catalog.guides
    : (listedFiles(json)?.map((url) => ({ url })) ?? null);
  if (!entries) {
    return { guides: [], problems: [{ code: 'index-invalid', url: indexUrl, message: INDEX_INVALID }] };
  }
  const origin = new URL(indexUrl).origin;
  const guides: Guide[] = [];
  const problems: GuideLoadProblem[] = [];
  const seen = new Set<string>();
  const fail = (code: string, url: string, id: string, errors?: GuideError[]) => {
    const params = { id };
    const problem: GuideLoadProblem = {
      code,
      url,
      guideId: id,
      message: { fr: guideMessage('fr', code, params), en: guideMessage('en', code, params) },
      params,
    };
    if (errors) problem.errors = errors;
    problems.push(problem);
  };
  for (const entry of entries.slice(0, 500)) {
    const name = entry.id ?? entry.url;
    let url: string;
    try {
      url = new URL(entry.url, indexUrl).href;
    } catch {
      fail('guide-bad-url', entry.url, name);
      continue;
    }
    if (new URL(url).origin !== origin) {
      fail('guide-bad-url', url, name);
      continue;
    }
    const body = await fetchText(fetchFn, url, signal);
    if (body === null) {
      fail('guide-offline', url, name);
      continue;
    }
    if (entry.sha256 && (await sha256Hex(body)) !== entry.sha256) {
      fail('guide-hash-mismatch', url, name);
      continue;
    }
    const parsed = parseGuideText(body);
    if (!parsed.ok) {
      fail('guide-invalid', url, name, parsed.errors);
      continue;
    }
    if (
      (entry.id && parsed.guide.id !== entry.id) ||
      (entry.version && parsed.guide.version !== entry.version)
    ) {
      fail('guide-mismatch', url, name);
      continue;
    }
    if (seen.has(parsed.guide.id)) {
      fail('guide-duplicate', url, parsed.guide.id);
      continue;
    }
    seen.add(parsed.guide.id);
    guides.push(parsed.guide);
  }
  return { guides, problems };
}

const INDEX_INVALID = {
  fr: 'La liste des guides est illisible.',
  en: 'The list of guides cannot be read.',
};

/** `["a.json"]`, `{ guides: ["a.json"] }` or `{ guides: [{ url: "a.json" }] }`. */
function listedFiles(json: unknown): string[] | null {
  const list = Array.isArray(json) ? json : (json as { guides?: unknown } | null)?.guides;
  if (!Array.isArray(list)) return null;
  const files: string[] = [];
  for (const item of list.slice(0, 500)) {
    const url = typeof item === 'string' ? item : (item as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && url !== '') files.push(url);
  }
  return files;
}

/** The problem's plain message in a language; the first details of an invalid guide follow it. */
export function loadProblemText(problem: GuideLoadProblem, lang: Lang, details = 3): string[] {
  const head =
    lang === 'fr' || lang === 'en'
      ? problem.message[lang]
      : problem.params
        ? guideMessage(lang, problem.code, problem.params)
        : problem.message.fr;
  const lines = [head];
  for (const error of (problem.errors ?? []).slice(0, details)) lines.push(guideErrorText(error, lang));
  return lines;
}
