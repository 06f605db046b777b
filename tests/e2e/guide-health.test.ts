/**
 * The guides' health in the extension (issue 12 item 3): a guide whose step no longer finds its
 * field on the live page is counted on this computer, and the options page says so in one line per
 * guide; the report for the publisher holds ids and counts only. A hand-written guide for the demo's
 * identity page: one step whose field is there, one whose field the site « removed ».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { guideWalk, pressPanelButton } from './guide-walk';
import { axe, launch, ROOT } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const TITLE = 'Aide au logement, guide à surveiller';

function guideWithAMissingField() {
  const guide = JSON.parse(readFileSync(join(ROOT, 'public/guides/fr.demo.aide-logement.json'), 'utf8'));
  const [civilite, nom] = guide.steps.slice(1, 3);
  guide.id = 'fr.test.etat-du-guide';
  guide.version = '2.1.0';
  guide.title = { fr: TITLE };
  guide.signature = undefined;
  // The site renamed this field: the step finds nothing any more.
  guide.steps = [civilite, { ...nom, id: 'nom-disparu', target: { name: 'nom_de_famille_v2' } }];
  return guide;
}

describe('the guides’ health', () => {
  test('a step whose field is missing on the live page shows in the options page’s line for its guide', async () => {
    const session = await launch({ extension: true });
    try {
      const guide = guideWithAMissingField();
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.locator('[data-testid="options-guides"]').waitFor();
      await options.locator('[data-testid="guide-health-none"]').waitFor();
      await options.locator('[data-testid="guide-file"]').setInputFiles({
        name: 'guide.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(guide)),
      });
      const installed = options.locator(`[data-testid="installed-guides"] li[data-guide-id="${guide.id}"]`);
      await expect.poll(() => installed.getAttribute('data-trust')).toBe('unverified');

      // The person follows it on the site: the first field is there, the second is not.
      const walk = guideWalk(guide);
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await walk.openPanel(site);
      await walk.chooseGuide(site, TITLE);
      await walk.expectStep(site, 'civilite');
      await pressPanelButton(site, 'Étape suivante');
      await walk.expectStep(site, 'nom-disparu');

      // The options page, opened again: one line for the guide, counts only.
      const line = options.locator(
        `[data-testid="guide-health"] li[data-guide-id="${guide.id}"] [data-testid="guide-health-line"]`,
      );
      await expect
        .poll(
          async () => {
            await options.reload();
            await options.locator('[data-testid="options-guides"]').waitFor();
            return line.textContent({ timeout: 2000 }).catch(() => null);
          },
          { timeout: 30_000 },
        )
        .toMatch(/^1 étape trouvée, 1 introuvable, 0 incertaine depuis le .+\.$/);
      const item = options.locator(`[data-testid="guide-health"] li[data-guide-id="${guide.id}"]`);
      expect(await item.textContent()).toContain(TITLE);
      expect(await axe(options, '[data-testid="options-guides"]')).toEqual([]);

      // The report for the guide's publisher: the guide, the period, the counts; nothing else.
      const download = options.waitForEvent('download');
      await item.locator('[data-action="guide-health-report"]').focus();
      await options.keyboard.press('Enter');
      const report = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
      expect(report).toMatchObject({
        kind: 'pasapas-guide-health',
        guide: { id: guide.id, version: '2.1.0' },
        summary: { found: 1, ambiguous: 0, missing: 1 },
        steps: [
          { id: 'civilite', found: 1, ambiguous: 0, missing: 0, last: 'found' },
          { id: 'nom-disparu', found: 0, ambiguous: 0, missing: 1, last: 'missing' },
        ],
      });
      expect(Object.keys(report).sort()).toEqual([
        'formatVersion',
        'from',
        'guide',
        'kind',
        'steps',
        'summary',
        'to',
      ]);
      expect(JSON.stringify(report)).not.toContain('127.0.0.1');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
