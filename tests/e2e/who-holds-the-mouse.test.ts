/**
 * « Qui tient la souris ? » (issue 15, part 6) in the built extension on a shared computer: the
 * mediator turns « Je fais avec la personne » on by keyboard in the guide, the panel's words change
 * (the help button, the secret field's advice), in the side panel too, the choice holds across the
 * site's pages, and at « Personne suivante » it goes into the anonymous activity report and back to
 * « La personne fait seule » for the next person. Axe clean, fr and ar; nothing leaves the machine.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { doerMessages } from '../../components/features/guides/doer-messages';
import { helpMessages } from '../../components/features/guides/help-messages';
import { type Demo, startDemoServer } from './demo';
import { openGuide, press } from './guide-panel';
import { axe, deepActive, launch, ROOT, type Session, tabTo } from './harness';
import { downloadBy } from './studio-helpers';

const SHOTS = join(ROOT, 'test-results');
let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await demo?.close();
});

/** The mediator's options: public-computer mode on, and (fr) the activity report kept. */
async function sharedComputer(session: Session, report: boolean): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.locator('[data-testid="public-enabled"]').check({ force: true });
  await options.locator('[data-action="public-save"]').click();
  await options.locator('[data-testid="public-status"]').waitFor();
  if (report) {
    const on = options.locator('[data-testid="activity-on"]');
    await on.check();
    await expect.poll(() => on.isChecked()).toBe(true);
  }
  return options;
}

const switchOf = (page: Page) => page.locator('[data-pasapas="panel"] [data-testid="doer-switch"]');
const helpButton = (page: Page) => page.locator('[data-pasapas="panel"] [data-action="stuck"]');

/** By keyboard: Tab to the checked way, an arrow to the other one. */
async function chooseTogether(page: Page) {
  await tabTo(page, (el) => el.id === 'pp-doer-person', 60);
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-doer-together');
}

describe('who holds the mouse', () => {
  test('« Je fais avec la personne » changes the panel’s words, lasts the session, is counted, then resets', async () => {
    const session = await launch({ extension: true });
    try {
      const options = await sharedComputer(session, true);
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(page);
      await expect.poll(() => switchOf(page).getAttribute('data-doer'), { timeout: 20_000 }).toBe('person');
      expect(await helpButton(page).textContent()).toBe('Je n’y arrive pas');
      expect(await switchOf(page).locator('legend').textContent()).toBe('Qui tient la souris ?');

      await chooseTogether(page);
      await expect.poll(() => switchOf(page).getAttribute('data-doer')).toBe('together');
      await expect.poll(() => helpButton(page).textContent()).toBe('Nous n’y arrivons pas');
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'doer-together-fr.png') });

      // The side panel's guide says the same.
      const side = await session.context.newPage();
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await expect
        .poll(() => side.locator('[data-testid="doer-switch"]').getAttribute('data-doer'), {
          timeout: 20_000,
        })
        .toBe('together');
      await expect
        .poll(() => side.locator('[data-action="stuck"]').textContent())
        .toBe('Nous n’y arrivons pas');
      await side.close();
      await page.bringToFront();

      // Another page of the site: still with the person.
      await page.reload();
      await openGuide(page);
      await expect.poll(() => switchOf(page).getAttribute('data-doer'), { timeout: 20_000 }).toBe('together');
      await expect.poll(() => helpButton(page).textContent()).toBe('Nous n’y arrivons pas');

      // « Personne suivante », then the mediator counts the accompaniment.
      await options.bringToFront();
      await press(options, 'Personne suivante');
      await press(options, 'Oui, personne suivante');
      await options.locator('[data-testid="end-summary"]').waitFor({ timeout: 30_000 });
      await options.goto(`chrome-extension://${session.extensionId}/session-end.html`);
      const question = options.locator('[data-testid="activity-question"]');
      await question.waitFor({ timeout: 20_000 });
      await question.locator('[data-action="activity-save"]').focus();
      await options.keyboard.press('Enter');
      await options.locator('[data-testid="activity-done"]').waitFor();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const csv = await downloadBy(options, 'Télécharger le tableau (CSV)', 'utf8');
      const rows = csv.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(rows[0]?.split(';').at(-1)).toBe('qui_tient_la_souris');
      expect(rows).toHaveLength(2);
      expect(rows[1]?.split(';').at(-1)).toBe('Le médiateur, avec la personne');

      // The next person: the panel speaks to them again.
      const next = await session.context.newPage();
      await next.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(next);
      await expect.poll(() => switchOf(next).getAttribute('data-doer'), { timeout: 20_000 }).toBe('person');
      expect(await helpButton(next).textContent()).toBe('Je n’y arrive pas');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  }, 150_000);

  test('in Arabic, right to left; not shown on a personal computer', async () => {
    const ar = await launch({ extension: true, locale: 'ar' });
    try {
      const page = await ar.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(page);
      // A personal computer: no switch.
      await helpButton(page).waitFor();
      expect(await switchOf(page).count()).toBe(0);
      await page.close();

      await sharedComputer(ar, false);
      const shared = await ar.context.newPage();
      await shared.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(shared);
      await expect.poll(() => switchOf(shared).count(), { timeout: 20_000 }).toBe(1);
      expect(await switchOf(shared).locator('legend').textContent()).toBe(doerMessages.ar?.['doer.legend']);
      expect(await helpButton(shared).textContent()).toBe(helpMessages.ar?.['help.stuck']);
      await tabTo(shared, (el) => el.id === 'pp-doer-person', 60);
      await shared.keyboard.press('ArrowUp');
      await expect.poll(() => switchOf(shared).getAttribute('data-doer')).toBe('together');
      await expect
        .poll(() => helpButton(shared).textContent())
        .toBe(doerMessages.ar?.['help.stuck.together']);
      expect(await axe(shared)).toEqual([]);
      await shared.screenshot({ path: join(SHOTS, 'doer-together-ar.png') });
      expect(ar.outside).toEqual([]);
    } finally {
      await ar.close();
    }
  }, 120_000);
});
