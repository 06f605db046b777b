/**
 * The studio follows the author across the pages of a procedure (issue 12 item 2): the whole
 * housing-aid demo procedure recorded by keyboard in the extension — every field of its six
 * pages and each page's own « Suivant » button, the author filling the site's form to move on —
 * each step getting the `when` condition of its page; the guide signed, then installed with the
 * public key in a FRESH profile, « vérifié », and walked there by keyboard to the site's
 * confirmation. The time the recording takes is printed. Nothing
 * leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGuideText } from '../../utils/guides/schema';
import { HOUSING_CHOSEN, HOUSING_FILES, HOUSING_VALUES, HOUSING_PAGES as PAGES } from '../fixtures/housing';
import { type Demo, startDemoServer } from './demo';
import { guideWalk } from './guide-walk';
import { axe, launch, launcher, tabTo } from './harness';
import {
  fillAndGoOn,
  highlighted,
  highlightIsOn,
  openStudio,
  pressButton,
  recordFields,
  SUBMIT,
  startGuide,
  stepCount,
} from './studio-helpers';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const TITLE = 'Aide au logement, toute la démarche';

describe('guide studio across pages', () => {
  test('the whole housing procedure recorded by keyboard, each step with its page’s condition; signed; installed « vérifié » in a fresh profile', async () => {
    await fetch(`${demo.url}/demo-api/reset`, { method: 'POST' });
    const session = await launch({ extension: true });
    let signedText = '';
    let publicKeyText = '';
    try {
      const site = await session.context.newPage();
      site.on('filechooser', () => {});
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(site).waitFor();
      const side = await session.context.newPage();
      await openStudio(side, session.extensionId);
      await startGuide(side, TITLE, 'France Services de démonstration');

      const started = Date.now();
      let picking = 0;
      for (const { slug, fields } of PAGES) {
        await expect.poll(() => new URL(site.url()).pathname).toBe(`/aide-logement/${slug}.html`);
        await launcher(site).waitFor();
        const t0 = Date.now();
        await recordFields(side, site, fields);
        // The page's own button, a step of its own (« Cliquez sur le bouton »).
        await recordFields(side, site, ['submit'], (s) => highlightIsOn(s, SUBMIT));
        picking += Date.now() - t0;
        await expect.poll(() => highlighted(site)).toBeNull();
        await fillAndGoOn(site, fields);
      }
      await expect.poll(() => new URL(site.url()).pathname).toBe('/aide-logement/confirmation.html');
      const recordingMs = Date.now() - started;
      const count = await stepCount(side);
      console.info(
        `studio: the housing procedure (${PAGES.length} pages, ${count} steps) recorded by keyboard in ${(recordingMs / 1000).toFixed(1)} s, of which ${(picking / 1000).toFixed(1)} s pointing at fields (the rest: the author filling the site's pages)`,
      );
      expect(count).toBe(PAGES.reduce((n, p) => n + p.fields.length + 1, 0));
      expect(await axe(side)).toEqual([]);

      // Signed with a key made here; the public key file for the other computer.
      await pressButton(side, 'Créer ma clé de signature');
      await side.locator('[data-testid="studio-key"]').waitFor();
      const signed = side.waitForEvent('download', { timeout: 20_000 });
      await pressButton(side, 'Signer et télécharger le guide');
      signedText = readFileSync(await (await signed).path(), 'utf8');
      const pub = side.waitForEvent('download', { timeout: 20_000 });
      await pressButton(side, 'Télécharger ma clé publique');
      publicKeyText = readFileSync(await (await pub).path(), 'utf8');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }

    // Each step has the condition of its page: its address and its heading.
    const parsed = parseGuideText(signedText);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const guide = parsed.guide;
    expect(guide.matches.urls).toEqual(['http://127.0.0.1/aide-logement/*']);
    // And each step the field it was recorded for (a radio group by its name, then the page's button).
    let at = 0;
    for (const { slug, fields } of PAGES) {
      const count = fields.length + 1;
      const recorded = guide.steps.slice(at, at + count);
      for (const step of recorded)
        expect([step.id, step.when?.urlPattern]).toEqual([
          step.id,
          `http://127.0.0.1/aide-logement/${slug}.html*`,
        ]);
      expect(recorded.map((s) => s.target?.clues?.name ?? s.done.kind)).toEqual([
        ...fields.map((id) => id.split('-')[0]),
        'clicked',
      ]);
      at += count;
    }
    expect(guide.steps[1]?.when?.headingText).toBe('Votre identité');
    expect(guide.steps.filter((s) => s.done.kind === 'clicked')).toHaveLength(PAGES.length);

    // A fresh profile: the key trusted, the guide file installed, « vérifié ».
    await fetch(`${demo.url}/demo-api/reset`, { method: 'POST' });
    const fresh = await launch({ extension: true });
    try {
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await options.locator('[data-testid="options-guides"]').waitFor();
      await options.locator('h1').click();
      await tabTo(options, (el) => el.tag === 'textarea', 80);
      await options.keyboard.type(publicKeyText);
      await tabTo(options, (el) => el.tag === 'button' && el.text === 'Ajouter la clé');
      await options.keyboard.press('Enter');
      await options.locator('[data-testid="key-feedback-ok"]').waitFor();
      await options
        .locator('[data-testid="guide-file"]')
        .setInputFiles({ name: 'guide.json', mimeType: 'application/json', buffer: Buffer.from(signedText) });
      const item = options.locator(`[data-testid="installed-guides"] li[data-guide-id="${guide.id}"]`);
      await expect.poll(() => item.getAttribute('data-trust')).toBe('verified');

      // The person follows it by keyboard to the site's confirmation. The built-in demo guide is
      // written for the same pages: the panel offers both, the person chooses the recorded one,
      // and the next pages keep it.
      const walk = guideWalk(guide);
      const site = await fresh.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await walk.openPanel(site);
      await walk.chooseGuide(site, TITLE);
      await walk.expectStep(site, guide.steps[0]?.id ?? '');
      expect(await site.locator('[data-testid="guide-title"]').textContent()).toBe(TITLE);
      expect(await axe(site)).toEqual([]);
      for (const { slug } of PAGES) {
        expect(site.url()).toContain(`/aide-logement/${slug}.html`);
        await walk.walkPage(site, slug === 'identite');
      }
      expect(site.url()).toContain('/aide-logement/confirmation.html');
      const last = await (await fetch(`${demo.url}/demo-api/submissions/last`)).json();
      expect(last.procedure).toBe('aide-logement');
      for (const [name, value] of Object.entries(HOUSING_VALUES))
        expect(String(last.values[name]).replace(/\s/g, ''), name).toBe(value.replace(/\s/g, ''));
      for (const [name, value] of Object.entries(HOUSING_CHOSEN)) expect(last.values[name], name).toBe(value);
      expect(Object.keys(last.files).sort()).toEqual(HOUSING_FILES);
      expect(fresh.outside).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 900_000);
});
