/**
 * The guide session on real demo pages (rendered by the demo server, loaded in jsdom): loading the
 * bundled guides, picking the one for the page, following typed values, clicks and page changes,
 * and keeping the position between the pages of the procedure.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, requestInterceptor } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';
import type { FetchLike } from '../../../utils/guides/catalog.ts';
import { checkField, checkMessage, readValue } from '../../../utils/guides/field-value.ts';
import type { Guide } from '../../../utils/guides/format.ts';
import { GuideLoadError, loadGuides, loadProblemText } from '../../../utils/guides/loading.ts';
import { guidesForPage } from '../../../utils/guides/match.ts';
import { positionKey, readPosition } from '../../../utils/guides/position-store.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';
import { createGuideSession, type GuideSession, type SessionView } from '../../../utils/guides/session.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const GUIDES = path.join(ROOT, 'public/guides');
const BASE = 'https://aide.exemple.fr/pasapas/guides/';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const housingText = () => readFileSync(path.join(GUIDES, 'fr.demo.aide-logement.json'), 'utf8');
function housing(): Guide {
  const parsed = parseGuide(JSON.parse(housingText()));
  if (!parsed.ok) throw new Error('the built-in guide must parse');
  return parsed.guide;
}

/** A fetch over an in-memory set of files; records what was asked. */
function fakeFetch(files: Record<string, string>, asked: string[] = []): FetchLike {
  return async (url) => {
    asked.push(url);
    const body = files[url];
    if (body === undefined)
      return {
        status: 404,
        ok: false,
        headers: { get: () => null },
        arrayBuffer: async () => new ArrayBuffer(0),
      };
    const bytes = new TextEncoder().encode(body);
    return { status: 200, ok: true, headers: { get: () => null }, arrayBuffer: async () => bytes.buffer };
  };
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing in the test page');
  return value;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

async function loadPage(url: string): Promise<JSDOM> {
  const dom = await JSDOM.fromURL(url, {
    resources: {
      interceptors: [
        requestInterceptor((_request, { element }) =>
          element?.localName === 'link' || element?.localName === 'script'
            ? new Response('', { headers: { 'content-type': 'text/plain' } })
            : undefined,
        ),
      ],
    },
  });
  if (dom.window.document.readyState !== 'complete')
    await new Promise((resolve) => dom.window.addEventListener('load', resolve));
  return dom;
}

const sessions: GuideSession[] = [];
function start(dom: JSDOM, storage = memoryStorage(), waitMs = 80) {
  const session = createGuideSession(housing(), {
    doc: dom.window.document,
    win: dom.window as unknown as Window,
    storage,
    waitMs,
  });
  sessions.push(session);
  return session;
}
afterAll(() => {
  for (const s of sessions) s.dispose();
});

function type(dom: JSDOM, name: string, value: string, commit = true) {
  const el = dom.window.document.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  el.value = value;
  el.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  if (commit) el.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
}

const stepOf = (s: GuideSession) => s.view().state.step?.id;

describe('loadGuides', () => {
  it('loads the built-in catalog, checking each hash', async () => {
    const index = readFileSync(path.join(GUIDES, 'index.json'), 'utf8');
    const files: Record<string, string> = { [`${BASE}index.json`]: index };
    for (const name of ['fr.demo.aide-logement.json', 'fr.demo.cantine.json', 'fr.demo.emploi.json'])
      files[BASE + name] = readFileSync(path.join(GUIDES, name), 'utf8');
    const { guides, problems } = await loadGuides(BASE, fakeFetch(files));
    expect(problems).toEqual([]);
    expect(guides.map((g) => g.id).sort()).toEqual([
      'fr.demo.aide-logement',
      'fr.demo.cantine',
      'fr.demo.emploi',
    ]);
  });

  it('skips a changed guide, a broken guide and a guide from elsewhere, with plain messages', async () => {
    const good = housingText();
    const broken = JSON.parse(good);
    broken.id = 'fr.demo.casse';
    broken.steps[1].body.fr = '<script>alert(1)</script>';
    const brokenText = JSON.stringify(broken);
    const index = {
      formatVersion: 1,
      name: 'essai',
      updated: '2026-11-23T00:00:00.000Z',
      guides: [
        { id: 'fr.demo.aide-logement', version: '1.0.0', url: 'a.json', sha256: sha(good) },
        { id: 'fr.demo.change', version: '1.0.0', url: 'b.json', sha256: sha('autre chose') },
        { id: 'fr.demo.casse', version: '1.0.0', url: 'c.json', sha256: sha(brokenText) },
        { id: 'fr.demo.ailleurs', version: '1.0.0', url: 'https://evil.example/d.json', sha256: sha(good) },
        { id: 'fr.demo.absent', version: '1.0.0', url: 'e.json', sha256: sha(good) },
      ],
    };
    const files = {
      [`${BASE}index.json`]: JSON.stringify(index),
      [`${BASE}a.json`]: good,
      [`${BASE}b.json`]: good,
      [`${BASE}c.json`]: brokenText,
      'https://evil.example/d.json': good,
    };
    const asked: string[] = [];
    const { guides, problems } = await loadGuides(BASE, fakeFetch(files, asked));
    expect(guides.map((g) => g.id)).toEqual(['fr.demo.aide-logement']);
    expect(problems.map((p) => [p.guideId, p.code])).toEqual([
      ['fr.demo.change', 'guide-hash-mismatch'],
      ['fr.demo.casse', 'guide-invalid'],
      ['fr.demo.ailleurs', 'guide-bad-url'],
      ['fr.demo.absent', 'guide-offline'],
    ]);
    // Never fetched from another origin.
    expect(asked).not.toContain('https://evil.example/d.json');
    const lines = loadProblemText(must(problems[1]), 'fr');
    expect(lines[0]).toContain('fr.demo.casse');
    expect(lines.join('\n')).toContain('<script>');
    expect(loadProblemText(must(problems[0]), 'ar')[0]).toMatch(/[\u0600-\u06ff]/);
  });

  it('accepts a plain list of files, and reports an unreadable index', async () => {
    const files = { [`${BASE}index.json`]: '["logement.json"]', [`${BASE}logement.json`]: housingText() };
    expect((await loadGuides(BASE, fakeFetch(files))).guides).toHaveLength(1);
    const bad = await loadGuides(BASE, fakeFetch({ [`${BASE}index.json`]: '{"nope": 1}' }));
    expect(bad.problems.map((p) => p.code)).toEqual(['index-invalid']);
    // A folder without index.json has no bundled guides (the widget ships none); a server that
    // cannot be reached, or answers with an error, is a failure the tab offers to retry.
    expect(await loadGuides(BASE, fakeFetch({}))).toEqual({ guides: [], problems: [] });
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadGuides(BASE, offline)).rejects.toBeInstanceOf(GuideLoadError);
    const broken: FetchLike = async () => ({
      status: 500,
      ok: false,
      headers: { get: () => null },
      arrayBuffer: async () => new ArrayBuffer(0),
    });
    await expect(loadGuides(BASE, broken)).rejects.toBeInstanceOf(GuideLoadError);
  });
});

