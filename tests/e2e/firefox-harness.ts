/**
 * Firefox (Debian's firefox-esr) with the built extension, driven over WebDriver BiDi with
 * puppeteer-core, for the tests that need its extension pages and a known profile
 * (firefox-at-rest, firefox-session-end). The extension's UUID is fixed by the pref
 * `extensions.webextensions.uuids`, so a test knows its pages' addresses and its storage folders;
 * `--remote-allow-system-access` lets BiDi navigate to and script those pages (bug 1755014).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { ROOT } from './harness';

export const ADDON_ID = 'pasapas@example.org';
export const UUID = '6f1d2c3b-8a47-4e59-b0c1-d2e3f4a5b6c7';
export const FIREFOX_EXTENSION = join(ROOT, '.output/firefox-mv3');

/** Debian's firefox-esr (`apt-get install firefox-esr`); elsewhere PASAPAS_FIREFOX. */
export function firefoxPath(): string {
  const path = process.env.PASAPAS_FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}: install firefox-esr or set PASAPAS_FIREFOX`);
  return path;
}

/** Firefox in French on `profileDir`, the extension (from `extensionDir`) installed as a temporary add-on. */
export async function firefoxWithExtension(
  profileDir: string,
  {
    prefs = {},
    extensionDir = FIREFOX_EXTENSION,
  }: { prefs?: Record<string, unknown>; extensionDir?: string } = {},
): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'intl.accept_languages': 'fr-FR, fr',
      'intl.locale.requested': 'fr-FR',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      ...prefs,
    },
  });
  expect(await browser.installExtension(extensionDir)).toBe(ADDON_ID);
  return browser;
}

/** A new tab whose every request leaving this machine is noted in `outside`. */
export async function watchedPage(browser: Browser, outside: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (request) => {
    const u = new URL(request.url());
    const local = ['127.0.0.1', 'localhost'].includes(u.hostname);
    if (!local && !['moz-extension:', 'data:', 'blob:', 'about:'].includes(u.protocol)) outside.push(u.href);
  });
  return page;
}

/** An extension page in a tab. BiDi reports no navigation event there: wait for its document. */
export async function extensionPage(browser: Browser, path: string, outside: string[]): Promise<Page> {
  const page = await watchedPage(browser, outside);
  const url = `moz-extension://${UUID}/${path}`;
  const context = (
    page.mainFrame() as unknown as {
      browsingContext?: { navigate(url: string, wait: 'none'): Promise<void> };
    }
  ).browsingContext;
  if (!context) throw new Error('puppeteer-core changed: no browsingContext on the BiDi frame');
  await context.navigate(url, 'none');
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, url);
  return page;
}

/** The extension's own storage (IndexedDB, OPFS) and its `storage.local`, in a profile. */
export const extensionDirs = (dir: string) => ({
  extDir: join(dir, 'storage/default', `moz-extension+++${UUID}`),
  localDir: join(dir, 'storage/default', `moz-extension+++${UUID}^userContextId=4294967295`),
});

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations (ids) in `selector` of the page (BiDi's evaluation is not bound by the page's CSP). */
export async function axeIn(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const run = (window as unknown as { axe: { run(c: string): Promise<{ violations: { id: string }[] }> } })
      .axe.run;
    return (await run(sel)).violations.map((v) => v.id);
  }, selector);
}
