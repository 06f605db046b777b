/**
 * A tax notice read on a phone (issue 13, problem 7), with the real engine, in the widget and in the
 * extension's frame: the result was a dozen values (three called « destinataire », five dates and sums
 * nobody asked for), each with « Dans quelle case de la page ? »; at 360 px the image and
 * « Document : RIB (relevé d'identité bancai… » ran past the edge; then « Vérifiez la page » while the
 * panel hid the page.
 *
 * Now, on the housing procedure's resources page:
 * - the values the page has a field for come first (the numéro fiscal, the notice's reference, the
 *   revenu fiscal de référence); the eight others are folded under « 8 autres informations lues »;
 * - nothing of ours sticks out sideways at 360 px, 200 % zoom or 1280 px, in French and Arabic; axe
 *   finds nothing;
 * - after « Remplir », « Voir les cases remplies » puts focus in the first field filled: on the phone
 *   the panel shrinks to the bar, and the field with its label shows, clear of us (`covered`).
 *
 * Screens saved in test-results/screenshots/ocr-*.png (not committed) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderOne } from '../fixtures/ocr-docs/render';
import { type Demo, startDemoServer } from './demo';
import { axe, chooseTab, launch, launchBrowser, launcher, panel, ROOT } from './harness';
import { chooseLang, covered, SIZES, sideways } from './screen-checks';

const SHOTS = join(ROOT, 'test-results/screenshots');
const READ_TIMEOUT = 120_000;
const [PHONE] = SIZES;

let demo: Demo;
let avis = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ port: 0 });
  avis = (await renderOne('avis-imposition', 'clean')).path;
});
afterAll(async () => {
  await demo?.close();
});

const fitOf = (page: Page) => page.locator('.pp-root').getAttribute('data-fit');

/** The reading screen: in the panel (widget) or in our ocr.html frame (extension). */
type Screen = Page | Frame;

/** Opens the panel, then « Lire un document » (behind « Menu » on the phone). */
async function openReader(page: Page) {
  await launcher(page).click();
  await expect.poll(() => panel(page).isVisible()).toBe(true);
  await chooseTab(page, 'ocr');
}

async function ocrFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => /^chrome-extension:\/\/[a-z]+\/ocr\.html/.test(f.url()));
  await expect.poll(() => find() !== undefined, { timeout: 20_000 }).toBe(true);
  return find() as Frame;
}

/**
 * What the result shows first and what it folds: the kinds in each list, the questions « Dans quelle
 * case » that show, and the names of the values.
 */
async function resultLists(screen: Screen) {
  const shown = screen.locator('.pp-ocr > .pp-ocr-fields > .pp-ocr-field');
  const folded = screen.locator('[data-testid="ocr-others"] .pp-ocr-field');
  return {
    shown: await shown.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))),
    folded: await folded.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))),
    questions: await screen
      .locator('[data-testid="ocr-target"]')
      .evaluateAll((s) => s.filter((el) => el.checkVisibility()).length),
    names: await screen
      .locator('.pp-ocr-field > label:first-child')
      .evaluateAll((ls) => ls.map((l) => (l.textContent ?? '').replace(/^\d+\s*/, '').trim())),
  };
}

/** The tax notice on the resources page: what shows first, what is folded, how it reads. */
async function checkResult(page: Page, screen: Screen) {
  await screen.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
  expect(await screen.locator('[data-testid="ocr-doctype"]').textContent()).toContain('avis d’impôt');
  const lists = await resultLists(screen);
  expect(lists.shown).toEqual(['fiscal-number', 'tax-notice-reference', 'reference-tax-income']);
  expect(lists.folded).toEqual(['name', 'address', 'postcode', 'date', 'date', 'date', 'amount', 'amount']);
  // Folded: only the three values for this page ask where they go (all 11 did).
  expect(lists.questions).toBe(3);
  expect(await screen.locator('[data-testid="ocr-others"]').getAttribute('open')).toBeNull();
  expect(await screen.locator('[data-testid="ocr-others"] summary').textContent()).toBe(
    '8 autres informations lues',
  );
  // No two values called « destinataire »: each says what it is.
  expect(lists.names.filter((n) => n === 'destinataire')).toEqual([]);
  expect(lists.names).toEqual(
    expect.arrayContaining(['nom du destinataire', 'adresse du destinataire', 'code postal du destinataire']),
  );
  // Pre-selected for the page's fields; nothing filled yet.
  const fiscal = screen.locator('.pp-ocr-field[data-kind="fiscal-number"]').first();
  expect(await fiscal.locator('select').inputValue()).toContain('numero_fiscal');
  expect(await page.locator('#numero_fiscal').inputValue()).toBe('');
}

