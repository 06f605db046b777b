/**
 * Help places in the widget (issue 15, part 3): the site gives its places file on its own origin
 * (`data-places`, the demo's tag names its sample), the built widget served by the demo server
 * reads it with the extension's code (and the places its guide catalog publishes) and offers, in
 * « Je n’y arrive pas », the places nearest a
 * postcode the person types, by keyboard, axe clean, nothing asked of another machine and the
 * postcode in no request. A broken file: the person still gets the helplines, the site's
 * developers a console error naming what is wrong. 360 px screenshots in French and Arabic.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { helpMessages } from '../../components/features/guides/help-messages';
import { type Demo, startDemoServer } from './demo';
import { openGuide, press, searchDemoPlacesByKeyboard, searchFrom, shootHelp } from './guide-panel';
import { axe, deepActive, launchBrowser, ROOT, tabTo } from './harness';

const SHOTS = join(ROOT, 'test-results');
const PAGE = '/aide-logement/identite.html';

let demo: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A page of the demo with the widget, every request and console error of its context recorded. */
async function widgetPage(options: { locale?: string; viewport?: { width: number; height: number } } = {}) {
  context = await browser.context(options);
  const asked: string[] = [];
  context.on('request', (r) => asked.push(r.url()));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, asked, errors };
}

/**
 * The demo's widget tag with the site's own words: `data-lang`, and `data-places` when given (put
 * first: of two same attributes, the browser keeps the first), as an administration would write it.
 */
