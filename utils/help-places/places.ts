/**
 * In-person help places in the national open-data schema of digital-mediation places (« lieux de
 * médiation numérique », schema.data.gouv.fr): CSV (the schema's form; `services` separated by
 * `|`) or a JSON list of the same fields. Each bad row is reported with its line and a plain
 * message (fr/en/ar) and left out; the good rows are kept. A file that cannot be read at all is a
 * PlacesFileError. Framework-free.
 */
import { createTranslator, type Lang, type Params } from '../i18n/index.ts';
import { parseCsv } from './csv.ts';
import { placesMessages } from './messages.ts';
import type { Coordinates } from './postcodes.ts';

export type Place = {
  id: string;
  nom: string;
  adresse: string;
  complement_adresse?: string;
  code_postal: string;
  commune: string;
  services: string[];
  telephone?: string;
  site_web?: string;
  horaires?: string;
  prise_rdv?: string;
  presentation_resume?: string;
  coordinates?: Coordinates;
};

export const REQUIRED_FIELDS = ['id', 'nom', 'adresse', 'code_postal', 'commune', 'services'] as const;
const TEXT_FIELDS = [
  'complement_adresse',
  'telephone',
  'site_web',
  'horaires',
  'prise_rdv',
  'presentation_resume',
] as const;
export const PLACES_LIMITS = { bytes: 4 * 1024 * 1024, places: 5000, field: 1000 } as const;

const translate = createTranslator(placesMessages);

export type PlaceRowError = {
  /** The line of the CSV file (the header is line 1), or the place's number in a JSON list. */
  row: number;
  field?: string;
  code: string;
  params?: Params;
};

export class PlacesFileError extends Error {
  constructor(
    readonly code:
      | 'file.empty'
      | 'file.too-large'
      | 'file.too-many'
      | 'file.not-json'
      | 'file.columns'
      | 'file.not-list',
    readonly params: Params = {},
  ) {
    super(translate('en', code, params));
    this.name = 'PlacesFileError';
  }
}

export type ParsedPlaces = { places: Place[]; errors: PlaceRowError[] };

export function placeErrorText(error: PlaceRowError, lang: Lang): string {
  const problem = translate(lang, `places.${error.code}`, { field: error.field ?? '', ...error.params });
  return translate(lang, 'places.row', { row: error.row, problem });
}

export function placesFileErrorText(error: PlacesFileError, lang: Lang): string {
  return translate(lang, error.code, error.params);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function services(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(text) : text(value).split('|');
  return list.map((s) => s.trim()).filter(Boolean);
}

function coordinate(value: unknown): number | null | undefined {
  const raw = text(value).replace(',', '.');
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** One record (a CSV row as an object, or a JSON item) into a place, or its problems. */
export function readPlace(record: unknown, row: number): { place?: Place; errors: PlaceRowError[] } {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    return { errors: [{ row, code: 'not-object' }] };
  const r = record as Record<string, unknown>;
  const errors: PlaceRowError[] = [];
  const get = (field: string) => text(r[field]);
  for (const field of REQUIRED_FIELDS) {
    const empty = field === 'services' ? services(r.services).length === 0 : get(field) === '';
    if (empty) errors.push({ row, field, code: 'required' });
  }
  for (const field of [...REQUIRED_FIELDS, ...TEXT_FIELDS]) {
    if (field !== 'services' && get(field).length > PLACES_LIMITS.field)
      errors.push({ row, field, code: 'too-long' });
  }
  const postcode = get('code_postal');
  if (postcode && !/^(\d{5}|2[AB]\d{3})$/.test(postcode))
    errors.push({ row, field: 'code_postal', code: 'postcode' });
  const lat = coordinate(r.latitude);
  const lon = coordinate(r.longitude);
  if (lat === null || (lat !== undefined && (lat < -90 || lat > 90)))
    errors.push({ row, field: 'latitude', code: 'latitude' });
  if (lon === null || (lon !== undefined && (lon < -180 || lon > 180)))
    errors.push({ row, field: 'longitude', code: 'longitude' });
  if ((lat === undefined) !== (lon === undefined))
    errors.push({ row, field: 'latitude', code: 'coordinates' });
  const phone = get('telephone');
  if (phone && !/^\+?[0-9][0-9 .-]{2,24}$/.test(phone))
    errors.push({ row, field: 'telephone', code: 'phone' });
  for (const field of ['site_web', 'prise_rdv'] as const) {
    const url = get(field);
    // Several addresses may be given, separated by |: each must be a web address.
    if (url !== '' && url.split('|').some((u) => !/^https?:\/\/[^\s]+$/i.test(u.trim())))
      errors.push({ row, field, code: 'url' });
  }
  if (errors.length > 0) return { errors };
  const place: Place = {
    id: get('id'),
    nom: get('nom'),
    adresse: get('adresse'),
    code_postal: postcode,
    commune: get('commune'),
    services: services(r.services),
  };
  for (const field of TEXT_FIELDS) {
    const value = get(field);
    if (value) place[field] = value;
  }
  if (typeof lat === 'number' && typeof lon === 'number') place.coordinates = { lat, lon };
  return { place, errors };
}

function records(text: string): { row: number; record: unknown }[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new PlacesFileError('file.not-json');
    }
    // Some exports wrap the list ({ "lieux": [...] } or a GeoJSON-like { "features": [...] }).
    const list = Array.isArray(json)
      ? json
      : json && typeof json === 'object'
        ? Object.values(json as Record<string, unknown>).find(Array.isArray)
        : undefined;
    if (!Array.isArray(list)) throw new PlacesFileError('file.not-json');
    return list.map((record, i) => ({ row: i + 1, record }));
  }
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new PlacesFileError('file.empty');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED_FIELDS.filter((f) => !names.includes(f));
  if (missing.length > 0) {
    // Not even a header of ours: this is no places file.
    if (missing.length === REQUIRED_FIELDS.length) throw new PlacesFileError('file.not-json');
    throw new PlacesFileError('file.columns', { columns: missing.join(', ') });
  }
  return rows.slice(1).map(({ line, cells }) => ({
    row: line,
    record: Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])),
  }));
}

/** Reads a whole file: the good places and one error list per bad row. Throws PlacesFileError. */
export function parsePlaces(text: string): ParsedPlaces {
  if (text.length > PLACES_LIMITS.bytes)
    throw new PlacesFileError('file.too-large', { max: PLACES_LIMITS.bytes / 1024 / 1024 });
  const all = records(text);
  if (all.length === 0) throw new PlacesFileError('file.empty');
  if (all.length > PLACES_LIMITS.places)
    throw new PlacesFileError('file.too-many', { max: PLACES_LIMITS.places });
  const places: Place[] = [];
  const errors: PlaceRowError[] = [];
  const seen = new Set<string>();
  for (const { row, record } of all) {
    const read = readPlace(record, row);
    if (read.place && seen.has(read.place.id)) {
      errors.push({ row, field: 'id', code: 'duplicate', params: { id: read.place.id.slice(0, 80) } });
      continue;
    }
    errors.push(...read.errors);
    if (read.place) {
      seen.add(read.place.id);
      places.push(read.place);
    }
  }
  return { places, errors };
}
