/**
 * Where a postcode is, for the demo's area only (Paris and a few neighbours): approximate centres,
 * enough to sort places by distance. Nothing is looked up anywhere: a postcode missing here falls
 * back to the places' own coordinates (places.ts), then to the same département.
 */
export type Coordinates = { lat: number; lon: number };

export const DEMO_POSTCODES: Readonly<Record<string, Coordinates>> = {
  '75001': { lat: 48.8625, lon: 2.3364 },
  '75002': { lat: 48.8683, lon: 2.3428 },
  '75003': { lat: 48.863, lon: 2.36 },
  '75004': { lat: 48.8543, lon: 2.3576 },
  '75005': { lat: 48.8445, lon: 2.3497 },
  '75006': { lat: 48.8491, lon: 2.333 },
  '75007': { lat: 48.8562, lon: 2.3121 },
  '75008': { lat: 48.8728, lon: 2.3126 },
  '75009': { lat: 48.877, lon: 2.3375 },
  '75010': { lat: 48.8762, lon: 2.3607 },
  '75011': { lat: 48.8591, lon: 2.38 },
  '75012': { lat: 48.835, lon: 2.4213 },
  '75013': { lat: 48.8283, lon: 2.3623 },
  '75014': { lat: 48.8292, lon: 2.3265 },
  '75015': { lat: 48.8401, lon: 2.293 },
  '75016': { lat: 48.8604, lon: 2.262 },
  '75017': { lat: 48.8873, lon: 2.3067 },
  '75018': { lat: 48.8925, lon: 2.3484 },
  '75019': { lat: 48.8871, lon: 2.3848 },
  '75020': { lat: 48.8634, lon: 2.4012 },
  '92130': { lat: 48.824, lon: 2.27 },
  '93100': { lat: 48.8638, lon: 2.4485 },
  '93200': { lat: 48.9362, lon: 2.3574 },
  '94200': { lat: 48.8157, lon: 2.3849 },
};

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
