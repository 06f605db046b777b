/**
 * The guide studio in the WIDGET (issue 12 item 1: « also in the widget for an administration's
 * own staff, behind a configuration flag »), in real Chromium on the demo site, no extension.
 * Flag on (the demo served as a staff site: data-studio="true" on the widget's script tag): the
 * « Créer un guide » tab is there, a field is recorded by keyboard on the page itself, and the
 * downloaded guide passes `pasapas guide validate`; what was typed in the page is nowhere in it;
 * axe clean. Flag off (the public site): nothing of the recorder, not even when the page's own
 * script asks for it (PasAPas.mount, a <pasapas-aide data-studio>).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseGuideText } from '../../utils/guides/schema';
import { HOUSING_PAGES, HOUSING_VALUES } from '../fixtures/housing';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launchBrowser, launcher, openPanelTab, panel, ROOT, tabTo } from './harness';
import {
  fillAndGoOn,
  highlighted,
  pressButton,
  recordFields,
  startGuide,
  stepCount,
  studioHighlight,
} from './studio-helpers';

let staff: Demo;
let publicSite: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
  staff = await startDemoServer({ port: 0, studio: true });
  publicSite = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
});
beforeEach(async () => {
  context = await browser.context();
});
afterEach(async () => {
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await staff?.close();
  await publicSite?.close();
});

const IDENTITY = '/aide-logement/identite.html';
const SHOTS = join(ROOT, 'test-results/screenshots');
const TYPED = 'Zéphyrine-Secrète';

/** Opens the widget's panel by keyboard: Tab to the launcher, Enter. */
async function openByKeyboard(page: Page) {
  await launcher(page).waitFor();
  await tabTo(page, (el) => el.pasapas === 'launcher', 80);
  await page.keyboard.press('Enter');
  await expect.poll(() => panel(page).count(), { timeout: 20_000 }).toBe(1);
}

const studioTab = (page: Page) => page.locator('[data-pasapas="panel"] [role=tab][data-feature="studio"]');

