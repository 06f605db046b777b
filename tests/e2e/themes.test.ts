/**
 * Contrast themes on a real site page (issue 13, problem 6). In « Jaune sur noir » the site's radio
 * circles, the guide's box around the field and its label « À remplir ici » were navy on black:
 * invisible. Measured here on what the browser paints (pixels of a screenshot) and on the colours
 * it computed, against WCAG 2.1: 3:1 for a control's outline and our box (1.4.11), 4.5:1 for the
 * label's text (1.4.3). The dark and high-contrast themes are measured the same way.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, chooseTab, launchBrowser, launcher, panel, ROOT } from './harness';

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

type Rgb = [number, number, number];

/** WCAG 2.1 relative luminance and contrast ratio. */
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const rgb = (css: string): Rgb => {
  const m = css.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  if (!m) throw new Error(`not a colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

/**
 * The best contrast against `background` among the pixels the browser painted in `target`'s box
 * (grown by `grow` px): a circle or a border that shows has pixels far from the background.
 */
async function paintedContrast(page: Page, target: Locator, background: Rgb, grow = 2): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  const png = await page.screenshot({
    clip: { x: box.x - grow, y: box.y - grow, width: box.width + 2 * grow, height: box.height + 2 * grow },
  });
  // The page's own browser decodes the picture (no image library in the test).
  const pixels = await page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      if (!g) return [];
      g.drawImage(bitmap, 0, 0);
      return [...g.getImageData(0, 0, bitmap.width, bitmap.height).data];
    },
    [...png],
  );
  let best = 1;
  for (let i = 0; i + 3 < pixels.length; i += 4)
    best = Math.max(best, contrast([pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0], background));
  return best;
}

describe.each(['yellow-black', 'dark', 'high-contrast'] as const)('theme %s', (theme) => {
  test('the site’s radios, our box around the field and its label keep their contrast', async () => {
    const context = await browser.context();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html`);
      await launcher(page).click();
      await expect.poll(() => panel(page).isVisible()).toBe(true);
      await chooseTab(page, 'comfort');
      await page.locator(`[data-setting="theme"] input[value="${theme}"]`).check();
      const pageBackground = rgb(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      // The guide's first step here is the civility radios: its box and label are drawn on them.
      await chooseTab(page, 'guides');
      const box = page.locator('[data-pasapas="highlight"]');
      const label = page.locator('[data-pasapas="highlight-label"]');
      await expect.poll(() => box.isVisible(), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => label.textContent()).toBe('À remplir ici');
      // The panel closed, so nothing of it sits on what is measured.
      await page.keyboard.press('Escape');
      await expect.poll(() => panel(page).count()).toBe(0);
      await page.locator('#civilite').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `themes-${theme}-radios.png`) });

      const problems: string[] = [];
      const need = (what: string, ratio: number, min: number) => {
        if (ratio < min) problems.push(`${what}: ${ratio.toFixed(2)}:1, needs ${min}:1`);
      };
      for (const radio of await page.locator('#civilite input[type="radio"]').all()) {
        const id = await radio.getAttribute('id');
        need(`radio #${id} painted`, await paintedContrast(page, radio, pageBackground), 3);
        const outline = await radio.evaluate((el) => getComputedStyle(el).outlineColor);
        need(`radio #${id} outline`, contrast(rgb(outline), pageBackground), 3);
      }
      // Our box: its border against the page; the label's text against its own background.
      const boxBorder = await box.evaluate((el) => getComputedStyle(el).borderTopColor);
      need('box border', contrast(rgb(boxBorder), pageBackground), 3);
      need('box painted', await paintedContrast(page, box, pageBackground, 0), 3);
      const [labelBg, labelFg] = await label.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.color];
      });
      need('label text', contrast(rgb(labelFg ?? ''), rgb(labelBg ?? '')), 4.5);
      need('label against the page', contrast(rgb(labelBg ?? ''), pageBackground), 3);
      need('label painted', await paintedContrast(page, label, pageBackground, 0), 4.5);
      expect(problems).toEqual([]);

      // A choice made by keyboard still shows (the browser's own radio, in the theme's colours).
      await page.locator('#civilite-madame').focus();
      await page.keyboard.press('Space');
      expect(await page.locator('#civilite-madame').isChecked()).toBe(true);
      await page.screenshot({ path: join(SHOTS, `themes-${theme}-radio-checked.png`) });
      expect(await axe(page)).toEqual([]);
      expect(browser.outside).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
