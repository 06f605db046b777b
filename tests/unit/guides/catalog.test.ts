import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../utils/guides/bytes.ts';
import {
  buildCatalog,
  type CatalogCache,
  type FetchLike,
  fetchCatalog,
  parseCatalog,
} from '../../../utils/guides/catalog.ts';
import { generateKeyPair, readPublicKey, signGuide } from '../../../utils/guides/signature.ts';
import { demoGuide } from './helpers.ts';

type Served = { status?: number; body: string; etag?: string; lastModified?: string };

/** A fake web server: honours If-None-Match / If-Modified-Since, records requests, can go offline. */
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
    if (file.lastModified && headers['If-Modified-Since'] === file.lastModified) return make(304);
    const extra: Record<string, string> = {};
    if (file.etag) extra.etag = file.etag;
    if (file.lastModified) extra['last-modified'] = file.lastModified;
    return make(file.status ?? 200, file.body, extra);
  };
  return {
    fetch,
    requests,
    files,
    setOffline: (value: boolean) => {
      offline = value;
    },
  };
}

function memoryCache(): CatalogCache & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (key) => structuredClone(map.get(key)),
    set: (key, value) => void map.set(key, structuredClone(value)),
  };
}

const BASE = 'https://guides.example.fr/catalogue/';

async function setup() {
  const keys = await generateKeyPair();
  const a = JSON.stringify(await signGuide(demoGuide(), keys.privateKey), null, 2);
  const bJson = demoGuide();
  bJson.id = 'fr.demo.carte-vitale';
  const b = JSON.stringify(bJson);
  const cJson = demoGuide();
  cJson.id = 'fr.demo.casse';
  const c = JSON.stringify(cJson);
  const { catalog, problems } = await buildCatalog(
    [
      { url: 'guides/aide-logement.json', content: a },
      { url: 'guides/carte-vitale.json', content: b },
      { url: 'guides/casse.json', content: c },
      { url: 'guides/invalide.json', content: '{"formatVersion":1}' },
    ],
    { name: 'Démo', updated: '2026-11-23T10:00:00Z' },
  );
  return { keys, a, b, c, catalog, problems };
}

describe('buildCatalog', () => {
  it('lists valid guides with their hash and reports the others', async () => {
    const { catalog, problems, a } = await setup();
    expect(catalog.guides.map((g) => g.id)).toEqual([
      'fr.demo.aide-logement',
      'fr.demo.carte-vitale',
      'fr.demo.casse',
    ]);
    expect(catalog.guides[0]?.sha256).toBe(await sha256Hex(a));
    expect(catalog.guides[0]?.signature?.alg).toBe('Ed25519');
    expect(catalog.guides[1]?.signature).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.url).toBe('guides/invalide.json');
    expect(parseCatalog(JSON.parse(JSON.stringify(catalog))).ok).toBe(true);
  });

  it('rejects malformed catalogs', () => {
    expect(parseCatalog({ formatVersion: 1, name: 'x', updated: 'hier', guides: [] }).ok).toBe(false);
    expect(
      parseCatalog({ formatVersion: 2, name: 'x', updated: '2026-01-01T00:00:00Z', guides: [] }).ok,
    ).toBe(false);
    const bad = parseCatalog({
      formatVersion: 1,
      name: 'x',
      updated: '2026-01-01T00:00:00Z',
      guides: [{ id: 'a' }],
    });
    expect(bad.ok).toBe(false);
  });
});

