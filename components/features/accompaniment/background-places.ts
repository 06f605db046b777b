/**
 * The in-person help places the guides offer (« Trouver de l'aide près de chez moi »): the file the
 * mediator imported in the options page, else the demo sample shipped with the extension, and
 * beside them the places the mediator's guide catalogs publish (read from the catalogs' saved
 * copies: no request of ours here). Public data in the national schema: kept in clear. Every file
 * is read again here (utils/help-places), whatever the options page checked; a bad row is reported
 * and left out, never stored.
 */
import { browser } from 'wxt/browser';
import type { CatalogInfo } from '../../../utils/guides/library';
import { type CatalogPlace, readCatalogPlaces } from '../../../utils/help-places/catalog-places';
import {
  type Place,
  type PlaceRowError,
  PlacesFileError,
  parsePlaces,
  readPlace,
} from '../../../utils/help-places/places';
import { extensionUrl } from '../../app/extension-url';
import type { Handlers } from '../define-background';

export const PLACES_KEY = 'pasapas:places:imported';
export const SAMPLE_PLACES = '/places/lieux-mediation-numerique-demo.csv';

let sample: Promise<Place[]> | undefined;
function samplePlaces(): Promise<Place[]> {
  sample ??= fetch(extensionUrl(SAMPLE_PLACES))
    .then((r) => r.text())
    .then((text) => parsePlaces(text).places)
    .catch(() => {
      sample = undefined;
      return [];
    });
  return sample;
}

/** What was stored, read as places again (storage is ours, yet its shape may be from an older version). */
function storedPlaces(value: unknown): Place[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((record, i) => {
    const flat =
      record && typeof record === 'object' && 'coordinates' in record
        ? {
            ...(record as Place),
            latitude: (record as Place).coordinates?.lat,
            longitude: (record as Place).coordinates?.lon,
          }
        : record;
    const { place } = readPlace(flat, i + 1);
    return place ? [place] : [];
  });
}

/** What one catalog's places gave, for the options page: how many were kept, and why the others were not. */
export type CatalogPlacesReport = {
  url: string;
  name: string;
  count: number;
  errors: PlaceRowError[];
  fileError?: { code: PlacesFileError['code']; params: PlacesFileError['params'] };
};

/** The places of every catalog that publishes some, after `base` (their ids taken first). */
function fromCatalogs(
  catalogs: readonly CatalogInfo[],
  base: readonly Place[],
): { places: CatalogPlace[]; reports: CatalogPlacesReport[] } {
  const taken = new Set(base.map((p) => p.id));
  const places: CatalogPlace[] = [];
  const reports: CatalogPlacesReport[] = [];
  for (const catalog of catalogs) {
    if (catalog.places === undefined) continue;
    const report: CatalogPlacesReport = { url: catalog.url, name: catalog.name, count: 0, errors: [] };
    try {
      const read = readCatalogPlaces(catalog.places, catalog.name, taken);
      for (const place of read.places) taken.add(place.id);
      places.push(...read.places);
      report.count = read.places.length;
      report.errors = read.errors;
    } catch (error) {
      if (!(error instanceof PlacesFileError)) throw error;
      report.fileError = { code: error.code, params: error.params };
    }
    reports.push(report);
  }
  return { places, reports };
}

export function placesHandlers(catalogs: () => Promise<CatalogInfo[]>): Handlers {
  return {
    'pasapas:places': async (_message, _sender, caller) => {
      const stored = storedPlaces((await browser.storage.local.get(PLACES_KEY))[PLACES_KEY]);
      const base = stored ?? (await samplePlaces());
      // A library that cannot be read costs the catalogs' places, never the others.
      const published = fromCatalogs(await catalogs().catch(() => []), base);
      const places = [...base, ...published.places];
      // Only the mediator's page is told where the places come from and what was wrong with them.
      if (caller.kind !== 'page' || caller.path !== '/options.html')
        return { places, imported: stored !== null };
      return { places, imported: stored !== null, base: base.length, catalogs: published.reports };
    },
    'pasapas:places-import': async (message) => {
      if (message.text === undefined) {
        await browser.storage.local.remove(PLACES_KEY);
        return { ok: true, count: (await samplePlaces()).length, errors: [], imported: false };
      }
      try {
        const { places, errors } = parsePlaces(message.text);
        // A file with no good row changes nothing: the places offered stay the ones before.
        if (places.length > 0) await browser.storage.local.set({ [PLACES_KEY]: places });
        return { ok: places.length > 0, count: places.length, errors, imported: places.length > 0 };
      } catch (error) {
        if (error instanceof PlacesFileError)
          return { ok: false, count: 0, errors: [], fileError: { code: error.code, params: error.params } };
        throw error;
      }
    },
  };
}
