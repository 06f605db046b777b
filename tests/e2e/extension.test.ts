import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launch, launcher, panel, type Session } from './harness';

let demo: Demo;
let session: Session;
/** Uncaught errors on the pages a test opened: each test must leave none. */
const pageErrors: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  session = await launch({ extension: true });
});
afterEach(() => {
  const seen = pageErrors.splice(0);
  expect(seen).toEqual([]);
});
afterAll(async () => {
  await session?.close();
  await demo?.close();
});

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(`${demo.url}${path}`);
  await launcher(page).waitFor();
  return page;
}

describe('extension', () => {
  test('opens the panel from the launcher on the demo; focus goes in, Escape brings it back', async () => {
    const page = await open('/aide-logement/identite.html?widget=0');
    await launcher(page).click();
    await expect.poll(() => panel(page).count()).toBe(1);
    expect(await deepActive(page)).toMatchObject({ id: 'pp-title' });
    expect(await panel(page).getAttribute('role')).toBe('dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await deepActive(page)).toMatchObject({ pasapas: 'launcher' });
    await page.close();
  });

  test('opens on a plain page too, with the keyboard shortcut', async () => {
    const page = await open('/plain.html');
    await page.locator('body').click();
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.close();
  });

  test('comfort settings apply to the page and follow navigation to a new page', async () => {
    const page = await open('/plain.html');
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await launcher(page).click();
    await page.locator('[role=tab][data-feature="comfort"]').click();
    await page.locator('[data-action="text-larger"]').click();
    await page.locator('[data-setting="theme"] input[value="yellow-black"]').check();
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(0, 0, 0)');
    expect(before).not.toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');

    // A new page has them too, without opening the panel. (Whether they show on its very first
    // frame is a race between the storage read at document_start and the browser's first paint:
    // not asserted here, where a busy machine loses it; not yet measured by a benchmark either.)
    const next = await session.context.newPage();
    await next.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    await expect
      .poll(() =>
        next.evaluate(
          () =>
            `${getComputedStyle(document.documentElement).fontSize}|${getComputedStyle(document.documentElement).backgroundColor}`,
        ),
      )
      .toBe('20px|rgb(0, 0, 0)');
    expect(await panel(next).count()).toBe(0);

    // Back to the site's own settings: reversible.
    await page.locator('[data-action="comfort-reset"]').click();
    await expect
      .poll(() => next.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .not.toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(before);
    expect(await next.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    await page.close();
    await next.close();
  });

  test('with the widget also on the page, exactly one panel shows', async () => {
    const page = await open('/aide-logement/identite.html');
    await expect
      .poll(() => page.locator('pasapas-aide').getAttribute('data-pasapas-state'))
      .toBe('extension');
    expect(await page.locator('[data-pasapas="launcher"]').count()).toBe(1);
    await launcher(page).click();
    await expect.poll(() => panel(page).count()).toBe(1);
    // Hosts that hold a panel or a launcher (the guide's highlight has a host of its own): the
    // extension's only, none from the widget.
    const hosts = await page.locator('[data-pasapas-host]').evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-pasapas-host'),
        ui: !!e.shadowRoot?.querySelector('[data-pasapas="panel"], [data-pasapas="launcher"]'),
      })),
    );
    expect(hosts.filter((h) => h.ui).map((h) => h.kind)).toEqual(['page']);
    expect(hosts.some((h) => h.kind === 'widget')).toBe(false);
    await page.close();
  });

  test('says plainly that no voice is installed (headless Chromium has none)', async () => {
    const page = await open('/plain.html');
    await launcher(page).click();
    await page.locator('[role=tab][data-feature="speech"]').click();
    await page.locator('[data-action="read-page"]').click();
    await expect
      .poll(() => page.locator('[data-testid="speech-message"]').textContent())
      .toContain('Aucune voix');
    await page.close();
  });

  test('the in-page panel, options, popup and side panel pass axe-core', async () => {
    const page = await open('/aide-logement/identite.html?widget=0');
    await launcher(page).click();
    await panel(page).waitFor();
    for (const feature of await page
      .locator('[role=tab]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')))) {
      await page.locator(`[role=tab][data-feature="${feature}"]`).click();
      await page.locator('[role=tabpanel] .pp-loading').waitFor({ state: 'detached' });
      expect(await axe(page), `panel tab ${feature}`).toEqual([]);
    }
    for (const name of ['options', 'popup', 'sidepanel']) {
      const ext = await session.context.newPage();
      await ext.goto(`chrome-extension://${session.extensionId}/${name}.html`);
      await ext.locator('h1, h2').first().waitFor();
      expect(await axe(ext, 'body'), name).toEqual([]);
      await ext.close();
    }
    await page.close();
  });

  test('the options page holds the language and the comfort defaults, applied on every site', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('select').first().selectOption('en');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Pas à pas: settings');
    await options.locator('[data-setting="font"] input[value="legible"]').check();
    const page = await open('/plain.html');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('p') as Element).fontFamily))
      .toContain('Atkinson Hyperlegible');
    expect(await launcher(page).textContent()).toContain('Open Pas à pas help');
    await options.locator('[data-action="comfort-reset"]').click();
    await options.locator('select').first().selectOption('');
    await options.close();
    await page.close();
  });

  test('no request left localhost', () => {
    expect(session.outside).toEqual([]);
  });
});
