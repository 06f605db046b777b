/**
 * Every panel tab, as a person sees it, on a phone (360 × 740), at 200 % zoom (a 1280 × 900 screen:
 * 640 × 450 CSS px) and on a laptop (1280 × 900), in French and Arabic, in the widget and the
 * extension (issue 13: wording and layout checked by looking). Each screen is saved in
 * test-results/screenshots/ (not committed) for a reviewer to look at, and checked by measure:
 *
 * - nothing of ours sticks out sideways: no box of ours past the screen's edges, no box of ours that
 *   scrolls sideways (the OCR tab was 27 px too wide at 360 px), none inside our frames either;
 * - axe-core finds nothing in our UI.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, chooseTab, launch, launchBrowser, launcher, panel, ROOT } from './harness';
import { chooseLang, SIZES, sideways } from './screen-checks';

const SHOTS = join(ROOT, 'test-results/screenshots');

let demo: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const inPanel = (page: Page, selector: string) => page.locator(`[data-pasapas="panel"] ${selector}`);

/** Waits until the tab has drawn (its lazy part loaded, its frame's page shown). */
async function tabReady(page: Page, feature: string) {
  await inPanel(page, `#pp-tabpanel-${feature}`).waitFor({ state: 'visible' });
  await inPanel(page, `#pp-tabpanel-${feature} .pp-loading`).waitFor({ state: 'detached', timeout: 20_000 });
  if (feature === 'ocr' && (await inPanel(page, '[data-testid="ocr-frame"]').count()) > 0)
    await expect
      .poll(
        async () => {
          const frame = page.frames().find((f) => f.url().includes('/ocr.html'));
          return frame
            ? frame.evaluate(
                () => document.readyState === 'complete' && !!document.querySelector('h2, h3, button'),
              )
            : false;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
}

async function everyTab(page: Page, product: string, size: (typeof SIZES)[number]) {
  await launcher(page).click();
  await expect.poll(() => panel(page).isVisible()).toBe(true);
  const features = await page
    .locator('[data-pasapas="panel"] [role=tab]')
    .evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-feature') ?? ''));
  expect(features.length).toBeGreaterThan(3);
  const problems: string[] = [];
  for (const lang of ['fr', 'ar'] as const) {
    await chooseLang(page, lang);
    for (const feature of features) {
      await chooseTab(page, feature);
      await tabReady(page, feature);
      await page.screenshot({ path: join(SHOTS, `tabs-${product}-${size.name}-${lang}-${feature}.png`) });
      for (const p of await sideways(page)) problems.push(`${lang} ${feature}: ${p}`);
      for (const v of await axe(page)) problems.push(`${lang} ${feature}: ${v}`);
    }
  }
  expect(problems).toEqual([]);
}

describe.each(SIZES)('every tab at $name', (size) => {
  test('widget: each tab fits the screen, in French and Arabic', async () => {
    const context = await browser.context({ viewport: size.viewport });
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html`);
      await everyTab(page, 'widget', size);
      expect(browser.outside).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('extension: each tab fits the screen, in French and Arabic', async () => {
    const session = await launch({ extension: true, viewport: size.viewport });
    try {
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await everyTab(page, 'extension', size);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
