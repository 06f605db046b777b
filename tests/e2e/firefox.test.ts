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
async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (request) => {
    const u = new URL(request.url());
    const local = ['127.0.0.1', 'localhost'].includes(u.hostname);
    if (!local && !['moz-extension:', 'data:', 'blob:', 'about:'].includes(u.protocol)) outside.push(u.href);
  });
  return page;
}

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

  test('extension: the launcher opens the panel, the guide shows in French, Escape gives focus back', async () => {
    await browser.installExtension(join(ROOT, '.output/firefox-mv3'));
    const page = await newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    // The page's script finds our host but not into it: the root is closed in Firefox too.
    const host = await page.waitForSelector('[data-pasapas-host="page"]');
    expect(await host?.evaluate((el) => el.shadowRoot === null)).toBe(true);
    const launcher = await pierce(page, '[data-pasapas="launcher"]');
    // No marker of the extension on the page: the widget asks instead, only where there is one.
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-pasapas-extension'))).toBe(
      false,
    );
    await launcher.click();
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