describe('fields', () => {
  const guide = housing();
  const nir = guide.steps.find((s) => s.id === 'nir');
  const nom = guide.steps.find((s) => s.id === 'nom');

  it('checks a value with the step validator and says what is wrong in plain words', () => {
    const short = checkField(nir, '2840575112345');
    expect(short.ok).toBe(false);
    expect(checkMessage('fr', nir, short)).toMatch(/^Il manque 2 chiffres\./);
    expect(checkField(nir, '284057511234528').ok).toBe(true);
    expect(checkMessage('fr', nir, checkField(nir, '284057511234599'))).toMatch(/clé|erreur|vérifi/i);
    expect(checkField(nir, '  ')).toMatchObject({ empty: true, ok: false });
    // No validator: filled is enough, and there is nothing to say.
    expect(checkField(nom, 'Martin')).toEqual({ value: 'Martin', empty: false, ok: true });
    expect(checkMessage('fr', nom, checkField(nom, 'Martin'))).toBe('');
  });

  it('reads radios, selects and boxes as the person sees them', async () => {
    const dom = new JSDOM(
      `<form><fieldset><input type="radio" name="r" value="a"><input type="radio" name="r" value="b" checked></fieldset>
       <select name="s"><option value="">--</option><option value="x" selected>X</option></select>
       <input type="checkbox" name="c" value="oui"><input name="t" value="texte"></form>`,
    );
    const doc = dom.window.document;
    expect(readValue(must(doc.querySelector('[name="r"]')))).toBe('b');
    expect(readValue(must(doc.querySelector('fieldset')))).toBe('b');
    expect(readValue(must(doc.querySelector('[name="s"]')))).toBe('x');
    expect(readValue(must(doc.querySelector('[name="c"]')))).toBe('');
    must(doc.querySelector<HTMLInputElement>('[name="c"]')).checked = true;
    expect(readValue(must(doc.querySelector('[name="c"]')))).toBe('oui');
    expect(readValue(must(doc.querySelector('[name="t"]')))).toBe('texte');
  });
});

