/**
 * The widget's guide studio as the administration's staff see it (issue 12 item 1), in French and
 * Arabic (right to left), on a phone (360 px), at 200 % zoom and at 1280 px: the start form, the
 * picking on the page, and a recorded step opened for editing. At each: nothing of ours sticks out
 * sideways, every control of the studio is reached by Tab with a visible focus, axe finds nothing.
 * While picking, the field shown and the picking label are never under our own panel.
 *
 * Screens saved in test-results/screenshots/studio-widget-<size>-<lang>-*.png (not committed), for a
 * person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, fitOf, launchBrowser, openPanelTab, ROOT } from './harness';
import { chooseLang, keyboardSweep, SIZES, sideways } from './screen-checks';
import { highlighted, studioHighlight } from './studio-helpers';

const SHOTS = join(ROOT, 'test-results/screenshots');
const IDENTITY = '/aide-logement/identite.html';

let staff: Demo;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  staff = await startDemoServer({ port: 0, studio: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await staff?.close();
});

const inStudio = (page: Page, selector: string) => page.locator(`#pp-tabpanel-studio ${selector}`);

/** Presses a control of the studio by keyboard: focused, then Enter. */
async function press(page: Page, selector: string) {
  await inStudio(page, selector).focus();
  await page.keyboard.press('Enter');
}

/** What is wrong with the screen now: sideways, axe, keyboard; and its screenshot. */
async function look(page: Page, name: string): Promise<string[]> {
  await page.screenshot({ path: join(SHOTS, `studio-widget-${name}.png`) });
  const problems = [...(await sideways(page)), ...(await axe(page))];
  problems.push(...(await keyboardSweep(page, '#pp-tabpanel-studio')));
  return problems.map((p) => `${name}: ${p}`);
}

/**
 * The picking label and the field it shows, clear of our panel: the label's box meets none of
 * ours, and at the label's and the field's centre the page's element is the first hit, not ours.
 */
function pickingClear(page: Page, field: string): Promise<string[]> {
  return page.evaluate((field) => {
    const problems: string[] = [];
    const host = document.querySelector('[data-pasapas-host="studio-highlight"]');
    const label = host?.shadowRoot?.querySelector('[data-pasapas="highlight-label"]');
    if (!label || (host as HTMLElement).hidden) return ['no picking label'];
    const ours = [...document.querySelectorAll('[data-pasapas-host]')]
      .filter((h) => h !== host)
      .flatMap((h) => [
        ...(h.shadowRoot?.querySelectorAll('[data-pasapas="panel"], [data-pasapas="launcher"]') ?? []),
      ])
      .map((el) => el.getBoundingClientRect());
    const l = label.getBoundingClientRect();
    for (const r of ours.filter((o) => o.width > 0 && o.height > 0))
      if (l.left < r.right && r.left < l.right && l.top < r.bottom && r.top < l.bottom)
        problems.push(
          `label ${Math.round(l.left)}..${Math.round(l.right)} meets ours ${Math.round(r.left)}..${Math.round(r.right)}`,
        );
    // The guide's own box (on its step's field) waits while the author points at another.
    const guide = document.querySelector('[data-pasapas-host="guide-highlight"]') as HTMLElement | null;
    if (guide && !guide.hidden) problems.push('the guide’s highlight shows too');
    const target = document.getElementById(field);
    if (l.left < 0 || l.right > innerWidth)
      problems.push(`label ${Math.round(l.left)}..${Math.round(l.right)} off screen`);
    const points: Array<[string, DOMRect]> = [['label', l]];
    if (target) points.push([field, target.getBoundingClientRect()]);
    for (const [what, r] of points) {
      const top = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)[0];
      if (top?.closest('[data-pasapas-host]') && top.closest('[data-pasapas-host]') !== host)
        problems.push(
          `${what}: under our ${top.closest('[data-pasapas-host]')?.getAttribute('data-pasapas-host')}`,
        );
    }
    return problems;
  }, field);
}

describe('the widget’s studio screens', () => {
  for (const size of SIZES)
    for (const lang of ['fr', 'ar'] as const)
      test(`${size.name} px, ${lang}: the start form, the picking and a step fit, by keyboard, axe clean`, async () => {
        const context = await browser.context({ viewport: size.viewport });
        try {
          const page = await context.newPage();
          await page.goto(`${staff.url}${IDENTITY}`);
          await openPanelTab(page, 'studio');
          await chooseLang(page, lang);
          await expect.poll(() => fitOf(page)).toBe(size.name === '1280' ? 'wide' : 'sheet');
          const problems: string[] = [];
          const name = `${size.name}-${lang}`;

          await inStudio(page, '[data-action="studio-start"]').waitFor();
          problems.push(...(await look(page, `${name}-start`)));
          await inStudio(page, 'input[name="studio-title"]').fill('Aide au logement');
          await inStudio(page, 'input[name="studio-publisher"]').fill('Caisse (démo)');
          await press(page, '[data-action="studio-start"]');

          await press(page, '[data-action="studio-pick"]');
          await studioHighlight(page).waitFor({ state: 'visible', timeout: 10_000 });
          for (let i = 0; i < 40 && (await highlighted(page)) !== 'nom'; i++)
            await page.keyboard.press('Tab');
          expect(await highlighted(page)).toBe('nom');
          await page.screenshot({ path: join(SHOTS, `studio-widget-${name}-picking.png`) });
          problems.push(...(await pickingClear(page, 'nom')).map((p) => `${name}-picking: ${p}`));
          problems.push(...(await sideways(page)).map((p) => `${name}-picking: ${p}`));
          await page.keyboard.press('Enter');
          await expect.poll(() => inStudio(page, '[data-testid="studio-steps"] > li').count()).toBe(1);
          problems.push(...(await look(page, `${name}-step`)));

          // Every field of the page in turn, with the panel's « Case suivante » (by keyboard): neither
          // the field shown nor the label is ever under our panel, as the panel moves or docks.
          await press(page, '[data-action="studio-pick"]');
          await studioHighlight(page).waitFor({ state: 'visible', timeout: 10_000 });
          const moves = inStudio(page, '[data-testid="studio-picking"] button');
          const seen: string[] = [];
          for (let i = 0; i < 13; i++) {
            const id = await highlighted(page);
            // The label's « n / N »: which of the page's fields is shown.
            seen.push(
              await page.evaluate(
                () =>
                  document
                    .querySelector('[data-pasapas-host="studio-highlight"]')
                    ?.shadowRoot?.querySelector('[data-pasapas="highlight-label"]')
                    ?.textContent?.match(/^\d+ \/ \d+/)?.[0] ?? '',
              ),
            );
            // The label is placed just after the box (a promise of its own): polled until clear.
            let found: string[] = [];
            await expect
              .poll(
                async () => {
                  found = await pickingClear(page, id ?? '');
                  return found;
                },
                { timeout: 5000 },
              )
              .toEqual([])
              .catch(() => {});
            problems.push(...found.map((p) => `${name}-field ${i + 1} (${id}): ${p}`));
            await moves.nth(1).focus();
            await page.keyboard.press('Enter');
          }
          // All the page's fields, each shown in turn (the pointer resting on the page took none).
          const total = Number(seen[0]?.split(' / ')[1]);
          expect(total).toBeGreaterThan(10);
          expect(new Set(seen).size, seen.join(', ')).toBe(total);
          await moves.nth(3).focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => studioHighlight(page).isVisible()).toBe(false);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
});
