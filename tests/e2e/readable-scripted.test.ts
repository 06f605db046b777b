/**
 * Readable mode of the built extension on a form that only the page's script builds
 * (demo/site/formulaire-script.html): a question created by an answer joins the view, the error
 * summary the site shows on submit comes to the top of the view with links to the big fields, and
 * what the person typed survives every re-read; the site receives every value. And the demo's
 * single-page app, whose school field is inside a custom element's open shadow root.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launch, openPanelTab, type Session, tabTo } from './harness';

let demo: Demo;
let session: Session;
const pageErrors: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  session = await launch({ extension: true });
});
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});
afterAll(async () => {
  await session?.close();
  await demo?.close();
});

const VIEW = '[data-pasapas-host="readable"]';
const view = (page: Page) => page.locator(`${VIEW} dialog[open]`);
const bigField = (page: Page, name: string) => page.locator(`${VIEW} [data-field-key$="name:${name}"]`);
const bigInput = (page: Page, name: string) => bigField(page, name).locator('input').first();
const pageErrorsBox = (page: Page) => page.locator(`${VIEW} [data-testid="readable-page-errors"]`);

/** The built-by-script page, its form built, readable mode open on it. */
async function openScripted(): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${demo.url}/formulaire-script.html?widget=0`);
  // The server's page has no form: the site's script builds it after load.
  await page.locator('#demande').waitFor();
  await openPanelTab(page, 'readable');
  await page.locator('[data-action="readable-open"]').click();
  await view(page).waitFor();
  return page;
}

/** Tabs (inside the view, which keeps focus) to the big control of `name`. */
async function tabToField(page: Page, name: string) {
  const id = await bigInput(page, name).getAttribute('id');
  if (!id) throw new Error(`no big control for ${name}`);
  await tabTo(page, (el) => el.id === id, 60);
  return id;
}

describe('readable mode on a form built by script (extension)', () => {
  test('a revealed question joins the view; the site’s error summary comes to the top with links to the fields; typed values survive; the site gets them all', async () => {
    const page = await openScripted();
    await expect.poll(() => page.locator(`${VIEW} [data-field-key]`).count()).toBe(3);
    expect(await bigField(page, 'nombre_enfants').count()).toBe(0);
    expect(await pageErrorsBox(page).count()).toBe(0);

    // Keyboard only, from the view's title.
    await tabToField(page, 'nom');
    await page.keyboard.type('Dupont');
    expect(await page.locator('#nom').inputValue()).toBe('Dupont');
    await tabToField(page, 'enfants');
    // The first radio has focus: Space chooses "Oui", and the site's script creates a question.
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#enfants-oui').isChecked()).toBe(true);
    await expect.poll(() => bigField(page, 'nombre_enfants').count(), { timeout: 15_000 }).toBe(1);
    // Re-reading the page kept what was typed, in the view and on the page.
    expect(await bigInput(page, 'nom').inputValue()).toBe('Dupont');
    expect(await page.locator('#nom').inputValue()).toBe('Dupont');

    // Submit from the view: the site refuses and shows its summary at the top of its form.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Envoyer la demande', 60);
    await page.keyboard.press('Enter');
    await page.locator('#erreurs').waitFor();
    await expect.poll(() => pageErrorsBox(page).locator('a').count(), { timeout: 15_000 }).toBe(2);
    expect(await pageErrorsBox(page).locator('h2').textContent()).toBe('Le formulaire contient 2 erreurs');
    expect(await pageErrorsBox(page).locator('a').allTextContents()).toEqual([
      'Indiquez votre adresse électronique.',
      'Indiquez le nombre d’enfants à charge.',
    ]);
    // At the top: before the page's text and the form.
    expect(
      await pageErrorsBox(page).evaluate((box) => {
        const form = box.closest('dialog')?.querySelector('.pp-rv-form');
        return form ? Boolean(box.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
      }),
    ).toBe(true);
    expect(await axe(page, VIEW)).toEqual([]);

    // A link takes focus to its big field, which keeps working.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Indiquez votre adresse électronique.', 60);
    await page.keyboard.press('Enter');
    const mailId = await bigInput(page, 'courriel').getAttribute('id');
    await expect.poll(async () => (await deepActive(page))?.id).toBe(mailId);
    await page.keyboard.type('marie.dupont@exemple.fr');
    expect(await page.locator('#courriel').inputValue()).toBe('marie.dupont@exemple.fr');

    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Indiquez le nombre d’enfants à charge.', 60);
    await page.keyboard.press('Enter');
    const childrenId = await bigInput(page, 'nombre_enfants').getAttribute('id');
    await expect.poll(async () => (await deepActive(page))?.id).toBe(childrenId);
    await page.keyboard.type('2');
    expect(await page.locator('#nombre_enfants').inputValue()).toBe('2');
    expect(await bigInput(page, 'nom').inputValue()).toBe('Dupont');

    // Sent again from the view: the site accepts, its summary and form go, and so do the view's.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Envoyer la demande', 60);
    await page.keyboard.press('Enter');
    await page.locator('#recu-valeurs').waitFor();
    expect(JSON.parse((await page.locator('#recu-valeurs').textContent()) ?? '{}')).toEqual({
      nom: 'Dupont',
      courriel: 'marie.dupont@exemple.fr',
      enfants: 'oui',
      nombre_enfants: '2',
    });
    await expect.poll(() => pageErrorsBox(page).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator(`${VIEW} [data-field-key]`).count(), { timeout: 15_000 }).toBe(0);
    await page.close();
  });

  test('a single-page app: the school field inside a custom element’s open shadow root is a big field that fills the real one; the next step’s late questions join the view', async () => {
    const page = await session.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${demo.url}/spa/foyer?widget=0`);
    await page.locator('demo-ecole-picker').waitFor();
    await openPanelTab(page, 'readable');
    await page.locator('[data-action="readable-open"]').click();
    await view(page).waitFor();
    await expect.poll(() => page.locator(`${VIEW} [data-field-key]`).count()).toBe(2);
    expect(await bigField(page, 'ecole').textContent()).toContain('Commencez à écrire');

    await tabToField(page, 'nom_enfant');
    await page.keyboard.type('Léa Martin');
    await tabToField(page, 'ecole');
    await page.keyboard.type('École élémentaire Jean Moulin');
    // Written into the input inside the component's shadow root, which the app reads.
    expect(
      await page.evaluate(() => (document.querySelector('demo-ecole-picker') as HTMLInputElement).value),
    ).toBe('École élémentaire Jean Moulin');
    expect(await axe(page, VIEW)).toEqual([]);

    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Suivant', 60);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/spa\/impots/);
    // The app fetches the next questions late: the open view shows them when they come.
    await expect.poll(() => bigField(page, 'numero_fiscal').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator(`${VIEW} [data-field-key]`).count()).toBe(4);
    await tabToField(page, 'numero_fiscal');
    await page.keyboard.type('3023217600053');
    expect(await page.locator('[name="numero_fiscal"]').inputValue()).toBe('3023217600053');
    await page.close();
  });

  test('no request left localhost', () => {
    expect(session.outside).toEqual([]);
  });
});
