/**
 * The in-person help places the guides offer (« Trouver de l'aide près de chez moi »): the file the
 * mediator imported in the options page, else the demo sample shipped with the extension. Public
 * data in the national schema: kept in clear. Every file is read again here (utils/help-places),
 * whatever the options page checked; a bad row is reported and left out, never stored.
 */
import { browser } from 'wxt/browser';
import { type Place, PlacesFileError, parsePlaces, readPlace } from '../../../utils/help-places/places';
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

export function placesHandlers(): Handlers {
  return {
    'pasapas:places': async () => {
      const stored = storedPlaces((await browser.storage.local.get(PLACES_KEY))[PLACES_KEY]);
      return stored ? { places: stored, imported: true } : { places: await samplePlaces(), imported: false };
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
