/**
 * « Trouver de l'aide près de chez moi » (issue 15, part 3) in the built extension: from the
 * housing guide, « Je n’y arrive pas », a postcode typed, the places giving the guide's help
 * nearest first (the demo sample, no lookup anywhere), the guide's helplines; then the mediator
 * imports a places file in the options page, each bad row told with its line, and the panel
 * offers the imported place. Keyboard only, axe clean, 360 px screenshots in French and Arabic.
 * Then a guide catalog served by the demo server publishes places: its good place is offered
 * beside the bundled ones, its bad places are told in the options page, its guide is installed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { helpMessages } from '../../components/features/guides/help-messages';
import { type Demo, startDemoServer } from './demo';
import { openGuide, press, searchDemoPlacesByKeyboard, searchFrom, shootHelp } from './guide-panel';
import { axe, deepActive, launch, ROOT, type Session, tabTo } from './harness';

const SHOTS = join(ROOT, 'test-results');

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await demo?.close();
});

/** A places file with one good row and two bad ones, as a mediator might export it. */
const FILE = [
  'id,nom,commune,code_postal,adresse,latitude,longitude,telephone,horaires,services',
  'essai-1,Maison France Services du test,Paris,75020,1 rue du Test,48.8640,2.4010,01 99 00 20 20,Mo-Fr 09:00-12:00,Aide aux démarches administratives',
  'essai-2,Lieu sans code,Paris,750,2 rue du Test,48.86,2.40,,,Aide aux démarches administratives',
  'essai-3,,Paris,75020,3 rue du Test,,,,,Aide aux démarches administratives',
].join('\n');

