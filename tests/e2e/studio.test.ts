/**
 * The guide studio (« Créer un guide », issue 12 item 1) in the extension's side panel, keyboard
 * only: the identity page of the demo's housing procedure recorded field by field (the page's
 * picking mode: Tab moves, Enter picks), the guide exported and checked by the same reading as
 * `pasapas guide validate`, its targets found again on the page by the scoring resolver, the guide
 * installed, axe-core on the studio, and no request leaving the machine. The page that was open
 * all along (its panel opened once before) offers the new guide without a reload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGuide } from '../../utils/guides/schema';
import { decideTarget, isStrictValidator } from '../../utils/guides/target';
import { type Demo, startDemoServer } from './demo';
import { guideWalk, pressPanelButton } from './guide-walk';
import { axe, launch, launcher, panel, ROOT } from './harness';
import { highlighted, openStudio, pressButton, recordFields, startGuide } from './studio-helpers';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const IDENTITY = '/aide-logement/identite.html';
/** The identity page's fields, in the page's order (one radio of the « Civilité » group). */
const FIELDS = ['civilite-madame', 'nom', 'prenom', 'date_naissance', 'nir', 'email', 'telephone'];

describe('guide studio in the side panel', () => {
  test('the identity page recorded by keyboard, exported, valid, its targets found; installed; axe clean; nothing leaves', async () => {
    const session = await launch({ extension: true });
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}${IDENTITY}?widget=0`);
      await launcher(site).waitFor();
      // The person had looked at the page's guides before the guide was made: the panel opened,
      // then closed (the page keeps what it read).
      const loads: string[] = [];
      site.on('load', () => loads.push(site.url()));
      const walk = guideWalk({ steps: [] });
      await walk.openPanel(site);
      await site.keyboard.press('Escape');
      await expect.poll(() => panel(site).count()).toBe(0);
      const side = await session.context.newPage();
      await openStudio(side, session.extensionId);
      expect(await axe(side)).toEqual([]);

      // A title, then « Commencer un guide », keyboard only.
      await startGuide(side, 'Aide au logement : votre identité', 'France Services de démonstration');

      const started = Date.now();
      await recordFields(side, site, FIELDS);
      const recordingMs = Date.now() - started;
      console.info(`studio: ${FIELDS.length} fields recorded by keyboard in ${recordingMs} ms`);
      // Picking is over: the page's keys are its own again (Tab moves the page's focus).
      await expect.poll(() => highlighted(site)).toBeNull();

      // The proposed steps: titles from the labels, a sensitive validator guessed.
      const titles = await side.locator('[data-testid="studio-steps"] > li h3').allTextContents();
      expect(titles).toEqual([
        'Étape 1 : Civilité',
        'Étape 2 : Nom de naissance',
        'Étape 3 : Prénom',
        'Étape 4 : Date de naissance',
        'Étape 5 : Numéro de sécurité sociale',
        'Étape 6 : Adresse électronique',
        'Étape 7 : Numéro de téléphone',
      ]);
      expect(await axe(side)).toEqual([]);

      // Export: a download, and the same text shown in the studio.
      const download = side.waitForEvent('download', { timeout: 10_000 });
      await pressButton(side, 'Vérifier et télécharger le guide');
      const file = await download;
      const text = readFileSync(await file.path(), 'utf8');
      expect(await side.locator('[data-testid="studio-json"]').inputValue()).toBe(text);
      const parsed = parseGuide(JSON.parse(text));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
      const guide = parsed.guide;
      expect(file.suggestedFilename()).toBe(`${guide.id}.json`);
      expect(guide.matches.urls).toEqual(['http://127.0.0.1/aide-logement/*']);
      expect(guide.steps.find((s) => s.field?.validator === 'nir')?.id).toBe('nir');
      // No value was read: nothing typed in the page could be in the guide (nothing was typed),
      // and the address has no query.
      expect(text).not.toContain('widget=0');

      // Every target is found again, on the right field, by the scoring resolver.
      const html = await (await fetch(`${demo.url}${IDENTITY}`)).text();
      const doc = new JSDOM(html, { url: `${demo.url}${IDENTITY}` }).window.document;
      guide.steps.forEach((step, i) => {
        const decision = decideTarget(step.target ?? {}, doc, {
          strict: isStrictValidator(step.field?.validator),
        });
        expect([step.id, decision.status, decision.element?.id]).toEqual([step.id, 'found', FIELDS[i]]);
      });

      // Installed on this computer through the guide library.
      await pressButton(side, 'Installer le guide sur cet ordinateur');
      await expect
        .poll(() => side.locator('[data-testid="studio-install-status"]').textContent())
        .toBe('Guide installé. Il s’affiche sur les pages de la démarche.');
      expect(await axe(side)).toEqual([]);
      // For the mediators' docs (docs/creer-un-guide.md): the studio as wide as a side panel.
      await side.setViewportSize({ width: 420, height: 1100 });
      await side.evaluate(() => window.scrollTo(0, 0));
      await side.screenshot({ path: join(ROOT, 'test-results/screenshots/studio-sidepanel.png') });
      await side.setViewportSize({ width: 1280, height: 900 });

      // The page already open offers it the next time its panel opens, without a reload.
      await site.bringToFront();
      await walk.openPanel(site);
      if (!(await site.locator('[data-testid="guide-choice"]').isVisible()))
        await pressPanelButton(site, 'Choisir un autre guide');
      await expect
        .poll(() => site.locator('[data-testid="guide-choice"] h3').allTextContents())
        .toContain('Aide au logement : votre identité');
      expect(loads).toEqual([]);

      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
