/**
 * The same built extension and widget in Firefox (Debian's firefox-esr here), driven through
 * WebDriver BiDi with puppeteer-core: Playwright drives only its own patched Firefox. The
 * extension is installed as a temporary add-on (`webExtension.install`), as `about:debugging` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { watchedPage } from './firefox-harness';
import { pierce, pierceGone } from './firefox-roots';
import { ROOT } from './harness';

/** Debian's firefox-esr (`apt-get install firefox-esr`); elsewhere PASAPAS_FIREFOX. */
function firefoxPath(): string {
  const path = process.env.PASAPAS_FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}: install firefox-esr or set PASAPAS_FIREFOX`);
  return path;
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let demo: Demo;
let browser: Browser;
const outside: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr', 'intl.locale.requested': 'fr-FR' },
  });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A page whose every request is recorded; the suite fails on any that leaves the machine. */
const newPage = () => watchedPage(browser, outside);

/** The deepest focused element, through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      inPanel: !!el?.closest('[data-pasapas="panel"]'),
      launcher: el?.getAttribute('data-pasapas') === 'launcher',
    };
  });

/** axe-core's violations on the page, our shadow roots included. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run;
    return (await run()).violations.map((v) => v.id);
  });
}

describe('Firefox', () => {
  test('widget (before the extension is installed): the panel opens on the site and text size applies to the page', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('request', (request) => {
      const u = new URL(request.url());
      if (
        !['127.0.0.1', 'localhost'].includes(u.hostname) &&
        !['data:', 'blob:', 'about:'].includes(u.protocol)
      )
        outside.push(u.href);
    });
    await page.goto(`${demo.url}/plain.html`);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await page.locator('pierce/[data-pasapas="launcher"]').click();
    await page.waitForSelector('pierce/[data-pasapas="panel"]');
    // By keyboard: focus the control, press Enter.
    const press = async (selector: string) => {
      await page.locator(`pierce/${selector}`).wait();
      await (await page.$(`pierce/${selector}`))?.focus();
      await page.keyboard.press('Enter');
    };
    await press('[role=tab][data-feature="comfort"]');
    await press('[data-action="text-larger"]');
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize !== '16px');
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  // Before the extension is installed: with it, the widget hands over to the extension's panel.
  test('widget: « Mes informations » keeps a value sealed and fills it after one confirmation', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('request', (request) => {
      const u = new URL(request.url());
      if (
        !['127.0.0.1', 'localhost'].includes(u.hostname) &&
        !['data:', 'blob:', 'about:'].includes(u.protocol)
      )
        outside.push(u.href);
    });
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    const el = async (selector: string) => {
      await page.locator(`pierce/${selector}`).wait();
      const handle = await page.$(`pierce/${selector}`);
      if (!handle) throw new Error(`${selector} not found`);
      return handle;
    };
    // By keyboard: focus the control, press Enter.
    const press = async (selector: string) => {
      await (await el(selector)).focus();
      await page.keyboard.press('Enter');
    };
    await press('[data-pasapas="launcher"]');
    await press('[role=tab][data-feature="infos"]');
    await el('[data-testid="infos-empty"]');
    await (await el('#pp-infos-add-value')).focus();
    await page.keyboard.type('Inès-Zéphyrine');
    // The form's kind: « Prénoms ».
    await (await el('[data-testid="infos-add"] select')).select('given-names');
    await (await el('#pp-infos-add-value')).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () => (await page.$('pierce/[data-testid="infos-value"]'))?.evaluate((v) => v.textContent),
        {
          timeout: 20_000,
        },
      )
      .toBe('Inès-Zéphyrine');
    // Sealed in the site's database: the value is not in any stored record.
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      const texts: string[] = [];
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result);
          });
          texts.push(`${store}:${all.length}:${JSON.stringify(all)}`);
        }
        db.close();
      }
      return texts;
    });
    expect(stored.some((t) => t.startsWith('infos:1:'))).toBe(true);
    expect(stored.join('\n')).not.toContain('Zéphyrine');

    await press('[data-testid="infos-tab"] .pp-infos-fill button');
    const offer = await el('.pp-infos-offers button[data-target]');
    expect(await offer.evaluate((b) => b.textContent)).toContain('Inès-Zéphyrine');
    expect(await page.$eval('[name="prenom"]', (i) => (i as HTMLInputElement).value)).toBe('');
    expect(await axe(page)).toEqual([]);
    await offer.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.$eval('[name="prenom"]', (i) => (i as HTMLInputElement).value), { timeout: 20_000 })
      .toBe('Inès-Zéphyrine');
    await context.close();
  });

  test('extension: the launcher opens the panel, the guide shows in French, Escape gives focus back', async () => {
    await browser.installExtension(join(ROOT, '.output/firefox-mv3'));
    const page = await newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    // The page's script finds our host but not into it: the root is closed in Firefox too.
    const host = await page.waitForSelector('[data-pasapas-host="page"]');
    expect(await host?.evaluate((el) => el.shadowRoot === null)).toBe(true);
    await pierce(page, '[data-pasapas="launcher"]');
    // No marker of the extension on the page: the widget asks instead, only where there is one.
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-pasapas-extension'))).toBe(
      false,
    );
    // A locator, not the handle found above: the launcher may be drawn again once the settings
    // arrive, and a click on the old node fails (« Node is detached », seen under load).
    await page.locator('pierce/[data-pasapas="launcher"]').click();
    await pierce(page, '[data-pasapas="panel"]');
    const title = await pierce(page, '[data-testid="guide-title"]');
    expect(await title?.evaluate((el) => el.textContent)).toBe('Demande d’aide au logement (démo)');
    expect((await focused(page)).inPanel).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await pierceGone(page, '[data-pasapas="panel"]');
    expect((await focused(page)).launcher).toBe(true);
    await page.close();
  });

  test('no request left localhost', () => {
    expect(outside).toEqual([]);
  });
});
