/**
 * The help places a site gives its widget (`data-places`): a file on the page's own origin, in the
 * national schema of digital-mediation places (CSV, or a JSON list), read by the same code as the
 * mediator's file (parsePlaces). Only the page's origin is asked: an address elsewhere is refused
 * before any request, so the widget never calls a third party for places. What is wrong is written
 * to the console for the site's developers (a SitePlacesError when nothing can be offered, one line
 * per bad row otherwise); the person still gets the guide's helplines. Beside them, the places the
 * site's guide catalog publishes (`data-catalog`, already read with its guides: no other request),
 * checked like the extension checks them (readCatalogPlaces). Framework-free.
 */
import type { PublishedPlaces } from '../guides/sources.ts';
import { type CatalogPlace, catalogPlaceErrorText, readCatalogPlaces } from './catalog-places.ts';
import {
  type Place,
  type PlaceRowError,
  PlacesFileError,
  parsePlaces,
  placeErrorText,
  placesFileErrorText,
} from './places.ts';

export type SitePlacesErrorCode = 'bad-url' | 'other-origin' | 'http' | 'unreachable' | 'file' | 'no-place';

/** Why a site's places file gave no place: for code (the `code`) and for its developers (the message). */
export class SitePlacesError extends Error {
  constructor(
    readonly code: SitePlacesErrorCode,
    readonly address: string,
    readonly detail: { status?: number; file?: PlacesFileError; rows?: PlaceRowError[] } = {},
  ) {
    super(`data-places « ${address} » : ${sitePlacesErrorText(code, detail).en}`, { cause: detail.file });
    this.name = 'SitePlacesError';
  }
}

function sitePlacesErrorText(
  code: SitePlacesErrorCode,
  { status, file }: { status?: number; file?: PlacesFileError },
): { fr: string; en: string } {
  switch (code) {
    case 'bad-url':
      return { fr: 'ce n’est pas une adresse web.', en: 'this is not a web address.' };
    case 'other-origin':
      return {
        fr: 'le fichier doit être sur le même site que la page (même origine) : il n’a pas été demandé.',
        en: 'the file must be on the same site as the page (same origin): it was not requested.',
      };
    case 'http':
      return { fr: `le serveur a répondu ${status}.`, en: `the server answered ${status}.` };
    case 'unreachable':
      return {
        fr: 'le fichier n’a pas pu être lu (réseau, ou redirection vers un autre site).',
        en: 'the file could not be read (network, or a redirect to another site).',
      };
    case 'file':
      return {
        fr: file ? placesFileErrorText(file, 'fr') : 'fichier illisible.',
        en: file ? placesFileErrorText(file, 'en') : 'unreadable file.',
      };
    case 'no-place':
      return { fr: 'aucun lieu n’est bien écrit.', en: 'no place is well written.' };
  }
}

