/**
 * At run time the element a step resolves to is checked again: a guide whose clues look harmless
 * (`id: "c3"`) still never points at a password, card or one-time-code field.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Guide } from '../../../utils/guides/format.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';
import { isSensitiveElement } from '../../../utils/guides/sensitive-target.ts';
import { createGuideSession, type GuideSession } from '../../../utils/guides/session.ts';

function guideFor(target: Record<string, string>): Guide {
  const parsed = parseGuide({
    formatVersion: 1,
    id: 'fr.test.secret',
    version: '1.0.0',
    title: { fr: 'Essai' },
    summary: { fr: 'Essai' },
    publisher: { name: 'Essai' },
    matches: { urls: ['https://exemple.fr/*'] },
    documents: [],
    glossary: [],
    steps: [
      { id: 'champ', title: { fr: 'Champ' }, body: { fr: 'x' }, target, done: { kind: 'field-filled' } },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path} ${e.code}`).join('; '));
  return parsed.guide;
}

const PAGE = `<main>
  <label for="c1">Champ 1</label><input id="c1" type="password">
  <label for="c2">Champ 2</label><input id="c2" autocomplete="one-time-code">
  <div class="fr-password"><label for="c3">Champ 3</label><input id="c3" type="text"></div>
  <label for="c4">Champ 4</label><input id="c4" name="cc-num" autocomplete="cc-number">
  <label for="c5">Mot de passe</label><input id="c5">
  <label for="c6">Nom</label><input id="c6" name="nom" autocomplete="family-name">
  <input id="c7" type="checkbox" aria-label="Afficher le mot de passe">
  <button id="c8" type="submit">Envoyer</button>
</main>`;

const sessions: GuideSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

function start(dom: JSDOM, target: Record<string, string>, waitMs = 50) {
  const session = createGuideSession(guideFor(target), {
    doc: dom.window.document,
    win: dom.window as unknown as Window,
    waitMs,
  });
  sessions.push(session);
  return session;
}

describe('isSensitiveElement', () => {
  it.each([
    ['c1', true],
    ['c2', true],
    ['c3', true],
    ['c4', true],
    ['c5', true],
    ['c6', false],
    ['c7', false],
    ['c8', false],
  ])('#%s → %s', (id, expected) => {
    const doc = new JSDOM(PAGE).window.document;
    const el = doc.getElementById(id);
    if (!el) throw new Error(id);
    expect(isSensitiveElement(el)).toBe(expected);
  });

  it('a group holding a secret field is sensitive', () => {
    const doc = new JSDOM(PAGE).window.document;
    expect(isSensitiveElement(doc.querySelector('.fr-password') as Element)).toBe(true);
  });
});

describe('a step never points at a secret field on the page', () => {
  it.each(['c1', 'c2', 'c3', 'c4', 'c5'])('#%s: no element, the session says why', (id) => {
    const session = start(new JSDOM(PAGE, { url: 'https://exemple.fr/a' }), { id });
    expect(session.view()).toMatchObject({ target: 'sensitive', element: null });
    expect(session.focusTarget()).toBe(false);
  });

  it('a harmless field is still found', () => {
    const session = start(new JSDOM(PAGE, { url: 'https://exemple.fr/a' }), { id: 'c6' });
    expect(session.view().target).toBe('found');
    expect(session.view().element?.id).toBe('c6');
  });

  it('also when the secret field appears after the step started', async () => {
    const dom = new JSDOM('<main></main>', { url: 'https://exemple.fr/a' });
    const session = start(dom, { id: 'late' }, 2000);
    expect(session.view().target).toBe('searching');
    const seen = new Promise<string>((resolve) => {
      session.subscribe((view) => {
        if (view.target !== 'searching') resolve(view.target);
      });
    });
    dom.window.document
      .querySelector('main')
      ?.insertAdjacentHTML('beforeend', '<input id="late" type="password">');
    expect(await seen).toBe('sensitive');
    expect(session.view().element).toBeNull();
  });
});
