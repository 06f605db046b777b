/**
 * The mediator's guide library, kept in the extension's own IndexedDB (Dexie tables
 * `installedGuides`, `catalogs`, and the trusted keys in `settings`). Guides come from files or
 * catalogs; every guide is checked (format, sha256, signature) before it is written, and a failure
 * never removes what was installed before. Verification is computed again on every read, so
 * removing a trusted key turns its guides back into « non vérifié ».
 */
import type { CatalogRow, InstalledGuideRow, PasapasDB } from '../storage/db.ts';
import { sha256Hex } from './bytes.ts';
import {
  type CatalogCache,
  type CatalogProblem,
  type FetchLike,
  fetchCatalog,
  parseCatalog,
} from './catalog.ts';
import type { Guide } from './format.ts';
import { parseGuideTextWithKeys, parseTrustedKey, TrustedKeyError, verifyWithKeys } from './keys.ts';
import { needsTrustOnly, parseGuideText } from './schema.ts';
import type { TrustedKey, Verification } from './signature.ts';
import { GuideLibraryError, readGuideFile, type TrustState, trustState } from './sources.ts';

export { browserCatalogFetch } from './sources.ts';

export const TRUSTED_KEYS_SETTING = 'guides.trustedKeys';
export const FILE_SOURCE = 'file';

export type NamedKey = TrustedKey & { label?: string; addedAt: number };

export type InstalledGuide = {
  id: string;
  version: string;
  source: string;
  guide: Guide;
  text: string;
  verification: Verification;
  trust: TrustState;
  /** Why a 'refused' guide is: it claims the whole web and its key is no longer trusted. */
  refusedWhy?: 'whole-web';
  installedAt: number;
  updatedAt: number;
};

export type CatalogInfo = {
  url: string;
  name: string;
  fetchedAt: number;
  guideIds: string[];
  /** The catalog's help places as published, unread (utils/help-places/catalog-places.ts reads them). */
  places?: unknown;
};

export type CatalogOutcome = {
  url: string;
  name: string;
  /** network: fresh copy; not-modified: server said 304; cache: unreachable, the saved copy is used. */
  source: 'network' | 'not-modified' | 'cache';
  installed: Array<{ id: string; version: string; verification: Verification }>;
  removed: string[];
  problems: CatalogProblem[];
};

/** The catalogs a mediator may add: https anywhere, http only on this machine (tests, demos). */
export function checkCatalogUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new GuideLibraryError('catalog-url');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new GuideLibraryError('catalog-url');
  if (url.username || url.password) throw new GuideLibraryError('catalog-url');
  url.hash = '';
  return url.href;
}

async function writing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GuideLibraryError) throw error;
    throw new GuideLibraryError('storage-failed', {}, [], [], { cause: error });
  }
}

export type GuideLibrary = ReturnType<typeof createGuideLibrary>;

