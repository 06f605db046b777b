/**
 * « Mon récapitulatif » (issue 15, part 2) in the built extension, on the demo's housing procedure:
 * what is done, what is left, what comes next, who to call; the social security number typed on
 * the page is offered unticked and is on neither the screen's sheet nor the printed one until the
 * person ticks it; everything by keyboard; axe clean; 360 px screenshots in French and Arabic.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guidesMessages } from '../../components/features/guides/messages';
import { recapMessages } from '../../components/features/guides/recap-messages';
import { type Demo, startDemoServer } from './demo';
import { openGuide, press } from './guide-panel';
import { axe, deepActive, fitOf, launch, ROOT, type Session } from './harness';

const SHOTS = join(ROOT, 'test-results');
const NIR = '284057511234528';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await demo?.close();
});

const stepId = (page: Page) =>
  page
    .locator('[data-pasapas="panel"] section[data-step]')
    .getAttribute('data-step', { timeout: 5000 })
    .catch(() => null);
const sheet = (page: Page) => page.locator('[data-testid="recap-sheet"]');
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

/** The first page's steps up to the social security number, typed by keyboard as a person would. */
async function fillIdentity(page: Page) {
  await expect.poll(() => stepId(page), { timeout: 10_000 }).toBe('civilite');
  await press(page, 'Aller au champ');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  for (const [id, value] of [
    ['nom', 'Martin'],
    ['prenom', 'Léa'],
    ['date-naissance', '05/04/1984'],
    ['nir', NIR],
  ] as const) {
    await expect.poll(() => stepId(page), { timeout: 10_000 }).toBe(id);
    await page.keyboard.type(value);
    if (id === 'nir' || id === 'date-naissance')
      await expect
        .poll(() => page.locator('[data-testid="guide-check"]').textContent())
        .toContain('C’est bon');
    await page.keyboard.press('Tab');
  }
  await expect.poll(() => stepId(page), { timeout: 10_000 }).toBe('email');
}

/** The print frame the recap made, found through the browser's frame tree (it is in our closed root). */
async function printFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        const title = await frame.title().catch(() => '');
        if (title === 'Demande d’aide au logement (démo)') found = frame;
      }
      return found !== undefined;
    })
    .toBe(true);
  return found as Frame;
}

/** What the person sees at 360 px: the recap's top, then its numbers and buttons, for a human to look at. */
async function shoot(page: Page, lang: string) {
  await page.locator('#pp-recap-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `recap-360-${lang}-top.png`) });
  await page.locator('[data-action="recap-print"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `recap-360-${lang}-end.png`) });
}

describe('the recap the person takes home', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  test('says what is done, what is left, what comes next and who to call; numbers only when ticked', async () => {
    session = await launch({ extension: true });
    await fetch(`${demo.url}/demo-api/reset`, { method: 'POST' });
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    await openGuide(page);
    await fillIdentity(page);

    await press(page, 'Mon récapitulatif');
    await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-recap-title');
    const done = await page
      .locator('[data-testid="recap-done"] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(done).toEqual(['civilite', 'nom', 'prenom', 'date-naissance', 'nir']);
    const left = await page
      .locator('[data-testid="recap-left"] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(left[0]).toBe('bienvenue');
    expect(left).toContain('email');
    expect(left).not.toContain('nir');
    expect(await page.locator('[data-testid="recap-next"]').textContent()).toContain(
      'Vous recevez un accusé de réception',
    );
    const help = (await page.locator('[data-testid="recap-help"]').textContent()) ?? '';
    expect(help).toContain('01 99 00 00 00');
    expect(help).toContain('Du lundi au vendredi, de 9 h à 16 h');
    // The number typed is known, offered, and not written.
    expect(digits(await sheet(page).textContent())).not.toContain(NIR);
    expect(await page.locator('[data-testid="recap-left-out"]').textContent()).toBe(
      'Un numéro personnel n’est pas écrit ici, pour le protéger.',
    );
    const box = page.locator('[data-testid="recap-choose"] input[data-number="nir"]');
    expect(await box.isChecked()).toBe(false);
    expect(await axe(page)).toEqual([]);

    // Printed without it first.
    await press(page, 'Imprimer ou enregistrer en PDF');
    let frame = await printFrame(page);
    expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(
      ['fr', 'ltr'],
    );
    const printed = (await frame.evaluate(() => document.body.textContent)) ?? '';
    expect(printed).toContain('Ce qui reste à faire');
    expect(printed).toContain('01 99 00 00 00');
    expect(digits(printed)).not.toContain(NIR);
    // Large type on paper.
    expect(
      await frame.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize)),
    ).toBeGreaterThanOrEqual(19);

    // The person goes back to the box (focus is on the print button) and ticks it, by keyboard.
    for (let i = 0; i < 20 && !(await box.evaluate((el) => el.matches(':focus'))); i++)
      await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(async () => digits(await sheet(page).textContent())).toContain(NIR);
    expect(await page.locator('[data-testid="recap-left-out"]').count()).toBe(0);
    await press(page, 'Imprimer ou enregistrer en PDF');
    await expect
      .poll(async () => {
        frame = await printFrame(page);
        return digits(await frame.evaluate(() => document.body.textContent).catch(() => ''));
      })
      .toContain(NIR);

    await page.setViewportSize({ width: 360, height: 800 });
    await shoot(page, 'fr');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The panel is wide again before the person closes: its recap button is drawn only then.
    await expect.poll(() => fitOf(page)).toBe('wide');

    // Closing gives focus back to the button, and the print frame goes with the recap.
    await press(page, 'Fermer le récapitulatif');
    await expect.poll(async () => (await deepActive(page))?.text).toBe('Mon récapitulatif');
    expect(page.frames().length).toBe(1);
    expect(session.outside).toEqual([]);
  });

  test('in Arabic, right to left, at 360 px, at the end of the procedure', async () => {
    const ar = await launch({ extension: true, locale: 'ar', viewport: { width: 360, height: 800 } });
    try {
      const page = await ar.context.newPage();
      await page.goto(`${demo.url}/aide-logement/confirmation.html?widget=0`);
      await openGuide(page);
      await expect.poll(() => stepId(page), { timeout: 10_000 }).toBe('fin');
      await press(page, guidesMessages.ar?.['guides.confirm'] ?? '');
      await page.locator('[data-testid="guide-finished"]').waitFor();
      // Focus goes to « finished » after the render: tabbing before that would be undone.
      await expect
        .poll(async () => (await deepActive(page))?.text)
        .toBe(guidesMessages.ar?.['guides.finished']);
      await press(page, recapMessages.ar?.['recap.open'] ?? '');
      await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-recap-title');
      expect(await page.locator('#pp-recap-title').textContent()).toBe('ملخّصي');
      expect(await page.locator('[data-testid="recap-finished"]').textContent()).toBe('انتهى الإجراء.');
      expect(await page.locator('[data-testid="recap-left"]').count()).toBe(0);
      expect(await page.locator('[data-testid="recap-next"]').textContent()).toContain(
        'يصلك إشعار بالاستلام',
      );
      expect(await page.locator('[data-testid="recap-choose"]').count()).toBe(0);
      expect(
        await page.locator('[data-testid="recap"]').evaluate((el) => getComputedStyle(el).direction),
      ).toBe('rtl');
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'ar');
      expect(ar.outside).toEqual([]);
    } finally {
      await ar.close();
    }
  });
});