describe('help places near a postcode', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  test('nearest first from the demo sample, then from a file the mediator imports, bad rows told', async () => {
    session = await launch({ extension: true });
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    await openGuide(page);

    await searchDemoPlacesByKeyboard(page);
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    await shootHelp(page, join(SHOTS, 'help-places-360-fr'));
    await page.setViewportSize({ width: 1280, height: 900 });
    // Back to the step, focus on the button that opened the help.
    await press(page, 'Revenir à l’étape');
    await expect.poll(async () => (await deepActive(page))?.text).toBe('Je n’y arrive pas');

    // The mediator imports the space's own file, by keyboard.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const current = options.locator('[data-testid="places-current"]');
    await expect
      .poll(() => current.textContent())
      .toBe('Pour l’instant : 7 lieux de démonstration (fictifs).');
    await tabTo(options, (el) => el.id === 'opt-places-file', 80);
    options.on('filechooser', () => {});
    await options.evaluate(() => 0);
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.keyboard.press('Space'),
    ]);
    await chooser.setFiles({ name: 'lieux.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'utf8') });
    const outcome = options.locator('[data-testid="places-outcome"]');
    await expect
      .poll(() => outcome.locator('p').textContent())
      .toBe('Un lieu importé. 2 lignes n’ont pas été importées :');
    expect(await outcome.locator('li').allTextContents()).toEqual([
      'Ligne 3 : le code postal doit avoir 5 chiffres.',
      'Ligne 4 : le champ « nom » est vide.',
    ]);
    await expect.poll(() => current.textContent()).toBe('Pour l’instant : un lieu de votre fichier.');
    expect(await axe(options, '[data-testid="places-options"]')).toEqual([]);

    // A file that is no places file: one plain error, the imported list kept.
    const [again] = await Promise.all([
      options.waitForEvent('filechooser'),
      options
        .locator('[data-testid="places-file"]')
        .focus()
        .then(() => options.keyboard.press('Space')),
    ]);
    await again.setFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('bonjour\nau revoir'),
    });
    await expect
      .poll(() => outcome.locator('li').allTextContents())
      .toEqual(['Le fichier n’est ni un CSV ni une liste JSON de lieux.']);
    expect(await current.textContent()).toBe('Pour l’instant : un lieu de votre fichier.');
    await options.close();

    // The panel now offers the space's place.
    await page.reload();
    await openGuide(page);
    expect(await searchFrom(page, '75020', 'Je n’y arrive pas')).toEqual(['essai-1']);
    expect(session.outside).toEqual([]);
  });

  test('places a guide catalog publishes: offered beside the bundled ones, bad ones told, its guide kept', async () => {
    const cat = await launch({ extension: true });
    try {
      const options = await cat.context.newPage();
      await options.goto(`chrome-extension://${cat.extensionId}/options.html`);
      await options.locator('#gopt-catalog-url').focus();
      await options.keyboard.type(`${demo.url}/catalog/reseau-lieux.json`);
      await options.keyboard.press('Enter');
      const name = 'Réseau de médiation du 20e (démo, fictif)';
      await expect
        .poll(async () =>
          (await options.locator('[data-testid^="catalog-feedback-"]').allTextContents()).join(' '),
        )
        .toContain(`Catalogue « ${name} » ajouté. 1 guide est installé.`);

      // The mediator comes back to the page: the catalog's places, each bad one by its number.
      await options.reload();
      const line = options.locator('[data-testid="places-catalog"]');
      await expect.poll(() => line.locator('p').first().textContent()).toBe(`« ${name} » : un lieu proposé.`);
      expect(await line.locator('[data-testid="places-catalog-errors"] li').allTextContents()).toEqual([
        'Lieu numéro 2 : le code postal doit avoir 5 chiffres.',
        'Lieu numéro 3 : le champ « nom » doit être un texte, ou une liste de textes.',
      ]);
      expect(await line.textContent()).toContain(
        '2 lieux du catalogue sont mal écrits et ne sont pas proposés.',
      );
      // The bundled places are still counted on their own.
      expect(await options.locator('[data-testid="places-current"]').textContent()).toBe(
        'Pour l’instant : 7 lieux de démonstration (fictifs).',
      );
      expect(await axe(options, '[data-testid="places-options"]')).toEqual([]);
      await line.screenshot({ path: join(SHOTS, 'help-places-catalog-options.png') });
      await options.close();

      // The person, stuck: the catalog's place beside the bundled ones, its catalog named.
      const page = await cat.context.newPage();
      const asked: string[] = [];
      cat.context.on('request', (r) => asked.push(r.url()));
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(page);
      const ids = await searchFrom(page, '75020', 'Je n’y arrive pas');
      expect(ids).toContain('reseau-20-mediatheque');
      expect(ids).toContain('demo-epn-paris-20');
      expect(ids).not.toContain('reseau-20-sans-code');
      const item = page.locator('[data-place="reseau-20-mediatheque"]');
      expect(await item.locator('[data-testid="place-catalog"]').textContent()).toBe(
        `Lieu indiqué par le catalogue : ${name}`,
      );
      expect(await item.textContent()).toContain('du lundi au samedi : 10 h à 18 h');
      await item.scrollIntoViewIfNeeded();
      await item.screenshot({ path: join(SHOTS, 'help-places-catalog-place.png') });
      expect(await axe(page)).toEqual([]);
      // The postcode went nowhere, and nothing left for anywhere but the demo server.
      expect(asked.filter((u) => u.includes('75020'))).toEqual([]);
      expect(cat.outside).toEqual([]);
    } finally {
      await cat.close();
    }
  });

  test('in Arabic at 360 px', async () => {
    const ar = await launch({ extension: true, locale: 'ar', viewport: { width: 360, height: 800 } });
    try {
      const page = await ar.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(page);
      const ids = await searchFrom(page, '75011', helpMessages.ar?.['help.stuck'] ?? '');
      expect(ids[0]).toBe('demo-fs-paris-11');
      expect(await page.locator('#pp-help-title').textContent()).toBe('أجد مساعدة قرب منزلي');
      expect(
        await page.locator('[data-testid="help-places"]').evaluate((el) => getComputedStyle(el).direction),
      ).toBe('rtl');
      expect(await axe(page)).toEqual([]);
      await shootHelp(page, join(SHOTS, 'help-places-360-ar'));
      expect(ar.outside).toEqual([]);
    } finally {
      await ar.close();
    }
  });
});
