/**
 * The demo site's own browser validation (demo/site/assets/validation.js), run in jsdom on the
 * pages the server renders: the same DSFR markup as the server, in both error styles.
 */
import { JSDOM, requestInterceptor } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';

let server: DemoServer;
let validation: typeof import('../../../demo/site/assets/validation.js');

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  // The module reads `document` and `CSS` when called; each test points them at its own page.
  use(new JSDOM('<!doctype html><p></p>').window);
  validation = await import('../../../demo/site/assets/validation.js');
});
afterAll(async () => {
  await server.close();
});

function use(win: JSDOM['window']) {
  const globals: Record<string, unknown> = {
    window: win,
    document: win.document,
    HTMLElement: win.HTMLElement,
    // jsdom has no CSS.escape; the names used here need no escaping beyond quotes.
    CSS: { escape: (s: string) => s.replace(/["\\]/g, '\\$&') },
  };
  for (const [key, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
  }
}

async function open(path: string) {
  const dom = await JSDOM.fromURL(`${server.url}${path}`, {
    resources: {
      interceptors: [
        requestInterceptor((_request, { element }) =>
          element?.localName === 'link'
            ? new Response('', { headers: { 'content-type': 'text/css' } })
            : undefined,
        ),
      ],
    },
  });
  const win = dom.window;
  if (win.document.readyState !== 'complete')
    await new Promise((resolve) => win.addEventListener('load', resolve));
  use(win);
  const form = win.document.querySelector<HTMLFormElement>('form[data-demo-validate]');
  if (!form) throw new Error(`no form on ${path}`);
  validation.setupValidation(form);
  const input = (name: string) => {
    const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (!el) throw new Error(`no field ${name}`);
    return el;
  };
  const type = (name: string, value: string) => {
    const el = input(name);
    el.value = value;
    el.dispatchEvent(new win.Event('input', { bubbles: true }));
  };
  const blur = (name: string) => input(name).dispatchEvent(new win.FocusEvent('focusout', { bubbles: true }));
  const submit = () => {
    const event = new win.Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(event);
    return event;
  };
  return { win, doc: win.document, form, input, type, blur, submit };
}

describe('demo site validation in the browser', () => {
  it('modern pages: an error on blur in fr-messages-group, cleared as soon as the value is right', async () => {
    const page = await open('/aide-logement/identite.html');
    page.type('nir', '2 84 05 75 112 345 99');
    page.blur('nir');
    const nir = page.input('nir');
    expect(nir.classList.contains('fr-input--error')).toBe(true);
    expect(nir.getAttribute('aria-invalid')).toBe('true');
    expect(page.doc.getElementById('nir-group')?.classList.contains('fr-input-group--error')).toBe(true);
    const messages = page.doc.getElementById(nir.getAttribute('aria-describedby') ?? '');
    expect(messages?.querySelector('.fr-message.fr-message--error')?.textContent).toContain('15 chiffres');
    page.type('nir', '2 84 05 75 112 345 28');
    expect(nir.classList.contains('fr-input--error')).toBe(false);
    expect(nir.hasAttribute('aria-invalid')).toBe(false);
    expect(messages?.textContent).toBe('');
  });

  it('older pages: a fr-error-text paragraph linked by aria-describedby, removed when fixed', async () => {
    const page = await open('/aide-logement/banque.html');
    page.type('iban', 'FR76 3000 6000 0112 3456 7890 188');
    page.blur('iban');
    const iban = page.input('iban');
    const error = page.doc.getElementById(iban.getAttribute('aria-describedby') ?? '');
    expect(error?.className).toBe('fr-error-text');
    expect(error?.previousElementSibling).toBe(iban);
    expect(page.doc.querySelector('.fr-messages-group')).toBeNull();
    page.type('iban', 'FR76 3000 6000 0112 3456 7890 189');
    expect(page.doc.getElementById('iban-desc-error')).toBeNull();
    expect(iban.hasAttribute('aria-describedby')).toBe(false);
  });

  it('stops an incomplete form, marks every missing field and focuses the first one', async () => {
    const page = await open('/aide-logement/foyer.html');
    page.type('adresse', '12 rue des Lilas');
    const event = page.submit();
    expect(event.defaultPrevented).toBe(true);
    for (const name of ['situation', 'enfants', 'code_postal', 'commune']) {
      expect(page.doc.getElementById(`${name}-desc-error`), name).not.toBeNull();
    }
    expect(page.doc.getElementById('adresse-desc-error')).toBeNull();
    expect(page.doc.activeElement?.getAttribute('name')).toBe('situation');
    expect(page.input('situation').classList.contains('fr-select--error')).toBe(true);
  });

  it('checks radio groups as one field and lets a complete form through', async () => {
    const page = await open('/aide-logement/identite.html');
    const values: Record<string, string> = {
      nom: 'Martin',
      prenom: 'Léa',
      date_naissance: '05/04/1984',
      nir: '284057511234528',
      email: 'lea@exemple.fr',
      telephone: '0612345678',
    };
    for (const [name, value] of Object.entries(values)) page.type(name, value);
    expect(page.submit().defaultPrevented).toBe(true);
    const fieldset = page.doc.getElementById('civilite');
    expect(fieldset?.classList.contains('fr-fieldset--error')).toBe(true);
    expect(page.doc.querySelector('#civilite-messages .fr-message--error')).not.toBeNull();
    const madame = page.doc.getElementById('civilite-madame') as HTMLInputElement;
    madame.checked = true;
    madame.dispatchEvent(new page.win.Event('change', { bubbles: true }));
    expect(fieldset?.classList.contains('fr-fieldset--error')).toBe(false);
    expect(page.submit().defaultPrevented).toBe(false);
  });

  it('copies the iframe field into the form on submit, and blocks when it is empty', async () => {
    const page = await open('/emploi/situation.html');
    page.type('dernier_emploi', 'Vendeuse');
    page.type('date_fin_contrat', '30/06/2025');
    const select = page.input('niveau_formation');
    select.value = 'bac';
    (page.doc.getElementById('disponible-oui') as HTMLInputElement).checked = true;
    expect(page.submit().defaultPrevented).toBe(true);
    expect(page.doc.querySelector('#metier_recherche-messages .fr-message--error')).not.toBeNull();
    const frame = page.doc.querySelector('iframe') as HTMLIFrameElement;
    const inner = frame.contentDocument?.querySelector<HTMLInputElement>('[name="metier_recherche"]');
    expect(inner).toBeTruthy();
    if (!inner) return;
    expect(inner.classList.contains('fr-input--error')).toBe(true);
    inner.value = 'Aide-soignante';
    expect(page.submit().defaultPrevented).toBe(false);
    expect(
      page.form.querySelector<HTMLInputElement>('input[type="hidden"][name="metier_recherche"]')?.value,
    ).toBe('Aide-soignante');
  });

  it('does not require a file again when the server already has it', async () => {
    const page = await open('/aide-logement/documents.html');
    expect(page.submit().defaultPrevented).toBe(true);
    expect(page.doc.querySelectorAll('.fr-upload-group--error')).toHaveLength(3);
    // Same page once a file is stored for each field: nothing left to require.
    page.input('rib').setAttribute('data-received', '1');
    page.input('avis_imposition').setAttribute('data-received', '1');
    page.input('justificatif_domicile').setAttribute('data-received', '1');
    expect(validation.validateForm(page.form)).toBeNull();
  });
});
