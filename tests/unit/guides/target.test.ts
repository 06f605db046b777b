import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { watchRoute } from '../../../utils/guides/route-watch.ts';
import { resolveTarget } from '../../../utils/guides/target.ts';
import { waitForTarget } from '../../../utils/guides/target-wait.ts';
import { fixturePath } from './helpers.ts';

const formHtml = readFileSync(fixturePath('dsfr-form.html'), 'utf8');
const dsfrInputExample = readFileSync(
  fileURLToPath(
    new URL('../../../node_modules/@gouvfr/dsfr/example/component/input/index.html', import.meta.url),
  ),
  'utf8',
);
const dsfrRadioExample = readFileSync(
  fileURLToPath(
    new URL('../../../node_modules/@gouvfr/dsfr/example/component/radio/index.html', import.meta.url),
  ),
  'utf8',
);

const load = (html: string, url = 'http://127.0.0.1/demande') => new JSDOM(html, { url });

describe('resolveTarget on DSFR markup', () => {
  const doc = load(formHtml).window.document;

  it('uses the most robust clue first', () => {
    const all = { id: 'naissance', name: 'numeroFiscal', label: 'Code postal' };
    expect(resolveTarget(all, doc)).toMatchObject({ strategy: 'id', element: { id: 'naissance' } });
    expect(resolveTarget({ id: 'absent', name: 'numeroFiscal', label: 'Code postal' }, doc)).toMatchObject({
      strategy: 'name',
      element: { id: 'fiscal' },
    });
  });

  it('finds fields by their visible label, with or without hint text', () => {
    expect(resolveTarget({ label: 'Numéro fiscal' }, doc)?.element.id).toBe('fiscal');
    expect(resolveTarget({ label: 'numero FISCAL' }, doc)?.element.id).toBe('fiscal');
    expect(resolveTarget({ label: 'Nom d’usage' }, doc)?.element.getAttribute('name')).toBe('nomUsage');
    expect(resolveTarget({ label: "nom d'usage" }, doc)?.element.getAttribute('name')).toBe('nomUsage');
    expect(resolveTarget({ label: 'Code postal' }, doc)?.element.getAttribute('name')).toBe('cp');
    expect(resolveTarget({ label: 'Type de logement' }, doc)?.element.tagName).toBe('SELECT');
    expect(resolveTarget({ label: 'En couple' }, doc)?.element.id).toBe('sit-2');
  });

  it('finds fields by aria-label and by DSFR group', () => {
    expect(resolveTarget({ aria: 'Commune de résidence' }, doc)).toMatchObject({ strategy: 'aria' });
    expect(resolveTarget({ aria: 'commune' }, doc)?.element.className).toBe('commune');
    const group = resolveTarget({ dsfrGroup: 'Situation familiale' }, doc);
    expect(group?.strategy).toBe('dsfrGroup');
    expect(group?.element.id).toBe('sit-1');
    expect(resolveTarget({ dsfrGroup: 'Numéro fiscal' }, doc)?.element.id).toBe('fiscal');
  });

  it('falls back to the CSS selector and ignores hidden inputs by name', () => {
    expect(resolveTarget({ selector: 'button[type=submit]' }, doc)).toMatchObject({ strategy: 'selector' });
    expect(resolveTarget({ name: 'csrf' }, doc)?.element.getAttribute('type')).toBe('hidden');
    expect(resolveTarget({ name: 'situation' }, doc)?.element.id).toBe('sit-1');
  });

  it('returns null, never throws, when nothing matches', () => {
    expect(resolveTarget({ label: 'Numéro de passeport' }, doc)).toBeNull();
    expect(resolveTarget({ selector: '[[[' }, doc)).toBeNull();
    expect(resolveTarget({ id: 'x"]\\' }, doc)).toBeNull();
    expect(resolveTarget({ name: 'a"b' }, doc)).toBeNull();
    expect(resolveTarget({ frame: '#none', id: 'fiscal' }, doc)).toBeNull();
    expect(resolveTarget({ shadowHost: '#none', id: 'fiscal' }, doc)).toBeNull();
    expect(resolveTarget({}, doc)).toBeNull();
  });

  it('works on the DSFR example pages themselves', () => {
    const inputs = load(dsfrInputExample).window.document;
    expect(resolveTarget({ label: 'Libellé champ de saisie' }, inputs)?.element.id).toBe('text-input-text');
    expect(resolveTarget({ dsfrGroup: 'Libellé champ de saisie' }, inputs)?.element.id).toBe(
      'text-input-text',
    );
    const radios = load(dsfrRadioExample).window.document;
    const legend = resolveTarget({ dsfrGroup: 'Légende pour l’ensemble des éléments' }, radios);
    expect(legend?.element.getAttribute('type')).toBe('radio');
    expect(legend?.element.id).toBe('radio-1');
  });
});