describe('fetchCatalog', () => {
  it('downloads, checks hashes and signatures, skips bad guides and keeps the others', async () => {
    const { keys, a, b, c, catalog } = await setup();
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify(catalog), etag: '"v1"' },
      [`${BASE}guides/aide-logement.json`]: { body: a },
      [`${BASE}guides/carte-vitale.json`]: { body: b },
      // Changed on the server after the catalog was built:
      [`${BASE}guides/casse.json`]: { body: c.replace('Bienvenue', 'Bienvenu') },
    });
    const cache = memoryCache();
    const result = await fetchCatalog(`${BASE}catalog.json`, {
      fetch: server.fetch,
      cache,
      trustedKeys: [readPublicKey(keys.publicKey)],
    });
    expect(result.source).toBe('network');
    expect(result.guides.map((g) => [g.guide.id, g.verification])).toEqual([
      ['fr.demo.aide-logement', 'verified'],
      ['fr.demo.carte-vitale', 'unsigned'],
    ]);
    expect(result.problems.map((p) => [p.code, p.guideId])).toEqual([
      ['guide-hash-mismatch', 'fr.demo.casse'],
    ]);
    expect(result.problems[0]?.message.fr).toContain('fr.demo.casse');
  });

  it('keeps the guides of a catalog whose help places are wrong: the places are read elsewhere', async () => {
    const { a, b, c, catalog } = await setup();
    const withPlaces = { ...catalog, places: 'pas une liste' };
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify(withPlaces) },
      [`${BASE}guides/aide-logement.json`]: { body: a },
      [`${BASE}guides/carte-vitale.json`]: { body: b },
      [`${BASE}guides/casse.json`]: { body: c },
    });
    const result = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache: memoryCache() });
    expect(result.problems).toEqual([]);
    expect(result.guides).toHaveLength(3);
    expect(result.catalog?.places).toBe('pas une liste');
  });

  it('makes conditional requests and uses the cache on 304', async () => {
    const { a, b, c, catalog } = await setup();
    const server = fakeServer({
      [`${BASE}catalog.json`]: {
        body: JSON.stringify(catalog),
        etag: '"v1"',
        lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT',
      },
      [`${BASE}guides/aide-logement.json`]: { body: a },
      [`${BASE}guides/carte-vitale.json`]: { body: b },
      [`${BASE}guides/casse.json`]: { body: c },
    });
    const cache = memoryCache();
    const first = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache });
    expect(first.guides).toHaveLength(3);
    const before = server.requests.length;
    const second = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache });
    expect(second.source).toBe('not-modified');
    expect(second.guides).toHaveLength(3);
    expect(second.guides.every((g) => g.fromCache)).toBe(true);
    const again = server.requests.slice(before);
    // Only the catalog was asked for, conditionally; guides came from the cache by hash.
    expect(again).toEqual([
      {
        url: `${BASE}catalog.json`,
        headers: { 'If-None-Match': '"v1"', 'If-Modified-Since': 'Mon, 23 Nov 2026 10:00:00 GMT' },
      },
    ]);
  });

  it('works offline from the cache, and says so', async () => {
    const { a, b, c, catalog } = await setup();
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify(catalog) },
      [`${BASE}guides/aide-logement.json`]: { body: a },
      [`${BASE}guides/carte-vitale.json`]: { body: b },
      [`${BASE}guides/casse.json`]: { body: c },
    });
    const cache = memoryCache();
    await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache });
    server.setOffline(true);
    const offline = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache });
    expect(offline.source).toBe('cache');
    expect(offline.guides).toHaveLength(3);
    expect(offline.problems.map((p) => p.code)).toEqual(['catalog-offline-cached']);

    const empty = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache: memoryCache() });
    expect(empty).toMatchObject({ catalog: null, source: 'none', guides: [] });
    expect(empty.problems.map((p) => p.code)).toEqual(['catalog-offline']);
  });

  it('keeps the last good catalog when a new one is broken', async () => {
    const { a, b, c, catalog } = await setup();
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify(catalog) },
      [`${BASE}guides/aide-logement.json`]: { body: a },
      [`${BASE}guides/carte-vitale.json`]: { body: b },
      [`${BASE}guides/casse.json`]: { body: c },
    });
    const cache = memoryCache();
    await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache });
    server.files[`${BASE}catalog.json`] = { body: '{ broken' };
    const result = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache });
    expect(result.source).toBe('cache');
    expect(result.guides).toHaveLength(3);
    expect(result.problems.map((p) => p.code)).toEqual(['catalog-invalid']);
  });

  it('refuses tampered signed guides, and unsigned ones when signatures are required', async () => {
    const { keys, catalog } = await setup();
    const signed = await signGuide(demoGuide(), keys.privateKey);
    signed.steps[0].title.fr = 'Titre changé après signature';
    const tampered = JSON.stringify(signed);
    const entry = catalog.guides[0];
    if (!entry) throw new Error('fixture');
    entry.sha256 = await sha256Hex(tampered); // the catalog was rebuilt, but the signature is stale
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify({ ...catalog, guides: [entry, catalog.guides[1]] }) },
      [`${BASE}guides/aide-logement.json`]: { body: tampered },
      [`${BASE}guides/carte-vitale.json`]: {
        body: JSON.stringify({ ...demoGuide(), id: 'fr.demo.carte-vitale' }),
      },
    });
    const result = await fetchCatalog(`${BASE}catalog.json`, {
      fetch: server.fetch,
      cache: memoryCache(),
      trustedKeys: [readPublicKey(keys.publicKey)],
      requireSignature: true,
    });
    expect(result.guides).toEqual([]);
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      'guide-signature-invalid',
      'guide-unsigned-refused',
    ]);
  });

  it('reports missing guides, wrong ids and HTTP errors without losing the rest', async () => {
    const { a, b, catalog } = await setup();
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify(catalog) },
      [`${BASE}guides/aide-logement.json`]: { body: a },
      [`${BASE}guides/carte-vitale.json`]: { body: b, status: 500 },
    });
    const result = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache: memoryCache() });
    expect(result.guides.map((g) => g.guide.id)).toEqual(['fr.demo.aide-logement']);
    expect(result.problems.map((p) => p.code).sort()).toEqual(['guide-http', 'guide-http']);
    const broken = {
      get: () => {
        throw new Error('disk');
      },
      set: () => {
        throw new Error('full');
      },
    };
    const still = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache: broken });
    expect(still.guides).toHaveLength(1);
  });
});

describe('fetchCatalog consistency checks', () => {
  it('skips a guide whose id or version differs from its catalog entry', async () => {
    const { a, catalog } = await setup();
    const entry = { ...(catalog.guides[0] as (typeof catalog.guides)[number]), version: '2.0.0' };
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify({ ...catalog, guides: [entry] }) },
      [`${BASE}guides/aide-logement.json`]: { body: a },
    });
    const result = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache: memoryCache() });
    expect(result.guides).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['guide-mismatch']);
  });

  it('refuses guide addresses that are not web addresses', async () => {
    const { catalog } = await setup();
    const entry = { ...(catalog.guides[0] as (typeof catalog.guides)[number]), url: 'javascript:alert(1)' };
    const server = fakeServer({
      [`${BASE}catalog.json`]: { body: JSON.stringify({ ...catalog, guides: [entry] }) },
    });
    const result = await fetchCatalog(`${BASE}catalog.json`, { fetch: server.fetch, cache: memoryCache() });
    expect(result.problems.map((p) => p.code)).toEqual(['guide-bad-url']);
    expect(server.requests).toHaveLength(1);
  });
});
