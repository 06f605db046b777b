/** The guide studio driven by keyboard, as its end-to-end tests share it. */

import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { answerFocused } from './guide-walk';
import { tabTo } from './harness';

/** The side panel page in a tab, as the side panel shows it, on the studio's tab (keyboard). */
export async function openStudio(page: Page, extensionId: string | undefined) {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const tab = page.locator('[role=tab][data-feature="studio"]');
  await tab.waitFor({ timeout: 10_000 });
  await tab.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="studio"]').waitFor();
}

/** Keyboard: Tab until the focused element's text is this, then Enter. */
export async function pressButton(page: Page, text: string) {
  await page.bringToFront();
  await tabTo(page, (el) => el.tag === 'button' && el.text === text, 200);
  await page.keyboard.press('Enter');
}

/** The studio's highlight on the site's page. */
export const studioHighlight = (site: Page) =>
  site.locator('[data-pasapas-host="studio-highlight"]').locator('[data-pasapas="highlight"]');

/** The highlight's box once it stays put across a rendered frame (a scroll or a move may be under way). */
async function settledBox(site: Page, host: 'studio-highlight' | 'guide-highlight') {
  const read = () =>
    site
      .locator(`[data-pasapas-host="${host}"]`)
      .locator('[data-pasapas="highlight"]')
      .boundingBox({ timeout: 1000 })
      .catch(() => null);
  const frame = () =>
    site.evaluate(
      () =>
        new Promise((done) => {
          // A page in the background draws no frame: nothing moves there either.
          if (document.hidden) done(null);
          else requestAnimationFrame(() => requestAnimationFrame(done));
        }),
    );
  let box = await read();
  for (let i = 0; i < 50 && box; i++) {
    await frame();
    const again = await read();
    if (JSON.stringify(again) === JSON.stringify(box)) return box;
    box = again;
  }
  return null;
}

/**
 * The field the page's highlight is on now: the one whose box holds the field's centre. Read once
 * the box is settled: read during the frame after a scroll, a stale box held the next field down,
 * and Enter recorded the field before the one wanted (two steps on the e-mail field).
 */
export async function highlighted(site: Page): Promise<string | null> {
  const box = await settledBox(site, 'studio-highlight');
  if (!box) return null;
  return site.evaluate(({ x, y, width, height }) => {
    for (const el of Array.from(document.querySelectorAll('input, select, textarea, button, a[href]'))) {
      const r = el.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      if (r.width > 0 && cx >= x && cx <= x + width && cy >= y && cy <= y + height && el.id) return el.id;
    }
    return null;
  }, box);
}

/** Starts a guide by keyboard: its title, its author, « Commencer un guide ». */
export async function startGuide(side: Page, title: string, publisher: string) {
  await side.getByLabel('Titre du guide').focus();
  await side.keyboard.type(title);
  await side.keyboard.press('Tab');
  await side.keyboard.type(publisher);
  await pressButton(side, 'Commencer un guide');
  await side.locator('[data-action="studio-pick"]').waitFor();
}

export const stepCount = (side: Page) => side.locator('[data-testid="studio-steps"] > li').count();

/**
 * Records one step per field, by keyboard: « Montrer une case sur la page » in the studio, then in
 * the page Tab until the highlight is on the field (`isAt` tells, default: the highlighted id),
 * and Enter.
 */
export async function recordFields(
  side: Page,
  site: Page,
  ids: readonly string[],
  isAt: (site: Page, id: string) => Promise<boolean> = async (s, id) => (await highlighted(s)) === id,
) {
  for (const id of ids) {
    const before = await stepCount(side);
    await pressButton(side, 'Montrer une case sur la page');
    await side.locator('[data-testid="studio-picking"]').waitFor();
    await site.bringToFront();
    // The picking mode is on once the highlight shows (the first field may be off screen: a skip link).
    await studioHighlight(site).waitFor({ state: 'visible', timeout: 10_000 });
    let presses = 0;
    while (!(await isAt(site, id))) {
      if (++presses > 80) throw new Error(`field ${id} not reached by keyboard`);
      await site.keyboard.press('Tab');
    }
    await site.keyboard.press('Enter');
    await expect.poll(() => stepCount(side)).toBe(before + 1);
  }
}

/** Is the highlight (the studio's, or the guide's) on the element this selector finds (its centre inside the highlight)? */
export async function highlightIsOn(
  site: Page,
  selector: string,
  host: 'studio-highlight' | 'guide-highlight' = 'studio-highlight',
): Promise<boolean> {
  const box = await settledBox(site, host);
  if (!box) return false;
  return site.evaluate(
    ({ selector, x, y, width, height }) => {
      const el = document.querySelector(selector);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      return r.width > 0 && cx >= x && cx <= x + width && cy >= y && cy <= y + height;
    },
    { selector, ...box },
  );
}

/** Presses a button by keyboard and returns the file it downloads, read as text in `encoding`. */
export async function downloadBy(
  page: Page,
  button: string,
  encoding: BufferEncoding = 'latin1',
): Promise<{ file: Download; text: string }> {
  const download = page.waitForEvent('download', { timeout: 20_000 });
  await pressButton(page, button);
  const file = await download;
  return { file, text: readFileSync(await file.path(), encoding) };
}

/** The demo procedure's own « Suivant » button. */
export const SUBMIT = 'main form button[type="submit"]';

/** The author fills the page as anyone would (to reach the next one), then presses its button. */
export async function fillAndGoOn(site: Page, fields: readonly string[]) {
  for (const id of fields) {
    await site.locator(`[id="${id}"]`).focus();
    const name = (await site.locator(`[id="${id}"]`).getAttribute('name')) ?? id;
    await answerFocused(site, name);
    await site.keyboard.press('Tab');
  }
  const from = new URL(site.url()).pathname;
  await site.locator(SUBMIT).focus();
  await Promise.all([site.waitForURL((u) => u.pathname !== from), site.keyboard.press('Enter')]);
}
