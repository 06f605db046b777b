/**
 * The signed 2D-Doc of a tax notice: a document image rendered here with a DataMatrix we generate and
 * sign with the demo's test key, read by the real engine and zxing-wasm (its WebAssembly from our own
 * files: every request outside localhost is blocked and counted), then filled into the demo form after
 * « Remplir ». A changed code is refused plainly; a code that disagrees with the printed text is told.
 * The demo site's widget trusts the demo key (its `data-twoddoc-demo-key`); the shipped product does
 * not: the extension, and a widget without that setting, say « émetteur inconnu » for the same code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { docWithStamp, renderHtml, renderTextPdf } from '../fixtures/ocr-docs/render';
import { codeSvg, PRINTED_TAX_NOTICE_FIELDS, signedCode } from '../fixtures/twoddoc/make';
import { type Demo, startDemoServer } from './demo';
import { axe, launch, launchBrowser, launcher, panel, ROOT, type Session } from './harness';

const READ_TIMEOUT = 120_000;
/** The printed tax notice's values (tests/fixtures/ocr-docs/avis-imposition.html), as its code carries them. */
const FIELDS = PRINTED_TAX_NOTICE_FIELDS;

let demo: Demo;
let tmp: string;
const images = { signed: '', tampered: '', disagreeing: '', textPdf: '' };