describe('guide session on the demo pages', () => {
  it('matches the housing guide on its pages only', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/identite.html`);
    const ctx = { url: dom.window.location.href, document: dom.window.document };
    expect(guidesForPage([housing()], ctx).map((g) => g.id)).toEqual(['fr.demo.aide-logement']);
    expect(guidesForPage([housing()], { url: `${server.url}/emploi/identite.html`, document: null })).toEqual(
      [],
    );
  });

  it('starts at the page’s first step, follows typing and remembers the position', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/identite.html`);
    const storage = memoryStorage();
    const session = start(dom, storage);
    const views: SessionView[] = [];
    session.subscribe((v) => views.push(v));
    expect(stepOf(session)).toBe('civilite');
    expect(session.view()).toMatchObject({ target: 'found', moved: 'page' });

    const radio = must(
      dom.window.document.querySelector<HTMLInputElement>('input[name="civilite"][value="madame"]'),
    );
    radio.focus();
    radio.checked = true;
    radio.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    // A choice counts once the person leaves it.
    expect(stepOf(session)).toBe('civilite');
    must(dom.window.document.querySelector<HTMLInputElement>('[name="nom"]')).focus();
    expect(stepOf(session)).toBe('nom');
    expect(session.view().moved).toBe('auto');

    // Typing alone does not move on (the person may not be done); leaving the field does.
    type(dom, 'nom', 'Mar', false);
    expect(stepOf(session)).toBe('nom');
    type(dom, 'nom', 'Martin');
    type(dom, 'prenom', 'Léa');
    type(dom, 'date_naissance', '05/04/1984');
    expect(stepOf(session)).toBe('nir');

    type(dom, 'nir', '28405751123', false);
    expect(session.view().check).toMatchObject({ ok: false, empty: false });
    expect(checkMessage('fr', session.view().state.step, session.view().check)).toMatch(
      /^Il manque 4 chiffres\./,
    );
    type(dom, 'nir', '284057511234599');
    expect(stepOf(session)).toBe('nir'); // invalid key: stays
    type(dom, 'nir', '284057511234528');
    expect(stepOf(session)).toBe('email');
    expect(views.some((v) => v.check?.ok === false)).toBe(true);

    const stored = readPosition(storage, housing());
    expect(stored?.snapshot.done).toEqual(['civilite', 'nom', 'prenom', 'date-naissance', 'nir']);
    expect(storage.map.has(positionKey('fr.demo.aide-logement'))).toBe(true);
  });

  it('goes on from the next page of the procedure after the form was sent', async () => {
    const storage = memoryStorage();
    const first = start(await loadPage(`${server.url}/aide-logement/identite.html`), storage);
    first.goTo(first.guide.steps.findIndex((s) => s.id === 'suivant-identite'));
    expect(stepOf(first)).toBe('suivant-identite');
    first.dispose();
    // The site answered with the next page: the "page changed" step is done, the guide follows.
    const next = start(await loadPage(`${server.url}/aide-logement/foyer.html`), storage);
    expect(stepOf(next)).toBe('situation');
    expect(next.view().state.done.has('suivant-identite')).toBe(true);
    expect(next.view().moved).toBe('page');
  });

  it('says when the field is not on the page, and lets the person go on', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/identite.html`);
    dom.window.document.querySelector('[name="email"]')?.closest('.fr-input-group')?.remove();
    const session = start(dom, memoryStorage(), 60);
    session.goTo(session.guide.steps.findIndex((s) => s.id === 'email'));
    expect(session.view().target).toBe('searching');
    // The search gives up after its 60 ms: polled, however slow the machine.
    await vi.waitFor(() => expect(session.view()).toMatchObject({ target: 'missing', element: null }), {
      timeout: 10_000,
      interval: 10,
    });
    expect(session.focusTarget()).toBe(false);
    session.next();
    expect(stepOf(session)).toBe('telephone');
    expect(session.view().target).toBe('found');
    expect(session.focusTarget()).toBe(true);
    expect(dom.window.document.activeElement?.getAttribute('name')).toBe('telephone');
  });

  it('moves on when the right button is clicked, and on "C’est fait"', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/recapitulatif.html`);
    const session = start(dom);
    expect(stepOf(session)).toBe('verifier');
    session.confirm();
    expect(stepOf(session)).toBe('attestation');
    expect(session.view().state.done.has('verifier')).toBe(true);
    // A click elsewhere does nothing; a click on the box does.
    dom.window.document.querySelector<HTMLElement>('h1')?.click();
    expect(stepOf(session)).toBe('attestation');
    const box = must(dom.window.document.querySelector<HTMLInputElement>('[name="attestation_honneur"]'));
    box.focus();
    box.click();
    // A box ticked (by a click or by Space) counts once the person leaves it.
    expect(stepOf(session)).toBe('attestation');
    box.blur();
    expect(stepOf(session)).toBe('envoyer');
    session.previous();
    expect(stepOf(session)).toBe('attestation');
  });

  it('ignores a broken stored position and events from our own UI', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/foyer.html`);
    const storage = memoryStorage();
    storage.setItem(positionKey('fr.demo.aide-logement'), '{not json');
    const doc = dom.window.document;
    const ours = doc.createElement('div');
    ours.setAttribute('data-pasapas-host', '');
    doc.body.append(ours);
    const session = createGuideSession(housing(), {
      doc,
      win: dom.window as unknown as Window,
      storage,
      isOurs: (n) => ours.contains(n),
    });
    sessions.push(session);
    expect(stepOf(session)).toBe('situation');
    const select = must(doc.querySelector<HTMLSelectElement>('[name="situation"]'));
    select.value = 'celibataire';
    // Dispatched from our UI (e.g. a mirrored field): not the person acting on the page.
    const event = new dom.window.Event('change', { bubbles: true });
    ours.dispatchEvent(event);
    expect(stepOf(session)).toBe('situation');
    select.focus();
    select.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    select.blur();
    expect(stepOf(session)).toBe('enfants');
  });
});

describe('fields out of the main document', () => {
  const small = (steps: unknown[]): Guide => {
    const parsed = parseGuide({
      formatVersion: 1,
      id: 'fr.test.portee',
      version: '1.0.0',
      title: { fr: 'Essai' },
      summary: { fr: 'Essai' },
      publisher: { name: 'Essai' },
      matches: { urls: ['https://exemple.fr/*'] },
      documents: [],
      glossary: [],
      steps,
    });
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path} ${e.code}`).join('; '));
    return parsed.guide;
  };

  it('follows a field in a shadow root and one in a same-origin frame', () => {
    const dom = new JSDOM('<main><x-picker></x-picker><iframe id="cv"></iframe></main>', {
      url: 'https://exemple.fr/demarche',
    });
    const doc = dom.window.document;
    const shadow = must(doc.querySelector('x-picker')).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="ecole">École</label><input id="ecole" name="ecole">';
    const frameDoc = must((doc.getElementById('cv') as HTMLIFrameElement).contentDocument);
    frameDoc.body.innerHTML = '<input name="metier">';
    const guide = small([
      {
        id: 'ecole',
        title: { fr: 'École' },
        body: { fr: 'x' },
        target: { shadowHost: 'x-picker', name: 'ecole' },
        done: { kind: 'field-filled' },
      },
      {
        id: 'metier',
        title: { fr: 'Métier' },
        body: { fr: 'x' },
        target: { frame: '#cv', name: 'metier' },
        done: { kind: 'field-filled' },
      },
      { id: 'fin', title: { fr: 'Fin' }, body: { fr: 'x' }, done: { kind: 'confirmed' } },
    ]);
    const session = createGuideSession(guide, {
      doc,
      win: dom.window as unknown as Window,
      storage: memoryStorage(),
    });
    sessions.push(session);
    expect(session.view()).toMatchObject({ target: 'found' });
    // "change" does not leave a shadow root: the session listens there too.
    const ecole = must(shadow.querySelector<HTMLInputElement>('#ecole'));
    ecole.value = 'École Jules Ferry';
    ecole.dispatchEvent(new dom.window.Event('change', { bubbles: true, composed: false }));
    expect(stepOf(session)).toBe('metier');
    const metier = must(frameDoc.querySelector<HTMLInputElement>('[name="metier"]'));
    metier.value = 'Vendeuse';
    metier.dispatchEvent(
      new (must(frameDoc.defaultView) as unknown as typeof globalThis).Event('change', { bubbles: true }),
    );
    expect(stepOf(session)).toBe('fin');
    expect([...session.view().state.done]).toEqual(['ecole', 'metier']);
  });
});