async function siteTag(
  page: Page,
  { lang = 'fr', places, more = '' }: { lang?: string; places?: string; more?: string },
) {
  await page.route(`${demo.url}${PAGE}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      'data-lang="fr"',
      `data-lang="${lang}"${places === undefined ? '' : ` data-places="${places}"`}${more}`,
    );
    await route.fulfill({ response, body });
  });
}

describe('help places in the widget', () => {
  test('the site’s places nearest a typed postcode, by keyboard, axe clean, postcode sent nowhere', async () => {
    const { page, asked, errors } = await widgetPage();
    await page.goto(`${demo.url}${PAGE}`);
    await openGuide(page);

    const list = await searchDemoPlacesByKeyboard(page);
    // Another postcode, another order: the 11th's place first.
    // Enter left the focus in the postcode field.
    expect((await deepActive(page))?.id).toBe('pp-help-postcode');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('75011');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await list.first().getAttribute('data-place')) ?? '')
      .toBe('demo-fs-paris-11');
    expect(await axe(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 800 });
    await shootHelp(page, join(SHOTS, 'widget-help-places-360-fr'));
    // The places file was asked of the site itself, once; nothing left 127.0.0.1, the postcodes went nowhere.
    expect(asked.filter((u) => u.includes('/demo-places/'))).toEqual([
      `${demo.url}/demo-places/lieux-mediation-numerique-demo.csv`,
    ]);
    expect(asked.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
    expect(asked.filter((u) => u.includes('7502') || u.includes('75011'))).toEqual([]);
    expect(browser.outside).toEqual([]);
    expect(errors.filter((e) => e.includes('data-places'))).toEqual([]);
  });

  test('« Chercher » pressed before the site’s file arrived: answered when it arrives', async () => {
    const { page } = await widgetPage();
    // The site's server is slow: the file is held until the person has sent the postcode.
    let release = () => {};
    const sent = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`${demo.url}/demo-places/**`, async (route) => {
      await sent;
      await route.continue();
    });
    await page.goto(`${demo.url}${PAGE}`);
    await openGuide(page);
    await press(page, 'Je n’y arrive pas');
    await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-help-title');
    await tabTo(page, (el) => el.id === 'pp-help-postcode', 10);
    await page.keyboard.type('75020');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="help-list"]').count()).toBe(0);
    release();
    const list = page.locator('[data-testid="help-list"] > li');
    await expect.poll(() => list.count()).toBe(5);
    expect(await list.first().getAttribute('data-place')).toBe('demo-epn-paris-20');
  });

  test('the places the site’s guide catalog publishes, beside its file’s, the bad ones told', async () => {
    const { page, asked, errors } = await widgetPage();
    // The housing guide listed by the page, and a catalog that publishes places (one good, two bad).
    await siteTag(page, {
      more: ' data-guides="/demo-guides/fr.demo.aide-logement.json" data-catalog="/catalog/reseau-lieux.json"',
    });
    await page.goto(`${demo.url}${PAGE}`);
    await openGuide(page);
    const ids = await searchFrom(page, '75020', 'Je n’y arrive pas');
    expect(ids).toContain('reseau-20-mediatheque');
    expect(ids).toContain('demo-epn-paris-20');
    expect(ids).not.toContain('reseau-20-sans-code');
    const item = page.locator('[data-place="reseau-20-mediatheque"]');
    expect(await item.locator('[data-testid="place-catalog"]').textContent()).toBe(
      'Lieu indiqué par le catalogue : Réseau de médiation du 20e (démo, fictif)',
    );
    await expect
      // The catalog's address as the widget read it: resolved against the page.
      .poll(() => errors.find((e) => e.includes(`data-catalog « ${demo.url}/catalog/reseau-lieux.json »`)))
      .toBe(
        [
          `[Pas à pas] data-catalog « ${demo.url}/catalog/reseau-lieux.json » : 2 lieu(x) du catalogue mal écrit(s), laissé(s) de côté / 2 badly written catalog place(s), left out:`,
          '  - Lieu numéro 2 : le code postal doit avoir 5 chiffres. / Place no. 2: the postcode must have 5 digits.',
          '  - Lieu numéro 3 : le champ « nom » doit être un texte, ou une liste de textes. / Place no. 3: the field “nom” must be a text, or a list of texts.',
        ].join('\n'),
      );
    expect(await axe(page)).toEqual([]);
    // The catalog was read once, with its guides: its places asked nothing more.
    expect(asked.filter((u) => u.endsWith('/catalog/reseau-lieux.json'))).toHaveLength(1);
    expect(asked.filter((u) => u.includes('75020'))).toEqual([]);
    expect(browser.outside).toEqual([]);
  });

  test('in Arabic at 360 px', async () => {
    const { page, asked } = await widgetPage({ locale: 'ar', viewport: { width: 360, height: 800 } });
    await siteTag(page, { lang: 'ar' });
    await page.goto(`${demo.url}${PAGE}`);
    await openGuide(page);
    const ids = await searchFrom(page, '75011', helpMessages.ar?.['help.stuck'] ?? '');
    expect(ids[0]).toBe('demo-fs-paris-11');
    // « … nearest first », in Arabic.
    expect(await page.locator('[data-testid="help-count"]').textContent()).toContain('الأقرب أولًا');
    expect(await page.locator('#pp-help-title').textContent()).toBe('أجد مساعدة قرب منزلي');
    expect(
      await page.locator('[data-testid="help-places"]').evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
    expect(await axe(page)).toEqual([]);
    await shootHelp(page, join(SHOTS, 'widget-help-places-360-ar'));
    expect(asked.filter((u) => u.includes('75011'))).toEqual([]);
    expect(browser.outside).toEqual([]);
  });

  test('a broken places file: the helplines still, and the site’s developers told what is wrong', async () => {
    // A file with one good row and bad ones, served by the site, as its developers might write it.
    const mixed = [
      'id,nom,commune,code_postal,adresse,latitude,longitude,services',
      'site-1,Point d’accueil du site (essai),Paris,75011,1 rue de l’Essai,48.858,2.38,Aide aux démarches administratives',
      'site-2,Lieu sans code,Paris,750,2 rue de l’Essai,48.86,2.38,Aide aux démarches administratives',
      'site-3,Lieu mal placé,Paris,75011,3 rue de l’Essai,91,2.38,Aide aux démarches administratives',
    ].join('\n');
    const cases = [
      {
        places: '/demo-places/absent.csv',
        told: '[Pas à pas] data-places « /demo-places/absent.csv » : le serveur a répondu 404.',
      },
      {
        places: 'https://lieux.example.net/lieux.csv',
        told: '[Pas à pas] data-places « https://lieux.example.net/lieux.csv » : le fichier doit être sur le même site que la page (même origine) : il n’a pas été demandé.',
      },
      {
        places: '/demo-guides/index.json',
        told: '[Pas à pas] data-places « /demo-guides/index.json » : aucun lieu n’est bien écrit.',
      },
    ];
    for (const { places, told } of cases) {
      const { page, asked, errors } = await widgetPage();
      await siteTag(page, { places });
      await page.goto(`${demo.url}${PAGE}`);
      await openGuide(page);
      await press(page, 'Je n’y arrive pas');
      await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-help-title');
      await expect
        .poll(() => page.locator('[data-testid="help-unavailable"]').count(), { message: places })
        .toBe(1);
      // No postcode asked for nothing; the guide's helplines are there, reached by keyboard.
      expect(await page.locator('#pp-help-postcode').count()).toBe(0);
      expect(await page.locator('[data-testid="help-lines"]').textContent()).toContain('01 99 00 00 00');
      await tabTo(page, (el) => el.text.includes('01 99 00 00 00'), 10);
      await expect.poll(() => errors.find((e) => e.startsWith(told)), { message: places }).toBeDefined();
      expect(await axe(page)).toEqual([]);
      if (places === cases[0]?.places)
        await page
          .locator('[data-testid="help-places"]')
          .screenshot({ path: join(SHOTS, 'widget-help-places-broken-fr.png') });
      expect(asked.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
      await context?.close();
      context = undefined;
    }
    expect(browser.outside).toEqual([]);

    // Some rows bad: the good place is offered, each bad row told with its line.
    const { page, errors } = await widgetPage();
    await siteTag(page, { places: '/lieux-du-site.csv' });
    await page.route(`${demo.url}/lieux-du-site.csv`, (route) =>
      route.fulfill({ contentType: 'text/csv; charset=utf-8', body: mixed }),
    );
    await page.goto(`${demo.url}${PAGE}`);
    await openGuide(page);
    expect(await searchFrom(page, '75011', 'Je n’y arrive pas')).toEqual(['site-1']);
    await expect
      .poll(() => errors.find((e) => e.includes('data-places « /lieux-du-site.csv »')))
      .toBe(
        [
          '[Pas à pas] data-places « /lieux-du-site.csv » : 2 ligne(s) mal écrite(s), laissée(s) de côté : / 2 badly written row(s), left out:',
          '  - Ligne 3 : le code postal doit avoir 5 chiffres. / Line 3: the postcode must have 5 digits.',
          '  - Ligne 4 : la latitude doit être un nombre entre -90 et 90. / Line 4: the latitude must be a number between -90 and 90.',
        ].join('\n'),
      );
    expect(await page.locator('[data-testid="help-unavailable"]').count()).toBe(0);
    expect(browser.outside).toEqual([]);
  });
});