/** The file's address, resolved against the page; refused (no request) when not on the page's origin. */
export function sitePlacesUrl(address: string, page: { baseUrl: string; origin: string }): URL {
  let url: URL;
  try {
    url = new URL(address, page.baseUrl);
  } catch {
    throw new SitePlacesError('bad-url', address);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SitePlacesError('bad-url', address);
  if (url.origin !== page.origin) throw new SitePlacesError('other-origin', address);
  return url;
}

/** How many bad rows are written out in full: a whole file of bad rows must not flood the console. */
const ROWS_SHOWN = 20;

/** The console's words for the site's developers: what went wrong, then each bad row (fr / en). */
export function sitePlacesProblemText(address: string, problem: SitePlacesError | PlaceRowError[]): string {
  const rows = Array.isArray(problem) ? problem : (problem.detail.rows ?? []);
  const head = Array.isArray(problem)
    ? {
        fr: `${rows.length} ligne(s) mal écrite(s), laissée(s) de côté :`,
        en: `${rows.length} badly written row(s), left out:`,
      }
    : sitePlacesErrorText(problem.code, problem.detail);
  const lines = [`[Pas à pas] data-places « ${address} » : ${head.fr} / ${head.en}`];
  for (const row of rows.slice(0, ROWS_SHOWN))
    lines.push(`  - ${placeErrorText(row, 'fr')} / ${placeErrorText(row, 'en')}`);
  if (rows.length > ROWS_SHOWN)
    lines.push(`  … ${rows.length - ROWS_SHOWN} de plus / ${rows.length - ROWS_SHOWN} more`);
  return lines.join('\n');
}

type FetchText = (
  url: string,
  init: RequestInit,
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * Reads the site's places. Returns the good ones (bad rows written to `report`); throws
 * SitePlacesError, also written to `report`, when none can be offered.
 */
export async function loadSitePlaces(
  address: string,
  {
    baseUrl,
    origin,
    fetch,
    report = (text: string) => globalThis.console?.error(text),
  }: { baseUrl: string; origin: string; fetch: FetchText; report?: (text: string) => void },
): Promise<Place[]> {
  try {
    const url = sitePlacesUrl(address, { baseUrl, origin });
    let text: string;
    try {
      // same-origin: a redirect to another site fails instead of being followed there.
      const response = await fetch(url.href, { mode: 'same-origin' });
      if (!response.ok) throw new SitePlacesError('http', address, { status: response.status });
      text = await response.text();
    } catch (error) {
      if (error instanceof SitePlacesError) throw error;
      throw new SitePlacesError('unreachable', address);
    }
    let read: ReturnType<typeof parsePlaces>;
    try {
      read = parsePlaces(text);
    } catch (error) {
      if (error instanceof PlacesFileError) throw new SitePlacesError('file', address, { file: error });
      throw error;
    }
    if (read.places.length === 0) throw new SitePlacesError('no-place', address, { rows: read.errors });
    if (read.errors.length > 0) report(sitePlacesProblemText(address, read.errors));
    return read.places;
  } catch (error) {
    if (error instanceof SitePlacesError) report(sitePlacesProblemText(address, error));
    throw error;
  }
}

/**
 * Everything the widget offers: the site's file (`data-places`), then its catalog's places (an id
 * already given by the file is told as a duplicate). 'none' when the site gives neither. Throws
 * the first error, already written to `report`, when there were places to read and none is left.
 */
export type { PublishedPlaces };

export async function loadWidgetPlaces(
  sources: { file?: string | undefined; catalog?: PublishedPlaces | undefined },
  options: Parameters<typeof loadSitePlaces>[1],
): Promise<(Place | CatalogPlace)[] | 'none'> {
  if (!sources.file && !sources.catalog) return 'none';
  const report = options.report ?? ((text: string) => globalThis.console?.error(text));
  const places: (Place | CatalogPlace)[] = [];
  let failure: unknown;
  if (sources.file) {
    try {
      places.push(...(await loadSitePlaces(sources.file, { ...options, report })));
    } catch (error) {
      failure = error;
    }
  }
  if (sources.catalog) {
    const { url, name } = sources.catalog;
    try {
      const read = readCatalogPlaces(sources.catalog.places, name, new Set(places.map((p) => p.id)));
      places.push(...read.places);
      if (read.errors.length > 0)
        report(
          [
            `[Pas à pas] data-catalog « ${url} » : ${read.errors.length} lieu(x) du catalogue mal écrit(s), laissé(s) de côté / ${read.errors.length} badly written catalog place(s), left out:`,
            ...read.errors
              .slice(0, ROWS_SHOWN)
              .map((e) => `  - ${catalogPlaceErrorText(e, 'fr')} / ${catalogPlaceErrorText(e, 'en')}`),
          ].join('\n'),
        );
    } catch (error) {
      if (!(error instanceof PlacesFileError)) throw error;
      report(
        `[Pas à pas] data-catalog « ${url} » : ${placesFileErrorText(error, 'fr')} / ${placesFileErrorText(error, 'en')}`,
      );
      failure ??= error;
    }
  }
  if (places.length === 0 && failure) throw failure;
  return places;
}
