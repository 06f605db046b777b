import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, chooseTab, deepActive, launch, launchBrowser, launcher, panel, ROOT, tabTo } from './harness';

let demo: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

const glossary = JSON.parse(readFileSync(join(ROOT, 'public/glossary/fr.json'), 'utf8')) as {
  terms: { id: string; term: string; short_fr: string }[];
};
const VIEW = '[data-pasapas-host="readable"]';

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const view = (page: Page) => page.locator(`${VIEW} dialog[open]`);
const bigField = (page: Page, name: string) => page.locator(`${VIEW} [data-field-key$="name:${name}"]`);

/** The id of the big control standing for the real field `name`. */
async function controlId(page: Page, name: string): Promise<string> {
  const id = await bigField(page, name).locator('input, select, textarea').first().getAttribute('id');
  if (!id) throw new Error(`no big control for ${name}`);
  return id;
}

/** Tabs to the big control of `name` (keyboard only), then types `text` into it. */
async function typeInto(page: Page, name: string, text: string) {
  const id = await controlId(page, name);
  await tabTo(page, (el) => el.id === id, 60);
  await page.keyboard.type(text);
}

/**
 * Opens the panel and readable mode with the keyboard alone. On a procedure's next page the help
 * comes back by itself (`reopened`), focus on its step: the tabs are then reached backwards.
 */
async function openReadableByKeyboard(page: Page, reopened = false) {
  if (reopened) {
    await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-guide-step-title');
    for (let i = 0; i < 30 && (await deepActive(page))?.role !== 'tab'; i++)
      await page.keyboard.press('Shift+Tab');
  } else {
    await page.locator('body').focus();
    await tabTo(page, (el) => el.pasapas === 'launcher', 80);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).count()).toBe(1);
    await tabTo(page, (el) => el.role === 'tab');
  }
  for (let i = 0; i < 8; i++) {
    if ((await deepActive(page))?.id === 'pp-tab-readable') break;
    await page.keyboard.press('ArrowRight');
  }
  expect(await deepActive(page)).toMatchObject({ id: 'pp-tab-readable' });
  await tabTo(page, (el) => el.text === 'Lire la page en mode facile');
  await page.keyboard.press('Enter');
  await expect.poll(() => view(page).count()).toBe(1);
  // Focus lands in the view, on its title.
  await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-rv-title');
}

async function openReadableByMouse(page: Page) {
  await launcher(page).click();
  await page.locator('[role=tab][data-feature="readable"]').click();
  await page.locator('[data-action="readable-open"]').click();
  await view(page).waitFor();
}

