import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../utils/help-places/csv.ts';
import { describeHours } from '../../../utils/help-places/hours.ts';
import { findNearby, offersAny } from '../../../utils/help-places/nearby.ts';
import {
  PlacesFileError,
  parsePlaces,
  placeErrorText,
  placesFileErrorText,
} from '../../../utils/help-places/places.ts';

const sample = readFileSync(
  fileURLToPath(new URL('../../../public/places/lieux-mediation-numerique-demo.csv', import.meta.url)),
  'utf8',
);
const HEADER = 'id,nom,adresse,code_postal,commune,services,latitude,longitude,telephone,horaires';

describe('places in the national schema of digital-mediation places', () => {
  it('reads the demo sample: every row valid, services split on |', () => {
    const { places, errors } = parsePlaces(sample);
    expect(errors).toEqual([]);
    expect(places).toHaveLength(7);
    const voltaire = places.find((p) => p.id === 'demo-fs-paris-11');
    expect(voltaire).toMatchObject({
      code_postal: '75011',
      commune: 'Paris',
      horaires: 'Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00',
      coordinates: { lat: 48.861, lon: 2.372 },
    });
    expect(voltaire?.services).toEqual([
      'Aide aux démarches administratives',
      'Accès internet et matériel informatique',
    ]);
  });

  it('reports each bad row with its line and keeps the good ones', () => {
    const csv = [
      HEADER,
      'a,Lieu A,1 rue A,75011,Paris,Aide aux démarches administratives,48.86,2.37,01 99 00 00 00,',
      'b,,2 rue B,7501,Paris,,91,2.3,appelez,',
      '"c","Lieu ""C""","3 rue C, bât. 2",75012,Paris,Aide aux démarches administratives,,,,',
      'a,Lieu A bis,1 rue A,75011,Paris,Aide aux démarches administratives,48.86,2.37,,',
      'd,Lieu D,4 rue D,75013,Paris,Aide aux démarches administratives,48.8,2.3,,',
    ].join('\r\n');
    const { places, errors } = parsePlaces(csv);
    expect(places.map((p) => p.id)).toEqual(['a', 'c', 'd']);
    expect(places[1]?.nom).toBe('Lieu "C"');
    expect(places[1]?.adresse).toBe('3 rue C, bât. 2');
    expect(errors.map((e) => `${e.row} ${e.field} ${e.code}`)).toEqual([
      '3 nom required',
      '3 services required',
      '3 code_postal postcode',
      '3 latitude latitude',
      '3 telephone phone',
      '5 id duplicate',
    ]);
    expect(placeErrorText(errors[0] as never, 'fr')).toBe('Ligne 3 : le champ « nom » est vide.');
    expect(placeErrorText(errors[2] as never, 'en')).toBe('Line 3: the postcode must have 5 digits.');
    expect(placeErrorText(errors[2] as never, 'ar')).toContain('السطر 3');
  });

  it('reads a JSON list of the same fields, a row being the place’s number', () => {
    const json = JSON.stringify([
      {
        id: 'x',
        nom: 'X',
        adresse: '1 rue X',
        code_postal: '75011',
        commune: 'Paris',
        services: ['Aide aux démarches administratives'],
        latitude: 48.8,
        longitude: 2.3,
      },
      {
        id: 'y',
        nom: 'Y',
        adresse: '1 rue Y',
        code_postal: '75011',
        commune: 'Paris',
        services: 'A|B',
        latitude: 48.8,
      },
      'not a place',
    ]);
    const { places, errors } = parsePlaces(json);
    expect(places.map((p) => p.id)).toEqual(['x']);
    expect(errors.map((e) => `${e.row} ${e.code}`)).toEqual(['2 coordinates', '3 not-object']);
  });

  it('refuses a file that is no places file, with a typed error and plain words', () => {
    const fail = (text: string) => {
      try {
        parsePlaces(text);
      } catch (error) {
        expect(error).toBeInstanceOf(PlacesFileError);
        return error as PlacesFileError;
      }
      throw new Error('no error');
    };
    expect(fail('').code).toBe('file.empty');
    expect(fail('{ pas du json').code).toBe('file.not-json');
    expect(fail('prenom,age\nA,B').code).toBe('file.not-json');
    const columns = fail('id,nom,adresse\n1,A,B');
    expect(columns.code).toBe('file.columns');
    expect(placesFileErrorText(columns, 'fr')).toBe(
      'Colonnes obligatoires absentes : code_postal, commune, services.',
    );
    expect(fail(`${HEADER}\n`).code).toBe('file.empty');
    expect(fail('x'.repeat(5 * 1024 * 1024)).code).toBe('file.too-large');
  });

  it('parses CSV with semicolons, quotes and line breaks in cells', () => {
    expect(parseCsv('a;b\n"1\n2";"x;y"\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1\n2', 'x;y'] },
    ]);
  });
});