export function createGuideLibrary(
  db: PasapasDB,
  { fetch, now = Date.now }: { fetch: FetchLike; now?: () => number },
) {
  async function trustedKeys(): Promise<NamedKey[]> {
    const row = await db.settings.get(TRUSTED_KEYS_SETTING);
    const value = row?.value;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (k): k is NamedKey =>
        !!k && typeof k === 'object' && typeof k.keyId === 'string' && typeof k.publicKey === 'string',
    );
  }

  async function list(): Promise<{ guides: InstalledGuide[]; unreadable: InstalledGuideRow[] }> {
    const keys = await trustedKeys();
    const rows = await db.installedGuides.toArray();
    const guides: InstalledGuide[] = [];
    const unreadable: InstalledGuideRow[] = [];
    for (const row of rows) {
      const { parsed, verification: known } = await parseGuideTextWithKeys(row.json, keys);
      // Installed with a key since removed: shown as refused (never offered), not as unreadable.
      const wholeWeb = !parsed.ok && needsTrustOnly(parsed.errors);
      const readable = wholeWeb ? parseGuideText(row.json, { trusted: true }) : parsed;
      if (!readable.ok) {
        unreadable.push(row);
        continue;
      }
      const verification = known ?? (await verifyWithKeys(JSON.parse(row.json), keys));
      const guide: InstalledGuide = {
        id: row.id,
        version: row.version,
        source: row.source,
        guide: readable.guide,
        text: row.json,
        verification,
        trust: wholeWeb ? 'refused' : trustState(verification),
        installedAt: row.installedAt,
        updatedAt: row.updatedAt,
      };
      if (wholeWeb) guide.refusedWhy = 'whole-web';
      guides.push(guide);
    }
    guides.sort((a, b) => a.installedAt - b.installedAt || (a.id < b.id ? -1 : 1));
    return { guides, unreadable };
  }

  function rowFor(
    guide: Guide,
    text: string,
    source: string,
    verification: Verification,
    old?: InstalledGuideRow,
  ) {
    const at = now();
    return {
      id: guide.id,
      version: guide.version,
      source,
      json: text,
      verified:
        verification === 'verified' ? 'verified' : verification === 'invalid' ? 'invalid' : 'unsigned',
      installedAt: old?.installedAt ?? at,
      updatedAt: at,
    } satisfies InstalledGuideRow;
  }

  /** Installs (or updates) a guide from a file's text. Throws GuideLibraryError; nothing changes then. */
  async function installFile(
    text: string,
  ): Promise<{ guide: Guide; verification: Verification; replaced?: string }> {
    const { guide, verification } = await readGuideFile(text, await trustedKeys());
    return writing(async () => {
      const old = await db.installedGuides.get(guide.id);
      await db.installedGuides.put(rowFor(guide, text, FILE_SOURCE, verification, old));
      return old ? { guide, verification, replaced: old.version } : { guide, verification };
    });
  }

  async function remove(id: string): Promise<void> {
    await writing(() => db.installedGuides.delete(id));
  }

  /** The catalog cache of `fetchCatalog`, on our tables: catalogs by URL, guides by their sha256. */
  function cache(): CatalogCache {
    let bySha: Map<string, string> | undefined;
    return {
      async get(key) {
        if (key.startsWith('pasapas:catalog:')) {
          const row = await db.catalogs.get(key.slice('pasapas:catalog:'.length));
          if (!row) return undefined;
          const value: { body: string; etag?: string; lastModified?: string } = { body: row.json };
          if (row.etag) value.etag = row.etag;
          if (row.lastModified) value.lastModified = row.lastModified;
          return value;
        }
        if (key.startsWith('pasapas:guide:')) {
          if (!bySha) {
            bySha = new Map();
            for (const row of await db.installedGuides.toArray())
              bySha.set(await sha256Hex(row.json), row.json);
          }
          const text = bySha.get(key.slice('pasapas:guide:'.length));
          return text === undefined ? undefined : { text };
        }
        return undefined;
      },
      async set(key, value) {
        if (!key.startsWith('pasapas:catalog:')) return; // guides are written by `refreshCatalog`
        const v = value as { body: string; etag?: string; lastModified?: string };
        await db.catalogs.put({
          url: key.slice('pasapas:catalog:'.length),
          etag: v.etag ?? null,
          lastModified: v.lastModified ?? null,
          json: v.body,
          fetchedAt: now(),
        });
      },
    };
  }

  /**
   * Adds or refreshes a catalog: conditional request, offline from the saved copy, each guide
   * checked against its sha256 and signature. Guides that fail keep their earlier version;
   * guides the catalog no longer lists are removed. Throws when there is no usable catalog at all.
   */
  async function refreshCatalog(input: string, { adding = false } = {}): Promise<CatalogOutcome> {
    const url = checkCatalogUrl(input);
    if (adding && (await db.catalogs.get(url))) throw new GuideLibraryError('catalog-duplicate');
    const keys = await trustedKeys();
    const result = await fetchCatalog(url, { fetch, cache: cache(), trustedKeys: keys });
    if (!result.catalog || result.source === 'none') {
      const invalid = result.problems.some((p) => p.code === 'catalog-invalid');
      throw new GuideLibraryError(
        invalid ? 'catalog-invalid' : 'catalog-unreachable',
        { url },
        [],
        result.problems,
      );
    }
    const catalog = result.catalog;
    // WebCrypto promises would end a Dexie transaction: verify everything before writing.
    const checked: Array<{ guide: Guide; text: string; verification: Verification }> = [];
    for (const fetched of result.guides) {
      let verification = fetched.verification;
      if (verification === 'untrusted-key')
        verification = await verifyWithKeys(JSON.parse(fetched.text), keys);
      checked.push({ guide: fetched.guide, text: fetched.text, verification });
    }
    const installed = checked.map(({ guide, verification }) => ({
      id: guide.id,
      version: guide.version,
      verification,
    }));
    const removed: string[] = [];
    await writing(() =>
      db.transaction('rw', db.installedGuides, db.catalogs, async () => {
        for (const { guide, text, verification } of checked) {
          const old = await db.installedGuides.get(guide.id);
          if (!(old && old.source === url && old.json === text))
            await db.installedGuides.put(rowFor(guide, text, url, verification, old));
        }
        if (result.source !== 'cache') {
          const listed = new Set(catalog.guides.map((g) => g.id));
          for (const row of await db.installedGuides.toArray()) {
            if (row.source === url && !listed.has(row.id)) {
              await db.installedGuides.delete(row.id);
              removed.push(row.id);
            }
          }
          const row = await db.catalogs.get(url);
          if (row) await db.catalogs.put({ ...row, fetchedAt: now() });
        }
      }),
    );
    return { url, name: catalog.name, source: result.source, installed, removed, problems: result.problems };
  }

  async function catalogs(): Promise<CatalogInfo[]> {
    const rows: CatalogRow[] = await db.catalogs.toArray();
    return rows.map((row) => {
      let parsed: ReturnType<typeof parseCatalog>;
      try {
        parsed = parseCatalog(JSON.parse(row.json));
      } catch {
        parsed = { ok: false, detail: '' };
      }
      const info: CatalogInfo = {
        url: row.url,
        name: parsed.ok ? parsed.catalog.name : row.url,
        fetchedAt: row.fetchedAt,
        guideIds: parsed.ok ? parsed.catalog.guides.map((g) => g.id) : [],
      };
      if (parsed.ok && parsed.catalog.places !== undefined) info.places = parsed.catalog.places;
      return info;
    });
  }

  /** Removes the catalog and the guides that came from it. */
  async function removeCatalog(url: string): Promise<void> {
    await writing(() =>
      db.transaction('rw', db.installedGuides, db.catalogs, async () => {
        await db.catalogs.delete(url);
        const rows = await db.installedGuides.toArray();
        await db.installedGuides.bulkDelete(rows.filter((r) => r.source === url).map((r) => r.id));
      }),
    );
  }

  async function addTrustedKey(input: string, label = ''): Promise<NamedKey> {
    let key: TrustedKey;
    try {
      key = await parseTrustedKey(input);
    } catch (error) {
      if (error instanceof TrustedKeyError) throw new GuideLibraryError('key-invalid');
      throw error;
    }
    const keys = await trustedKeys();
    if (keys.some((k) => k.publicKey === key.publicKey || k.keyId === key.keyId))
      throw new GuideLibraryError('key-duplicate');
    const named: NamedKey = { ...key, addedAt: now() };
    if (label.trim()) named.label = label.trim().slice(0, 120);
    await writing(() => db.settings.put({ key: TRUSTED_KEYS_SETTING, value: [...keys, named] }));
    return named;
  }

  async function removeTrustedKey(keyId: string): Promise<void> {
    const keys = await trustedKeys();
    await writing(() =>
      db.settings.put({ key: TRUSTED_KEYS_SETTING, value: keys.filter((k) => k.keyId !== keyId) }),
    );
  }

  /** What the pages get (through the background): every installed guide that is not refused. */
  async function forPages(): Promise<Array<{ text: string; verification: Verification; source: string }>> {
    const { guides } = await list();
    return guides
      .filter((g) => g.trust !== 'refused')
      .map((g) => ({ text: g.text, verification: g.verification, source: g.source }));
  }

  /**
   * Refreshes the catalogs not fetched for `maxAgeMs` (conditional requests, so usually a 304).
   * Never throws: a catalog that cannot be reached keeps its saved copy.
   */
  async function refreshStale(maxAgeMs: number): Promise<string[]> {
    const refreshed: string[] = [];
    for (const row of await db.catalogs.toArray()) {
      if (now() - row.fetchedAt < maxAgeMs) continue;
      try {
        const outcome = await refreshCatalog(row.url);
        if (outcome.source !== 'cache') refreshed.push(row.url);
      } catch {
        // kept as it was
      }
    }
    return refreshed;
  }

  return {
    list,
    refreshStale,
    installFile,
    remove,
    catalogs,
    addCatalog: (url: string) => refreshCatalog(url, { adding: true }),
    refreshCatalog: (url: string) => refreshCatalog(url),
    removeCatalog,
    trustedKeys,
    addTrustedKey,
    removeTrustedKey,
    forPages,
  };
}
