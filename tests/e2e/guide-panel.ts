/** The guide tab in the panel, driven by keyboard, as the accompaniment e2e tests share it. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openByShortcut, panel, tabTo } from './harness';

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
