/** The guide tab in the panel, driven by keyboard, as the accompaniment e2e tests share it. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { deepActive, openByShortcut, panel, tabTo } from './harness';

/** Opens the panel by its shortcut and waits for the guide's view. */
export async function openGuide(page: Page) {
  await openByShortcut(page);
  await expect.poll(() => panel(page).count()).toBe(1);
  // The guide's view (on a phone the bottom sheet shows the step alone, its title for screen readers).
  await page.locator('[data-pasapas="panel"] [data-guide]').waitFor({ timeout: 20_000 });
}

/** Reaches a control whose text is this with Tab alone (through our shadow roots), then presses the key. */
export async function press(page: Page, text: string, key = 'Enter') {
  await tabTo(page, (el) => el.text === text, 120);
  await page.keyboard.press(key);
}

/** « Je n’y arrive pas », a postcode typed and sent with Enter; returns the places' ids in order. */
export async function searchFrom(page: Page, postcode: string, stuck: string): Promise<string[]> {
  await press(page, stuck);
  await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-help-title');
  await tabTo(page, (el) => el.id === 'pp-help-postcode', 10);
  await page.keyboard.type(postcode);
  await page.keyboard.press('Enter');
  const list = page.locator('[data-testid="help-list"] > li');
  await expect.poll(() => list.count()).toBeGreaterThan(0);
  return list.evaluateAll((els) => els.map((e) => e.getAttribute('data-place') ?? ''));
}

/**
 * The demo's places searched by keyboard from « Je n’y arrive pas », as both products offer them: a
 * postcode one digit short told in plain words, then 75020: five places nearest first (the one in
 * the 20th first, the library that does not help with procedures never), the helplines beside them.
 * Returns the list; focus is left in the postcode field.
 */
export async function searchDemoPlacesByKeyboard(page: Page) {
  await press(page, 'Je n’y arrive pas');
  // The help's title takes focus once drawn: Tab from there, not before.
  await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-help-title');
  await tabTo(page, (el) => el.id === 'pp-help-postcode', 10);
  await page.keyboard.type('7502');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('#pp-help-postcode-error').textContent())
    .toContain('Il manque 1 chiffre');
  expect(await page.locator('[data-testid="help-list"]').count()).toBe(0);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  const list = page.locator('[data-testid="help-list"] > li');
  await expect.poll(() => list.count()).toBe(5);
  const ids = await list.evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
  expect(ids[0]).toBe('demo-epn-paris-20');
  expect(ids).not.toContain('demo-biblio-paris-18');
  const km = await page
    .locator('[data-testid="place-distance"]')
    .evaluateAll((els) =>
      els.map((e) => Number.parseFloat((e.textContent ?? '').replace(/[^\d,]/g, '').replace(',', '.'))),
    );
  expect(km).toHaveLength(5);
  expect(km).toEqual([...km].sort((a, b) => a - b));
  expect(await page.locator('[data-testid="help-count"]').textContent()).toBe(
    '5 lieux trouvés, le plus proche d’abord.',
  );
  expect(await list.first().textContent()).toContain('du mardi au samedi : 10 h à 18 h');
  expect(await page.locator('[data-testid="help-lines"]').textContent()).toContain('01 99 00 00 00');
  return list;
}

/** What the person sees: the search, then the nearest place (`<path>-search.png`, `<path>-list.png`), for a human to look at. */
export async function shootHelp(page: Page, path: string) {
  await page.locator('[data-testid="help-count"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${path}-search.png` });
  await page
    .locator('[data-testid="help-list"] > li')
    .first()
    .evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${path}-list.png` });
}
