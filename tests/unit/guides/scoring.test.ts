/**
 * The scoring resolver, both ways: it finds the field a person would still recognise, and it
 * refuses (ambiguous or missing, nothing pointed at) where it cannot be sure. Table tests.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureClues } from '../../../utils/guides/clues.ts';
import type { Target } from '../../../utils/guides/format.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';
import {
  decideTarget,
  describeTarget,
  isStrictValidator,
  resolveTarget,
} from '../../../utils/guides/target.ts';
import { textSimilarity } from '../../../utils/guides/words.ts';
import { demoGuide } from './helpers.ts';

const load = (body: string) =>
  new JSDOM(`<!doctype html><html lang="fr"><body><main>${body}</main></body></html>`, {
    url: 'https://exemple.fr/demande',
  }).window.document;

const field = (id: string, label: string, extra = '', hint = '') =>
  `<div class="fr-input-group"><label class="fr-label" for="${id}">${label}${
    hint ? `<span class="fr-hint-text">${hint}</span>` : ''
  }</label><input class="fr-input" id="${id}" name="${id}" ${extra}></div>`;

/** Records the target of `id` on `page` with the recorder's own capture. */
function record(page: string, id: string): Target {
  const result = captureClues(load(page).getElementById(id) as Element);
  if (!result.ok) throw new Error(result.reason);
  return { clues: result.clues };
}

describe('words as a person reads them', () => {
  it.each([
    ['Numéro fiscal', 'N° fiscal', 1],
    ['Numéro fiscal', 'numero FISCAL :', 1],
    ['Date de naissance', 'Naissance (date)', 0.95],
    ['Nombre d’enfants à charge', "Nombre d'enfant(s) à charge", 1],
    ['Adresse électronique', 'Adresse e-mail', 0.5],
    ['Adresse e-mail', 'Courriel (adresse)', 0.95],
  ])('%s ≈ %s: %s', (a, b, expected) => {
    expect(textSimilarity(a, b)).toBeCloseTo(expected, 2);
  });

  it.each([
    ['Nom de l’enfant', 'Nom du parent'],
    ['Numéro de passeport', 'Numéro fiscal'],
    ['IBAN', 'BIC'],
    ['Numéro de sécurité sociale', 'Numéro de téléphone'],
  ])('%s is not %s (below the threshold)', (a, b) => {
    expect(textSimilarity(a, b)).toBeLessThan(0.6);
  });
});

const CHILD_PAGE = `<form><h2>Votre enfant</h2>${field('nom-enfant', 'Nom de l’enfant', 'autocomplete="family-name"')}${field('prenom-enfant', 'Prénom de l’enfant')}</form>`;

type Case = [
  string,
  () => { target: Target; page: string; strict?: boolean },
  string | 'ambiguous' | 'missing',
];