describe('resolveTarget across shadow roots and iframes', () => {
  it('searches open shadow roots, with or without shadowHost', () => {
    const dom = load('<div id="host"></div><p>hors</p>');
    const doc = dom.window.document;
    const root = (doc.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="iban">IBAN</label><input id="iban" name="iban">';
    expect(resolveTarget({ label: 'IBAN' }, doc)).toMatchObject({
      strategy: 'label',
      scope: 'shadow',
      element: { id: 'iban' },
    });
    expect(resolveTarget({ shadowHost: '#host', id: 'iban' }, doc)).toMatchObject({
      strategy: 'id',
      scope: 'shadow',
    });
    // Closed shadow roots are private to the page: out of reach.
    const closed = (doc.querySelector('p') as HTMLElement).attachShadow({ mode: 'closed' });
    closed.innerHTML = '<input id="secret">';
    expect(resolveTarget({ id: 'secret' }, doc)).toBeNull();
  });

  it('searches same-origin iframes, and skips cross-origin ones', () => {
    // jsdom ignores srcdoc here; an about:blank frame is same-origin and filled directly.
    const dom = load('<iframe id="f"></iframe><iframe id="other"></iframe>');
    const doc = dom.window.document;
    const frame = doc.getElementById('f') as HTMLIFrameElement;
    (frame.contentDocument as Document).body.innerHTML =
      '<label for="nir">Numéro de sécurité sociale</label><input id="nir">';
    // A cross-origin frame throws on access, as browsers do.
    Object.defineProperty(doc.getElementById('other'), 'contentDocument', {
      get() {
        throw new dom.window.DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(resolveTarget({ label: 'Numéro de sécurité sociale' }, doc)).toMatchObject({
      scope: 'frame',
      element: { id: 'nir' },
    });
    expect(resolveTarget({ frame: '#f', id: 'nir' }, doc)).toMatchObject({ strategy: 'id', scope: 'frame' });
    expect(resolveTarget({ frame: '#f', id: 'absent' }, doc)).toBeNull();
    expect(resolveTarget({ frame: '#other', id: 'nir' }, doc)).toBeNull();
  });
});

describe('waitForTarget', () => {
  it('resolves when the element is rendered late', async () => {
    const dom = load('<main></main>');
    const doc = dom.window.document;
    setTimeout(() => {
      (doc.querySelector('main') as HTMLElement).innerHTML = '<label for="rib">RIB</label><input id="rib">';
    }, 30);
    // The poll comes after the timeout: found at all means the MutationObserver saw it (no clock reading).
    const found = await waitForTarget({ label: 'RIB' }, doc, { timeoutMs: 10_000, pollMs: 60_000 });
    expect(found?.element.id).toBe('rib');
  });

  it('sees late content in a shadow root through its poll', async () => {
    const dom = load('<div id="host"></div>');
    const doc = dom.window.document;
    const root = (doc.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    setTimeout(() => {
      root.innerHTML = '<input aria-label="Adresse e-mail">';
    }, 20);
    const found = await waitForTarget({ aria: 'Adresse e-mail' }, doc, { timeoutMs: 10_000, pollMs: 40 });
    expect(found?.scope).toBe('shadow');
  });

  it('gives null on timeout and on abort', async () => {
    const doc = load('<main></main>').window.document;
    expect(await waitForTarget({ id: 'jamais' }, doc, { timeoutMs: 50 })).toBeNull();
    const controller = new AbortController();
    const pending = waitForTarget({ id: 'jamais' }, doc, { timeoutMs: 5000, signal: controller.signal });
    controller.abort();
    expect(await pending).toBeNull();
  });
});

describe('watchRoute', () => {
  it('follows pushState, replaceState, popstate and hashchange', async () => {
    const dom = load('<main></main>', 'http://127.0.0.1/etape-1');
    const win = dom.window as unknown as Window;
    const seen: Array<[string, string]> = [];
    const stop = watchRoute(win, (url, previous) => seen.push([url, previous]), { pollMs: 10_000 });
    win.history.pushState({}, '', '/etape-2');
    await Promise.resolve();
    win.history.replaceState({}, '', '/etape-3');
    await Promise.resolve();
    win.location.hash = '#bas';
    await vi.waitFor(() => expect(seen).toHaveLength(3), { timeout: 10_000 });
    expect(seen).toEqual([
      ['http://127.0.0.1/etape-2', 'http://127.0.0.1/etape-1'],
      ['http://127.0.0.1/etape-3', 'http://127.0.0.1/etape-2'],
      ['http://127.0.0.1/etape-3#bas', 'http://127.0.0.1/etape-3'],
    ]);
    stop();
    // A watcher still running sees the next move; once it has, the stopped one has had its chance too.
    const still: string[] = [];
    const stopStill = watchRoute(win, (url) => still.push(url), { pollMs: 10_000 });
    win.history.pushState({}, '', '/etape-4');
    await vi.waitFor(() => expect(still).toEqual(['http://127.0.0.1/etape-4']), { timeout: 10_000 });
    win.location.hash = '#fin';
    await vi.waitFor(() =>
      expect(still).toEqual(['http://127.0.0.1/etape-4', 'http://127.0.0.1/etape-4#fin']),
    );
    stopStill();
    expect(seen).toHaveLength(3);
  });

  it('notices changes it cannot hook (isolated world) by polling', async () => {
    const dom = load('<main></main>', 'http://127.0.0.1/a');
    const win = dom.window as unknown as Window;
    // The page's own pushState, as a content script sees it: not our wrapper.
    const pagePushState = win.history.pushState.bind(win.history);
    const seen: string[] = [];
    const stop = watchRoute(win, (url) => seen.push(url), { pollMs: 15 });
    pagePushState({}, '', '/b');
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    stop();
    expect(seen).toEqual(['http://127.0.0.1/b']);
  });
});

describe('hidden copies of a form', () => {
  const html = `
    <div class="mobile" hidden>
      <div class="fr-input-group"><label class="fr-label" for="m-iban">IBAN</label><input id="m-iban" name="iban"></div>
      <input aria-label="Rechercher" id="m-search"><button class="go" id="m-go">OK</button>
    </div>
    <div class="desktop">
      <div class="fr-input-group"><label class="fr-label" for="d-iban">IBAN</label><input id="d-iban" name="iban"></div>
      <input aria-label="Rechercher" id="d-search"><button class="go" id="d-go">OK</button>
    </div>
    <div style="display: none"><label for="x-nom">Nom</label><input id="x-nom"></div>
    <label for="nom-usage">Nom d’usage</label><input id="nom-usage">`;

  it('prefers the shown element among equally good candidates', () => {
    const doc = load(html).window.document;
    expect(resolveTarget({ label: 'IBAN' }, doc)?.element.id).toBe('d-iban');
    expect(resolveTarget({ name: 'iban' }, doc)?.element.id).toBe('d-iban');
    expect(resolveTarget({ aria: 'Rechercher' }, doc)?.element.id).toBe('d-search');
    expect(resolveTarget({ dsfrGroup: 'IBAN' }, doc)?.element.id).toBe('d-iban');
    expect(resolveTarget({ selector: 'button.go' }, doc)?.element.id).toBe('d-go');
  });

  it('still prefers an exact hidden label to a partial shown one, and finds hidden-only fields', () => {
    const doc = load(html).window.document;
    expect(resolveTarget({ label: 'Nom' }, doc)?.element.id).toBe('x-nom');
    const only = load('<div hidden><label for="a">Adresse</label><input id="a"></div>').window.document;
    expect(resolveTarget({ label: 'Adresse' }, only)?.element.id).toBe('a');
  });
});
