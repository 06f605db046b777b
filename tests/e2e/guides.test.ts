import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uiMessages } from '../../utils/i18n/ui';
import { HOUSING_CHOSEN, HOUSING_FILES, HOUSING_PAGES, HOUSING_VALUES } from '../fixtures/housing';
import { type Demo, startDemoServer } from './demo';
import { guideWalk, pageFocus, pressPanelButton, type WalkedGuide } from './guide-walk';
import { axe, deepActive, launch, launchBrowser, launcher, panel, ROOT, tabTo } from './harness';

const guidePath = join(ROOT, 'public/guides/fr.demo.aide-logement.json');
const GUIDE = JSON.parse(readFileSync(guidePath, 'utf8')) as WalkedGuide & { id: string };
const { pageCount, openPanel, expectStep, walkPage } = guideWalk(GUIDE);
const SLUGS = HOUSING_PAGES.map((p) => p.slug);

let demo: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('guides in the widget', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.context();
  });
  afterAll(async () => {
    await context?.close();
  });

  test('walks the whole housing procedure by keyboard, the panel following every page', async () => {
    await fetch(`${demo.url}/demo-api/reset`, { method: 'POST' });
    const page = await context.newPage();
    // Playwright turns file-chooser interception on asynchronously when the first listener is added:
    // arm it now, or a key pressed right after `waitForEvent('filechooser')` may open a real dialog.
    page.on('filechooser', () => {});
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await openPanel(page);
    await expect(page.locator('[data-testid="guide-title"]').textContent()).resolves.toBe(
      'Demande d’aide au logement (démo)',
    );
    // The first step of this page (the intro page's step is for the page before).
    await expectStep(page, 'civilite');
    expect(await axe(page)).toEqual([]);
    // The field to fill is highlighted on the page.
    await expect.poll(() => page.locator('[data-pasapas="highlight"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);

    for (const slug of SLUGS) {
      expect(page.url()).toContain(`/aide-logement/${slug}.html`);
      await walkPage(page, slug === 'identite');
    }
    expect(page.url()).toContain('/aide-logement/confirmation.html');
    await openPanel(page);
    await expectStep(page, 'fin');
    await pressPanelButton(page, 'C’est fait');
    await expect.poll(() => page.locator('[data-testid="guide-finished"]').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);

    const last = await (await fetch(`${demo.url}/demo-api/submissions/last`)).json();
    expect(last.procedure).toBe('aide-logement');
    for (const [name, value] of Object.entries(HOUSING_VALUES)) {
      expect(String(last.values[name]).replace(/\s/g, ''), name).toBe(value.replace(/\s/g, ''));
    }
    for (const [name, value] of Object.entries(HOUSING_CHOSEN)) expect(last.values[name], name).toBe(value);
    expect(Object.keys(last.files).sort()).toEqual(HOUSING_FILES);
    expect(browser.outside).toEqual([]);
  });

  test('a step done when the person clicks elsewhere leaves focus where they clicked', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await openPanel(page);
    await expectStep(page, 'civilite');
    await page.locator('fieldset[data-field="civilite"] label', { hasText: 'Madame' }).click();
    // The choice counts once the person leaves it: here, by clicking into the name.
    await page.locator('input[name="nom"]').click();
    await expectStep(page, 'nom');
    await page.keyboard.type('Martin');
    // Skips the first name: the mouse goes to the e-mail field; the step done on leaving "nom" must
    // not pull focus back to "prenom" under the person's typing.
    await page.locator('input[name="email"]').click();
    await expectStep(page, 'prenom');
    // The step moved on leaving "nom", in the same event that would schedule pulling focus to
    // "prenom" (a 0 ms timer): every round trip since (the panel read above, this one) ran after it.
    expect((await pageFocus(page))?.name).toBe('email');
    await page.keyboard.type('lea@exemple.fr');
    expect(await page.locator('input[name="email"]').inputValue()).toBe('lea@exemple.fr');
    expect(await page.locator('input[name="prenom"]').inputValue()).toBe('');
    await page.close();
  });

  test('a hostile guide is refused and its text stays inert text', async () => {
    const hostile = JSON.parse(readFileSync(guidePath, 'utf8'));
    hostile.title.fr = 'Aide <img src=x onerror="window.__pwned=1">';
    hostile.summary.fr = 'Voir [ici](javascript:window.__pwned=1)';
    hostile.steps[1].body.fr = '<script>window.__pwned=1</script> Cochez une case.';
    const text = JSON.stringify(hostile);
    const index = JSON.parse(readFileSync(join(ROOT, 'public/guides/index.json'), 'utf8'));
    // The demo site serves its own guides (data-catalog="/demo-guides/index.json").
    for (const entry of index.guides) {
      if (entry.id === hostile.id) entry.sha256 = createHash('sha256').update(text).digest('hex');
    }
    const ctx = await browser.context();
    const page = await ctx.newPage();
    await page.route('**/demo-guides/index.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: JSON.stringify(index) }),
    );
    await page.route('**/demo-guides/fr.demo.aide-logement.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: text }),
    );
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await openPanel(page);
    // Not followed: the page has no usable guide, and the person is told plainly.
    await expect(page.locator('[data-testid="guides-none"]').textContent()).resolves.toContain(
      'Aucun guide n’est prévu pour cette page.',
    );
    const problems = page.locator('[data-testid="guide-problems"]');
    await problems.locator('summary').click();
    const shown = await problems.textContent();
    expect(shown).toContain('mal écrit');
    expect(shown).toContain('<img src=x onerror=');
    expect(shown).toContain('javascript:window.__pwned=1');
    // Nothing was parsed as HTML: no element came from the guide, no script ran.
    expect(await problems.locator('img, script, a').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});

describe('guides in the extension', () => {
  test('walks the whole housing procedure by keyboard alone, the panel following every page', async () => {
    const session = await launch({ extension: true });
    try {
      await fetch(`${demo.url}/demo-api/reset`, { method: 'POST' });
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openPanel(page);
      await expect(page.locator('[data-testid="guide-title"]').textContent()).resolves.toBe(
        'Demande d’aide au logement (démo)',
      );
      await expectStep(page, 'civilite');
      expect(await axe(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => panel(page).count()).toBe(0);
      for (const slug of SLUGS) {
        expect(page.url()).toContain(`/aide-logement/${slug}.html`);
        await walkPage(page, slug === 'identite');
      }
      expect(page.url()).toContain('/aide-logement/confirmation.html');
      await openPanel(page);
      await expectStep(page, 'fin');
      await pressPanelButton(page, 'C’est fait');
      await expect.poll(() => page.locator('[data-testid="guide-finished"]').isVisible()).toBe(true);
      const last = await (await fetch(`${demo.url}/demo-api/submissions/last`)).json();
      expect(last.procedure).toBe('aide-logement');
      for (const [name, value] of Object.entries(HOUSING_VALUES)) {
        expect(String(last.values[name]).replace(/\s/g, ''), name).toBe(value.replace(/\s/g, ''));
      }
      expect(Object.keys(last.files).sort()).toEqual(HOUSING_FILES);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('the side panel shows the active page’s guide and drives its highlight', async () => {
    const session = await launch({ extension: true });
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(site).waitFor();
      // The side panel page, opened as a tab: it follows the tab used before it.
      const side = await session.context.newPage();
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await expect
        .poll(() => side.locator('[data-testid="guide-title"]').textContent(), { timeout: 10_000 })
        .toBe('Demande d’aide au logement (démo)');
      await expect.poll(() => side.locator('section[data-step]').getAttribute('data-step')).toBe('civilite');
      expect(await side.locator('[data-testid="guide-count"]').textContent()).toBe(pageCount('civilite'));
      // The highlight is drawn on the page itself.
      await expect.poll(() => site.locator('[data-pasapas="highlight"]').isVisible()).toBe(true);
      expect(await axe(side)).toEqual([]);

      // Keyboard alone in the side panel: "Étape suivante" moves the page's highlight to the name.
      // A late update from the page may move focus back to the step's title while Tab is pressed (seen
      // on a loaded machine): start the walk again from the title until the button is reached.
      await expect
        .poll(
          async () => {
            await side.locator('h1, h2, [data-testid="guide-title"]').first().click();
            return tabTo(side, (el) => el.tag === 'button' && el.text === 'Étape suivante', 60).then(
              () => true,
              () => false,
            );
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      await side.keyboard.press('Enter');
      await expect.poll(() => side.locator('section[data-step]').getAttribute('data-step')).toBe('nom');
      await expect.poll(async () => (await deepActive(side))?.id).toBe('pp-guide-step-title');
      const near = () =>
        site.evaluate(() => {
          const field = document.querySelector('input[name="nom"]')?.getBoundingClientRect();
          const drawn = document
            .querySelector('[data-pasapas-host="guide-highlight"]')
            ?.shadowRoot?.querySelector('[data-pasapas="highlight"]')
            ?.getBoundingClientRect();
          return !!field && !!drawn && Math.abs(drawn.x - field.x) < 12 && Math.abs(drawn.y - field.y) < 12;
        });
      await expect.poll(near).toBe(true);

      // What the person types on the page moves the side panel on.
      await site.locator('input[name="nom"]').fill(HOUSING_VALUES.nom ?? '');
      await site.locator('input[name="nom"]').press('Tab');
      await expect.poll(() => side.locator('section[data-step]').getAttribute('data-step')).toBe('prenom');

      // "Montrer le champ sur la page" focuses the field in the page.
      await side.locator('[data-action="go-to-field"]').click();
      await expect.poll(() => pageFocus(site)).toMatchObject({ name: 'prenom' });

      // A page without a guide: the side panel says so.
      await site.goto(`${demo.url}/plain.html?widget=0`);
      await expect
        .poll(() => side.locator('[data-testid="guides-none"]').textContent(), { timeout: 10_000 })
        .toContain('Aucun guide n’est prévu pour cette page.');
      expect(await axe(side)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('the guide shows and the field is highlighted next to it', async () => {
    const session = await launch({ extension: true });
    try {
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(page).waitFor();
      await launcher(page).click();
      await expect.poll(() => panel(page).count()).toBe(1);
      await page.locator('[data-testid="guide-title"]').waitFor();
      await expectStep(page, 'civilite');
      const box = page.locator('[data-pasapas="highlight"]');
      await expect.poll(() => box.isVisible()).toBe(true);
      // The box surrounds the field (a few pixels of margin), once scrolling has settled.
      const gap = () =>
        page.evaluate(() => {
          const field = document
            .querySelector('input[name="civilite"]')
            ?.closest('fieldset')
            ?.getBoundingClientRect();
          const host = document.querySelector('[data-pasapas-host="guide-highlight"]');
          const drawn = host?.shadowRoot
            ?.querySelector('[data-pasapas="highlight"]')
            ?.getBoundingClientRect();
          if (!field || !drawn) return null;
          return {
            x: Math.abs(drawn.x - field.x) < 12,
            y: Math.abs(drawn.y - field.y) < 12,
            covers: drawn.width >= field.width && drawn.height >= field.height,
            inView: drawn.top >= 0 && drawn.bottom <= innerHeight,
          };
        });
      await expect.poll(gap).toEqual({ x: true, y: true, covers: true, inView: true });
      await expect(page.locator('[data-pasapas="highlight-label"]').textContent()).resolves.toBe(
        'À remplir ici',
      );
      // The open panel is in the top layer and the highlight is not: the highlight never paints over
      // the panel (it did when both were, the highlight shown last).
      expect(
        await page.evaluate(() => [
          document.querySelector('[data-pasapas-host="page"]')?.matches(':popover-open'),
          document.querySelector('[data-pasapas-host="guide-highlight"]')?.matches(':popover-open'),
        ]),
      ).toEqual([true, false]);
      // "Aller au champ" moves focus to the field; typing there moves the guide on.
      await page.locator('[data-action="go-to-field"]').click();
      await expect.poll(() => pageFocus(page)).toMatchObject({ name: 'civilite' });
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await expectStep(page, 'nom');
      await expect.poll(() => pageFocus(page)).toMatchObject({ name: 'nom' });
      // Reading the step aloud: headless Chromium has no voice, and the person is told so.
      await page.locator('[data-action="read-step"]').click();
      await expect
        .poll(() => page.locator('.pp-guide-step [role="status"]').textContent())
        .toBe(uiMessages.fr['speech.noVoice']);
      expect(await axe(page)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
