/**
 * The mediator's guide library on a real (fake-indexeddb) Dexie database: files, catalogs with
 * conditional requests and offline use, signatures, trusted keys, and "nothing lost" on bad input.
 */
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../utils/guides/bytes.ts';
import type { FetchLike } from '../../../utils/guides/catalog.ts';
import { checkCatalogUrl, createGuideLibrary, TRUSTED_KEYS_SETTING } from '../../../utils/guides/library.ts';
import { libraryMessage } from '../../../utils/guides/library-messages.ts';
import { generateKeyPair, signGuide } from '../../../utils/guides/signature.ts';
import { GuideLibraryError } from '../../../utils/guides/sources.ts';
import { freshDb } from '../storage/helpers.ts';
import { demoGuide } from './helpers.ts';

type Served = { body: string; etag?: string };

function fakeServer(files: Record<string, Served>) {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  let offline = false;
  const fetch: FetchLike = async (url, init) => {
    const headers = init?.headers ?? {};
    requests.push({ url, headers });
    if (offline) throw new TypeError('Failed to fetch');
    const file = files[url];
    const make = (status: number, body = '', extra: Record<string, string> = {}) => ({
      status,
      ok: status >= 200 && status < 300,
      headers: { get: (name: string) => extra[name.toLowerCase()] ?? null },
      arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    });
    if (!file) return make(404);
    if (file.etag && headers['If-None-Match'] === file.etag) return make(304);
    return make(200, file.body, file.etag ? { etag: file.etag } : {});
  };
  return {
    fetch,
    requests,
    files,
    setOffline: (v: boolean) => {
      offline = v;
    },
  };
}

const CATALOG = 'https://guides.example.fr/catalog.json';

async function catalogOf(entries: Array<{ text: string; url: string }>) {
  const guides = [];
  for (const { text, url } of entries) {
    const json = JSON.parse(text);
    const entry: Record<string, unknown> = {
      id: json.id,
      version: json.version,
      url,
      sha256: await sha256Hex(text),
    };
    if (json.signature) entry.signature = json.signature;
    guides.push(entry);
  }
  return JSON.stringify({
    formatVersion: 1,
    name: 'Catalogue test',
    updated: '2026-11-23T10:00:00.000Z',
    guides,
  });
}

async function setup() {
  const db = freshDb();
  const server = fakeServer({});
  const library = createGuideLibrary(db, { fetch: server.fetch });
  const keys = await generateKeyPair();
  const signed = JSON.stringify(await signGuide(demoGuide(), keys.privateKey), null, 2);
  return { db, server, library, keys, signed };
}

async function rejection(promise: Promise<unknown>): Promise<GuideLibraryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GuideLibraryError);
    return error as GuideLibraryError;
  }
  throw new Error('expected a GuideLibraryError');
}

