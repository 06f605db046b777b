/**
 * Recording on broken real-world markup (issue 12 items 2 and 5), in the built extension: the
 * demo's `mal-balise.html` (labels that are only text in the neighbouring table cell, two fields
 * sharing one id, two « Nom » boxes told apart only by their fieldset) recorded by keyboard in the
 * studio; the clues a person goes by are in the exported guide; the guide, installed, shows each
 * step on its own field in the page's panel. Then the site changes its page (table rows swapped and
 * its fields renumbered, « Code postal » renamed « Commune », the partner's part removed): each
 * step is on the right field or says it cannot find it, never on another field.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGuide } from '../../utils/guides/schema';
import { type Demo, startDemoServer } from './demo';
import { guideWalk, pressPanelButton, stepId } from './guide-walk';
import { axe, launch, launcher, panel } from './harness';
import { highlightIsOn, openStudio, pressButton, recordFields, startGuide } from './studio-helpers';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const PAGE = '/mal-balise.html';
const TITLE = 'Bourse de collège, page mal balisée';
/** The page's fields as a person sees them, in the page's order. */
const FIELDS = [
  ['loyer', 'table tr:nth-child(1) input'],
  ['charges', 'table tr:nth-child(2) input'],
  ['allocataire', 'input[name="allocataire"]'],
  ['cp', 'input[name="cp"]'],
  ['nomVous', '#partie-vous input'],
  ['nomConjoint', '#partie-conjoint input'],
] as const;
type Field = (typeof FIELDS)[number][0];

/** Marks each field with what a person sees it as, so the test can tell them apart after a change. */
const markFields = (site: Page) =>
  site.evaluate(
    (fields) => {
      for (const [mark, selector] of fields)
        document.querySelector(selector)?.setAttribute('data-field', mark);
    },
    FIELDS as unknown as Array<[string, string]>,
  );

/** The field the guide's highlight is on, or « missing » when the step says it cannot find it. */
async function shownField(site: Page): Promise<string | null> {
  if (await panel(site).locator('[data-testid="guide-missing"]').isVisible()) return 'missing';
  for (const [mark] of FIELDS)
    if (await highlightIsOn(site, `[data-field="${mark}"]`, 'guide-highlight')) return mark;
  return null;
}

/** Walks the guide's steps with « Étape suivante » and says, for each, where it points. */
async function walkSteps(site: Page, ids: readonly string[], expected: Record<string, readonly string[]>) {
  // The guide may open where the person left it: back to its first step.
  for (let guard = 0; guard < ids.length && (await stepId(site)) !== ids[0]; guard++)
    await pressPanelButton(site, 'Étape précédente');
  for (const [i, id] of ids.entries()) {
    if (i > 0) await pressPanelButton(site, 'Étape suivante');
    await expect.poll(() => stepId(site), { timeout: 10_000 }).toBe(id);
    const allowed = expected[id] ?? [];
    await expect
      .poll(() => shownField(site), { timeout: 10_000, message: `step ${id}` })
      .toSatisfy((field: string | null) => field !== null && allowed.includes(field));
  }
}

/** Opens the page's panel by its shortcut and starts the recorded guide (chosen if others are offered). */
async function openGuide(site: Page) {
  const walk = guideWalk({ steps: [] });
  await walk.openPanel(site);
  if (await site.locator('[data-testid="guide-choice"]').isVisible()) await walk.chooseGuide(site, TITLE);
  await expect.poll(() => stepId(site), { timeout: 10_000 }).not.toBeNull();
}

describe('guide studio on broken markup', () => {
  test('recorded by keyboard: the right clues; installed, each step on its own field; after the site changed, the right field or « introuvable », never another', async () => {
    const session = await launch({ extension: true });
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}${PAGE}?widget=0`);
      await launcher(site).waitFor();
      const side = await session.context.newPage();
      await openStudio(side, session.extensionId);
      await startGuide(side, TITLE, 'France Services de démonstration');
      for (const [, selector] of FIELDS)
        await recordFields(side, site, [selector], (s) => highlightIsOn(s, selector));

      // The titles are the words a person reads next to each box.
      const titles = await side.locator('[data-testid="studio-steps"] > li h3').allTextContents();
      expect(titles).toEqual([
        'Étape 1 : Montant du loyer',
        'Étape 2 : Charges mensuelles',
        'Étape 3 : Numéro allocataire',
        'Étape 4 : Code postal',
        'Étape 5 : Nom',
        'Étape 6 : Nom',
      ]);
      expect(await axe(side)).toEqual([]);

      const download = side.waitForEvent('download', { timeout: 20_000 });
      await pressButton(side, 'Vérifier et télécharger le guide');
      const parsed = parseGuide(JSON.parse(readFileSync(await (await download).path(), 'utf8')));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
      const steps = parsed.guide.steps;
      const clues = steps.map((s) => s.target?.clues ?? {});
      // Table cells: the neighbouring cell's words are the label.
      expect(clues.slice(0, 2).map((c) => c.label)).toEqual(['Montant du loyer', 'Charges mensuelles']);
      // The shared id is kept for neither field; each has the label written before it.
      expect(clues.slice(2, 4).map((c) => [c.id, c.label])).toEqual([
        [undefined, 'Numéro allocataire'],
        [undefined, 'Code postal'],
      ]);
      // Same label, same name: the legend tells them apart.
      expect(clues.slice(4).map((c) => [c.label, c.group])).toEqual([
        ['Nom', 'Vous'],
        ['Nom', 'Votre conjoint'],
      ]);
      const ids = steps.map((s) => s.id);
      const stepOf = Object.fromEntries(FIELDS.map(([mark], i) => [ids[i] as string, mark]));

      await pressButton(side, 'Installer le guide sur cet ordinateur');
      await expect
        .poll(() => side.locator('[data-testid="studio-install-status"]').textContent())
        .toBe('Guide installé. Il s’affiche sur les pages de la démarche.');

      // On the page as recorded, every step on its own field.
      await site.bringToFront();
      await site.reload();
      await launcher(site).waitFor();
      await markFields(site);
      await openGuide(site);
      await walkSteps(
        site,
        ids,
        Object.fromEntries(Object.entries(stepOf).map(([id, mark]) => [id, [mark]])),
      );

      // The site changes its page: rows swapped and renumbered, a label renamed, a part removed.
      await site.reload();
      await launcher(site).waitFor();
      await markFields(site);
      await site.evaluate(() => {
        const rows = document.querySelectorAll('table tr');
        rows[0]?.parentElement?.insertBefore(rows[1] as Element, rows[0] as Element);
        document.querySelectorAll('table input').forEach((input, i) => {
          input.setAttribute('name', `champ${i + 1}`);
        });
        for (const label of Array.from(document.querySelectorAll('label')))
          if (label.textContent === 'Code postal') label.textContent = 'Commune';
        document.getElementById('partie-conjoint')?.remove();
      });
      await openGuide(site);
      const after: Record<Field, readonly string[]> = {
        loyer: ['loyer', 'missing'],
        charges: ['charges', 'missing'],
        allocataire: ['allocataire'],
        cp: ['missing'],
        nomVous: ['nomVous'],
        nomConjoint: ['missing'],
      };
      await walkSteps(
        site,
        ids,
        Object.fromEntries(Object.entries(stepOf).map(([id, mark]) => [id, after[mark as Field]])),
      );
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});