/** The result at each size (the reading kept), in French and Arabic where the panel holds the screen. */
async function lookAtEverySize(page: Page, screen: Screen, product: string, langs: readonly ('fr' | 'ar')[]) {
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size.viewport);
    await expect.poll(() => fitOf(page)).toBe(size.name === '1280' ? 'wide' : 'sheet');
    for (const lang of langs) {
      if (langs.length > 1) await chooseLang(page, lang);
      await screen.locator('[data-testid="ocr-doctype"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `ocr-${product}-${size.name}-${lang}-result.png`) });
      for (const p of await sideways(page)) problems.push(`${size.name} ${lang}: ${p}`);
      for (const v of await axe(page)) problems.push(`${size.name} ${lang}: ${v}`);
    }
    if (langs.length > 1) await chooseLang(page, 'fr');
  }
  // The others, unfolded, at 360 px: each can still be corrected or sent to a field by hand.
  await page.setViewportSize(PHONE.viewport);
  await screen.locator('[data-testid="ocr-others"] summary').click();
  await expect.poll(() => resultLists(screen).then((l) => l.questions)).toBe(11);
  await screen.locator('[data-testid="ocr-others"] summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `ocr-${product}-360-fr-others.png`) });
  for (const p of await sideways(page)) problems.push(`others: ${p}`);
  for (const v of await axe(page)) problems.push(`others: ${v}`);
  await screen.locator('[data-testid="ocr-others"] summary').click();
  expect(problems).toEqual([]);
}

/** The panel header's parts that its sheet's top edge cuts (its box starts above the panel's inner top). */
async function headerCut(page: Page): Promise<string[]> {
  const panel = await page.locator('[data-pasapas="panel"]').boundingBox();
  const cut: string[] = [];
  for (const part of ['.pp-title', '[data-action="menu"]', '.pp-header > .pp-icon-button']) {
    const box = await page.locator(`[data-pasapas="panel"] ${part}`).boundingBox();
    // The panel's top border is 2 px.
    if (!panel || !box || box.y < panel.y + 2 - 0.5) cut.push(part);
  }
  return cut;
}

/** « Remplir », then « Voir les cases remplies »: the field filled shows, the panel is the bar. */
async function fillAndSee(page: Page, screen: Screen, product: string) {
  await screen.locator('[data-action="ocr-fill"]').click();
  await screen.locator('[data-testid="ocr-filled"]').waitFor();
  expect(await page.locator('#numero_fiscal').inputValue()).toBe('3023217600053');
  expect(await page.locator('#reference_avis').inputValue()).toBe('2675A12345678');
  await page.screenshot({ path: join(SHOTS, `ocr-${product}-360-fr-filled.png`) });
  // The sheet was left scrolled by the long result: its title, « Menu » and « Fermer » still show whole.
  expect(await headerCut(page)).toEqual([]);
  await screen.locator('[data-action="ocr-show-page"]').click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('numero_fiscal');
  await expect.poll(() => fitOf(page)).toBe('bar');
  await expect.poll(() => covered(page, ['#numero_fiscal', 'label[for="numero_fiscal"]'])).toEqual([]);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `ocr-${product}-360-fr-see-page.png`) });
  // « Voir l'aide » brings the reading back where it was.
  await page.locator('[data-pasapas="panel"] [data-action="expand"]').click();
  await expect.poll(() => fitOf(page)).toBe('sheet');
  await expect.poll(() => screen.locator('[data-testid="ocr-filled"]').isVisible()).toBe(true);
}

describe('a tax notice read on a phone', () => {
  test('widget: the page’s values first, the others folded; every size fits; the filled field shows', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.context({ viewport: PHONE.viewport });
      const page = await context.newPage();
      await page.goto(`${demo.url}/aide-logement/ressources.html`);
      await openReader(page);
      await page.locator('[data-testid="ocr-file"]').setInputFiles(avis);
      await checkResult(page, page);
      await lookAtEverySize(page, page, 'widget', ['fr', 'ar']);
      await fillAndSee(page, page, 'widget');
      expect(browser.outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('extension: the same in our frame; « Voir les cases remplies » reaches the page', async () => {
    const session = await launch({ extension: true, viewport: PHONE.viewport });
    try {
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/ressources.html?widget=0`);
      await openReader(page);
      const frame = await ocrFrame(page);
      await frame.locator('[data-testid="ocr-file"]').setInputFiles(avis);
      await checkResult(page, frame);
      // Our frame takes its language when it opens: French here, Arabic in the widget above.
      await lookAtEverySize(page, frame, 'extension', ['fr']);
      await fillAndSee(page, frame, 'extension');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
