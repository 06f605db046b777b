/**
 * A person following a guide through the demo's housing procedure by keyboard alone, in the page's
 * panel: shared by the built-in guide's walk (guides.test.ts) and the walk of a guide recorded in
 * the studio (studio-multipage.test.ts). Values come from tests/fixtures/housing.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { validate, validationMessage } from '../../utils/validators';
import { HOUSING_VALUES, WRONG_NIR } from '../fixtures/housing';
import { deepActive, openByShortcut, panel, tabTo } from './harness';

/** The part of a guide's JSON the walk reads. */
export type WalkedGuide = {
  steps: Array<{
    id: string;
    target?: { name?: string; clues?: { name?: string } };
    done: { kind: string };
    when?: unknown;
  }>;
};

export const guidesTab = (page: Page) => page.locator('[data-testid="guides-tab"]');
export const stepId = (page: Page) =>
  page
    .locator('[data-pasapas="panel"] section[data-step]')
    .getAttribute('data-step', { timeout: 5000 })
    .catch(() => null);
const counter = (page: Page) => page.locator('[data-testid="guide-count"]').textContent();

/** The page's focused element (outside our UI). */
export const pageFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? { name: el.name ?? '', type: el.type ?? '', tag: el.tagName.toLowerCase() } : null;
  });

/** Reaches a button of the panel with Tab alone, then presses Enter. */
export async function pressPanelButton(page: Page, text: string) {
  await tabTo(page, (el) => el.tag === 'button' && el.text === text, 80);
  await page.keyboard.press('Enter');
}

/**
 * Answers the focused field by keyboard, as a person would: Space on a choice, « Cé » in a list,
 * a file through the file chooser, the fixture's value in a text field. Does not leave the field.
 */