describe('places nearby', () => {
  const { places } = parsePlaces(sample);
  const services = ['Aide aux démarches administratives'];

  it('sorts the places that fit the procedure by distance from a known postcode', () => {
    const found = findNearby(places, '75011', { services });
    if (!found.ok) throw new Error(found.code);
    expect(found.from).toBe('table');
    expect(found.places.map((p) => p.place.id)).toEqual([
      'demo-fs-paris-11',
      'demo-epn-paris-20',
      'demo-mairie-paris-13',
      'demo-cs-montreuil',
      'demo-asso-ivry',
    ]);
    // The library only teaches computers: not for this procedure.
    expect(found.places.some((p) => p.place.id === 'demo-biblio-paris-18')).toBe(false);
    expect(found.places[0]?.km).toBeLessThan(1);
  });

  it('uses the places’ own coordinates for a postcode missing from the table', () => {
    const table = {};
    const found = findNearby(places, '93 200', { services, table });
    expect(found.ok && found.from).toBe('places');
    expect(found.ok && found.places[0]?.place.id).toBe('demo-fs-saint-denis');
  });

  it('falls back to the same département, by name, then says nothing it does not know', () => {
    const found = findNearby(places, '75019', { services, table: {} });
    expect(found.ok && found.from).toBe('department');
    expect(
      found.ok && found.places.every((p) => p.place.code_postal.startsWith('75') && p.km === undefined),
    ).toBe(true);
    const far = findNearby(places, '13001', { services });
    expect(far.ok && far.places).toEqual([]);
  });

  it('refuses a postcode that is not one', () => {
    expect(findNearby(places, '750', { services })).toEqual({ ok: false, code: 'too-short' });
    expect(findNearby(places, 'abcde', { services }).ok).toBe(false);
  });

  it('matches services without minding accents or case', () => {
    const place = places[0];
    if (!place) throw new Error('no place');
    expect(offersAny(place, ['AIDE AUX DEMARCHES administratives'])).toBe(true);
    expect(offersAny(place, ['Insertion professionnelle via le numérique'])).toBe(false);
    expect(offersAny(place, [])).toBe(true);
  });
});

describe('opening hours in plain words', () => {
  it('says the common OSM forms in French, English and Arabic', () => {
    expect(describeHours('Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00', 'fr')).toEqual([
      { days: 'du lundi au vendredi', times: '9 h à 12 h 30, 13 h 30 à 17 h' },
      { days: 'samedi', times: '9 h à 12 h' },
    ]);
    expect(describeHours('Mo,We 14:00-18:00; Su off', 'en')).toEqual([
      { days: 'Monday, Wednesday', times: '14:00 to 18:00' },
      { days: 'Sunday', times: 'closed' },
    ]);
    expect(describeHours('Tu-Sa 10:00-18:00', 'ar')?.[0]?.days).toBe('من الثلاثاء إلى السبت');
  });

  it('gives up (null) on forms it does not know, so the raw text is shown', () => {
    expect(describeHours('24/7', 'fr')).toBeNull();
    expect(describeHours('Mo-Fr sunrise-sunset', 'fr')).toBeNull();
    expect(describeHours('PH off', 'fr')).toBeNull();
  });
});

describe('stuck on a step', () => {
  it('counts three different refused answers, not each key nor a valid beginning', async () => {
    const { createStuckCounter, STUCK_AFTER } = await import('../../../utils/help-places/stuck.ts');
    const counter = createStuckCounter();
    const step = { id: 'nir' };
    const view = (value: string, ok: boolean, partial = false) =>
      ({
        state: { step, index: 0, done: new Set(), finished: false, total: 1 },
        check: { value, empty: value === '', ok, result: { valid: ok, code: ok ? 'ok' : 'bad', partial } },
      }) as never;
    expect(counter.see(view('2', false, true))).toBe(0);
    expect(counter.see(view('284057511234599', false))).toBe(1);
    expect(counter.see(view('284057511234599', false))).toBe(1);
    expect(counter.see(view('284057511234598', false))).toBe(2);
    expect(counter.see(view('', false))).toBe(2);
    expect(counter.see(view('284057511234597', false))).toBe(STUCK_AFTER);
    expect(counter.see(view('284057511234528', true))).toBe(STUCK_AFTER);
  });
});
