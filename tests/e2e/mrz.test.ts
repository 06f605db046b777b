/**
 * The machine-readable zone of a fictitious residence permit, read by the real engine in the widget (the
 * zone read a second time, tuned for it): a zone whose check digits pass fills the identity page after
 * « Remplir »; one with a wrong check digit is refused, and none of its values is offered. The result
 * screen is looked at on a phone, at 200 % zoom and on a laptop, in French and Arabic (screenshots in
 * test-results/screenshots/), and measured: nothing of ours sticks out sideways.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { permitMrz, renderPermit } from '../fixtures/mrz/card';
import { type Demo, startDemoServer } from './demo';
import { axe, chooseTab, launchBrowser, launcher, panel, ROOT } from './harness';
import { chooseLang, SIZES, sideways } from './screen-checks';

const READ_TIMEOUT = 120_000;
let demo: Demo;
let tmp: string;
const images = { good: '', bad: '' };

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  tmp = mkdtempSync(join(tmpdir(), 'pasapas-mrz-e2e-'));
  images.good = await renderPermit(tmp, 'good', permitMrz(false));
  images.bad = await renderPermit(tmp, 'bad', permitMrz(true));
});
afterAll(async () => {
  await demo?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('MRZ in the widget', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    expect(browser.outside).toEqual([]);
    await browser?.close();
  });

  async function readPermit(image: string, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await browser.context(viewport ? { viewport } : {});
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await launcher(page).click();
    await expect.poll(() => panel(page).count()).toBe(1);
    await chooseTab(page, 'ocr');
    await page.locator('[data-testid="ocr-file"]').setInputFiles(image);
    await page.locator('[data-testid="mrz-status"]').waitFor({ timeout: READ_TIMEOUT });
    return page;
  }

  test('a zone whose check digits pass gives the values, marked, and fills the birth date after « Remplir »', async () => {
    const page = await readPermit(images.good);
    const status = page.locator('[data-testid="mrz-status"]');
    expect(await status.getAttribute('data-valid')).toBe('true');
    expect(await status.textContent()).toBe(
      'Bande en bas du document lue : tous les chiffres de contrôle sont justes.',
    );
    const marked = page.locator('.pp-ocr-field').filter({ has: page.locator('[data-testid="ocr-source"]') });
    const values = await marked
      .locator('input')
      .evaluateAll((els) => (els as HTMLInputElement[]).map((e) => e.value));
    // The values this page has a field for come first (result-groups.ts): their order among
    // themselves follows which are pre-selected, so the set is checked here, not the order.
    expect([...values].sort()).toEqual(
      ['EL AMRANI', 'YOUSSEF', '30/11/1985', 'MAR', 'AB1234567', '15/06/2029'].sort(),
    );
    expect(await marked.first().locator('[data-testid="ocr-source"]').textContent()).toBe(
      'lu dans la bande en bas du document, vérifié',
    );
    // The birth date's row, found by its value (a property, not an attribute, holds it).
    const birth = marked.nth(values.indexOf('30/11/1985'));
    expect(await birth.locator('select').inputValue()).toContain('date_naissance');
    expect(await page.locator('input[name="date_naissance"]').inputValue()).toBe('');
    expect(await axe(page)).toEqual([]);
    await page.locator('[data-action="ocr-fill"]').click();
    await page.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="date_naissance"]').inputValue()).toBe('30/11/1985');
  });

  test('a wrong check digit is refused: reported, no value from the zone', async () => {
    const page = await readPermit(images.bad);
    const status = page.locator('[data-testid="mrz-status"]');
    expect(await status.getAttribute('data-valid')).toBe('false');
    expect(await status.textContent()).toBe(
      'Bande en bas du document : un chiffre de contrôle est faux. Nous n’utilisons pas ses valeurs. Reprenez la photo, bien nette.',
    );
    expect(await page.locator('[data-testid="ocr-source"]').count()).toBe(0);
    // Neither the misprinted birth date nor a guess of the right one is offered.
    const values = await page
      .locator('.pp-ocr-field input')
      .evaluateAll((els) => (els as HTMLInputElement[]).map((e) => e.value));
    expect(values).not.toContain('31/11/1985');
    expect(values).not.toContain('30/11/1985');
    expect(await axe(page)).toEqual([]);
  });

  test.each(SIZES)(
    'the result looked at, $name: French and Arabic, nothing sideways, axe clean',
    async (size) => {
      const shots = join(ROOT, 'test-results/screenshots');
      mkdirSync(shots, { recursive: true });
      const page = await readPermit(images.good, size.viewport);
      const problems: string[] = [];
      for (const lang of ['fr', 'ar'] as const) {
        await chooseLang(page, lang);
        // The reading is kept across the language change: its values are still there, marked.
        await expect.poll(() => page.locator('[data-testid="ocr-source"]').count()).toBe(6);
        await page.screenshot({ path: join(shots, `mrz-${size.name}-${lang}.png`) });
        await page
          .locator('[data-testid="ocr-infos"]')
          .screenshot({ path: join(shots, `mrz-${size.name}-${lang}-keep.png`) });
        for (const p of await sideways(page)) problems.push(`${lang}: ${p}`);
        for (const v of await axe(page)) problems.push(`${lang}: ${v}`);
      }
      expect(problems).toEqual([]);
    },
  );
});
