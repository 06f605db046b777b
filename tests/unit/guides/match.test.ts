import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  currentStepIndex,
  guideMatches,
  pageConditionHolds,
  parseMatchPattern,
  patternMatchesUrl,
  stepApplies,
} from '../../../utils/guides/match.ts';
import { type Guide, parseGuide } from '../../../utils/guides/schema.ts';
import { demoGuide, fixturePath } from './helpers.ts';

describe('match patterns', () => {
  const cases: Array<[string, string, boolean]> = [
    ['<all_urls>', 'https://www.caf.fr/x', true],
    ['<all_urls>', 'file:///tmp/a.html', true],
    ['<all_urls>', 'chrome://settings', false],
    ['*://*.example.fr/path*', 'https://example.fr/path', true],
    ['*://*.example.fr/path*', 'http://a.b.example.fr/path/x?y=1', true],
    ['*://*.example.fr/path*', 'https://badexample.fr/path', false],
    ['*://*.example.fr/path*', 'https://example.fr/other', false],
    ['*://*.example.fr/path*', 'ftp://example.fr/path', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:5173/demande', true],
    ['http://127.0.0.1/*', 'https://127.0.0.1/demande', false],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:5173/', false],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:8080/', true],
    ['https://*/*', 'https://n-importe.fr/', true],
    ['https://www.impots.gouv.fr/*declaration*', 'https://www.impots.gouv.fr/portail/declaration?x', true],
    ['https://www.impots.gouv.fr/*declaration*', 'https://www.impots.gouv.fr/portail/#declaration', false],
    ['https://www.impots.gouv.fr/a/?q=1', 'https://www.impots.gouv.fr/a/?q=1', true],
    ['https://a.fr/*', 'not a url', false],
  ];
  it.each(cases)('%s vs %s → %s', (pattern, url, expected) => {
    expect(patternMatchesUrl(pattern, url)).toBe(expected);
  });

  it('rejects malformed patterns', () => {
    for (const bad of [
      '',
      'https://a.fr',
      'a.fr/*',
      'https://a*.fr/*',
      'gopher://a.fr/*',
      'https://*foo.fr/*',
      'file://host/x',
    ]) {
      expect(parseMatchPattern(bad), bad).toBeNull();
    }
    expect(parseMatchPattern('file:///home/*')).not.toBeNull();
  });
});

function page(html: string, url: string) {
  return new JSDOM(html, { url }).window.document;
}

function guideWith(steps: unknown[]): Guide {
  const json = demoGuide();
  json.steps = steps;
  const parsed = parseGuide(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.guide;
}

const step = (id: string, when?: object) => ({
  id,
  ...(when ? { when } : {}),
  title: { fr: id },
  body: { fr: id },
  done: { kind: 'confirmed' },
});

describe('guideMatches and stepApplies', () => {
  const formHtml = readFileSync(fixturePath('dsfr-form.html'), 'utf8');

  it('matches the demo guide on the demo form, not elsewhere', () => {
    const parsed = parseGuide(demoGuide());
    if (!parsed.ok) throw new Error('fixture');
    const url = 'http://127.0.0.1:5173/logement';
    expect(guideMatches(parsed.guide, { url, document: page(formHtml, url) })).toBe(true);
    // page.hasForm: true, and this page has none
    expect(guideMatches(parsed.guide, { url, document: page('<h1>Accueil</h1>', url) })).toBe(false);
    expect(
      guideMatches(parsed.guide, { url: 'https://autre.fr/logement/', document: page(formHtml, url) }),
    ).toBe(false);
  });

  it('evaluates heading text loosely (case, accents, apostrophes)', () => {
    const url = 'http://127.0.0.1/';
    const doc = page('<h2>Votre  SITUATION   familiale</h2><legend>L’adresse</legend>', url);
    expect(pageConditionHolds({ headingText: 'votre situation familiale' }, { url, document: doc })).toBe(
      true,
    );
    expect(pageConditionHolds({ headingText: "l'adresse" }, { url, document: doc })).toBe(true);
    expect(pageConditionHolds({ headingText: 'Vos revenus' }, { url, document: doc })).toBe(false);
    expect(pageConditionHolds({ hasSelector: 'h2' }, { url, document: doc })).toBe(true);
    expect(pageConditionHolds({ hasSelector: '###' }, { url, document: doc })).toBe(false);
    // DOM conditions need a document
    expect(pageConditionHolds({ headingText: 'x' }, { url })).toBe(false);
    expect(pageConditionHolds({ urlPattern: 'http://127.0.0.1/*' }, { url })).toBe(true);
  });

  it('finds the step for the current page, forwards then backwards', () => {
    const guide = guideWith([
      step('intro'),
      step('revenus', { headingText: 'Vos revenus' }),
      step('adresse', { headingText: 'Votre adresse' }),
      step('fin', { urlPattern: 'http://127.0.0.1/fin*' }),
    ]);
    const url = 'http://127.0.0.1/demande';
    const revenus = { url, document: page('<h1>Vos revenus</h1>', url) };
    const adresse = { url, document: page('<h1>Votre adresse</h1>', url) };
    const fin = { url: 'http://127.0.0.1/fin', document: page('<h1>Merci</h1>', 'http://127.0.0.1/fin') };
    expect(currentStepIndex(guide, revenus, 0)).toBe(0); // intro applies everywhere
    expect(currentStepIndex(guide, revenus, 1)).toBe(1);
    expect(currentStepIndex(guide, adresse, 1)).toBe(2);
    expect(currentStepIndex(guide, fin, 1)).toBe(3);
    expect(currentStepIndex(guide, revenus, 3)).toBe(1); // went back
    expect(currentStepIndex(guide, { url: 'http://127.0.0.1/x', document: page('<p>', url) }, 2)).toBe(-1);
    expect(stepApplies(guide.steps[1] as Guide['steps'][number], adresse)).toBe(false);
  });
});