const CASES: Case[] = [
  // Found: what a person would still recognise.
  [
    'the page as recorded',
    () => ({ target: record(CHILD_PAGE, 'nom-enfant'), page: CHILD_PAGE }),
    'nom-enfant',
  ],
  [
    'ids and names renamed',
    () => ({
      target: record(CHILD_PAGE, 'nom-enfant'),
      page: CHILD_PAGE.replace(/nom-enfant/g, 'f1').replace(/prenom-enfant/g, 'f2'),
    }),
    'f1',
  ],
  [
    'a similar field inserted before ("Nom du parent")',
    () => ({
      target: record(CHILD_PAGE, 'nom-enfant'),
      page: `<form><h2>Votre enfant</h2>${field('nom-parent', 'Nom du parent', 'autocomplete="family-name"')}${CHILD_PAGE.slice(29)}`,
    }),
    'nom-enfant',
  ],
  [
    'a look-alike inserted before takes the field’s id and name (a site that numbers its fields)',
    () => ({
      target: record(
        `<h2>Votre identité</h2><form>${field('nom', 'Nom de naissance', 'autocomplete="family-name"', 'Comme sur la pièce d’identité')}</form>`,
        'nom',
      ),
      page: `<h2>Votre identité</h2><form>${field('nom', 'Nom de naissance du conjoint', 'autocomplete="family-name"', 'Comme sur la pièce d’identité')}${field('nom-2', 'Nom de naissance', 'autocomplete="family-name"', 'Comme sur la pièce d’identité')}</form>`,
    }),
    'nom-2',
  ],
  [
    'label reworded (word order, punctuation, N°) and ids renamed',
    () => ({
      target: record(
        `<form>${field('fiscal', 'Numéro fiscal')}${field('ref', 'Référence de l’avis')}</form>`,
        'fiscal',
      ),
      page: `<form>${field('a1', 'Référence de l’avis')}${field('a2', 'Fiscal (N°) :')}</form>`,
      strict: true,
    }),
    'a2',
  ],
  [
    'hand-written { label } on a page with a longer label too',
    () => ({
      target: { label: 'Nom' },
      page: `<form>${field('a', 'Nom d’usage')}${field('b', 'Nom')}</form>`,
    }),
    'b',
  ],
  [
    'hand-written name and label agreeing, sensitive step',
    () => ({
      target: { name: 'iban', label: 'IBAN' },
      page: `<form>${field('titulaire', 'Titulaire du compte')}${field('iban', 'IBAN')}${field('bic', 'BIC')}</form>`,
      strict: true,
    }),
    'iban',
  ],
  // Refused: a step that cannot tell the field says so.
  [
    'only the look-alike left ("Nom du parent", the child’s field gone)',
    () => ({
      target: record(CHILD_PAGE, 'nom-enfant'),
      page: `<form><h2>Votre enfant</h2>${field('nom-parent', 'Nom du parent', 'autocomplete="family-name"')}${field('prenom-enfant', 'Prénom de l’enfant')}</form>`,
    }),
    'missing',
  ],
  [
    'two fields the recorded clues cannot tell apart',
    () => ({
      target: { clues: { label: 'Nom', tag: 'input' } },
      page: `<form><h2>Parent</h2>${field('a', 'Nom')}<h2>Enfant</h2>${field('b', 'Nom')}</form>`,
    }),
    'ambiguous',
  ],
  [
    'hand-written { label } with two equal fields on a sensitive step',
    () => ({
      target: { label: 'Numéro fiscal' },
      page: `<form>${field('a', 'Numéro fiscal')}${field('b', 'Numéro fiscal')}</form>`,
      strict: true,
    }),
    'ambiguous',
  ],
  [
    'name and label pointing at two fields on a sensitive step (the site swapped them)',
    () => ({
      target: { name: 'iban', label: 'IBAN' },
      page: `<form><label for="x">BIC</label><input id="x" name="iban"><label for="y">IBAN</label><input id="y" name="compte"></form>`,
      strict: true,
    }),
    'ambiguous',
  ],
  [
    'a recorded button never becomes a field with the same words',
    () => ({
      target: record('<form><button id="go" type="submit">Continuer</button></form>', 'go'),
      page: `<form>${field('go', 'Continuer')}</form>`,
    }),
    'missing',
  ],
  [
    'a sensitive step whose field is gone, with a field sharing a word',
    () => ({
      target: record(`<form>${field('nir', 'Numéro de sécurité sociale', '', '15 chiffres')}</form>`, 'nir'),
      page: `<form>${field('tel', 'Numéro de téléphone', '', '10 chiffres')}</form>`,
      strict: true,
    }),
    'missing',
  ],
];

