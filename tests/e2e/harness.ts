import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { followClosedRootsIn } from './closed-roots';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = join(ROOT, '.output/chrome-mv3');

import { chromiumPath } from '../fixtures/chromium';

export { chromiumPath };

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

export type Session = {
  context: BrowserContext;
  extensionId?: string;
  /** Every request that tried to leave localhost during the session. */
  outside: string[];
  close(): Promise<void>;
};

/** Blocks and records any request that would leave the machine: the suite fails on any. */
async function guardNetwork(context: BrowserContext, outside: string[]) {
  const allowed = (url: string) => {
    const u = new URL(url);
    return (
      u.protocol === 'chrome-extension:' ||
      u.protocol === 'data:' ||
      u.protocol === 'blob:' ||
      u.protocol === 'about:' ||
      u.hostname === '127.0.0.1' ||
      u.hostname === 'localhost'
    );
  };
  context.on('request', (request) => {
    if (!allowed(request.url())) outside.push(request.url());
  });
  await context.route('**/*', (route) =>
    allowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
}

/** A browser without the extension, giving one fresh context (own storage) per test. */
export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: BASE_ARGS });
  const outside: string[] = [];
  return {
    outside,
    async context(options: { viewport?: { width: number; height: number }; locale?: string } = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: options.locale ?? 'fr-FR',
      });
      await guardNetwork(context, outside);
      // The guide's highlight is in a closed root, the widget's too (closed-roots.ts).
      await followClosedRootsIn(context);
      return context;
    },
    close: () => browser.close(),
  };
}

export async function launch(
  options: {
    extension?: boolean;
    profileDir?: string;
    viewport?: { width: number; height: number };
    locale?: string;
    /** Our closed roots given to the page's own world too, for `evaluate` (see closed-roots.ts). */
    mainWorldRoots?: boolean;
    /** Another copy of the built extension (default: .output/chrome-mv3). */
    extensionDir?: string;
  } = {},
): Promise<Session> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'pasapas-profile-'));
  const args = [...BASE_ARGS];
  const extensionDir = options.extensionDir ?? EXTENSION;
  if (options.extension)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'fr-FR',
  });
  const outside: string[] = [];
  await guardNetwork(context, outside);
  // Our UI on web pages is in closed shadow roots: every page gets the test's way in.
  if (options.extension) {
    await followClosedRootsIn(context, { mainWorld: options.mainWorldRoots });
  }
  let extensionId: string | undefined;
  if (options.extension) {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    outside,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core on our own UI only (the demo site is not ours to judge here). */
export async function axe(page: Page, include = '[data-pasapas-host]') {
  let builder = new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  // A rule about whole pages: our UI on a page is not one, nor is our frame inside it.
  if (include.startsWith('[data-pasapas-host')) builder = builder.disableRules(['page-has-heading-one']);
  const results = await builder.analyze();
  // Not a hollow pass: axe did look inside our shadow roots (a node there is targeted by a list of
  // selectors, host first), which it could not if a closed root were not followed.
  if (include === '[data-pasapas-host]')
    expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.some(Array.isArray)))).toBe(
      true,
    );
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core inside one frame: our PIN frame sits in a closed shadow root, where the page (and so
 * AxeBuilder, which walks the page's DOM for frames) cannot reach it.
 */
export async function axeFrame(frame: Frame) {
  await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // A rule about whole pages: a frame inside the panel is not one (axe skips it in frames itself).
      rules: { 'page-has-heading-one': { enabled: false } },
    });
    return result.violations as { id: string; help: string; nodes: { target: string[] }[] }[];
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Our PIN frame (`session.html`) on a page: found through the browser's frame tree, since its
 * element is in a closed shadow root. Waits until it has claimed its place and shows its form.
 */
export async function sessionFrame(page: Page, view: 'banner' | 'tab'): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(
      async () => {
        found = page.frames().find((f) => f.url().includes(`/session.html?view=${view}`));
        if (!found) return null;
        return found
          .evaluate(() =>
            document.querySelector('[data-testid="session-page"]')?.getAttribute('data-claimed'),
          )
          .catch(() => null);
      },
      { timeout: 20_000 },
    )
    .toBe('true');
  return found as Frame;
}

/** The launcher and the panel, in our shadow roots (closed on web pages: see closed-roots.ts). */
export const launcher = (page: Page) => page.locator('[data-pasapas="launcher"]');
export const panel = (page: Page) => page.locator('[data-pasapas="panel"]');