describe('guide studio in the widget', () => {
  test('flag on: recorder present, a field recorded by keyboard, the guide exported valid, nothing typed in it, axe clean', async () => {
    const page = await context.newPage();
    await page.goto(`${staff.url}${IDENTITY}`);
    // The staff member typed in the page before recording: the recorder never reads it.
    await page.locator('#nom').fill(TYPED);
    await page.locator('#nom').blur();
    await openByKeyboard(page);
    // The tab, by keyboard: the tab list's arrows (automatic activation).
    await tabTo(page, (el) => el.role === 'tab');
    for (let i = 0; i < 12; i++) {
      if ((await studioTab(page).getAttribute('aria-selected')) === 'true') break;
      await page.keyboard.press('ArrowRight');
    }
    await expect.poll(() => studioTab(page).getAttribute('aria-selected')).toBe('true');
    await startGuide(page, 'Demande d’aide au logement — identité', 'Caisse d’aide au logement (démo)');

    // Picking starts with focus on « Choisir cette case », in the panel: the keys the label names
    // (« Flèches », « Échap ») work there too, and Escape stops the picking, not the panel.
    await pressButton(page, 'Montrer une case sur la page');
    const row = page.locator('[data-testid="studio-picking"]');
    await row.waitFor();
    await expect.poll(async () => (await deepActive(page))?.text).toBe('Choisir cette case');
    const label = page
      .locator('[data-pasapas-host="studio-highlight"]')
      .locator('[data-pasapas="highlight-label"]');
    await expect.poll(() => label.textContent()).toMatch(/Flèches : case suivante ou précédente/);
    const at = async () => Number(/^(\d+) \//.exec((await label.textContent()) ?? '')?.[1]);
    const first = await at();
    await page.keyboard.press('ArrowDown');
    await expect.poll(at).toBe(first + 1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(at).toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => row.count()).toBe(0);
    expect(await panel(page).count()).toBe(1);
    expect(await page.locator('[data-testid="studio-steps"] > li').count()).toBe(0);

    // Recorded on the page itself: « Montrer une case sur la page », then Tab in the page to the
    // field and Enter (studio-helpers.recordFields, with the page as both sides).
    // The page as the staff member sees it while picking (for docs/creer-un-guide.md).
    await recordFields(page, page, ['nom'], async (site, id) => {
      const at = (await highlighted(site)) === id;
      if (at) await site.screenshot({ path: join(SHOTS, 'studio-widget-picking.png') });
      return at;
    });
    await expect
      .poll(() => page.locator('[data-testid="studio-steps"] h3').first().textContent())
      .toBe('Étape 1 : Nom de naissance');
    // The picking is over: the page's keys are the page's again, the highlight gone.
    await expect.poll(() => studioHighlight(page).isVisible()).toBe(false);

    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'studio-widget-step.png') });

    // What differs from the extension: no signing key, no install here; said in words.
    expect(await page.locator('[data-testid="studio-sign"]').count()).toBe(0);
    expect(await page.locator('[data-action="studio-install"]').count()).toBe(0);
    expect(await page.locator('[data-testid="studio-widget-note"]').textContent()).toContain(
      'pasapas guide sign',
    );

    const download = page.waitForEvent('download', { timeout: 20_000 });
    await pressButton(page, 'Vérifier et télécharger le guide');
    const file = await download;
    const path = await file.path();
    const text = readFileSync(path, 'utf8');
    const validate = spawnSync(process.execPath, [join(ROOT, 'bin/pasapas.js'), 'guide', 'validate', path], {
      encoding: 'utf8',
    });
    expect([validate.status, validate.stderr]).toEqual([0, '']);
    const parsed = parseGuideText(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.guide.steps).toHaveLength(1);
      expect(parsed.guide.steps[0]?.target).toMatchObject({ clues: { id: 'nom', name: 'nom' } });
    }
    expect(text).not.toContain(TYPED);
    // The draft kept in the site's storage (for the next page of the procedure) holds no value either.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(TYPED);
    expect(stored).toContain('pasapas.studio.draft');
    expect(browser.outside).toEqual([]);
  });

  test('across two pages of the procedure: the draft follows the page change in the site’s storage, without a typed value; the guide has both pages’ steps with their conditions and is valid', async () => {
    await fetch(`${staff.url}/demo-api/reset`, { method: 'POST' });
    const [first, second] = HOUSING_PAGES.slice(0, 2) as [
      (typeof HOUSING_PAGES)[0],
      (typeof HOUSING_PAGES)[0],
    ];
    const page = await context.newPage();
    await page.goto(`${staff.url}/aide-logement/${first.slug}.html`);
    await openPanelTab(page, 'studio');
    await startGuide(page, 'Aide au logement, deux pages', 'Caisse d’aide au logement (démo)');
    await recordFields(page, page, first.fields.slice(0, 2));

    // The staff member fills the page as anyone would and goes on: the widget is loaded again there.
    await fillAndGoOn(page, first.fields);
    expect(new URL(page.url()).pathname).toBe(`/aide-logement/${second.slug}.html`);
    await openPanelTab(page, 'studio');
    // The recording is still there: the same steps, the next ones recorded on this page.
    await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBe(2);
    await recordFields(page, page, second.fields.slice(0, 2));
    expect(await stepCount(page)).toBe(4);

    const download = page.waitForEvent('download', { timeout: 20_000 });
    await pressButton(page, 'Vérifier et télécharger le guide');
    const path = await (await download).path();
    const text = readFileSync(path, 'utf8');
    const validate = spawnSync(process.execPath, [join(ROOT, 'bin/pasapas.js'), 'guide', 'validate', path], {
      encoding: 'utf8',
    });
    expect([validate.status, validate.stderr]).toEqual([0, '']);
    const parsed = parseGuideText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.guide.matches.urls).toEqual(['http://127.0.0.1/aide-logement/*']);
    // Each step with the condition of the page it was recorded on, and its own field.
    const pages = [first, first, second, second];
    expect(parsed.guide.steps.map((s) => s.when?.urlPattern)).toEqual(
      pages.map((p) => `http://127.0.0.1/aide-logement/${p.slug}.html*`),
    );
    expect(parsed.guide.steps.map((s) => s.target?.clues?.name)).toEqual(
      [...first.fields.slice(0, 2), ...second.fields.slice(0, 2)].map((id) => id.split('-')[0]),
    );
    // What the staff member typed in the site's pages is neither in the guide nor in the site's
    // storage, where the draft waits between pages.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).toContain('pasapas.studio.draft');
    const typed = first.fields.map((id) => HOUSING_VALUES[id]).filter((v): v is string => !!v);
    expect(typed.length).toBeGreaterThan(3);
    for (const value of typed) {
      expect(text).not.toContain(value);
      expect(stored).not.toContain(value);
    }
    expect(browser.outside).toEqual([]);
  });

  test('flag off: nothing of the recorder, even when the page’s script asks for it', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${publicSite.url}${IDENTITY}`);
    await openByKeyboard(page);
    await expect.poll(() => page.locator('[data-pasapas="panel"] [role=tab]').count()).toBeGreaterThan(3);
    expect(await studioTab(page).count()).toBe(0);
    // The page's script (any script of a site that did not opt in) tries both ways.
    await page.evaluate(() => {
      const api = (window as unknown as { PasAPas: { mount(o: object, el: HTMLElement): boolean } }).PasAPas;
      const host = document.createElement('div');
      host.id = 'forged-mount';
      api.mount({ studio: true, features: 'studio,guides', position: 'left' }, host);
      const el = document.createElement('pasapas-aide');
      el.id = 'forged-element';
      el.setAttribute('data-studio', 'true');
      el.setAttribute('data-features', 'guides,studio');
      document.body.append(el);
    });
    await expect
      .poll(() => errors.filter((e) => e.includes('ne se règle que sur la balise <script>')).length)
      .toBe(2);
    // The widget the page's script mounted (on the left): its panel has no recorder.
    const forged = page.locator('#forged-mount');
    // Opened as openPanelTab does: clicked again while its panel loads.
    await expect
      .poll(
        async () => {
          if (!(await forged.locator('[data-pasapas="panel"]').isVisible()))
            await forged
              .locator('[data-pasapas="launcher"]')
              .click({ timeout: 2000 })
              .catch(() => {});
          return forged.locator('[data-pasapas="panel"] [role=tab]').count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(
      await forged.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature'))),
    ).toEqual(['guides']);
    expect(await page.locator('[role=tab][data-feature="studio"]').count()).toBe(0);
    expect(await page.locator('[data-testid="studio"]').count()).toBe(0);
    expect(await page.locator('[data-pasapas-host="studio-highlight"]').count()).toBe(0);
  });
});
