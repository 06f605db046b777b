import { describe, expect, it } from 'vitest';
import { catalogPlaceErrorText, readCatalogPlaces } from '../../../utils/help-places/catalog-places.ts';
import { PlacesFileError, placesFileErrorText } from '../../../utils/help-places/places.ts';

const good = {
  id: 'cat-1',
  nom: 'Médiathèque du catalogue',
  adresse: '1 rue du Catalogue',
  code_postal: 75020,
  commune: 'Paris',
  services: ['Aide aux démarches administratives'],
  latitude: 48.86,
  longitude: 2.4,
  telephone: '01 99 00 30 30',
  pivot: '00000000000000',
};

describe('help places published by a guide catalog', () => {
  it('keeps the good places, with the catalog named, and tells each bad one by its number', () => {
    const { places, errors } = readCatalogPlaces(
      [
        good,
        { ...good, id: 'cat-2', services: 'Aide aux démarches administratives|Accès internet' },
        { ...good, id: 'cat-3', services: [1, 2] },
        { ...good, id: 'cat-4', code_postal: '750' },
        'un lieu ?',
        { ...good, nom: { fr: 'objet' } },
      ],
      'Réseau de démo',
    );
    expect(places.map((p) => [p.id, p.catalog, p.code_postal])).toEqual([
      ['cat-1', 'Réseau de démo', '75020'],
      ['cat-2', 'Réseau de démo', '75020'],
    ]);
    expect(places[1]?.services).toEqual(['Aide aux démarches administratives', 'Accès internet']);
    expect(places[0]?.coordinates).toEqual({ lat: 48.86, lon: 2.4 });
    expect(errors.map((e) => `${e.row} ${e.field ?? ''} ${e.code}`)).toEqual([
      '3 services type',
      '4 code_postal postcode',
      '5  not-object',
      '6 nom type',
    ]);
    expect(catalogPlaceErrorText(errors[0] as never, 'fr')).toBe(
      'Lieu numéro 3 : le champ « services » doit être un texte, ou une liste de textes.',
    );
    expect(catalogPlaceErrorText(errors[1] as never, 'en')).toBe(
      'Place no. 4: the postcode must have 5 digits.',
    );
    expect(catalogPlaceErrorText(errors[1] as never, 'ar')).toContain('المكان رقم 4');
  });

  it('leaves out an id already offered (the mediator’s file, another catalog), the first one kept', () => {
    const { places, errors } = readCatalogPlaces([good, { ...good }], 'B', new Set(['demo-x']));
    expect(places.map((p) => p.id)).toEqual(['cat-1']);
    expect(errors).toEqual([{ row: 2, field: 'id', code: 'duplicate', params: { id: 'cat-1' } }]);
    const taken = readCatalogPlaces([good], 'C', new Set(['cat-1']));
    expect(taken.places).toEqual([]);
    expect(taken.errors.map((e) => e.code)).toEqual(['duplicate']);
  });

  it('no places is no error; places that are no list are one typed error', () => {
    expect(readCatalogPlaces(undefined, 'A')).toEqual({ places: [], errors: [] });
    let thrown: unknown;
    try {
      readCatalogPlaces({ lieux: [good] }, 'A');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlacesFileError);
    expect((thrown as PlacesFileError).code).toBe('file.not-list');
    expect(placesFileErrorText(thrown as PlacesFileError, 'fr')).toBe(
      'Les lieux du catalogue ne sont pas une liste : aucun n’a été lu.',
    );
    expect(() => readCatalogPlaces(new Array(5001).fill(good), 'A')).toThrow(PlacesFileError);
  });
});
