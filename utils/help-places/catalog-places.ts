/**
 * Help places published by a guide catalog (its optional `places` list: the JSON form of the
 * national schema of digital-mediation places). The catalog itself only says "something may be
 * here" (utils/guides/catalog.ts keeps the member unread), so a catalog whose places are wrong
 * still gives its guides: the places are read here, each one's shape checked with valibot and its
 * values with the same rules as the mediator's own file (readPlace). A bad place is reported with
 * its number and left out; a `places` that is no list at all is a PlacesFileError. Framework-free.
 */
import * as v from 'valibot';
import { createTranslator, type Lang } from '../i18n/index.ts';
import { placesMessages } from './messages.ts';
import { PLACES_LIMITS, type Place, type PlaceRowError, PlacesFileError, readPlace } from './places.ts';

/** A text of the schema: JSON writers may give a number (a postcode, a phone) where a string is meant. */
const TextSchema = v.optional(v.union([v.string(), v.pipe(v.number(), v.finite())]));
const CoordinateSchema = v.optional(v.union([v.pipe(v.number(), v.finite()), v.string()]));

/** The shape of one place of a catalog; the schema's other columns (pivot, courriels, …) are let through. */
export const CatalogPlaceSchema = v.looseObject({
  id: TextSchema,
  nom: TextSchema,
  adresse: TextSchema,
  complement_adresse: TextSchema,
  code_postal: TextSchema,
  commune: TextSchema,
  // The schema's CSV joins services with |; its JSON form may give the list itself.
  services: v.optional(v.union([v.string(), v.pipe(v.array(v.string()), v.maxLength(100))])),
  telephone: TextSchema,
  site_web: TextSchema,
  horaires: TextSchema,
  prise_rdv: TextSchema,
  presentation_resume: TextSchema,
  latitude: CoordinateSchema,
  longitude: CoordinateSchema,
});

export const CatalogPlacesSchema = v.pipe(v.array(v.unknown()), v.maxLength(PLACES_LIMITS.places));

/** A place read from a catalog, with the catalog's name for the person to see where it comes from. */
export type CatalogPlace = Place & { catalog: string };

export type CatalogPlaces = { places: CatalogPlace[]; errors: PlaceRowError[] };

/**
 * The places of one catalog. `taken` holds the ids already offered (the mediator's file, the
 * other catalogs): a place with one of them is told as a duplicate, the first one kept.
 * Throws PlacesFileError when `places` is there but no list (or too long a list).
 */
export function readCatalogPlaces(
  value: unknown,
  catalogName: string,
  taken: ReadonlySet<string> = new Set(),
): CatalogPlaces {
  if (value === undefined) return { places: [], errors: [] };
  if (!Array.isArray(value)) throw new PlacesFileError('file.not-list');
  const list = v.safeParse(CatalogPlacesSchema, value);
  if (!list.success) throw new PlacesFileError('file.too-many', { max: PLACES_LIMITS.places });
  const places: CatalogPlace[] = [];
  const errors: PlaceRowError[] = [];
  const seen = new Set(taken);
  list.output.forEach((item, i) => {
    const row = i + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row, code: 'not-object' });
      return;
    }
    const shape = v.safeParse(CatalogPlaceSchema, item, { abortPipeEarly: true });
    if (!shape.success) {
      const fields = new Set(shape.issues.map((issue) => String(issue.path?.[0]?.key ?? '')));
      for (const field of fields) errors.push({ row, field, code: 'type' });
      return;
    }
    const read = readPlace(shape.output, row);
    errors.push(...read.errors);
    if (!read.place) return;
    if (seen.has(read.place.id)) {
      errors.push({ row, field: 'id', code: 'duplicate', params: { id: read.place.id.slice(0, 80) } });
      return;
    }
    seen.add(read.place.id);
    places.push({ ...read.place, catalog: catalogName });
  });
  return { places, errors };
}

const translate = createTranslator(placesMessages);

/** « Lieu numéro 3 : … »: a catalog's places are a JSON list, so they are counted, not lined. */
export function catalogPlaceErrorText(error: PlaceRowError, lang: Lang): string {
  const problem = translate(lang, `places.${error.code}`, { field: error.field ?? '', ...error.params });
  return translate(lang, 'places.item', { row: error.row, problem });
}
