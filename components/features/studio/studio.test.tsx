// @vitest-environment jsdom
/**
 * « Créer un guide »: the tab starts a draft, asks the background to pick a field in the tab it
 * records, shows the proposed step, reorders and deletes steps, and exports a guide the format
 * accepts; a refused pick is said in words. Every string in English and Arabic. In the widget it
 * records its own page: no key, no install.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testServices } from '../../../tests/unit/panel-services';
import { parseGuideText } from '../../../utils/guides/schema';
import { missingKeys } from '../../../utils/i18n';
import { type FrontPage, ServicesContext } from '../../app/services';
import { features } from '../index';
import { studioMessages } from './messages';
import StudioTab from './StudioTab';

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const PICKS = [
  {
    ok: true,
    kind: 'field',
    clues: {
      id: 'nom',
      name: 'nom',
      label: 'Nom de naissance',
      tag: 'input',
      type: 'text',
      autocomplete: 'family-name',
    },
    page: { url: 'http://127.0.0.1:8000/aide-logement/identite.html', heading: 'Votre identité' },
  },
  { ok: false, reason: 'sensitive' },
  {
    ok: true,
    kind: 'field',
    clues: { id: 'nir', name: 'nir', label: 'Numéro de sécurité sociale', hint: '15 chiffres', tag: 'input' },
    page: { url: 'http://127.0.0.1:8000/aide-logement/identite.html', heading: 'Votre identité' },
  },
];

function mount() {
  const sent: Array<Record<string, unknown>> = [];
  const picks = [...PICKS];
  const background = vi.fn(async (message: unknown) => {
    const m = message as Record<string, unknown>;
    sent.push(m);
    if (m.type === 'pasapas:studio-page' && m.action === 'pick') return picks.shift();
    if (m.type === 'pasapas:studio-install') return { ok: true, id: 'x', version: '1.0.0' };
    // No signing key on this computer yet: the guide is installed as exported.
    if (m.type === 'pasapas:studio-key') return { ok: true, key: null };
    if (m.type === 'pasapas:studio-sign') return { ok: false, code: 'sign-failed' };
    return { ok: true };
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{"terms":[]}', { status: 200 })),
  );
  const frontPage: FrontPage = {
    tabId: async () => 42,
    windowId: async () => 1,
    send: async () => null,
    onChange: () => () => {},
  };
  const host = document.createElement('div');
  document.body.append(host);
  const services = testServices({
    context: 'sidepanel',
    env: { asset: (p) => `/x/${p}`, background },
    frontPage,
  });
  render(
    <ServicesContext.Provider value={services}>
      <StudioTab />
    </ServicesContext.Provider>,
    host,
  );
  const button = (text: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
  return { host, sent, button };
}

describe('the studio tab', () => {
  it('records, refuses a secret field in words, reorders, deletes and exports a valid guide', async () => {
    const { host, sent, button } = mount();
    await act(() => button('Commencer un guide').click());
    await act(async () => button('Montrer une case sur la page').click());
    await vi.waitFor(() =>
      expect(host.querySelectorAll('[data-testid="studio-steps"] > li')).toHaveLength(1),
    );
    expect(sent.find((m) => m.type === 'pasapas:studio-page')).toMatchObject({ action: 'pick', tabId: 42 });
    expect(host.querySelector('[data-testid="studio-sign"]')?.textContent).toContain(
      'Créer ma clé de signature',
    );
    await act(async () => button('Montrer une case sur la page').click());
    await vi.waitFor(() =>
      expect(host.querySelector('[data-testid="studio-status"]')?.textContent).toContain(
        'Cette case est secrète',
      ),
    );
    await act(async () => button('Montrer une case sur la page').click());
    await vi.waitFor(() =>
      expect(host.querySelectorAll('[data-testid="studio-steps"] > li')).toHaveLength(2),
    );
    const titles = () =>
      [...host.querySelectorAll('[data-testid="studio-steps"] h3')].map((h) => h.textContent);
    expect(titles()).toEqual(['Étape 1 : Nom de naissance', 'Étape 2 : Numéro de sécurité sociale']);
    await act(() => button('Monter l’étape 2').click());
    expect(titles()).toEqual(['Étape 1 : Numéro de sécurité sociale', 'Étape 2 : Nom de naissance']);
    await act(() => button('Ajouter une étape sans case').click());
    await act(() => button('Supprimer l’étape 3').click());
    expect(titles()).toHaveLength(2);

    // The draft survives the side panel being closed.
    expect(JSON.parse(localStorage.getItem('pasapas.studio.draft') ?? '{}').steps).toHaveLength(2);

    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    await act(() => button('Vérifier et télécharger le guide').click());
    expect(click).toHaveBeenCalledTimes(1);
    const text = host.querySelector<HTMLTextAreaElement>('[data-testid="studio-json"]')?.value ?? '';
    const parsed = parseGuideText(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.guide.steps.map((s) => s.field?.validator ?? null)).toEqual(['nir', null]);

    await act(async () => button('Installer le guide sur cet ordinateur').click());
    await vi.waitFor(() =>
      expect(host.querySelector('[data-testid="studio-install-status"]')?.textContent).toBe(
        'Guide installé. Il s’affiche sur les pages de la démarche.',
      ),
    );
    expect(sent.at(-1)).toMatchObject({ type: 'pasapas:studio-install', text });
  });

  it('in the widget: picks on its own page by keyboard, exports, and offers neither signing nor install', async () => {
    document.body.innerHTML =
      '<main><h1>Votre identité</h1><label for="nom">Nom de naissance</label><input id="nom" name="nom" autocomplete="family-name"></main>';
    const host = document.createElement('div');
    host.setAttribute('data-pasapas-host', 'widget');
    document.body.append(host);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"terms":[]}', { status: 200 })),
    );
    const services = testServices({ context: 'widget', env: { asset: (p) => `/x/${p}` } });
    render(
      <ServicesContext.Provider value={services}>
        <StudioTab />
      </ServicesContext.Provider>,
      host,
    );
    const button = (text: string) =>
      [...host.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
    await act(() => button('Commencer un guide').click());
    await act(async () => button('Montrer une case sur la page').click());
    // The page's first field is shown at once; Enter in the page picks it.
    await act(() => {
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
    });
    await vi.waitFor(() =>
      expect(host.querySelectorAll('[data-testid="studio-steps"] > li')).toHaveLength(1),
    );
    expect(host.querySelector('[data-testid="studio-steps"] h3')?.textContent).toBe(
      'Étape 1 : Nom de naissance',
    );
    expect(host.querySelector('[data-testid="studio-sign"]')).toBeNull();
    expect(button('Installer le guide sur cet ordinateur')).toBeUndefined();
    expect(host.querySelector('[data-testid="studio-widget-note"]')?.textContent).toContain(
      'pasapas guide sign',
    );
  });

  it('has every string in English and Arabic; in the side panel, and in the widget only when turned on', () => {
    expect(missingKeys(studioMessages, 'en')).toEqual([]);
    expect(missingKeys(studioMessages, 'ar')).toEqual([]);
    const feature = features.get('studio');
    expect(feature?.contexts).toEqual(['sidepanel', 'widget']);
    expect(feature?.widgetOptIn?.(feature.config?.defaults)).toBe(false);
    expect(feature?.widgetOptIn?.(feature.config?.parse({ studio: 'true' }).config)).toBe(true);
    for (const lang of ['fr', 'en', 'ar'] as const)
      expect(feature?.messages[lang]?.['feature.studio']).toBeTruthy();
  });
});