describe('readable mode in the widget', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.context();
  });
  afterAll(async () => {
    await context.close();
  });

  test('fills two pages of a procedure by keyboard from the readable view; the site gets every value', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await launcher(page).waitFor();
    await openReadableByKeyboard(page);

    // The page's title and its fields, large.
    expect(await view(page).locator('h1').textContent()).toContain('Demande d’aide au logement');
    expect(await view(page).getAttribute('aria-modal')).toBe('true');
    expect(await page.locator(`${VIEW} [data-field-key]`).count()).toBe(7);
    expect(await bigField(page, 'date_naissance').textContent()).toContain('Format : JJ/MM/AAAA');

    // A glossary word in a label opens its explanation when it gets focus.
    const nir = glossary.terms.find((term) => term.id === 'nir');
    if (!nir) throw new Error('the glossary has no "nir" term');
    const termButton = bigField(page, 'nir').locator('button.pp-term[data-term-id="nir"]');
    expect(await termButton.getAttribute('aria-expanded')).toBe('false');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Numéro de sécurité sociale', 60);
    expect(await termButton.getAttribute('aria-expanded')).toBe('true');
    const tip = bigField(page, 'nir').locator('.pp-term-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(nir.short_fr);
    const describedBy = await termButton.getAttribute('aria-describedby');
    expect(await page.locator(`${VIEW} [id="${describedBy}"]`).textContent()).toBe(nir.short_fr);
    expect(await axe(page, VIEW)).toEqual([]);
    // Escape closes the explanation, not the view.
    await page.keyboard.press('Escape');
    expect(await termButton.getAttribute('aria-expanded')).toBe('false');
    expect(await view(page).count()).toBe(1);

    // Back to the top, then every field by keyboard; the phone number is left empty on purpose.
    await page.keyboard.press('Shift+Tab');
    const radioId = await controlId(page, 'civilite');
    await tabTo(page, (el) => el.id === radioId, 60);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#civilite-madame').isChecked()).toBe(true);
    await typeInto(page, 'nom', 'Dupont');
    await typeInto(page, 'prenom', 'Marie');
    await typeInto(page, 'date_naissance', '12/03/1985');
    await typeInto(page, 'nir', '2 84 05 75 112 345 28');
    await typeInto(page, 'email', 'marie.dupont@exemple.fr');
    // Mirrored at once into the real fields.
    expect(await page.locator('#nom').inputValue()).toBe('Dupont');
    expect(await page.locator('#email').inputValue()).toBe('marie.dupont@exemple.fr');

    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Suivant', 60);
    await page.keyboard.press('Enter');
    // The site refuses: its own message shows next to the big field, and focus goes there.
    const phoneError = bigField(page, 'telephone').locator('[data-testid="readable-field-error"]');
    await expect.poll(() => phoneError.count()).toBe(1);
    const siteMessage = (await page.locator('#telephone-messages').textContent())?.trim() ?? '';
    expect(siteMessage.length).toBeGreaterThan(0);
    expect(await phoneError.textContent()).toContain(siteMessage);
    await expect
      .poll(() => page.locator(`${VIEW} [data-testid="readable-summary"]`).textContent())
      .toContain('erreur');
    const phoneId = await controlId(page, 'telephone');
    await expect.poll(async () => (await deepActive(page))?.id).toBe(phoneId);
    expect(await axe(page, VIEW)).toEqual([]);
    expect(page.url()).toContain('identite.html');

    await page.keyboard.type('06 12 34 56 78');
    await expect.poll(() => phoneError.count()).toBe(0);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Suivant', 60);
    await Promise.all([page.waitForURL(/foyer\.html/), page.keyboard.press('Enter')]);

    // Second page, again by keyboard alone: a select, a number and text fields. The help was open
    // when the page changed: it is open again here (issue 13, problem 3).
    await launcher(page).waitFor();
    await openReadableByKeyboard(page, true);
    expect(await page.locator(`${VIEW} [data-field-key]`).count()).toBe(5);
    const selectId = await controlId(page, 'situation');
    await tabTo(page, (el) => el.id === selectId, 60);
    await page.keyboard.type('Cél');
    await expect.poll(() => page.locator('select[name="situation"]').inputValue()).toBe('celibataire');
    await typeInto(page, 'enfants', '2');
    await typeInto(page, 'adresse', '12 rue des Lilas');
    await typeInto(page, 'code_postal', '75011');
    await typeInto(page, 'commune', 'Paris');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Suivant', 60);
    await Promise.all([page.waitForURL(/ressources\.html/), page.keyboard.press('Enter')]);

    const session = (await (await context.request.get(`${demo.url}/demo-api/session`)).json()) as {
      procedures: Record<string, { values: Record<string, string> }>;
    };
    const values = session.procedures['aide-logement']?.values ?? {};
    const compact = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
    expect(values).toMatchObject({
      civilite: 'madame',
      nom: 'Dupont',
      prenom: 'Marie',
      date_naissance: '12/03/1985',
      email: 'marie.dupont@exemple.fr',
      situation: 'celibataire',
      enfants: '2',
      adresse: '12 rue des Lilas',
      code_postal: '75011',
      commune: 'Paris',
    });
    expect(compact(values.nir)).toBe('284057511234528');
    expect(compact(values.telephone)).toBe('0612345678');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Escape returns to the page and to the button that opened the view; no voice is said plainly', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await launcher(page).waitFor();
    await openReadableByMouse(page);
    // The page behind is inert while the view is open.
    await view(page).locator('[data-action="readable-read"]').click();
    await expect
      .poll(() => view(page).locator('[data-testid="readable-speech-message"]').textContent())
      .toContain('Aucune voix');
    // Focus stays in the view: Tab goes round.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (
          el?.getRootNode() instanceof ShadowRoot &&
          (el.getRootNode() as ShadowRoot).host.getAttribute('data-pasapas-host') === 'readable'
        );
      });
      expect(inside).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(VIEW).count()).toBe(0);
    expect(await deepActive(page)).toMatchObject({ text: 'Lire la page en mode facile' });
    // The big "back" button works the same.
    await page.keyboard.press('Enter');
    await view(page).waitFor();
    await view(page).locator('[data-action="readable-close"]').click();
    await expect.poll(() => page.locator(VIEW).count()).toBe(0);
    await page.close();
  });

  test('hostile content: scripts in the page never run in the readable view', async () => {
    const page = await context.newPage();
    const text =
      'La caisse verse une aide pour payer le loyer. Pour la demander, il faut remplir un formulaire en ligne. ';
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page piégée</title>
      <script src="/pasapas/widget.js" data-features="readable" defer></script></head>
      <body><main><article><h1>Aide au loyer</h1>
      <p>${text.repeat(4)}</p>
      <p>Premier piège <img src="x" onerror="window.__pwned=1" alt="image piégée"> dans le texte. ${text}</p>
      <p>Deuxième piège : <a id="trap" href="javascript:window.__pwned=1">Cliquez ici pour continuer</a>. ${text}</p>
      <p>Troisième piège <svg onload="window.__pwned=1"><circle r="5"></circle></svg> et la fin du texte. ${text}</p>
      <p><a href="javascript:window.__pwned=1" onclick="window.__pwned=1">Autre lien piégé</a> ${text}</p>
      </article></main></body></html>`;
    await page.route(`${demo.url}/piege.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(`${demo.url}/piege.html`);
    await launcher(page).waitFor();
    // The payloads are live in the page itself (its own image fired): forget that, then open our view.
    await expect.poll(() => page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBe(1);
    await page.evaluate(() => {
      (window as { __pwned?: number }).__pwned = undefined;
    });
    await openReadableByMouse(page);
    const content = view(page).locator('[data-testid="readable-content"]');
    await expect.poll(() => content.textContent()).toContain('Cliquez ici pour continuer');
    expect(await content.textContent()).toContain('Troisième piège');
    expect(await content.locator('[onerror], [onload], [onclick], svg, script').count()).toBe(0);
    expect(await content.locator('a[href^="javascript"]').count()).toBe(0);
    await content.getByText('Cliquez ici pour continuer').click();
    await content.getByText('Autre lien piégé').click();
    // A positive signal first: a `javascript:` link of the page itself, pressed after ours, runs. The
    // browser runs such links in the order they were pressed: ours had their chance before it.
    await page.evaluate(() => {
      const control = document.createElement('a');
      control.href = 'javascript:window.__control=1';
      document.body.append(control);
      control.click();
    });
    await expect.poll(() => page.evaluate(() => (window as { __control?: number }).__control)).toBe(1);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await axe(page, VIEW)).toEqual([]);
    await page.close();
  });

  test('follows the comfort settings and the language; every theme passes axe-core, Arabic is right to left', async () => {
    // Its own context: the settings it changes are kept per site and must not reach the other tests.
    const own = await browser.context();
    const page = await own.newPage();
    await page.goto(`${demo.url}/aide-logement/foyer.html`);
    await launcher(page).waitFor();
    await launcher(page).click();
    await page.locator('.pp-lang select').selectOption('ar');
    for (const theme of ['default', 'high-contrast', 'dark', 'yellow-black']) {
      await page.locator('[role=tab][data-feature="comfort"]').click();
      await page.locator(`[data-setting="theme"] input[value="${theme}"]`).check();
      await page.locator('[role=tab][data-feature="readable"]').click();
      await page.locator('[data-action="readable-open"]').click();
      await view(page).waitFor();
      expect(await view(page).getAttribute('data-theme')).toBe(theme);
      expect(await view(page).getAttribute('dir')).toBe('rtl');
      expect(await view(page).locator('[data-action="readable-close"]').textContent()).toBe(
        'العودة إلى الصفحة',
      );
      // The page's own words keep their language for screen readers.
      expect(await bigField(page, 'enfants').getAttribute('lang')).toBe('fr');
      expect(await bigField(page, 'enfants').getAttribute('dir')).toBe('ltr');
      await bigField(page, 'enfants').locator('button.pp-term').focus();
      expect(await axe(page, VIEW), theme).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(VIEW).count()).toBe(0);
    }
    await page.locator('[role=tab][data-feature="comfort"]').click();
    await page.locator('[data-action="text-larger"]').click();
    await page.locator('[role=tab][data-feature="readable"]').click();
    await page.locator('[data-action="readable-open"]').click();
    await view(page).waitFor();
    expect(await view(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('25px');
    await own.close();
  });

  test('fits a 320 px wide screen with the largest text, without scrolling sideways', async () => {
    const own = await browser.context({ viewport: { width: 320, height: 640 } });
    const page = await own.newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await launcher(page).click();
    // A phone: the panel is the bottom sheet, its tabs behind « Menu ».
    await chooseTab(page, 'comfort');
    for (let i = 0; i < 4; i++) await page.locator('[data-action="text-larger"]').click();
    await chooseTab(page, 'readable');
    await page.locator('[data-action="readable-open"]').click();
    await view(page).waitFor();
    expect(await view(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('40px');
    const overflow = await view(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const back = await view(page).locator('[data-action="readable-close"]').boundingBox();
    expect(back?.width).toBeLessThanOrEqual(320);
    expect(await axe(page, VIEW)).toEqual([]);
    await own.close();
  });

  test('one question at a time, by keyboard; the site gets the answer', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/aide-logement/foyer.html`);
    await launcher(page).waitFor();
    await openReadableByMouse(page);
    await tabTo(page, (el) => el.text === 'Une question à la fois', 60);
    await page.keyboard.press('Enter');
    expect(await view(page).locator('[data-action="readable-one-by-one"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await view(page).locator('[data-testid="readable-step"]').textContent()).toBe('Question 1 sur 5');
    expect(await page.locator(`${VIEW} [data-field-key]`).count()).toBe(1);
    expect(await view(page).locator('[data-action="readable-submit"]').count()).toBe(0);
    expect(await axe(page, VIEW)).toEqual([]);
    await tabTo(page, (el) => el.text === 'Question suivante', 20);
    await page.keyboard.press('Enter');
    // Focus goes to the new question's field.
    const id = await controlId(page, 'enfants');
    await expect.poll(async () => (await deepActive(page))?.id).toBe(id);
    // An earlier test of this file may have left an answer in the site's session: replace it.
    await page.keyboard.press('ControlOrMeta+KeyA');
    await page.keyboard.type('3');
    expect(await page.locator('input[name="enfants"]').inputValue()).toBe('3');
    expect(await view(page).locator('[data-testid="readable-step"]').textContent()).toBe('Question 2 sur 5');
    await page.close();
  });

  test('reads the view aloud sentence by sentence, highlighting the sentence in the view', async () => {
    const page = await context.newPage();
    // A fake voice: headless Chromium has none. It reports each sentence's start, then its end.
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__spoken = [];
      const voices = [
        { name: 'Voix de test', lang: 'fr-FR', voiceURI: 'test', localService: true, default: true },
      ];
      type U = { text: string; onstart?: (e: unknown) => void; onend?: (e: unknown) => void };
      let timers: number[] = [];
      const synth = {
        getVoices: () => voices,
        speak(u: U) {
          timers.push(
            window.setTimeout(() => {
              (w.__spoken as string[]).push(u.text);
              u.onstart?.({});
            }, 10),
          );
          timers.push(window.setTimeout(() => u.onend?.({}), 600));
        },
        cancel() {
          for (const t of timers) clearTimeout(t);
          timers = [];
        },
        pause() {},
        resume() {},
        addEventListener() {},
        removeEventListener() {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      w.SpeechSynthesisUtterance = class {
        text: string;
        constructor(text: string) {
          this.text = text;
        }
      };
    });
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await launcher(page).waitFor();
    await openReadableByMouse(page);
    await view(page).locator('[data-action="readable-read"]').click();
    const highlighted = () =>
      page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const range = [...(registry.get('pasapas-readable') ?? [])][0];
        if (!range) return null;
        const root = range.startContainer.getRootNode() as ShadowRoot;
        return { text: range.toString().trim(), host: root.host?.getAttribute('data-pasapas-host') };
      });
    await expect.poll(highlighted).toEqual({ text: 'Demande d’aide au logement (démo)', host: 'readable' });
    await expect.poll(async () => (await highlighted())?.text).toContain('Votre identité');
    const spoken = (await page.evaluate(
      () => (window as unknown as { __spoken: string[] }).__spoken,
    )) as string[];
    expect(spoken[0]?.trim()).toBe('Demande d’aide au logement (démo)');
    // Stop: the highlight goes.
    await view(page).locator('[data-action="readable-read"]').click();
    await expect.poll(highlighted).toBeNull();
    await page.close();
  });

  test('a page with no text yet says so, and still offers its form in large print', async () => {
    const page = await context.newPage();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Démarche</title>
      <script src="/pasapas/widget.js" data-features="readable" defer></script></head>
      <body><main id="app"></main><script>
      setTimeout(() => { document.getElementById('app').innerHTML =
        '<form onsubmit="return false"><label for="commune">Commune</label><input id="commune" name="commune"><button type="submit">Valider</button></form>'; }, 3000);
      </script></body></html>`;
    await page.route(`${demo.url}/vide.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto(`${demo.url}/vide.html`);
    await launcher(page).click();
    await page.locator('[role=tab][data-feature="readable"]').click();
    await page.locator('[data-testid="readable-not-readable"]').waitFor();
    expect(await page.locator('[data-action="readable-open"]').textContent()).toBe(
      'Remplir le formulaire en grand',
    );
    expect(await axe(page)).toEqual([]);
    await page.locator('#commune').waitFor({ state: 'attached' });
    await page.locator('[data-action="readable-open"]').click();
    await view(page).waitFor();
    expect(await view(page).locator('[data-testid="readable-content"]').count()).toBe(0);
    await bigField(page, 'commune').locator('input').fill('Lyon');
    expect(await page.locator('#commune').inputValue()).toBe('Lyon');
    await page.close();
  });

  test('"Choisir un fichier" opens the real file picker; the site receives the files', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/aide-logement/documents.html`);
    await launcher(page).waitFor();
    await openReadableByMouse(page);
    const names = ['justificatif_domicile', 'avis_imposition', 'rib'];
    for (const name of names) {
      const button = bigField(page, name).locator('button.pp-rv-big-button');
      expect(await button.textContent()).toBe('Choisir un fichier');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
      await chooser.setFiles({
        name: `${name}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 essai'),
      });
      await expect
        .poll(() => bigField(page, name).locator('.pp-rv-file').textContent())
        .toBe(`Fichier choisi : ${name}.pdf`);
    }
    await Promise.all([
      page.waitForURL(/recapitulatif\.html/),
      view(page).locator('[data-action="readable-submit"][data-kind="submit"]').click(),
    ]);
    const session = (await (await context.request.get(`${demo.url}/demo-api/session`)).json()) as {
      procedures: Record<string, { files: Record<string, { name: string }> }>;
    };
    const files = session.procedures['aide-logement']?.files ?? {};
    expect(names.map((name) => files[name]?.name)).toEqual(names.map((name) => `${name}.pdf`));
    await page.close();
  });

  test('no request left localhost', () => {
    expect(browser.outside).toEqual([]);
  });
});

describe('readable mode in the extension', () => {
  test('fills the whole identity page by keyboard from the readable view and submits; the site gets every value', async () => {
    const session = await launch({ extension: true });
    try {
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(page).waitFor();
      await openReadableByKeyboard(page);
      expect(await page.locator(`${VIEW} [data-field-key]`).count()).toBe(7);
      const radioId = await controlId(page, 'civilite');
      await tabTo(page, (el) => el.id === radioId, 60);
      await page.keyboard.press('Space');
      await typeInto(page, 'nom', 'Martin');
      await typeInto(page, 'prenom', 'Awa');
      await typeInto(page, 'date_naissance', '01/02/1990');
      await typeInto(page, 'nir', '284057511234528');
      await typeInto(page, 'email', 'awa.martin@exemple.fr');
      await typeInto(page, 'telephone', '0612345678');
      expect(await axe(page, VIEW)).toEqual([]);
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Suivant', 60);
      await Promise.all([page.waitForURL(/foyer\.html/), page.keyboard.press('Enter')]);
      const site = (await (await session.context.request.get(`${demo.url}/demo-api/session`)).json()) as {
        procedures: Record<string, { values: Record<string, string> }>;
      };
      expect(site.procedures['aide-logement']?.values).toMatchObject({
        civilite: 'madame',
        nom: 'Martin',
        prenom: 'Awa',
        date_naissance: '01/02/1990',
        nir: '284057511234528',
        email: 'awa.martin@exemple.fr',
        telephone: '0612345678',
      });
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a value typed in the readable view is in the real field after going back', async () => {
    const session = await launch({ extension: true });
    try {
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(page).waitFor();
      await openReadableByMouse(page);
      // The glossary comes from the extension's own files.
      await expect.poll(() => bigField(page, 'nir').locator('button.pp-term').count()).toBe(1);
      await bigField(page, 'nom').locator('input').fill('Martin');
      await view(page).locator('[data-action="readable-close"]').click();
      await expect.poll(() => page.locator(VIEW).count()).toBe(0);
      expect(await page.locator('#nom').inputValue()).toBe('Martin');
      expect(await axe(page)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
