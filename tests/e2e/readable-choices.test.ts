/**
 * Readable mode, in the built extension and in the widget, on choices (demo/site/choix.html, a page as the site shows
 * it after a refused send): a checkbox group whose hint and error are the group's, said once; a
 * list where several options can be chosen, shown as one box per option; the site's own ARIA
 * switch and multiple listbox, named by their text. All filled by keyboard from the view, sent by
 * the page's own form. And in the Arabic view, the French page's words keep
 * their direction: a hint lines up under its label.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launch, launchBrowser, openPanelTab, panel, ROOT, tabTo } from './harness';

const SHOTS = join(ROOT, 'test-results');

let demo: Demo;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ port: 0 });
});
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});
afterAll(async () => {
  await demo?.close();
});

/** Where readable mode runs: the same page with the extension (the site's widget off), or the site's widget. */
type Surface = {
  name: 'extension' | 'widget';
  query: string;
  start(): Promise<{ context: BrowserContext; outside: string[]; close(): Promise<void> }>;
};

const SURFACES: Surface[] = [
  { name: 'extension', query: '?widget=0', start: () => launch({ extension: true }) },
  {
    name: 'widget',
    query: '',
    async start() {
      const browser = await launchBrowser();
      const context = await browser.context();
      return {
        context,
        outside: browser.outside,
        async close() {
          await context.close();
          await browser.close();
        },
      };
    },
  },
];

const VIEW = '[data-pasapas-host="readable"]';
const view = (page: Page) => page.locator(`${VIEW} dialog[open]`);
/** The big field of the real one whose key ends with `end` (`name:aides=garde`, `name:langues`). */
const bigField = (page: Page, end: string) => page.locator(`${VIEW} [data-field-key$="${end}"]`);
const group = (page: Page) => page.locator(`${VIEW} fieldset.pp-rv-group[data-group-id="aides"]`);

