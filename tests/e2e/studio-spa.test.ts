/**
 * The studio follows the author across a single-page app's route change (issue 12 item 1): on the
 * demo's SPA (/spa/, history.pushState routes), the home's « Commencer la démarche » link is
 * recorded, the author follows it (the page does not load: pushState), and the first field of the
 * new route is recorded. Each step gets the `when` condition of its own route; the guide,
 * installed, shows the link on the home and, once the person follows it, the field of the new
 * route, without a reload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGuide } from '../../utils/guides/schema';
import { type Demo, startDemoServer } from './demo';
import { guideWalk, pressPanelButton, stepId } from './guide-walk';
import { launch, launcher } from './harness';
import {
  highlighted,
  highlightIsOn,
  openStudio,
  pressButton,
  recordFields,
  startGuide,
} from './studio-helpers';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const TITLE = 'Cantine, une application d’une seule page';
const START = 'main a[data-spa-link]';

describe('guide studio on a single-page app', () => {
  test('a link, the route change it makes, a field of the new route: each step with its route’s condition; the installed guide follows the route', async () => {
    const session = await launch({ extension: true });
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/spa/?widget=0`);
      await launcher(site).waitFor();
      await site.locator(START).waitFor();
      const side = await session.context.newPage();
      await openStudio(side, session.extensionId);
      await startGuide(side, TITLE, 'France Services de démonstration');

      await recordFields(side, site, ['start'], (s) => highlightIsOn(s, START));
      await expect.poll(() => highlighted(site)).toBeNull();
      // The author follows the link: a route change, no page load.
      const loads: string[] = [];
      site.on('load', () => loads.push(site.url()));
      await site.locator(START).focus();
      await site.keyboard.press('Enter');
      await expect.poll(() => new URL(site.url()).pathname).toBe('/spa/foyer');
      await site.locator('#nom_enfant').waitFor();
      await recordFields(side, site, ['nom_enfant']);
      expect(loads).toEqual([]);

      const download = side.waitForEvent('download', { timeout: 20_000 });
      await pressButton(side, 'Vérifier et télécharger le guide');
      const parsed = parseGuide(JSON.parse(readFileSync(await (await download).path(), 'utf8')));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
      const [link, field] = parsed.guide.steps;
      // Each step with the condition of its own route.
      expect(link?.when).toMatchObject({ urlPattern: 'http://127.0.0.1/spa/*' });
      expect(field?.when).toMatchObject({ urlPattern: 'http://127.0.0.1/spa/foyer*' });
      expect(field?.target?.clues?.name).toBe('nom_enfant');

      await pressButton(side, 'Installer le guide sur cet ordinateur');
      await expect
        .poll(() => side.locator('[data-testid="studio-install-status"]').textContent())
        .toBe('Guide installé. Il s’affiche sur les pages de la démarche.');

      // The person, on the app's home: the link is shown; following it shows the new route's field.
      await site.bringToFront();
      await site.goto(`${demo.url}/spa/?widget=0`);
      await launcher(site).waitFor();
      const walk = guideWalk({ steps: [] });
      await walk.openPanel(site);
      // The demo's own guide for this app is offered too: the person chooses the recorded one.
      if (!(await site.locator('[data-testid="guide-choice"]').isVisible()))
        await pressPanelButton(site, 'Choisir un autre guide');
      await walk.chooseGuide(site, TITLE);
      await expect.poll(() => stepId(site), { timeout: 10_000 }).toBe(link?.id);
      await expect.poll(() => highlightIsOn(site, START, 'guide-highlight'), { timeout: 10_000 }).toBe(true);
      loads.length = 0;
      await site.locator(START).focus();
      await site.keyboard.press('Enter');
      await expect.poll(() => new URL(site.url()).pathname).toBe('/spa/foyer');
      await expect.poll(() => stepId(site), { timeout: 10_000 }).toBe(field?.id);
      await expect
        .poll(() => highlightIsOn(site, '#nom_enfant', 'guide-highlight'), { timeout: 10_000 })
        .toBe(true);
      expect(loads).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});
