import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launchBrowser, launcher, panel, tabTo } from './harness';

let demo: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
});
// Each test has its own storage: settings saved per site must not leak between tests.
beforeEach(async () => {
  context = await browser.context();
});
afterEach(async () => {
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function open(path: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  await setup?.(page);
  await page.goto(`${demo.url}${path}`);
  await launcher(page).waitFor();
  return page;
}

/** Serves a page of our own at the demo's origin, to try widget configurations. */
async function customPage(html: string, path = '/essai.html'): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${demo.url}${path}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  return page;
}

const shell = (body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body><main><h1>Essai</h1><p>Une page de l'administration.</p><button id="site-button" type="button">Bouton du site</button>${body}</main></body></html>`;

describe('widget', () => {
  test('works by keyboard alone: launcher, tabs, a setting, Escape', async () => {
    const page = await open('/aide-logement/identite.html');
    await tabTo(page, (el) => el.pasapas === 'launcher', 80);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).count()).toBe(1);
    expect(await deepActive(page)).toMatchObject({ id: 'pp-title' });
    const tab = await tabTo(page, (el) => el.role === 'tab');
    expect(tab.role).toBe('tab');
    // Arrow keys move between tabs; Enter is not needed (automatic activation).
    for (let i = 0; i < 6; i++) {
      const active = await deepActive(page);
      if (active?.id === 'pp-tab-comfort') break;
      await page.keyboard.press('ArrowRight');
    }
    expect(await deepActive(page)).toMatchObject({ id: 'pp-tab-comfort' });
    await tabTo(page, (el) => el.text.includes('Texte plus grand'));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
      .toBe('20px');
    // Visible focus: the focused control has an outline.
    const outline = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await deepActive(page)).toMatchObject({ pasapas: 'launcher' });
    // Per site: kept after a reload, and applied before the first paint.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { firstFrame?: string }).firstFrame = getComputedStyle(
          document.documentElement,
        ).fontSize;
      });
    });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { firstFrame?: string }).firstFrame))
      .toBe('20px');
    await page.close();
  });

  test('every tab passes axe-core, in French, in Arabic (right to left) and in each colour theme', async () => {
    const page = await open('/aide-logement/identite.html');
    await launcher(page).click();
    await panel(page).waitFor();
    const features = await page
      .locator('[role=tab]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')));
    expect(features).toEqual(expect.arrayContaining(['comfort', 'speech']));
    for (const theme of ['default', 'yellow-black']) {
      for (const lang of ['fr', 'ar']) {
        await page.locator('.pp-lang select').selectOption(lang);
        for (const feature of features) {
          await page.locator(`[role=tab][data-feature="${feature}"]`).click();
          await page.locator('[role=tabpanel] .pp-loading').waitFor({ state: 'detached' });
          if (feature === 'comfort' && theme !== 'default') {
            await page.locator(`[data-setting="theme"] input[value="${theme}"]`).check();
          }
          expect(await axe(page), `${feature} ${lang} ${theme}`).toEqual([]);
        }
      }
    }
    expect(await page.locator('.pp-root').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('[data-pasapas="launcher"]').textContent()).toContain('أغلق');
    await page.locator('.pp-lang select').selectOption('fr');
    await page.locator('[role=tab][data-feature="comfort"]').click();
    await page.locator('[data-action="comfort-reset"]').click();
    await page.close();
  });

  test('a bad configuration gives a clear console error and the page keeps working', async () => {
    const page = await customPage(
      shell(
        `<script src="/pasapas/widget.js" data-features="comfort,teleportation" data-lang="klingon" defer></script>`,
      ),
    );
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${demo.url}/essai.html`);
    await launcher(page).waitFor();
    expect(errors.join('\n')).toContain('configuration du widget incorrecte');
    expect(errors.join('\n')).toContain('teleportation');
    expect(errors.join('\n')).toContain('klingon');
    expect(pageErrors).toEqual([]);
    await page.locator('#site-button').click();
    await launcher(page).click();
    await panel(page).waitFor();
    // The valid part of the configuration is kept: only the comfort feature.
    expect(
      await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature'))),
    ).toEqual(['comfort']);
    await page.close();
  });

  test('PasAPas.mount(options) and <pasapas-aide> work without the auto tag', async () => {
    const page = await customPage(
      shell(`<script src="/pasapas/widget.js" data-auto="false"></script>
      <script>window.mounted = PasAPas.mount({ features: ['speech'], lang: 'en', position: 'left' });</script>`),
      '/api.html',
    );
    await page.goto(`${demo.url}/api.html`);
    await launcher(page).waitFor();
    expect(await page.evaluate(() => (window as unknown as { mounted: boolean }).mounted)).toBe(true);
    expect(await launcher(page).textContent()).toContain('Open Pas à pas help');
    const box = await launcher(page).boundingBox();
    expect(box && box.x < 200).toBe(true);
    await page.close();

    const element = await customPage(
      shell(
        `<pasapas-aide data-features="comfort" data-lang="ar"></pasapas-aide><script src="/pasapas/widget.js" defer></script>`,
      ),
      '/element.html',
    );
    await element.goto(`${demo.url}/element.html`);
    await launcher(element).waitFor();
    expect(await element.locator('pasapas-aide').count()).toBe(1);
    expect(await launcher(element).textContent()).toContain('افتح');
    await element.close();
  });

  test('a hostile page (CSS that hides everything, a full-screen overlay) does not hide or break the panel', async () => {
    const page = await open('/hostile.html');
    const box = await launcher(page).boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    // The launcher is what is really under the pointer: above the page's overlay.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    expect(hit).toBe('pasapas-aide');
    await launcher(page).click();
    const panelBox = await panel(page).boundingBox();
    expect(panelBox && panelBox.width > 200 && panelBox.height > 200).toBe(true);
    expect(await panel(page).evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    await page.locator('[role=tab][data-feature="comfort"]').click();
    await page.locator('[data-action="text-larger"]').click();
    await expect.poll(() => page.locator('.pp-text-size').textContent()).toContain('125');
    await page.close();
  });

  test('a strict Content-Security-Policy page runs the widget and its panel', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`${demo.url}/csp.html`);
    await launcher(page).waitFor();
    await launcher(page).click();
    await page.locator('[role=tab][data-feature="comfort"]').click();
    await page.locator('[data-setting="theme"] input[value="dark"]').check();
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(18, 18, 18)');
    expect(violations).toEqual([]);
    await page.close();
  });

  test('fits a 320 px wide screen and 200 % zoom, and honours reduced motion', async () => {
    for (const viewport of [
      { width: 320, height: 640 },
      { width: 640, height: 450 }, // a 1280×900 window at 200 % zoom
    ]) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${demo.url}/aide-logement/identite.html`);
      await launcher(page).click();
      const box = await panel(page).boundingBox();
      expect(box).not.toBeNull();
      if (!box) return;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      // Everything in the panel can be reached: it scrolls instead of overflowing the screen.
      const scrolls = await panel(page).evaluate((el) => getComputedStyle(el).overflowY);
      expect(['auto', 'scroll']).toContain(scrolls);
      expect(await panel(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      await page.close();
    }
  });

  test('no request left localhost', () => {
    expect(browser.outside).toEqual([]);
  });
});