export async function answerFocused(page: Page, name: string) {
  const focused = await pageFocus(page);
  expect(focused?.name, 'the focused field').toBe(name);
  if (focused?.type === 'radio' || focused?.type === 'checkbox') {
    await page.keyboard.press('Space');
  } else if (focused?.tag === 'select') {
    await page.keyboard.type('Cé');
  } else if (focused?.type === 'file') {
    // Playwright turns file-chooser interception on asynchronously: arm it first (a listener and
    // one round trip), else the key press can open a real dialog the test never sees.
    page.on('filechooser', () => {});
    await page.evaluate(() => 0);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({
      name: `${name}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%démo\n'),
    });
  } else {
    const value = HOUSING_VALUES[name];
    if (!value) throw new Error(`no value for ${name}`);
    await page.keyboard.type(value);
  }
}

/** The walk of one guide: its steps give what the panel must show at each moment. */
export function guideWalk(guide: WalkedGuide) {
  const indexOf = (id: string) => guide.steps.findIndex((s) => s.id === id);

  /**
   * Our counter counts the steps of this page only (the site shows its own "Étape 1 sur 6"): the
   * run of steps around `id` that share its page condition.
   */
  function pageCount(id: string): string {
    const at = indexOf(id);
    const same = (i: number) =>
      JSON.stringify(guide.steps[i]?.when) === JSON.stringify(guide.steps[at]?.when) && !!guide.steps[i];
    let first = at;
    while (same(first - 1)) first--;
    let last = at;
    while (same(last + 1)) last++;
    return `Question ${at - first + 1} sur ${last - first + 1} de cette page`;
  }

  /** Opens the panel with its keyboard shortcut and waits for a guide, a choice of guides, or none. */
  async function openPanel(page: Page) {
    await openByShortcut(page);
    await expect.poll(() => panel(page).count()).toBe(1);
    await guidesTab(page).waitFor();
    await page
      .locator('[data-testid="guide-title"], [data-testid="guides-none"], [data-testid="guide-choice"]')
      .first()
      .waitFor();
  }

  /** In the list of guides for this page, Tab to the « Suivre ce guide » of the one with this title, and Enter. */
  async function chooseGuide(page: Page, title: string) {
    await page.locator('[data-testid="guide-choice"]').waitFor();
    const choiceTitle = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.closest('li')?.querySelector('h3')?.textContent ?? null;
      });
    for (let i = 0; i < 10; i++) {
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Suivre ce guide', 40);
      if ((await choiceTitle()) === title) {
        await page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error(`guide ${title} not offered`);
  }

  async function expectStep(page: Page, id: string) {
    await expect.poll(() => stepId(page), { timeout: 8000 }).toBe(id);
    expect(await counter(page)).toBe(pageCount(id));
  }

  /** Walks the current page's steps by keyboard; returns when the page navigates. */
  async function walkPage(page: Page, checkNir = false) {
    await openPanel(page);
    let id = await stepId(page);
    // The first field of the page is reached from the panel ("Aller au champ").
    let focusFromPanel = true;
    for (let guard = 0; guard < 15 && id; guard++) {
      const step = guide.steps[indexOf(id)];
      if (!step) throw new Error(`unknown step ${id}`);
      const before = indexOf(id);
      if (step.done.kind === 'confirmed') {
        await pressPanelButton(page, 'C’est fait');
        await expectStep(page, guide.steps[before + 1]?.id ?? '');
        // Focus went to the new step's title; the next field is reached from the panel again.
        await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-guide-step-title');
        focusFromPanel = true;
        id = await stepId(page);
        continue;
      }
      if (focusFromPanel) {
        await pressPanelButton(page, 'Aller au champ');
        focusFromPanel = false;
      }
      // A hand-written target names its field; a recorded one keeps the name among its clues.
      const name = step.target?.name ?? step.target?.clues?.name;
      const focused = await pageFocus(page);
      if (step.done.kind === 'page-changed' || (step.done.kind === 'clicked' && focused?.tag === 'button')) {
        // Auto-advance put focus on the site's own button: Enter submits the form.
        expect(focused?.tag).toBe('button');
        await expect
          .poll(() => page.locator('[data-pasapas="highlight-label"]').textContent())
          .toBe('Cliquez ici');
        const from = new URL(page.url()).pathname;
        await Promise.all([page.waitForURL((u) => u.pathname !== from), page.keyboard.press('Enter')]);
        return;
      }
      expect(focused?.name, `focus for step ${id}: ${JSON.stringify(focused)}`).toBe(name);
      const typed = focused?.tag !== 'select' && !['radio', 'checkbox', 'file'].includes(focused?.type ?? '');
      if (typed && checkNir && name === 'nir') {
        // A wrong key: the panel says so in plain words while the person types.
        await page.keyboard.type(WRONG_NIR);
        const expected = validationMessage('fr', 'nir', validate('nir', WRONG_NIR));
        await expect
          .poll(() => page.locator('[data-testid="guide-check"]').textContent())
          .toContain(expected);
        expect(await stepId(page)).toBe('nir');
        await page.keyboard.press('Control+KeyA');
        await page.keyboard.press('Backspace');
      }
      // A choice counts when the person leaves it, never on the key that chose (issue 13).
      await answerFocused(page, name ?? '');
      if (typed && step.done.kind === 'field-valid') {
        await expect
          .poll(() => page.locator('[data-testid="guide-check"]').textContent())
          .toContain('C’est bon');
      }
      // A file counts once chosen (its "change"): the guide has already taken focus to the next
      // field. Anything else counts when the person leaves it.
      if (focused?.type !== 'file') await page.keyboard.press('Tab');
      const next = guide.steps[before + 1]?.id ?? '';
      await expectStep(page, next);
      // The move is announced in the panel's live region.
      await expect
        .poll(() => page.locator('[data-pasapas="panel"] [role="status"][aria-live="polite"]').textContent())
        .toContain(`Étape faite. ${pageCount(next)}`);
      id = next;
    }
    throw new Error(`page not finished, at step ${id}`);
  }

  return { pageCount, openPanel, expectStep, walkPage, chooseGuide };
}