/** The fictitious tax notice with the code printed in its top right corner, as a 200 dpi PNG. */
async function renderWithCode(name: string, code: string): Promise<string> {
  const html = docWithStamp('avis-imposition', `${await codeSvg(code)}<div>2D-DOC</div>`);
  const [clean] = await renderHtml(html, { dir: tmp, name });
  return clean?.path ?? '';
}

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  tmp = mkdtempSync(join(tmpdir(), 'pasapas-2ddoc-e2e-'));
  const signed = await signedCode(FIELDS);
  images.signed = await renderWithCode('signed', signed);
  // The same notice as downloaded: a PDF with a text layer, the code drawn in it.
  images.textPdf = await renderTextPdf(
    docWithStamp('avis-imposition', `${await codeSvg(signed)}<div>2D-DOC</div>`),
    {
      dir: tmp,
      name: 'signed-text',
    },
  );
  // One value changed after signing: the revenu fiscal de référence, 24350 → 14350.
  images.tampered = await renderWithCode('tampered', signed.replace('4124350', '4114350'));
  // Signed, but not what the paper says (24 360 in the code, 24 350 printed).
  images.disagreeing = await renderWithCode(
    'disagreeing',
    await signedCode(FIELDS.map(([id, v]) => [id, id === '41' ? '24360' : v])),
  );
});
afterAll(async () => {
  await demo?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openOcrTab(page: Page) {
  await launcher(page).click();
  await expect.poll(() => panel(page).count()).toBe(1);
  await page.locator('[role=tab][data-feature="ocr"]').click();
}

const field = (where: Page | Frame, kind: string) => where.locator(`.pp-ocr-field[data-kind="${kind}"]`);

describe('2D-Doc in the widget', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const pageErrors: string[] = [];
  const wasmRequests: string[] = [];
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

  async function open(path: string): Promise<Page> {
    const context = await browser.context();
    context.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasmRequests.push(r.url());
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    await page.goto(`${demo.url}${path}`);
    await launcher(page).waitFor();
    return page;
  }

  test('a tax notice with a signed code fills the form after « Remplir », each value marked from the code', async () => {
    const page = await open('/aide-logement/ressources.html');
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.signed);
    const status = page.locator('[data-testid="twoddoc-status"]');
    await status.waitFor({ timeout: READ_TIMEOUT });
    expect(await status.getAttribute('data-status')).toBe('verified');
    expect(await status.textContent()).toBe(
      'Code signé avec une clé de test : signature vérifiée, mais sans valeur officielle.',
    );
    // zxing's WebAssembly came from the widget's own folder.
    expect(wasmRequests.filter((u) => u.endsWith('zxing_reader.wasm'))).toEqual([
      `${demo.url}/pasapas/ocr/zxing_reader.wasm`,
    ]);
    expect(await page.locator('[data-testid="ocr-doctype"]').textContent()).toContain('avis d’impôt');
    for (const [kind, value, name] of [
      ['fiscal-number', '3023217600053', 'numero_fiscal'],
      ['tax-notice-reference', '2675A12345678', 'reference_avis'],
      ['reference-tax-income', '24350', 'revenu_fiscal_reference'],
    ] as const) {
      const row = field(page, kind).filter({ has: page.locator('[data-testid="ocr-source"]') });
      expect(await row.count()).toBe(1);
      expect(await row.locator('input').inputValue()).toBe(value);
      expect(await row.locator('[data-testid="ocr-source"]').textContent()).toBe('lu dans le code signé');
      expect(await row.locator('select').inputValue()).toContain(name);
      // Only one value of each kind: the OCR's same reading was folded into the code's.
      expect(await field(page, kind).count()).toBe(1);
    }
    // The printed text says the same as the code: nothing to tell.
    expect(await page.locator('[data-testid="twoddoc-disagree"]').count()).toBe(0);
    // Nothing is filled before « Remplir ».
    expect(await page.locator('input[name="numero_fiscal"]').inputValue()).toBe('');

    // « Mes informations » can keep the numéro fiscal, only when the person asks: they keep that one.
    const keep = page.locator('[data-testid="ocr-infos"]');
    const boxes = keep.locator('input[type="checkbox"]');
    await expect
      .poll(() => boxes.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))
      .toContain('fiscal-number');
    for (const box of await boxes.all())
      if ((await box.getAttribute('data-kind')) !== 'fiscal-number') await box.uncheck();
    expect(await axe(page)).toEqual([]);
    await keep.screenshot({ path: join(ROOT, 'test-results', 'ocr-save-infos-fr.png') });
    await keep.locator('[data-action="ocr-save-infos"]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => keep.locator('[data-testid="ocr-infos-saved"]').textContent())
      .toMatch(/^Enregistré dans Mes informations : .+\.$/);

    await page.locator('[data-action="ocr-fill"]').click();
    await page.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="numero_fiscal"]').inputValue()).toBe('3023217600053');
    expect(await page.locator('input[name="reference_avis"]').inputValue()).toBe('2675A12345678');
    expect(await page.locator('input[name="revenu_fiscal_reference"]').inputValue()).toBe('24350');

    // The file holds that one value, from the signed code.
    await page.locator('[role=tab][data-feature="infos"]').click();
    await expect
      .poll(() => page.locator('[data-testid="infos-value"]').allTextContents())
      .toEqual(['3023217600053']);
    expect(await page.locator('.pp-infos-source').first().textContent()).toContain(
      'Lu dans le code signé du document (signature vérifiée)',
    );
  });

  test('a numéro fiscal already kept with another value: both shown, the old one kept unless the person chooses to replace it', async () => {
    const OLD = '1234567890066';
    const page = await open('/aide-logement/ressources.html');
    await launcher(page).click();
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.locator('[role=tab][data-feature="infos"]').click();
    const form = page.locator('[data-testid="infos-add"]');
    await form.locator('select').selectOption('fiscal-number');
    await page.locator('#pp-infos-add-value').fill(OLD);
    await page.locator('#pp-infos-add-value').press('Enter');
    await expect.poll(() => page.locator('[data-testid="infos-value"]').allTextContents()).toEqual([OLD]);

    await page.locator('[role=tab][data-feature="ocr"]').click();
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.signed);
    await page.locator('[data-testid="twoddoc-status"]').waitFor({ timeout: READ_TIMEOUT });
    const keep = page.locator('[data-testid="ocr-infos"]');
    const differs = keep.locator('[data-kind-differs="fiscal-number"]');
    await differs.waitFor();
    // Both values in front of the person, the old one kept unless they choose.
    expect(await differs.textContent()).toContain(OLD);
    expect(await differs.textContent()).toContain('3023217600053');
    expect(await differs.locator('input[value="keep"]').isChecked()).toBe(true);
    // Nothing else is kept in this test: the other values read are unticked.
    for (const box of await keep.locator('input[type="checkbox"]').all()) await box.uncheck();
    expect(await axe(page)).toEqual([]);
    await keep.screenshot({ path: join(ROOT, 'test-results', 'ocr-save-infos-replace-fr.png') });
    const saved = keep.locator('[data-testid="ocr-infos-saved"]');
    await keep.locator('[data-action="ocr-save-infos"]').click();
    await expect
      .poll(() => saved.textContent())
      .toBe('Rien n’a été enregistré : Mes informations n’a pas changé.');

    // Replace, by keyboard: the radio group's arrow moves to « Remplacer ».
    await differs.locator('input[value="keep"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await differs.locator('input[value="replace"]').isChecked()).toBe(true);
    await keep.locator('[data-action="ocr-save-infos"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => saved.textContent()).toMatch(/^Remplacé dans Mes informations : .+\.$/);
    // Now the file keeps the document's value: nothing left to choose.
    await expect.poll(() => keep.locator('[data-kind-kept="fiscal-number"]').count()).toBe(1);
    expect(await differs.count()).toBe(0);

    // One entry, its value replaced (not a second one beside the old), from the signed code.
    await page.locator('[role=tab][data-feature="infos"]').click();
    await expect
      .poll(() => page.locator('[data-testid="infos-value"]').allTextContents())
      .toEqual(['3023217600053']);
    expect(await page.locator('.pp-infos-source').first().textContent()).toContain(
      'Lu dans le code signé du document (signature vérifiée)',
    );
  });

  test('without the demo setting, the same demo-signed code is « émetteur inconnu », never « vérifiée »; without the « Mes informations » tab, no save is offered', async () => {
    const page = await (await browser.context()).newPage();
    page.on('pageerror', (e) => pageErrors.push(`no demo key: ${e.message}`));
    await page.route(/\/aide-logement\/ressources\.html/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text())
        .replace(' data-twoddoc-demo-key="true"', '')
        .replace(',infos"', '"');
      await route.fulfill({ response, body });
    });
    await page.goto(`${demo.url}/aide-logement/ressources.html`);
    await launcher(page).waitFor();
    expect(await page.locator('script[data-twoddoc-demo-key]').count()).toBe(0);
    expect(await page.locator('script[data-features*="infos"]').count()).toBe(0);
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.signed);
    const status = page.locator('[data-testid="twoddoc-status"]');
    await status.waitFor({ timeout: READ_TIMEOUT });
    expect(await status.getAttribute('data-status')).toBe('unknown-issuer');
    expect(await status.textContent()).toBe(
      'Code signé : émetteur inconnu. Nous ne pouvons pas vérifier sa signature.',
    );
    // This widget has no « Mes informations » tab: a value saved there could never be found again,
    // so the reading offers no save (the same reading offers it where the tab is, test above).
    expect(await page.locator('[role=tab][data-feature="infos"]').count()).toBe(0);
    expect(await field(page, 'fiscal-number').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="ocr-infos"]').count()).toBe(0);
  });

  test('a PDF with a text layer: its text is read as is, and its signed code is found and checked', async () => {
    const page = await open('/aide-logement/ressources.html');
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.textPdf);
    const status = page.locator('[data-testid="twoddoc-status"]');
    await status.waitFor({ timeout: READ_TIMEOUT });
    expect(await status.getAttribute('data-status')).toBe('verified');
    expect(await page.locator('[data-testid="ocr-text-layer"]').count()).toBe(1);
    const row = field(page, 'fiscal-number').filter({ has: page.locator('[data-testid="ocr-source"]') });
    expect(await row.locator('input').inputValue()).toBe('3023217600053');
    expect(await row.locator('[data-testid="ocr-source"]').textContent()).toBe('lu dans le code signé');
    expect(await page.locator('[data-testid="twoddoc-disagree"]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  });

  test('a changed code is refused plainly: none of its values is offered as read from the code', async () => {
    const page = await open('/aide-logement/ressources.html');
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.tampered);
    const status = page.locator('[data-testid="twoddoc-status"]');
    await status.waitFor({ timeout: READ_TIMEOUT });
    expect(await status.getAttribute('data-status')).toBe('bad-signature');
    expect(await status.textContent()).toBe(
      'Code signé : signature fausse. Le code a été modifié. Nous n’utilisons pas ses valeurs.',
    );
    expect(await page.locator('[data-testid="ocr-source"]').count()).toBe(0);
    // The forged 14350 is nowhere; what is offered was read in the printed text.
    const incomes = await field(page, 'reference-tax-income')
      .locator('input')
      .evaluateAll((els) => (els as HTMLInputElement[]).map((e) => e.value));
    expect(incomes).not.toContain('14350');
    expect(await axe(page)).toEqual([]);
  });
});