async function openChoices(context: BrowserContext, surface: Surface): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${demo.url}/choix.html${surface.query}`);
  await openPanelTab(page, 'readable');
  return page;
}

async function openView(page: Page) {
  await page.locator('[data-action="readable-open"]').click();
  await view(page).waitFor();
  await expect.poll(() => page.locator(`${VIEW} [data-field-key]`).count()).toBe(6);
}

/** Tabs (inside the view, which keeps focus) to the first box of a big field. */
async function tabToBox(page: Page, end: string) {
  const id = await bigField(page, end).locator('input').first().getAttribute('id');
  if (!id) throw new Error(`no big control for ${end}`);
  await tabTo(page, (el) => el.id === id, 60);
}

/** Where the first line of an element's text starts and ends, across the screen. */
function textEdges(locator: Locator) {
  return locator.evaluate((el) => {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    const first = range.getClientRects()[0];
    return { left: Math.round(first?.left ?? -1), right: Math.round(first?.right ?? -1) };
  });
}

describe.each(SURFACES)('readable mode on choices ($name)', (surface) => {
  let session: Awaited<ReturnType<Surface['start']>>;
  beforeAll(async () => {
    session = await surface.start();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('a checkbox group’s hint and error are said once, for the group; a multiple list is one box per option; both filled by keyboard, the site gets every choice', async () => {
    const page = await openChoices(session.context, surface);
    await openView(page);

    // The group: its question, its hint and its error, once each; a box's own hint stays with it.
    expect(await group(page).locator('legend').first().textContent()).toBe('Quelles aides demandez-vous ?');
    expect(await group(page).locator(':scope > .pp-rv-hint').textContent()).toBe(
      'Plusieurs réponses possibles.',
    );
    expect(await group(page).locator('[data-testid="readable-group-error"]').textContent()).toContain(
      'Cochez au moins une aide.',
    );
    expect(await view(page).getByText('Plusieurs réponses possibles.').count()).toBe(1);
    expect(await view(page).getByText('Cochez au moins une aide.').count()).toBe(1);
    expect(await view(page).locator('[data-testid="readable-field-error"]').count()).toBe(0);
    expect(await bigField(page, 'name:aides=transport').locator('.pp-rv-hint').textContent()).toBe(
      'Carte de bus ou de train à tarif réduit.',
    );
    // The group's error is read with it, and every box says the site found it wrong.
    const described = (await group(page).getAttribute('aria-describedby'))?.split(' ') ?? [];
    expect(described).toHaveLength(2);
    expect(await group(page).locator('input[aria-invalid="true"]').count()).toBe(3);

    // The multiple list: its label as the question, its hint, one box per option, as chosen on the page.
    const langues = bigField(page, 'name:langues');
    expect(await langues.locator('legend').textContent()).toBe('Langues que vous lisez');
    expect(await langues.locator('.pp-rv-hint').textContent()).toBe('Plusieurs choix possibles.');
    expect(await langues.locator('label.pp-rv-choice').allTextContents()).toEqual([
      'Français',
      'Arabe',
      'Anglais',
      'Turc',
    ]);
    expect(await langues.locator('input[type="checkbox"]:checked').count()).toBe(1);
    expect(await axe(page, VIEW)).toEqual([]);

    // Keyboard only: tick « Aide au logement » and « Garde d'enfants »…
    await tabToBox(page, 'name:aides');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#aide-logement').isChecked()).toBe(true);
    await tabToBox(page, 'name:aides=garde');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#aide-garde').isChecked()).toBe(true);
    expect(await page.locator('#aide-transport').isChecked()).toBe(false);
    // …and add « Arabe » to the languages: the next box after « Français ».
    await tabToBox(page, 'name:langues');
    await page.keyboard.press('Tab');
    expect(await deepActive(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.press('Space');
    const chosen = () =>
      page
        .locator('#langues')
        .evaluate((s) => [...(s as HTMLSelectElement).selectedOptions].map((o) => o.value));
    await expect.poll(chosen).toEqual(['fr', 'ar']);
    expect(await langues.locator('input[type="checkbox"]:checked').count()).toBe(2);

    // Sent from the view with the site's own button: the browser sends every choice.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Continuer', 60);
    await page.keyboard.press('Enter');
    await page.waitForURL(/aides=/);
    const sent = new URL(page.url()).searchParams;
    expect(sent.getAll('aides')).toEqual(['logement', 'garde']);
    expect(sent.getAll('langues')).toEqual(['fr', 'ar']);
    await page.close();
  });

  test('the site’s ARIA switch and multiple listbox are named by their text and filled from the view; the site’s script sends their state', async () => {
    const page = await openChoices(session.context, surface);
    await openView(page);
    const toggle = bigField(page, 'id:courriels');
    expect(await toggle.locator('label').textContent()).toBe('Recevoir nos courriers par e-mail');
    expect(await toggle.locator('.pp-rv-hint').textContent()).toBe(
      'Vous pouvez changer d’avis à tout moment.',
    );
    const moments = bigField(page, 'id:creneaux');
    expect(await moments.locator('legend').textContent()).toBe('Moments où l’on peut vous appeler');
    expect(await moments.locator('label.pp-rv-choice').allTextContents()).toEqual(['Le matin', 'Le soir']);

    await tabToBox(page, 'id:courriels');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#courriels').getAttribute('aria-checked')).toBe('true');
    await tabToBox(page, 'id:creneaux');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#creneau-soir').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#creneau-matin').getAttribute('aria-selected')).toBe('false');
    // The site's script changes its switch back: the view follows.
    await page.locator('#courriels').evaluate((el) => el.setAttribute('aria-checked', 'false'));
    await expect.poll(() => toggle.locator('input').isChecked()).toBe(false);
    await page.locator('#courriels').evaluate((el) => el.setAttribute('aria-checked', 'true'));
    await expect.poll(() => toggle.locator('input').isChecked()).toBe(true);
    expect(await axe(page, VIEW)).toEqual([]);

    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Continuer', 60);
    await page.keyboard.press('Enter');
    await page.waitForURL(/courriels=/);
    const sent = new URL(page.url()).searchParams;
    expect(sent.get('courriels')).toBe('oui');
    expect(sent.get('creneaux')).toBe('soir');
    await page.close();
  });

  test('in the Arabic view, the French page’s questions, hints and choices read left to right, each hint under its label; our own words stay Arabic', async () => {
    const page = await openChoices(session.context, surface);
    await page.locator('[data-pasapas="panel"] .pp-lang select').selectOption('ar');
    await expect.poll(() => panel(page).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await openView(page);
    expect(await view(page).getAttribute('dir')).toBe('rtl');

    // Looked at by a person: the group, then the list (SHOTS).
    await group(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `readable-choices-${surface.name}-ar-group.png`) });
    const langues = bigField(page, 'name:langues');
    await langues.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `readable-choices-${surface.name}-ar-list.png`) });
    expect(await langues.getAttribute('lang')).toBe('fr');
    const direction = (l: Locator) => l.evaluate((el) => getComputedStyle(el).direction);
    expect(await direction(langues.locator('legend'))).toBe('ltr');
    expect(await direction(langues.locator('.pp-rv-hint'))).toBe('ltr');
    // The hint starts where its question starts, on the left (it was under a right-aligned label).
    const question = await textEdges(langues.locator('legend'));
    const hint = await textEdges(langues.locator('.pp-rv-hint'));
    // (A legend sits a few pixels in from its fieldset's edge; the old fault was the width of the view.)
    expect(Math.abs(hint.left - question.left)).toBeLessThanOrEqual(10);
    const box = await langues.boundingBox();
    expect(question.left - (box?.x ?? 0)).toBeLessThan((box?.width ?? 0) / 2);

    // The group the same way; its error's « Erreur » is ours, in Arabic, right to left.
    expect(await group(page).getAttribute('lang')).toBe('fr');
    const legend = await textEdges(group(page).locator('legend > span'));
    const groupHint = await textEdges(group(page).locator(':scope > .pp-rv-hint'));
    expect(Math.abs(groupHint.left - legend.left)).toBeLessThanOrEqual(10);
    const ours = group(page).locator('[data-testid="readable-group-error"] strong');
    expect(await ours.getAttribute('lang')).toBe('ar');
    expect(await direction(ours)).toBe('rtl');
    // The view's own heading of the form is Arabic, not marked as the page's French.
    expect(await view(page).locator('.pp-rv-form').getAttribute('lang')).toBeNull();
    expect(await axe(page, VIEW)).toEqual([]);
    await page.close();
  });

  test('no request left localhost', () => {
    expect(session.outside).toEqual([]);
  });
});
