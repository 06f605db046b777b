/**
 * The help places a site gives its widget (`data-places`): same origin only, read by the mediator
 * file's parser, each problem told to the site's developers in the console; no request elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { guidesOptions } from '../../../components/features/guides/options-schema.ts';
import { PlacesFileError } from '../../../utils/help-places/places.ts';
import {
  loadSitePlaces,
  loadWidgetPlaces,
  SitePlacesError,
  sitePlacesProblemText,
  sitePlacesUrl,
} from '../../../utils/help-places/site-places.ts';

const PAGE = {
  baseUrl: 'https://demarches.example.fr/aide/page.html',
  origin: 'https://demarches.example.fr',
};

const CSV = [
  'id,nom,commune,code_postal,adresse,latitude,longitude,services',
  'ok-1,France Services du test,Paris,75020,1 rue du Test,48.864,2.401,Aide aux démarches administratives',
  'bad-2,Lieu sans code,Paris,750,2 rue du Test,48.86,2.40,Aide aux démarches administratives',
].join('\n');

/** A site's server as the widget's fetch sees it; records what was asked. */
function server(answers: Record<string, { status: number; body: string } | 'offline'>) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    const answer = answers[url];
    if (!answer || answer === 'offline') throw new TypeError('Failed to fetch');
    return { ok: answer.status < 300, status: answer.status, text: async () => answer.body };
  };
  return { asked, fetch };
}

async function failure(promise: Promise<unknown>): Promise<SitePlacesError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SitePlacesError);
  return error as SitePlacesError;
}

describe('data-places: the option', () => {
  it('takes an address relative to the page or absolute, refuses what is no web address', () => {
    expect(guidesOptions.parse({ places: '/lieux/lieux.csv' })).toEqual({
      config: { urls: [], trustedKeys: [], places: '/lieux/lieux.csv' },
      problems: [],
    });
    const bad = guidesOptions.parse({ places: 'javascript:alert(1)' });
    expect(bad.config.places).toBeUndefined();
    expect(bad.problems.map((p) => p.field)).toEqual(['places']);
    expect(guidesOptions.parse({}).config.places).toBeUndefined();
  });
});

describe('data-places: where the file may be', () => {
  it('resolves against the page and keeps only the page’s origin', () => {
    expect(sitePlacesUrl('lieux.csv', PAGE).href).toBe('https://demarches.example.fr/aide/lieux.csv');
    expect(sitePlacesUrl('https://demarches.example.fr/l.json', PAGE).pathname).toBe('/l.json');
    for (const [address, code] of [
      ['https://autre.example.fr/lieux.csv', 'other-origin'],
      ['http://demarches.example.fr/lieux.csv', 'other-origin'],
      ['//cdn.example.net/lieux.csv', 'other-origin'],
      ['data:text/csv,id', 'bad-url'],
      ['http://[::1', 'bad-url'],
    ] as const) {
      expect(() => sitePlacesUrl(address, PAGE), address).toThrow(SitePlacesError);
      try {
        sitePlacesUrl(address, PAGE);
      } catch (e) {
        expect((e as SitePlacesError).code, address).toBe(code);
      }
    }
  });
});