/**
 * Opens the help by its keyboard shortcut, which toggles: pressed only while the help is closed
 * (it may be opening by itself at that moment, on a procedure's next page).
 */
export async function openByShortcut(page: Page) {
  await launcher(page).waitFor({ state: 'attached' });
  await expect
    .poll(
      async () => {
        if (
          await panel(page)
            .isVisible()
            .catch(() => false)
        )
          return true;
        await page.keyboard.press('Alt+Shift+KeyP');
        return panel(page)
          .waitFor({ timeout: 2000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Opens the panel (it may be mounting, closed, at that very moment: tries again) on one feature's tab. */
export async function openPanelTab(page: Page, feature: string) {
  await expect
    .poll(
      async () => {
        if (
          !(await panel(page)
            .isVisible()
            .catch(() => false))
        )
          await launcher(page)
            .click({ timeout: 2000 })
            .catch(() => {});
        return panel(page).isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await chooseTab(page, feature);
}

/**
 * Chooses one of the open panel's tabs as a person would: on a narrow or zoomed screen the panel is
 * a bottom sheet whose tabs are behind « Menu » (components/panel/fit.ts), which is opened first;
 * choosing the tab closes that menu again.
 */
export async function chooseTab(page: Page, feature: string) {
  const tab = page.locator(`[data-pasapas="panel"] [role=tab][data-feature="${feature}"]`);
  const menu = page.locator('[data-pasapas="panel"] [data-action="menu"]');
  // The panel may still be drawing its first view: the tab or the menu button shows soon.
  await expect
    .poll(async () => (await tab.isVisible()) || (await menu.isVisible()), { timeout: 20_000 })
    .toBe(true);
  if (!(await tab.isVisible())) {
    await menu.click();
    await tab.waitFor({ state: 'visible' });
  }
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/**
 * On a shared computer with no code chosen yet: the person typed in a field of a procedure, leaves
 * it, and answers the code's question (components/features/progress/agent.ts) with « Ne rien
 * garder », in our frame (the extension) or the banner (the widget).
 */
export async function keepNothingOnSharedComputer(page: Page) {
  const host = page.locator('[data-pasapas-host="progress"]');
  await host.and(page.locator('[data-pin-wanted]')).waitFor({ state: 'attached' });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect.poll(() => host.getAttribute('data-state')).toBe('pin-needed');
  const skip = (await host.locator('[data-testid="session-frame"]').count())
    ? (await sessionFrame(page, 'banner')).locator('[data-action="pin-skip"]')
    : host.locator('[data-action="pin-skip"]');
  await skip.click();
  await expect.poll(() => host.getAttribute('data-state')).toBe('hidden');
}

/** « Terminer ma session » and its confirmation, in our session frame (sessionFrame). */
export async function endSessionIn(frame: Frame) {
  // By keyboard: the frame grows as its PIN form and then the question are drawn, and a click
  // aimed while it grew could land beside the button (seen under load: the session never ended).
  await frame.locator('[data-action="end-session"]').press('Enter');
  const yes = frame.locator('[data-testid="end-confirm"] [data-action="confirm-yes"]');
  await yes.waitFor();
  // The question puts focus on « Annuler » a frame after it is drawn (Confirm.tsx): a key press
  // on « Oui » before that went to « Annuler » once focus moved (official CI, stop 19: the session
  // never ended). Wait for the focus a keyboard user meets, then press « Oui ».
  await expect
    .poll(() => frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action))
    .toBe('confirm-no');
  // The end closes the site's tabs, this one too: it may go before the key press has returned.
  await yes.press('Enter').catch((error: unknown) => {
    if (!String(error).includes('has been closed')) throw error;
  });
}

/** How the panel fits the screen now (components/panel/fit.ts): it follows a resize a moment later. */
export function fitOf(page: Page) {
  return page.locator('.pp-root').getAttribute('data-fit');
}

/** The element that has focus, seen through shadow roots (our closed ones: see closed-roots.ts). */
export function deepActive(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el
      ? {
          tag: el.tagName.toLowerCase(),
          id: el.id,
          text: (el.textContent ?? '').trim().slice(0, 80),
          pasapas: el.getAttribute('data-pasapas'),
          role: el.getAttribute('role'),
        }
      : null;
  });
}

/** Presses Tab until the focused element matches, failing after `max` presses: keyboard-only navigation. */
export async function tabTo(
  page: Page,
  match: (el: NonNullable<Awaited<ReturnType<typeof deepActive>>>) => boolean,
  max = 40,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await deepActive(page);
    if (el && match(el)) return el;
  }
  throw new Error('Element not reached by keyboard');
}
