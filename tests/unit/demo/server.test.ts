import { spawn } from 'node:child_process';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await fetch(`${server.url}/demo-api/reset`, { method: 'POST' });
});

/** A tiny browser: keeps the session cookie, never follows redirects by itself. */
function client() {
  let cookie = '';
  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(new URL(path, server.url), { ...init, headers, redirect: 'manual' });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  }
  return {
    get: (path: string) => request(path),
    post: (path: string, fields: Record<string, string>) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    postMultipart: (path: string, form: FormData) => request(path, { method: 'POST', body: form }),
    request,
  };
}

function dom(html: string) {
  return new JSDOM(html).window.document;
}

const WIDGET_SRC = 'script[src="/pasapas/widget.js"]';

const VALID = {
  identite: {
    civilite: 'madame',
    nom: 'Martin',
    prenom: 'Léa',
    date_naissance: '05/04/1984',
    nir: '2 84 05 75 112 345 28',
    email: 'lea.martin@exemple.fr',
    telephone: '06 12 34 56 78',
  },
  foyer: {
    situation: 'pacse',
    enfants: '2',
    adresse: '12 rue des Lilas',
    code_postal: '75011',
    commune: 'Paris',
  },
  ressources: {
    numero_fiscal: '3023217600053',
    reference_avis: '2375A12345678',
    revenu_fiscal_reference: '18 500',
    numero_allocataire: '',
    salaire_mensuel: '1450,50',
  },
  banque: { titulaire: 'Léa Martin', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'BNPAFRPPXXX' },
};