describe('single-page apps', () => {
  it('marks a "page changed" step done when the app changes its URL, then follows the new view', async () => {
    const parsed = parseGuide({
      formatVersion: 1,
      id: 'fr.test.spa',
      version: '1.0.0',
      title: { fr: 'Essai' },
      summary: { fr: 'Essai' },
      publisher: { name: 'Essai' },
      matches: { urls: ['https://exemple.fr/*'] },
      documents: [],
      glossary: [],
      steps: [
        {
          id: 'un',
          when: { urlPattern: 'https://exemple.fr/app/un' },
          title: { fr: 'Un' },
          body: { fr: 'x' },
          done: { kind: 'page-changed' },
        },
        {
          id: 'deux',
          when: { urlPattern: 'https://exemple.fr/app/deux' },
          title: { fr: 'Deux' },
          body: { fr: 'x' },
          done: { kind: 'confirmed' },
        },
        {
          id: 'trois',
          when: { urlPattern: 'https://exemple.fr/app/trois' },
          title: { fr: 'Trois' },
          body: { fr: 'x' },
          done: { kind: 'confirmed' },
        },
      ],
    });
    if (!parsed.ok) throw new Error('test guide must parse');
    const dom = new JSDOM('<main></main>', { url: 'https://exemple.fr/app/un' });
    const win = dom.window as unknown as Window;
    const session = createGuideSession(parsed.guide, {
      doc: dom.window.document,
      win,
      storage: memoryStorage(),
    });
    sessions.push(session);
    expect(stepOf(session)).toBe('un');
    win.history.pushState(null, '', '/app/deux');
    await vi.waitFor(() => expect(stepOf(session)).toBe('deux'), { timeout: 10_000 });
    expect(session.view().state.done.has('un')).toBe(true);
    // Jumping ahead in the app: the guide goes to the step written for that view.
    win.history.pushState(null, '', '/app/trois');
    await vi.waitFor(() => expect(stepOf(session)).toBe('trois'), { timeout: 10_000 });
    expect(session.view().moved).toBe('page');
  });
});