describe('data-places: reading the file', () => {
  it('gives the good places, same-origin fetch only, and writes each bad row for the developers', async () => {
    const site = server({ 'https://demarches.example.fr/lieux.csv': { status: 200, body: CSV } });
    const lines: string[] = [];
    const places = await loadSitePlaces('/lieux.csv', {
      ...PAGE,
      fetch: site.fetch,
      report: (t) => lines.push(t),
    });
    expect(places.map((p) => p.id)).toEqual(['ok-1']);
    expect(site.asked).toEqual([
      { url: 'https://demarches.example.fr/lieux.csv', init: { mode: 'same-origin' } },
    ]);
    expect(lines).toEqual([
      [
        '[Pas à pas] data-places « /lieux.csv » : 1 ligne(s) mal écrite(s), laissée(s) de côté : / 1 badly written row(s), left out:',
        '  - Ligne 3 : le code postal doit avoir 5 chiffres. / Line 3: the postcode must have 5 digits.',
      ].join('\n'),
    ]);
  });

  it('reads the JSON form of the schema too', async () => {
    const json = JSON.stringify([
      {
        id: 'j-1',
        nom: 'Médiathèque',
        adresse: '1 rue',
        code_postal: 75011,
        commune: 'Paris',
        services: ['Aide'],
      },
    ]);
    const site = server({ 'https://demarches.example.fr/aide/lieux.json': { status: 200, body: json } });
    const places = await loadSitePlaces('lieux.json', { ...PAGE, fetch: site.fetch, report: () => {} });
    expect(places.map((p) => [p.id, p.code_postal])).toEqual([['j-1', '75011']]);
  });

  it('asks nothing of another origin, and says why', async () => {
    const site = server({});
    const lines: string[] = [];
    const error = await failure(
      loadSitePlaces('https://tiers.example.net/lieux.csv', {
        ...PAGE,
        fetch: site.fetch,
        report: (t) => lines.push(t),
      }),
    );
    expect(error.code).toBe('other-origin');
    expect(site.asked).toEqual([]);
    expect(lines).toEqual([
      '[Pas à pas] data-places « https://tiers.example.net/lieux.csv » : le fichier doit être sur le même site que la page (même origine) : il n’a pas été demandé. / the file must be on the same site as the page (same origin): it was not requested.',
    ]);
  });

  it('a missing file, an unreachable one, one that is no places file, one with no good row: each typed and told', async () => {
    const cases: [string, Parameters<typeof server>[0], string, RegExp][] = [
      [
        '/absent.csv',
        { 'https://demarches.example.fr/absent.csv': { status: 404, body: '' } },
        'http',
        /le serveur a répondu 404/,
      ],
      [
        '/loin.csv',
        { 'https://demarches.example.fr/loin.csv': 'offline' },
        'unreachable',
        /redirection vers un autre site/,
      ],
      [
        '/notes.txt',
        { 'https://demarches.example.fr/notes.txt': { status: 200, body: 'bonjour\nau revoir' } },
        'file',
        /Le fichier n’est ni un CSV ni une liste JSON de lieux\. \/ The file is neither a CSV nor a JSON list of places\./,
      ],
      [
        '/tous-faux.csv',
        {
          'https://demarches.example.fr/tous-faux.csv': {
            status: 200,
            body: CSV.split('\n')
              .filter((l) => !l.startsWith('ok-1'))
              .join('\n'),
          },
        },
        'no-place',
        /aucun lieu n’est bien écrit\. \/ no place is well written\.\n {2}- Ligne 2 : le code postal doit avoir 5 chiffres\./,
      ],
    ];
    for (const [address, answers, code, text] of cases) {
      const lines: string[] = [];
      const error = await failure(
        loadSitePlaces(address, { ...PAGE, fetch: server(answers).fetch, report: (t) => lines.push(t) }),
      );
      expect(error.code, address).toBe(code);
      expect(error.message, address).toContain(`data-places « ${address} »`);
      expect(lines.length, address).toBe(1);
      expect(lines[0], address).toMatch(text);
    }
  });

  it('does not flood the console with a whole file of bad rows', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ row: i + 2, field: 'nom', code: 'required' }));
    const text = sitePlacesProblemText('/l.csv', rows);
    expect(text.split('\n')).toHaveLength(1 + 20 + 1);
    expect(text).toContain('… 10 de plus / 10 more');
  });
});

describe('the widget’s places: the site’s file and its catalog’s', () => {
  const catalogPlace = {
    id: 'cat-1',
    nom: 'Médiathèque du catalogue',
    adresse: '1 rue du Catalogue',
    code_postal: '75020',
    commune: 'Paris',
    services: ['Aide aux démarches administratives'],
  };
  const catalog = (places: unknown) => ({ url: '/catalogue.json', name: 'Réseau du site', places });
  const site = () => server({ 'https://demarches.example.fr/lieux.csv': { status: 200, body: CSV } });

  it('none given: none, and nothing asked', async () => {
    const { fetch, asked } = site();
    expect(await loadWidgetPlaces({}, { ...PAGE, fetch })).toBe('none');
    expect(asked).toEqual([]);
  });

  it('the file’s places, then the catalog’s (its name kept), an id already given told', async () => {
    const lines: string[] = [];
    const places = await loadWidgetPlaces(
      { file: '/lieux.csv', catalog: catalog([catalogPlace, { ...catalogPlace, id: 'ok-1' }]) },
      { ...PAGE, fetch: site().fetch, report: (t) => lines.push(t) },
    );
    expect(places === 'none' ? [] : places.map((p) => [p.id, 'catalog' in p ? p.catalog : 'file'])).toEqual([
      ['ok-1', 'file'],
      ['cat-1', 'Réseau du site'],
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      [
        '[Pas à pas] data-catalog « /catalogue.json » : 1 lieu(x) du catalogue mal écrit(s), laissé(s) de côté / 1 badly written catalog place(s), left out:',
        '  - Lieu numéro 2 : l’identifiant « ok-1 » est déjà utilisé plus haut. / Place no. 2: the id “ok-1” is already used above.',
      ].join('\n'),
    );
  });

  it('a broken file beside a good catalog: the catalog’s places, the file’s error told', async () => {
    const lines: string[] = [];
    const places = await loadWidgetPlaces(
      { file: '/absent.csv', catalog: catalog([catalogPlace]) },
      { ...PAGE, fetch: site().fetch, report: (t) => lines.push(t) },
    );
    expect(places === 'none' ? [] : places.map((p) => p.id)).toEqual(['cat-1']);
    expect(lines).toEqual([
      '[Pas à pas] data-places « /absent.csv » : le fichier n’a pas pu être lu (réseau, ou redirection vers un autre site). / the file could not be read (network, or a redirect to another site).',
    ]);
  });

  it('a catalog whose places are no list, and no file: a typed error, told', async () => {
    const lines: string[] = [];
    const error = await loadWidgetPlaces(
      { catalog: catalog({ lieux: [] }) },
      { ...PAGE, fetch: site().fetch, report: (t) => lines.push(t) },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlacesFileError);
    expect(lines).toEqual([
      '[Pas à pas] data-catalog « /catalogue.json » : Les lieux du catalogue ne sont pas une liste : aucun n’a été lu. / The catalog’s places are not a list: none was read.',
    ]);
  });
});