describe('installing from a file', () => {
  it('installs an unsigned guide as non vérifié and lists it', async () => {
    const { library } = await setup();
    const text = JSON.stringify(demoGuide());
    const result = await library.installFile(text);
    expect(result.verification).toBe('unsigned');
    const { guides } = await library.list();
    expect(guides.map((g) => [g.id, g.trust, g.source])).toEqual([[demoGuide().id, 'unverified', 'file']]);
    expect(guides[0]?.guide.publisher.name).toBe(demoGuide().publisher.name);
  });

  it('a signed guide is vérifié once its key is trusted, and non vérifié again when the key goes', async () => {
    const { library, keys, signed } = await setup();
    await library.installFile(signed);
    expect((await library.list()).guides[0]?.trust).toBe('unverified');
    await library.addTrustedKey(keys.publicKey.publicKey, 'Mairie test');
    expect((await library.list()).guides[0]?.trust).toBe('verified');
    await library.removeTrustedKey(keys.publicKey.keyId);
    expect((await library.list()).guides[0]?.trust).toBe('unverified');
  });

  it('refuses a signed guide whose content changed, and keeps the earlier one', async () => {
    const { library, keys, signed } = await setup();
    await library.addTrustedKey(JSON.stringify(keys.publicKey));
    await library.installFile(signed);
    const tampered = JSON.parse(signed);
    tampered.steps[0].body.fr = 'Texte changé après la signature.';
    tampered.version = '9.0.0';
    const error = await rejection(library.installFile(JSON.stringify(tampered)));
    expect(error.code).toBe('signature-invalid');
    expect(libraryMessage('fr', error)[0]).toContain('Guide refusé');
    const { guides } = await library.list();
    expect(guides.map((g) => [g.version, g.trust])).toEqual([[demoGuide().version, 'verified']]);
  });

  it('a tampered guide is refused even when its key is unknown', async () => {
    const { library, signed, keys } = await setup();
    const tampered = JSON.parse(signed);
    tampered.title.fr = 'Autre titre';
    // Without the key we cannot tell; it is installed as non vérifié, and refused once the key is trusted.
    await library.installFile(JSON.stringify(tampered));
    expect((await library.list()).guides[0]?.trust).toBe('unverified');
    await library.addTrustedKey(keys.publicKey.publicKey);
    expect((await library.list()).guides[0]?.trust).toBe('refused');
    expect(await library.forPages()).toEqual([]);
  });

  it('not JSON and schema errors come back with JSON paths and plain words; nothing is lost', async () => {
    const { library } = await setup();
    await library.installFile(JSON.stringify(demoGuide()));
    const notJson = await rejection(library.installFile('<html>pas un guide</html>'));
    expect(notJson.code).toBe('file-not-json');
    expect(libraryMessage('fr', notJson)[0]).toBe(
      'Ce fichier n’est pas un guide : son contenu n’est pas du JSON. Rien n’a été installé.',
    );
    const broken = demoGuide();
    broken.steps[0].title = 42;
    broken.surprise = true;
    const invalid = await rejection(library.installFile(JSON.stringify(broken)));
    expect(invalid.code).toBe('file-invalid');
    const lines = libraryMessage('fr', invalid);
    expect(lines.some((l) => l.startsWith('$.steps[0].title : '))).toBe(true);
    expect(lines.some((l) => l.startsWith('$.surprise : '))).toBe(true);
    expect(libraryMessage('en', invalid)[0]).toContain('Nothing was installed');
    expect(libraryMessage('ar', invalid)[0]).not.toBe(libraryMessage('fr', invalid)[0]);
    expect((await library.list()).guides).toHaveLength(1);
  });

  it('a full disk is a typed error with plain words, and the installed guides stay', async () => {
    const { library, db } = await setup();
    await library.installFile(JSON.stringify(demoGuide()));
    const newer = demoGuide();
    newer.version = '3.0.0';
    const put = vi
      .spyOn(db.installedGuides, 'put')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const error = await rejection(library.installFile(JSON.stringify(newer)));
    expect(error.code).toBe('storage-failed');
    expect(libraryMessage('fr', error)[0]).toBe(
      'L’enregistrement a échoué (disque plein ?). Les guides déjà installés sont gardés.',
    );
    put.mockRestore();
    expect((await library.list()).guides.map((g) => g.version)).toEqual([demoGuide().version]);
  });

  it('a newer file replaces the installed version; removing deletes it', async () => {
    const { library } = await setup();
    await library.installFile(JSON.stringify(demoGuide()));
    const newer = demoGuide();
    newer.version = '2.0.0';
    const result = await library.installFile(JSON.stringify(newer));
    expect(result.replaced).toBe(demoGuide().version);
    expect((await library.list()).guides.map((g) => g.version)).toEqual(['2.0.0']);
    await library.remove(newer.id);
    expect((await library.list()).guides).toEqual([]);
  });
});

