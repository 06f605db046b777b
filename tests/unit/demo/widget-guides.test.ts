/**
 * The widget ships without guides (issue 13, problem 11): the demo, like any administration, gives
 * its widget its own guides from its own origin, and the widget shows them as the site's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';
import { fetchCatalog } from '../../../utils/guides/catalog.ts';
import {
  collectGuides,
  loadConfiguredGuides,
  memoryCache,
  mergeGuides,
} from '../../../utils/guides/sources.ts';
import { loadSitePlaces } from '../../../utils/help-places/site-places.ts';
import { WIDGET_ASSET_DIRS } from '../../../widgets/vite.loader.config.ts';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const nodeFetch = async (url: string) => {
  const response = await fetch(url);
  return {
    status: response.status,
    ok: response.ok,
    headers: response.headers,
    arrayBuffer: () => response.arrayBuffer(),
  };
};

describe('guides of the demo site', () => {
  it('the widget folder gets no guides from the build', () => {
    expect(WIDGET_ASSET_DIRS).not.toContain('guides');
    expect(WIDGET_ASSET_DIRS).toContain('panel');
  });

  it('the demo page names its own catalog, which the demo serves', async () => {
    const page = await (await fetch(`${server.url}/aide-logement/identite.html`)).text();
    const tag = /<script[^>]*src="\/pasapas\/widget\.js"[^>]*>/.exec(page)?.[0] ?? '';
    const catalog = /data-catalog="([^"]+)"/.exec(tag)?.[1];
    expect(catalog).toBe('/demo-guides/index.json');
    const result = await fetchCatalog(`${server.url}${catalog}`, {
      fetch: nodeFetch,
      cache: memoryCache(),
      trustedKeys: [],
    });
    expect(result.problems).toEqual([]);
    expect(result.guides.map((g) => g.guide.id).sort()).toEqual([
      'fr.demo.aide-logement',
      'fr.demo.cantine',
      'fr.demo.emploi',
    ]);
  });

  it('its guides are « Guide de ce site » for its pages, « non vérifié » for another site', async () => {
    const catalog = `${server.url}/demo-guides/index.json`;
    const own = await loadConfiguredGuides(
      { catalog },
      { fetch: nodeFetch, pageOrigin: new URL(server.url).origin, warn: () => {} },
    );
    expect(new Set(mergeGuides(own.candidates).guides.map((g) => g.trust))).toEqual(new Set(['site']));
    const other = await loadConfiguredGuides(
      { catalog },
      { fetch: nodeFetch, pageOrigin: 'https://autre.example.fr', warn: () => {} },
    );
    expect(new Set(mergeGuides(other.candidates).guides.map((g) => g.trust))).toEqual(
      new Set(['unverified']),
    );
  });

  it('the demo page names its own help places file, on its own origin, which the demo serves', async () => {
    const address = `${server.url}/aide-logement/identite.html`;
    const page = await (await fetch(address)).text();
    const tag = /<script[^>]*src="\/pasapas\/widget\.js"[^>]*>/.exec(page)?.[0] ?? '';
    const places = /data-places="([^"]+)"/.exec(tag)?.[1] ?? '';
    expect(places).toBe('/demo-places/lieux-mediation-numerique-demo.csv');
    const problems: string[] = [];
    const read = await loadSitePlaces(places, {
      baseUrl: address,
      origin: new URL(server.url).origin,
      // Node's fetch knows no mode: the same-origin rule is sitePlacesUrl's, before any request.
      fetch: (url) => fetch(url),
      report: (text) => problems.push(text),
    });
    expect(read.map((p) => p.id)).toContain('demo-epn-paris-20');
    expect(problems).toEqual([]);
  });

  it('a catalog’s help places come with its guides, unread, to the widget’s help', async () => {
    const catalog = `${server.url}/catalog/reseau-lieux.json`;
    const configured = () =>
      loadConfiguredGuides(
        { catalog },
        { fetch: nodeFetch, pageOrigin: new URL(server.url).origin, warn: () => {} },
      );
    const collected = await collectGuides({ configured });
    expect(collected.guides.map((g) => g.id)).toEqual(['fr.demo.emploi']);
    expect(collected.catalogPlaces?.url).toBe(catalog);
    expect(collected.catalogPlaces?.name).toBe('Réseau de médiation du 20e (démo, fictif)');
    expect(((collected.catalogPlaces?.places ?? []) as { id: string }[]).map((p) => p.id)).toEqual([
      'reseau-20-mediatheque',
      'reseau-20-sans-code',
      'reseau-20-deux-noms',
    ]);
    // The demo site's own catalog publishes none.
    const own = await collectGuides({
      configured: () =>
        loadConfiguredGuides(
          { catalog: `${server.url}/demo-guides/index.json` },
          { fetch: nodeFetch, pageOrigin: new URL(server.url).origin, warn: () => {} },
        ),
    });
    expect(own.catalogPlaces).toBeUndefined();
  });
});
