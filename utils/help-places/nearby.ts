/**
 * The places to offer a person: those that give the help the procedure needs (the guide's
 * `help.services`, matched against the schema's `services`), nearest first from a postcode the
 * person typed. Nothing is looked up anywhere: the postcode's place comes from a small table,
 * else from the places' own coordinates with that postcode, else the same département comes first.
 */
import { validate } from '../validators/index.ts';
import type { Place } from './places.ts';
import { type Coordinates, DEMO_POSTCODES, distanceKm } from './postcodes.ts';

export type NearbyPlace = { place: Place; km?: number };
export type Nearby =
  | { ok: false; code: string }
  | { ok: true; from: 'table' | 'places' | 'department'; places: NearbyPlace[] };

/** Lower case, no accents, single spaces: "Aide aux démarches" matches "aide aux demarches". */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function offersAny(place: Place, services: readonly string[]): boolean {
  if (services.length === 0) return true;
  const wanted = new Set(services.map(plain));
  return place.services.some((s) => wanted.has(plain(s)));
}

function centreOf(postcode: string, places: readonly Place[]): Coordinates | null {
  const same = places.filter((p) => p.code_postal === postcode && p.coordinates);
  if (same.length === 0) return null;
  const lat = same.reduce((sum, p) => sum + (p.coordinates?.lat ?? 0), 0) / same.length;
  const lon = same.reduce((sum, p) => sum + (p.coordinates?.lon ?? 0), 0) / same.length;
  return { lat, lon };
}

const byName = (a: NearbyPlace, b: NearbyPlace) => a.place.nom.localeCompare(b.place.nom, 'fr');

export function findNearby(
  places: readonly Place[],
  postcode: string,
  options: {
    services?: readonly string[];
    limit?: number;
    table?: Readonly<Record<string, Coordinates>>;
  } = {},
): Nearby {
  const typed = postcode.replace(/\s+/g, '');
  const check = validate('postcode', typed);
  if (!check.valid) return { ok: false, code: check.code };
  const code = check.normalized ?? typed;
  const limit = options.limit ?? 5;
  const fitting = places.filter((p) => offersAny(p, options.services ?? []));
  const table = options.table ?? DEMO_POSTCODES;
  const centre = table[code] ?? centreOf(code, places);
  if (centre) {
    const measured = fitting.map((place) =>
      place.coordinates ? { place, km: distanceKm(centre, place.coordinates) } : { place },
    );
    measured.sort(
      (a, b) => (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) || byName(a, b),
    );
    return { ok: true, from: table[code] ? 'table' : 'places', places: measured.slice(0, limit) };
  }
  // Unknown here: the same département first (2 digits, 3 overseas), then by name.
  const dept = (p: string) => (p.startsWith('97') ? p.slice(0, 3) : p.slice(0, 2));
  const near = fitting.filter((p) => dept(p.code_postal) === dept(code)).map((place) => ({ place }));
  return { ok: true, from: 'department', places: near.sort(byName).slice(0, limit) };
}