describe('decideTarget, both ways', () => {
  it.each(CASES)('%s → %s', (_what, make, expected) => {
    const { target, page, strict } = make();
    const decision = decideTarget(target, load(page), { strict });
    if (expected === 'ambiguous' || expected === 'missing') {
      expect(decision.status).toBe(expected);
      expect(decision.element).toBeUndefined();
      expect(resolveTarget(target, load(page), { strict })).toBeNull();
    } else {
      expect(decision).toMatchObject({ status: 'found', element: { id: expected } });
      expect(decision.score - decision.runnerUp).toBeGreaterThanOrEqual(decision.margin - 1e-9);
      expect(decision.score).toBeGreaterThanOrEqual(decision.threshold);
    }
  });

  it('gives the decision for tests and the health check: score, runner-up, clues, candidates', () => {
    // Ids renamed: the page's texts are all read, so the look-alike is among the candidates.
    const page =
      `<form><h2>Votre enfant</h2>${field('nom-parent', 'Nom du parent')}${CHILD_PAGE.slice(29)}`.replace(
        /nom-enfant/g,
        'f1',
      );
    const decision = decideTarget(record(CHILD_PAGE, 'nom-enfant'), load(page));
    expect(decision).toMatchObject({ status: 'found', mode: 'captured', strict: false });
    expect(decision.matchedClues).toEqual(
      expect.arrayContaining(['label', 'accessibleName', 'heading', 'type']),
    );
    expect(decision.candidates[0]?.element.id).toBe('f1');
    expect(decision.candidates.map((c) => c.element.id)).toContain('nom-parent');
    expect(decision.runnerUp).toBeGreaterThan(0);
    expect(decision.runnerUp).toBeLessThan(decision.score);
  });

  it('asks more of sensitive steps: same page, same clues, refused only when strict', () => {
    // Ids renamed, hint and heading changed: only the label and the field's place still agree.
    const target = record(
      `<h2>Vos revenus</h2><form>${field('fiscal', 'Numéro fiscal', '', '13 chiffres')}</form>`,
      'fiscal',
    );
    const page = `<h2>Impôts</h2><form>${field('x', 'Numéro fiscal', '', 'Sur votre avis')}</form>`;
    const normal = decideTarget(target, load(page));
    expect(normal).toMatchObject({ status: 'found', element: { id: 'x' } });
    expect(normal.score).toBeLessThan(0.7);
    expect(decideTarget(target, load(page), { strict: true }).status).toBe('missing');
    expect(['iban', 'nir', 'fiscal-number', 'caf-number'].every(isStrictValidator)).toBe(true);
    expect(['email', 'postcode', undefined].some(isStrictValidator)).toBe(false);
  });
});

/**
 * Sites that number their fields give a field inserted before ours the id and name ours had. The
 * label then says which is which, as it does for a person; but only when nothing else the field
 * says or where it sits speaks for the id's new owner, and never between two equals.
 */