describe('2D-Doc in the extension', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ extension: true });
  });
  afterAll(async () => {
    expect(session.outside).toEqual([]);
    await session?.close();
  });

  async function ocrFrame(page: Page): Promise<Frame> {
    const find = () => page.frames().find((f) => /^chrome-extension:\/\/[a-z]+\/ocr\.html/.test(f.url()));
    await expect.poll(() => find() !== undefined).toBe(true);
    return find() as Frame;
  }

  test('the extension never trusts the demo key, even on the demo site that asks for it; a disagreeing code is told; its values kept from our frame are found in the side panel', async () => {
    const page = await session.context.newPage();
    const wasm: string[] = [];
    session.context.on('request', (r) => {
      if (r.url().endsWith('zxing_reader.wasm')) wasm.push(r.url());
    });
    await page.goto(`${demo.url}/aide-logement/ressources.html`);
    await launcher(page).waitFor();
    await openOcrTab(page);
    const ocr = await ocrFrame(page);
    await ocr.locator('[data-testid="ocr-file"]').setInputFiles(images.disagreeing);
    const status = ocr.locator('[data-testid="twoddoc-status"]');
    await status.waitFor({ timeout: READ_TIMEOUT });
    // The page's script tag asks for the demo key: the extension does not take it from a page.
    expect(await page.locator('script[data-twoddoc-demo-key="true"]').count()).toBe(1);
    expect(await status.getAttribute('data-status')).toBe('unknown-issuer');
    expect(await status.textContent()).toBe(
      'Code signé : émetteur inconnu. Nous ne pouvons pas vérifier sa signature.',
    );
    expect(wasm).toEqual([`chrome-extension://${session.extensionId}/ocr/zxing_reader.wasm`]);
    const told = ocr.locator('[data-testid="twoddoc-disagree"]');
    expect(await told.locator('li').allTextContents()).toEqual([
      'revenu fiscal de référence : le code dit « 24360 », le texte dit « 24350 ».',
    ]);
    expect(await field(ocr, 'reference-tax-income').locator('input').inputValue()).toBe('24360');
    expect(await axe(page)).toEqual([]);

    // « Enregistrer dans Mes informations » from our frame on the page: kept in the extension (the
    // claimed frame only, progress/background-infos.ts), found again in the side panel's tab.
    const keep = ocr.locator('[data-testid="ocr-infos"]');
    const boxes = keep.locator('input[type="checkbox"]');
    await expect
      .poll(() => boxes.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))
      .toContain('fiscal-number');
    for (const box of await boxes.all())
      if ((await box.getAttribute('data-kind')) !== 'fiscal-number') await box.uncheck();
    await keep.locator('[data-action="ocr-save-infos"]').click();
    await expect
      .poll(() => keep.locator('[data-testid="ocr-infos-saved"]').textContent())
      .toBe('Enregistré dans Mes informations : Numéro fiscal.');
    const side = await session.context.newPage();
    await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await side.locator('[role=tab][data-feature="infos"]').click();
    await expect
      .poll(() => side.locator('[data-testid="infos-value"]').allTextContents())
      .toEqual(['3023217600053']);
    await side.close();
    await page.bringToFront();

    await ocr.locator('[data-action="ocr-fill"]').click();
    await ocr.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="revenu_fiscal_reference"]').inputValue()).toBe('24360');
    await page.close();
  });
});