describe('demo server: pages and widget tag', () => {
  it('serves every page with the header, the banner and the widget tag', async () => {
    for (const path of [
      '/',
      '/aide-logement/',
      '/aide-logement/identite.html',
      '/emploi/situation.html',
      '/spa/',
      '/csp.html',
      '/hostile.html',
    ]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      const doc = dom(await response.text());
      const tag = doc.querySelector(WIDGET_SRC);
      expect(tag, path).not.toBeNull();
      expect(tag?.getAttribute('data-features')).toBe('comfort,speech,readable,guides,ocr,progress,infos');
      expect(tag?.getAttribute('data-lang')).toBe('fr');
      // Blocking, in <head>: comfort settings apply before the first paint.
      expect(tag?.hasAttribute('defer')).toBe(false);
      expect(tag?.parentElement?.tagName).toBe('HEAD');
      if (path !== '/hostile.html') {
        expect(doc.body.textContent, path).toContain(
          "Démo — site fictif : aucune donnée n'est envoyée à une administration",
        );
        expect(doc.documentElement.lang).toBe('fr');
      }
    }
  });

  it('leaves the widget out with ?widget=0 and keeps it out across a redirect', async () => {
    const page = await fetch(`${server.url}/aide-logement/identite.html?widget=0`);
    const doc = dom(await page.text());
    expect(doc.querySelector(WIDGET_SRC)).toBeNull();
    expect(doc.querySelector('form')?.getAttribute('action')).toBe('identite.html?widget=0');
    const c = client();
    const posted = await c.post('/aide-logement/identite.html?widget=0', VALID.identite);
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/aide-logement/foyer.html?widget=0');
  });

  it('never puts the widget on /plain.html, which has no form and no DSFR', async () => {
    const html = await (await fetch(`${server.url}/plain.html`)).text();
    const doc = dom(html);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('form')).toBeNull();
    expect(html).not.toContain('dsfr');
    expect(doc.querySelectorAll('p').length).toBeGreaterThan(2);
  });

  it('sends the strict CSP header on /csp.html only, and the pages carry no inline script or handler', async () => {
    const csp = await fetch(`${server.url}/csp.html`);
    expect(csp.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'",
    );
    const home = await fetch(`${server.url}/`);
    expect(home.headers.get('content-security-policy')).toBeNull();
    for (const path of [
      '/csp.html',
      '/',
      '/aide-logement/identite.html',
      '/aide-logement/recapitulatif.html',
      '/spa/',
      '/emploi/situation.html',
      '/emploi/cv-frame.html',
    ]) {
      const doc = dom(await (await fetch(server.url + path)).text());
      for (const script of doc.querySelectorAll('script'))
        expect(script.getAttribute('src'), path).toBeTruthy();
      for (const el of doc.querySelectorAll('*')) {
        expect(el.hasAttribute('style'), `${path} ${el.tagName}`).toBe(false);
        for (const attr of el.getAttributeNames())
          expect(attr.startsWith('on'), `${path} ${attr}`).toBe(false);
      }
      expect(doc.querySelector('style'), path).toBeNull();
    }
  });

  it('builds the hostile page: a stylesheet hiding everything and a top overlay', async () => {
    const doc = dom(await (await fetch(`${server.url}/hostile.html`)).text());
    expect(doc.querySelector('#hostile-overlay')).not.toBeNull();
    const href = doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    const css = await (await fetch(server.url + href)).text();
    expect(css).toContain('all: unset !important');
    expect(css).toContain('z-index: 2147483647');
    expect(css).toMatch(/position: fixed !important;\s*inset: 0 !important/);
  });

  it('returns the SPA for its deep routes, and a 404 page for unknown paths', async () => {
    const app = await (await fetch(`${server.url}/spa/`)).text();
    for (const route of ['/spa/foyer', '/spa/impots', '/spa/fin']) {
      const response = await fetch(server.url + route);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(app);
    }
    expect(dom(app).querySelector('script[src="/assets/spa.js"]')).not.toBeNull();
    const missing = await fetch(`${server.url}/nulle-part.html`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page introuvable');
  });

  it('serves the DSFR and the widget build with the right types, and refuses paths out of its folders', async () => {
    const css = await fetch(`${server.url}/dsfr/dsfr.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    const checks = await fetch(`${server.url}/assets/checks.js`);
    expect(checks.headers.get('content-type')).toContain('text/javascript');
    for (const path of [
      '/dsfr/..%2f..%2f..%2fpackage.json',
      '/assets/..%2f..%2fserver.js',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(404);
    }
  });
});

describe('demo server: procedure 1 across its pages', () => {
  it('receives every value of a complete valid request, files included', async () => {
    const c = client();
    const start = await c.get('/aide-logement/identite.html');
    expect(start.status).toBe(200);
    const steps: Array<[string, Record<string, string>, string]> = [
      ['identite', VALID.identite, 'foyer'],
      ['foyer', VALID.foyer, 'ressources'],
      ['ressources', VALID.ressources, 'banque'],
      ['banque', VALID.banque, 'documents'],
    ];
    for (const [slug, fields, next] of steps) {
      const response = await c.post(`/aide-logement/${slug}.html`, fields);
      expect(response.status, slug).toBe(303);
      expect(response.headers.get('location')).toBe(`/aide-logement/${next}.html`);
    }
    const form = new FormData();
    form.append(
      'justificatif_domicile',
      new File([new Uint8Array(1234)], 'quittance.pdf', { type: 'application/pdf' }),
    );
    form.append(
      'avis_imposition',
      new File([new Uint8Array(2048)], 'avis "2025".jpg', { type: 'image/jpeg' }),
    );
    form.append('rib', new File([new Uint8Array(10)], 'rib.png', { type: 'image/png' }));
    const docs = await c.postMultipart('/aide-logement/documents.html', form);
    expect(docs.status).toBe(303);

    const session = await (await c.get('/demo-api/session')).json();
    expect(session.procedures['aide-logement'].values.nom).toBe('Martin');
    expect(session.procedures['aide-logement'].files.rib).toMatchObject({ name: 'rib.png', size: 10 });

    const recap = dom(await (await c.get('/aide-logement/recapitulatif.html')).text());
    expect(recap.querySelector('[data-summary-field="iban"]')?.textContent).toBe(VALID.banque.iban);
    expect(recap.querySelector('[data-summary-field="situation"]')?.textContent).toBe('Pacsé ou pacsée');
    expect(recap.querySelector('[data-summary-field="avis_imposition"]')?.textContent).toContain(
      'avis "2025".jpg',
    );

    const sent = await c.post('/aide-logement/recapitulatif.html', { attestation_honneur: 'oui' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/aide-logement/confirmation.html');

    const last = await (await fetch(`${server.url}/demo-api/submissions/last`)).json();
    expect(last.procedure).toBe('aide-logement');
    const expected = {
      ...VALID.identite,
      ...VALID.foyer,
      ...VALID.ressources,
      ...VALID.banque,
      attestation_honneur: 'oui',
    };
    expect(last.values).toEqual(expected);
    expect(last.files).toEqual({
      justificatif_domicile: { name: 'quittance.pdf', type: 'application/pdf', size: 1234 },
      avis_imposition: { name: 'avis "2025".jpg', type: 'image/jpeg', size: 2048 },
      rib: { name: 'rib.png', type: 'image/png', size: 10 },
    });
    expect(server.submissions).toHaveLength(1);

    const confirmation = dom(await (await c.get('/aide-logement/confirmation.html')).text());
    expect(confirmation.querySelector('#numero-dossier')?.textContent).toBe(last.id);
    // The next request starts blank.
    const again = dom(await (await c.get('/aide-logement/identite.html')).text());
    expect(again.querySelector<HTMLInputElement>('#nom')?.value).toBe('');
  });

  it('re-renders with modern DSFR error markup and keeps what was typed', async () => {
    const c = client();
    const bad = { ...VALID.identite, nir: '2 84 05 75 112 345 99', date_naissance: '31/02/1990', email: '' };
    const response = await c.post('/aide-logement/identite.html', bad);
    expect(response.status).toBe(200);
    const doc = dom(await response.text());
    expect(doc.title.startsWith('Erreur')).toBe(true);
    for (const name of ['nir', 'date_naissance', 'email']) {
      const input = doc.querySelector<HTMLInputElement>(`#${name}`);
      expect(input?.classList.contains('fr-input--error'), name).toBe(true);
      expect(input?.closest('.fr-input-group')?.classList.contains('fr-input-group--error')).toBe(true);
      const messages = doc.getElementById(input?.getAttribute('aria-describedby') ?? '');
      expect(messages?.classList.contains('fr-messages-group')).toBe(true);
      expect(messages?.querySelector('.fr-message.fr-message--error')?.textContent?.length).toBeGreaterThan(
        5,
      );
    }
    expect(doc.querySelector<HTMLInputElement>('#nir')?.value).toBe(bad.nir);
    expect(doc.querySelector<HTMLInputElement>('#nom')?.value).toBe('Martin');
    expect(doc.querySelector<HTMLInputElement>('#civilite-madame')?.checked).toBe(true);
    expect(doc.querySelector('#nom')?.classList.contains('fr-input--error')).toBe(false);
    expect(doc.querySelectorAll('#erreurs li')).toHaveLength(3);
    // Nothing invalid reached the session.
    const session = await (await c.get('/demo-api/session')).json();
    expect(session.procedures['aide-logement'].values).toEqual({});
  });

  it('uses the older fr-error-text markup on the legacy pages', async () => {
    const c = client();
    const response = await c.post('/aide-logement/banque.html', {
      titulaire: 'Léa Martin',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      bic: 'BNPAFRPP',
    });
    const doc = dom(await response.text());
    const iban = doc.querySelector('#iban');
    expect(iban?.classList.contains('fr-input--error')).toBe(true);
    const error = doc.getElementById(iban?.getAttribute('aria-describedby') ?? '');
    expect(error?.classList.contains('fr-error-text')).toBe(true);
    expect(error?.textContent).toContain('IBAN');
    expect(doc.querySelector('.fr-messages-group .fr-message--error')).toBeNull();
    expect(doc.querySelector<HTMLInputElement>('#iban')?.value).toBe('FR76 3000 6000 0112 3456 7890 188');
  });

  it('validates selects, radios, numbers and postcodes on the server', async () => {
    const c = client();
    const doc = dom(
      await (
        await c.post('/aide-logement/foyer.html', {
          situation: 'inconnue',
          enfants: '13',
          adresse: 'x',
          code_postal: '7501',
          commune: 'Paris',
        })
      ).text(),
    );
    for (const name of ['situation', 'enfants', 'code_postal']) {
      expect(doc.getElementById(`${name}-desc-error`)?.classList.contains('fr-error-text'), name).toBe(true);
    }
    expect(doc.querySelector('#situation')?.classList.contains('fr-select--error')).toBe(true);
    const radios = dom(
      await (await c.post('/aide-logement/identite.html', { ...VALID.identite, civilite: '' })).text(),
    );
    const fieldset = radios.querySelector('fieldset#civilite');
    expect(fieldset?.classList.contains('fr-fieldset--error')).toBe(true);
    expect(radios.querySelector('#civilite-messages .fr-message--error')).not.toBeNull();
  });

  it('refuses to send when earlier steps are missing, and requires the attestation', async () => {
    const c = client();
    await c.post('/aide-logement/identite.html', VALID.identite);
    const doc = dom(await (await c.post('/aide-logement/recapitulatif.html', {})).text());
    expect(
      doc
        .querySelector('#attestation_honneur')
        ?.closest('.fr-checkbox-group')
        ?.classList.contains('fr-checkbox-group--error'),
    ).toBe(true);
    const links = [...doc.querySelectorAll('#erreurs a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('foyer.html');
    expect(links).toContain('documents.html');
    expect(links).not.toContain('identite.html');
    expect((await fetch(`${server.url}/demo-api/submissions/last`)).status).toBe(404);
  });

  it('rejects a file that is not an image or a PDF and keeps files already received', async () => {
    const c = client();
    const first = new FormData();
    first.append('justificatif_domicile', new File(['hello'], 'note.txt', { type: 'text/plain' }));
    first.append('avis_imposition', new File([new Uint8Array(5)], 'avis.pdf', { type: 'application/pdf' }));
    first.append('rib', new File([], '', { type: 'application/octet-stream' }));
    const doc = dom(await (await c.postMultipart('/aide-logement/documents.html', first)).text());
    expect(doc.querySelector('#justificatif_domicile-messages .fr-message--error')?.textContent).toContain(
      'format',
    );
    expect(doc.querySelector('#rib-messages .fr-message--error')).not.toBeNull();
    expect(doc.querySelector('#avis_imposition-received')).not.toBeNull();
  });
});

describe('demo server: procedures 2 and 3', () => {
  it('records the SPA submission, and answers 422 with messages for bad values', async () => {
    const values = {
      nom_enfant: 'Léa Martin',
      ecole: 'École élémentaire Jean Moulin',
      numero_fiscal: '3023217600053',
      reference_avis: '2375A12345678',
      revenu_fiscal_reference: '18500',
      nombre_parts: '2,5',
    };
    const ok = await fetch(`${server.url}/demo-api/spa-submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values }),
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).ok).toBe(true);
    const last = await (await fetch(`${server.url}/demo-api/submissions/last`)).json();
    expect(last).toMatchObject({ procedure: 'cantine', values });

    const bad = await fetch(`${server.url}/demo-api/spa-submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: { ...values, numero_fiscal: '9023217600053', ecole: '' } }),
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(['ecole', 'numero_fiscal']);
  });

  it('takes metier_recherche from the iframe save when the form did not relay it', async () => {
    const c = client();
    const situation = {
      dernier_emploi: 'Vendeuse',
      date_fin_contrat: '30/06/2026',
      niveau_formation: 'bac',
      disponible: 'oui',
    };
    const missing = dom(await (await c.post('/emploi/situation.html', situation)).text());
    expect(missing.querySelector('#metier_recherche-messages .fr-message--error')).not.toBeNull();
    expect(missing.querySelector('iframe')?.getAttribute('src')).toBe('/emploi/cv-frame.html?erreur=1');
    const frame = dom(
      await (await c.post('/emploi/cv-frame.html', { metier_recherche: 'Aide-soignante' })).text(),
    );
    expect(frame.querySelector<HTMLInputElement>('#metier_recherche')?.value).toBe('Aide-soignante');
    const next = await c.post('/emploi/situation.html', situation);
    expect(next.status).toBe(303);
    expect(next.headers.get('location')).toBe('/emploi/compte.html');
  });

  it('completes the job-seeker registration with matching passwords, never echoing them', async () => {
    const c = client();
    await c.post('/emploi/identite.html', {
      nir: '185022B12345612',
      nom: 'Diallo',
      prenom: 'Moussa',
      date_naissance: '12/02/1985',
    });
    await c.post('/emploi/contact.html', {
      adresse: '3 place du Marché',
      code_postal: '20200',
      commune: 'Bastia',
      telephone: '+33 6 12 34 56 78',
      email: 'm.diallo@exemple.fr',
    });
    const s = await c.post('/emploi/situation.html', {
      dernier_emploi: 'Cariste',
      date_fin_contrat: '01/09/2026',
      niveau_formation: 'cap',
      disponible: 'non',
      metier_recherche: 'Cariste',
    });
    expect(s.status).toBe(303);
    const mismatch = await c.post('/emploi/compte.html', {
      mot_de_passe: 'Tres-Secret-2026',
      mot_de_passe_confirmation: 'Tres-Secret-2027',
    });
    const html = await mismatch.text();
    expect(html).not.toContain('Tres-Secret');
    const doc = dom(html);
    const confirmation = doc.querySelector('#mot_de_passe_confirmation');
    expect(confirmation?.getAttribute('autocomplete')).toBe('new-password');
    expect(doc.getElementById(confirmation?.getAttribute('aria-describedby') ?? '')?.className).toBe(
      'fr-error-text',
    );
    const done = await c.post('/emploi/compte.html', {
      mot_de_passe: 'Tres-Secret-2026',
      mot_de_passe_confirmation: 'Tres-Secret-2026',
    });
    expect(done.status).toBe(303);
    const last = await (await fetch(`${server.url}/demo-api/submissions/last`)).json();
    expect(last.procedure).toBe('emploi');
    expect(last.values).toMatchObject({
      nir: '185022B12345612',
      metier_recherche: 'Cariste',
      mot_de_passe: 'Tres-Secret-2026',
      code_postal: '20200',
    });
  });

  it('answers malformed bodies with a 400 page, and oversized ones with 413', async () => {
    const broken = await fetch(`${server.url}/aide-logement/documents.html`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
    });
    expect(broken.status).toBe(400);
    const big = await fetch(`${server.url}/aide-logement/identite.html`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `nom=${'a'.repeat(1024 * 1024 + 10)}`,
    });
    expect(big.status).toBe(413);
    // The server is still fine afterwards.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});

describe('demo CLI (npm start)', () => {
  it('moves to the next free port when PORT is busy and says where it is and how to load the extension', async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    // PORT is the port our test server already holds.
    const child = spawn(process.execPath, [path.join(root, 'demo/serve.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(server.port) },
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner in time:\n${out}`)), 15_000);
        child.stdout.on('data', (chunk) => {
          out += String(chunk);
          if (out.includes('Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`serve.js exited with ${code}:\n${out}`)));
      });
      const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      expect(Number(url?.[1])).toBeGreaterThan(server.port);
      expect(out).toContain(`Port ${server.port} occupé`);
      for (const words of [
        'chrome://extensions',
        'Mode développeur',
        "Charger l'extension non empaquetée",
        'chrome-mv3',
        'about:debugging',
        'firefox-mv3',
        '/aide-logement/',
        '/spa/',
        '/emploi/',
        '?widget=0',
      ]) {
        expect(out).toContain(words);
      }
      expect((await fetch(`${url?.[0]}aide-logement/`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