describe('an id and name the site gave to another field', () => {
  const HINT = 'Comme sur la pièce d’identité';
  const part = (legend: string, fields: string) => `<fieldset><legend>${legend}</legend>${fields}</fieldset>`;
  const identity = (...parts: string[]) => `<h2>Votre identité</h2><form>${parts.join('')}</form>`;
  const RECORDED = identity(
    part('Vous', `${field('nom', 'Nom de naissance', '', HINT)}${field('prenom', 'Prénom', '', HINT)}`),
  );

  it('follows the label when the look-alike that took them says other words, and says what it set aside', () => {
    const page = identity(
      part(
        'Vous',
        `${field('nom', 'Nom de naissance du parent', '', HINT)}${field('nom-2', 'Nom de naissance', '', HINT)}${field('prenom', 'Prénom', '', HINT)}`,
      ),
    );
    const decision = decideTarget(record(RECORDED, 'nom'), load(page));
    expect(decision).toMatchObject({ status: 'found', element: { id: 'nom-2' } });
    expect(decision.setAside).toEqual(['id', 'name']);
    expect(decision.matchedClues).toEqual(expect.arrayContaining(['label', 'hint', 'group', 'heading']));
    expect(decision.score - decision.runnerUp).toBeGreaterThanOrEqual(decision.margin);
    // The look-alike is still a candidate, far behind: its label is not the recorded one.
    expect(decision.candidates.find((c) => c.element.id === 'nom')?.score).toBeLessThan(0.5);
  });

  it('does so on a sensitive step too (« IBAN du conjoint » took the IBAN’s id and name)', () => {
    const account = (fields: string) => `<h2>Votre banque</h2><form>${part('Votre compte', fields)}</form>`;
    const hint = '27 caractères pour un compte en France';
    const target = record(account(field('iban', 'IBAN', '', hint)), 'iban');
    const page = account(
      `${field('iban', 'IBAN du conjoint', '', hint)}${field('iban-2', 'IBAN', '', hint)}`,
    );
    expect(decideTarget(target, load(page), { strict: true })).toMatchObject({
      status: 'found',
      element: { id: 'iban-2' },
      setAside: ['id', 'name'],
    });
  });

  it('follows the labels when two fields swapped their ids and names', () => {
    const page = identity(
      part('Vous', `${field('prenom', 'Nom de naissance', '', HINT)}${field('nom', 'Prénom', '', HINT)}`),
    );
    expect(decideTarget(record(RECORDED, 'nom'), load(page))).toMatchObject({
      status: 'found',
      element: { id: 'prenom' },
    });
    expect(decideTarget(record(RECORDED, 'prenom'), load(page))).toMatchObject({
      status: 'found',
      element: { id: 'nom' },
    });
  });

  // Refused: the label alone does not settle it.
  it.each([
    [
      'the only field with the recorded label sits in another part of the page (the partner’s)',
      identity(
        part('Vous', field('nom', 'Nom de naissance ou d’usage', '', HINT)),
        part('Votre conjoint', field('nom-conjoint', 'Nom de naissance', '', HINT)),
      ),
    ],
    [
      'the only field with the recorded label is under another heading',
      `<h2>Votre identité</h2><form>${part('Vous', field('nom', 'Nom de naissance ou d’usage', '', HINT))}</form><h2>Votre enfant</h2><form>${part('Vous', field('nom-enfant', 'Nom de naissance', '', HINT))}</form>`,
    ],
    [
      'two fields have the recorded label',
      identity(
        part(
          'Vous',
          `${field('nom', 'Nom de naissance du parent', '', HINT)}${field('a', 'Nom de naissance', '', HINT)}${field('b', 'Nom de naissance', '', HINT)}`,
        ),
      ),
    ],
    [
      'the field with the recorded label has another hint, the id’s owner the recorded one',
      identity(
        part(
          'Vous',
          `${field('nom', 'Nom de naissance du parent', '', HINT)}${field('nom-2', 'Nom de naissance', '', 'Celui de votre entreprise')}`,
        ),
      ),
    ],
    [
      'the id’s owner has no visible label to disagree with (aria-label only)',
      identity(
        part(
          'Vous',
          `<input id="nom" name="nom" aria-label="Nom de naissance du parent">${field('nom-2', 'Nom de naissance', '', HINT)}`,
        ),
      ),
    ],
  ])('%s', (_what, page) => {
    const decision = decideTarget(record(RECORDED, 'nom'), load(page), { strict: true });
    expect(decision.status).not.toBe('found');
    expect(decision.element).toBeUndefined();
    expect(decision.setAside).toEqual([]);
  });
});

describe('the field in words, when it is not found', () => {
  it('says its kind, its label and what it sits under', () => {
    const page = `<h2>Vos revenus</h2><form>${field('fiscal', 'Numéro fiscal')}</form>`;
    expect(describeTarget(record(page, 'fiscal'))).toEqual({
      kind: 'field',
      label: 'Numéro fiscal',
      under: 'Vos revenus',
    });
    expect(describeTarget({ label: 'IBAN' })).toEqual({ kind: null, label: 'IBAN' });
    expect(describeTarget({ id: 'x1' })).toBeNull();
  });
});

describe('the guide format with captured clues', () => {
  const withTarget = (target: unknown) => {
    const guide = demoGuide();
    guide.steps[1].target = target;
    return parseGuide(guide);
  };

  it('accepts a target with captured clues, and old targets as before', () => {
    const page = `<h2>Vos revenus</h2><form>${field('fiscal', 'Numéro fiscal', 'autocomplete="off"', '13 chiffres')}</form>`;
    expect(withTarget({ ...record(page, 'fiscal'), name: 'fiscal' })).toMatchObject({ ok: true });
    expect(withTarget({ label: 'Numéro fiscal' })).toMatchObject({ ok: true });
  });

  it('refuses clues that name nothing, clues of a secret field, and unknown clue properties', () => {
    expect(withTarget({ clues: { path: 'form > input', tag: 'input' } })).toMatchObject({
      ok: false,
      errors: [{ code: 'target-empty' }],
    });
    expect(withTarget({ clues: { label: 'Code', type: 'password', tag: 'input' } })).toMatchObject({
      ok: false,
      errors: [{ code: 'target-sensitive', path: expect.stringContaining('clues') }],
    });
    expect(withTarget({ clues: { label: 'Nom', value: 'Dupont' } })).toMatchObject({ ok: false });
  });
});