describe('catalogs', () => {
  async function withCatalog() {
    const ctx = await setup();
    const guideUrl = 'https://guides.example.fr/aide.json';
    ctx.server.files[guideUrl] = { body: ctx.signed };
    ctx.server.files[CATALOG] = {
      body: await catalogOf([{ text: ctx.signed, url: 'aide.json' }]),
      etag: '"v1"',
    };
    await ctx.library.addTrustedKey(ctx.keys.publicKey.publicKey);
    return { ...ctx, guideUrl };
  }

  it('adds a catalog, installs its verified guides and caches the catalog in the catalogs table', async () => {
    const { library, db } = await withCatalog();
    const outcome = await library.addCatalog(CATALOG);
    expect(outcome.source).toBe('network');
    expect(outcome.installed).toEqual([
      { id: demoGuide().id, version: demoGuide().version, verification: 'verified' },
    ]);
    expect(outcome.problems).toEqual([]);
    const row = await db.catalogs.get(CATALOG);
    expect(row?.etag).toBe('"v1"');
    expect((await library.catalogs()).map((c) => [c.url, c.name, c.guideIds])).toEqual([
      [CATALOG, 'Catalogue test', [demoGuide().id]],
    ]);
    expect((await library.list()).guides.map((g) => [g.source, g.trust])).toEqual([[CATALOG, 'verified']]);
    await expect(library.addCatalog(CATALOG)).rejects.toMatchObject({ code: 'catalog-duplicate' });
  });

  it('keeps the help places a catalog publishes with its saved copy, unread, even offline', async () => {
    const ctx = await withCatalog();
    const body = JSON.parse(ctx.server.files[CATALOG]?.body ?? '{}');
    const places = [{ id: 'p1', nom: 'Lieu' }, 'pas un lieu'];
    ctx.server.files[CATALOG] = { body: JSON.stringify({ ...body, places }) };
    const outcome = await ctx.library.addCatalog(CATALOG);
    expect(outcome.installed.map((g) => g.id)).toEqual([demoGuide().id]);
    ctx.server.setOffline(true);
    expect((await ctx.library.catalogs()).map((c) => [c.name, c.places])).toEqual([
      ['Catalogue test', places],
    ]);
  });

  it('refreshes with a conditional request, then works offline from the cache', async () => {
    const { library, server } = await withCatalog();
    await library.addCatalog(CATALOG);
    const second = await library.refreshCatalog(CATALOG);
    expect(second.source).toBe('not-modified');
    expect(server.requests.filter((r) => r.url === CATALOG).at(-1)?.headers['If-None-Match']).toBe('"v1"');
    server.setOffline(true);
    const offline = await library.refreshCatalog(CATALOG);
    expect(offline.source).toBe('cache');
    expect(offline.installed.map((g) => g.id)).toEqual([demoGuide().id]);
    expect(offline.problems.map((p) => p.code)).toEqual(['catalog-offline-cached']);
    expect((await library.forPages()).map((g) => g.verification)).toEqual(['verified']);
  });

  it('a tampered guide in a catalog is refused and the earlier version stays', async () => {
    const { library, server, signed, guideUrl } = await withCatalog();
    await library.addCatalog(CATALOG);
    const tampered = JSON.parse(signed);
    tampered.version = '1.1.0';
    tampered.summary.fr = 'Modifié.';
    const text = JSON.stringify(tampered);
    server.files[guideUrl] = { body: text };
    server.files[CATALOG] = { body: await catalogOf([{ text, url: 'aide.json' }]), etag: '"v2"' };
    const outcome = await library.refreshCatalog(CATALOG);
    expect(outcome.installed).toEqual([]);
    expect(outcome.problems.map((p) => p.code)).toEqual(['guide-signature-invalid']);
    expect((await library.list()).guides.map((g) => [g.version, g.trust])).toEqual([
      [demoGuide().version, 'verified'],
    ]);
  });

  it('guides the catalog no longer lists are removed; removing the catalog removes its guides', async () => {
    const { library, server } = await withCatalog();
    await library.addCatalog(CATALOG);
    await library.installFile(JSON.stringify({ ...demoGuide(), id: 'fr.autre.demarche' }));
    server.files[CATALOG] = { body: await catalogOf([]), etag: '"v3"' };
    const outcome = await library.refreshCatalog(CATALOG);
    expect(outcome.removed).toEqual([demoGuide().id]);
    expect((await library.list()).guides.map((g) => g.id)).toEqual(['fr.autre.demarche']);
    await library.removeCatalog(CATALOG);
    expect(await library.catalogs()).toEqual([]);
    expect((await library.list()).guides.map((g) => g.id)).toEqual(['fr.autre.demarche']);
  });

  it('refreshes only the catalogs older than the given age, and survives an unreachable one', async () => {
    const ctx = await withCatalog();
    let time = 1_000_000;
    const library = createGuideLibrary(ctx.db, { fetch: ctx.server.fetch, now: () => time });
    await library.addCatalog(CATALOG);
    const asked = () => ctx.server.requests.filter((r) => r.url === CATALOG).length;
    const before = asked();
    expect(await library.refreshStale(60_000)).toEqual([]);
    expect(asked()).toBe(before);
    time += 120_000;
    expect(await library.refreshStale(60_000)).toEqual([CATALOG]);
    expect(asked()).toBe(before + 1);
    time += 120_000;
    ctx.server.setOffline(true);
    expect(await library.refreshStale(60_000)).toEqual([]);
    expect((await library.list()).guides).toHaveLength(1);
  });

  it('an unreachable or broken catalog is an error and adds nothing', async () => {
    const { library, server, db } = await setup();
    const unreachable = await rejection(library.addCatalog(CATALOG));
    expect(unreachable.code).toBe('catalog-unreachable');
    expect(libraryMessage('fr', unreachable).join('\n')).toContain('Le catalogue n’a pas pu être chargé');
    server.files[CATALOG] = { body: '{"formatVersion":1}' };
    expect((await rejection(library.addCatalog(CATALOG))).code).toBe('catalog-invalid');
    expect(await db.catalogs.count()).toBe(0);
  });

  it('only https catalogs, or http on this machine', () => {
    expect(checkCatalogUrl(' https://guides.example.fr/c.json#x ')).toBe('https://guides.example.fr/c.json');
    expect(checkCatalogUrl('http://localhost:8080/c.json')).toBe('http://localhost:8080/c.json');
    expect(checkCatalogUrl('http://127.0.0.1:5173/catalog/catalog.json')).toContain('127.0.0.1');
    for (const bad of [
      'http://guides.example.fr/c.json',
      'javascript:alert(1)',
      'pas une adresse',
      'https://u:p@x.fr/',
    ])
      expect(() => checkCatalogUrl(bad)).toThrow(GuideLibraryError);
  });
});

describe('trusted keys', () => {
  it('accepts a bare base64 key or a key file, refuses anything else and duplicates', async () => {
    const { library, keys, db } = await setup();
    const other = await generateKeyPair('mairie');
    await library.addTrustedKey(keys.publicKey.publicKey);
    await library.addTrustedKey(JSON.stringify(other.publicKey), 'Mairie');
    expect((await library.trustedKeys()).map((k) => [k.keyId, k.label])).toEqual([
      [keys.publicKey.keyId, undefined],
      ['mairie', 'Mairie'],
    ]);
    expect((await rejection(library.addTrustedKey(keys.publicKey.publicKey))).code).toBe('key-duplicate');
    for (const bad of ['abc', 'A'.repeat(44), '{"keyId":"x"}', JSON.stringify(other.privateKey).slice(0, 30)])
      expect((await rejection(library.addTrustedKey(bad))).code).toBe('key-invalid');
    expect((await db.settings.get(TRUSTED_KEYS_SETTING))?.value).toHaveLength(2);
  });
});