describe('coming back', () => {
  it('back on an earlier page, or after finishing, the guide shows that page’s first open step', async () => {
    const storage = memoryStorage();
    const last = start(await loadPage(`${server.url}/aide-logement/recapitulatif.html`), storage);
    last.goTo(last.guide.steps.findIndex((s) => s.id === 'attestation'));
    last.dispose();
    const back = start(await loadPage(`${server.url}/aide-logement/identite.html`), storage);
    expect(stepOf(back)).toBe('civilite');
    expect(back.view().moved).toBe('page');
  });
});

describe('choices browsed with the keyboard count when the person leaves them', () => {
  /** What a Down arrow on a closed list does in Chrome: the next option is chosen, input and change fire. */
  function arrowDown(dom: JSDOM, select: HTMLSelectElement) {
    select.selectedIndex = Math.min(select.selectedIndex + 1, select.options.length - 1);
    select.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    select.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  }
  /** What an arrow in a radio group does: focus moves to the next radio, which gets ticked. */
  function arrowToRadio(dom: JSDOM, radio: HTMLInputElement) {
    radio.focus();
    radio.checked = true;
    radio.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));
    radio.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    radio.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  }

  it('a Down arrow on a list chooses an option but neither ends the step nor moves focus', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/foyer.html`);
    const doc = dom.window.document;
    const session = start(dom);
    const select = must(doc.querySelector<HTMLSelectElement>('[name="situation"]'));
    const enfants = must(doc.querySelector<HTMLInputElement>('[name="enfants"]'));
    expect(stepOf(session)).toBe('situation');
    select.focus();
    arrowDown(dom, select);
    expect(select.value).not.toBe('');
    expect(stepOf(session)).toBe('situation');
    arrowDown(dom, select);
    expect(stepOf(session)).toBe('situation');
    expect(doc.activeElement).toBe(select);
    expect(session.view().state.done.has('situation')).toBe(false);
    // Tab: focus leaves the list, the answer counts, the guide moves on to where focus went.
    enfants.focus();
    expect(stepOf(session)).toBe('enfants');
    expect(session.view().state.done.has('situation')).toBe(true);
    // The number of children: an arrow sets it, leaving it ends the step.
    enfants.value = '0';
    enfants.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    enfants.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    expect(stepOf(session)).toBe('enfants');
    must(doc.querySelector<HTMLInputElement>('[name="adresse"]')).focus();
    expect(stepOf(session)).toBe('adresse');
  });

  it('arrows inside a radio group stay on the step; leaving the group ends it', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/identite.html`);
    const doc = dom.window.document;
    const session = start(dom);
    const radio = (v: string) =>
      must(doc.querySelector<HTMLInputElement>(`input[name="civilite"][value="${v}"]`));
    expect(stepOf(session)).toBe('civilite');
    arrowToRadio(dom, radio('madame'));
    arrowToRadio(dom, radio('monsieur'));
    arrowToRadio(dom, radio('madame'));
    expect(stepOf(session)).toBe('civilite');
    expect(doc.activeElement).toBe(radio('madame'));
    must(doc.querySelector<HTMLInputElement>('[name="nom"]')).focus();
    expect(stepOf(session)).toBe('nom');
    expect(session.view().state.done.has('civilite')).toBe(true);
  });

  it('passing through a field without changing it does not end the step', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/foyer.html`);
    const doc = dom.window.document;
    const session = start(dom);
    const select = must(doc.querySelector<HTMLSelectElement>('[name="situation"]'));
    select.value = 'celibataire';
    select.focus();
    must(doc.querySelector<HTMLInputElement>('[name="enfants"]')).focus();
    expect(stepOf(session)).toBe('situation');
  });

  it('focus moved to our panel marks the step done without moving it; the window losing focus does nothing', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/foyer.html`);
    const doc = dom.window.document;
    const ours = doc.createElement('div');
    ours.setAttribute('data-pasapas-host', '');
    ours.innerHTML = '<button type="button">Étape suivante</button>';
    doc.body.append(ours);
    const session = createGuideSession(housing(), {
      doc,
      win: dom.window as unknown as Window,
      storage: memoryStorage(),
      isOurs: (n) => ours.contains(n),
    });
    sessions.push(session);
    const select = must(doc.querySelector<HTMLSelectElement>('[name="situation"]'));
    select.focus();
    arrowDown(dom, select);
    // Another window took focus: the element keeps the document's focus, the step waits.
    const hasFocus = vi.spyOn(doc, 'hasFocus').mockReturnValue(false);
    select.dispatchEvent(new dom.window.FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    hasFocus.mockRestore();
    expect(session.view().state.done.has('situation')).toBe(false);
    // The person goes to "Étape suivante": done, and one press moves exactly one step.
    must(ours.querySelector('button')).focus();
    expect(stepOf(session)).toBe('situation');
    expect(session.view().state.done.has('situation')).toBe(true);
    session.next();
    expect(stepOf(session)).toBe('enfants');
  });

  it('"Étape suivante" right after a choice counts the choice', async () => {
    const dom = await loadPage(`${server.url}/aide-logement/foyer.html`);
    const session = start(dom);
    const select = must(dom.window.document.querySelector<HTMLSelectElement>('[name="situation"]'));
    select.focus();
    arrowDown(dom, select);
    session.next();
    expect(stepOf(session)).toBe('enfants');
    expect(session.view().state.done.has('situation')).toBe(true);
  });

  it('a date picker and a radio group in a shadow root count on leaving too', () => {
    const dom = new JSDOM(
      '<main><input type="date" name="jour"><x-choix></x-choix><input name="apres"></main>',
      { url: 'https://exemple.fr/demarche' },
    );
    const doc = dom.window.document;
    const shadow = must(doc.querySelector('x-choix')).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input type="radio" name="r" value="a"><input type="radio" name="r" value="b">';
    const parsed = parseGuide({
      formatVersion: 1,
      id: 'fr.test.choix',
      version: '1.0.0',
      title: { fr: 'Essai' },
      summary: { fr: 'Essai' },
      publisher: { name: 'Essai' },
      matches: { urls: ['https://exemple.fr/*'] },
      documents: [],
      glossary: [],
      steps: [
        {
          id: 'jour',
          title: { fr: 'Jour' },
          body: { fr: 'x' },
          target: { name: 'jour' },
          done: { kind: 'field-filled' },
        },
        {
          id: 'choix',
          title: { fr: 'Choix' },
          body: { fr: 'x' },
          target: { shadowHost: 'x-choix', name: 'r' },
          done: { kind: 'field-filled' },
        },
        { id: 'fin', title: { fr: 'Fin' }, body: { fr: 'x' }, done: { kind: 'confirmed' } },
      ],
    });
    if (!parsed.ok) throw new Error('test guide must parse');
    const session = createGuideSession(parsed.guide, {
      doc,
      win: dom.window as unknown as Window,
      storage: memoryStorage(),
    });
    sessions.push(session);
    const day = must(doc.querySelector<HTMLInputElement>('[name="jour"]'));
    day.focus();
    // An arrow on the day's part: the value changes and the browser fires change.
    day.value = '2026-12-02';
    day.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    day.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    expect(stepOf(session)).toBe('jour');
    const [a, b] = [...shadow.querySelectorAll<HTMLInputElement>('input')].map(must);
    must(a).focus();
    expect(stepOf(session)).toBe('choix');
    arrowToRadio(dom, must(a));
    // Seen from the document, this move names the host: still inside the group.
    arrowToRadio(dom, must(b));
    expect(stepOf(session)).toBe('choix');
    must(doc.querySelector<HTMLInputElement>('[name="apres"]')).focus();
    expect(stepOf(session)).toBe('fin');
  });
});
