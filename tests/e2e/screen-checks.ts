/**
 * Looking at our screens (issue 13's measures, shared by screens.test and the document readings): the
 * three sizes a person uses, the panel's language, and what of ours sticks out sideways.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A phone (360 × 740), 200 % zoom on a 1280 × 900 screen (640 × 450 CSS px), a laptop (1280 × 900). */
export const SIZES = [
  { name: '360', viewport: { width: 360, height: 740 } },
  { name: 'zoom200', viewport: { width: 640, height: 450 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
] as const;

const inPanel = (page: Page, selector: string) => page.locator(`[data-pasapas="panel"] ${selector}`);

/** The panel's language, chosen in its header (behind « Menu » on the bottom sheet). */
export async function chooseLang(page: Page, lang: 'fr' | 'ar') {
  const select = inPanel(page, '.pp-lang select');
  const menu = inPanel(page, '[data-action="menu"]');
  const closeMenu = !(await select.isVisible());
  if (closeMenu) await menu.click();
  await select.selectOption(lang);
  await expect.poll(() => page.locator('.pp-root').getAttribute('lang')).toBe(lang);
  if (closeMenu && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
}

/** What of ours sticks out sideways: past the screen, or wider than the box that holds it. */
export async function sideways(page: Page): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.localName}.${(el.getAttribute('class') ?? '').split(' ')[0]}${el.id ? `#${el.id}` : ''}`;
    for (const host of document.querySelectorAll('[data-pasapas-host]')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // A screen-reader-only text is 1 px and clipped: nothing shows.
        if (style.position === 'absolute' && r.width <= 1) continue;
        if (r.left < -1 || r.right > innerWidth + 1)
          found.push(`${name(el)}: ${Math.round(r.left)}..${Math.round(r.right)} of ${innerWidth}`);
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
          found.push(`${name(el)}: scrolls sideways by ${el.scrollWidth - el.clientWidth} px`);
      }
    }
    return found;
  });
  // Our own frames (the extension's reading of documents, the PIN): their page must fit them.
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || !frame.url().startsWith('chrome-extension://')) continue;
    const wide = await frame
      .evaluate(() => {
        const doc = document.scrollingElement ?? document.documentElement;
        return doc.scrollWidth - doc.clientWidth;
      })
      .catch(() => 0);
    if (wide > 1) problems.push(`frame ${new URL(frame.url()).pathname}: scrolls sideways by ${wide} px`);
  }
  return problems;
}
