/**
 * Reading a document (RIB, tax notice, CAF certificate) and filling the demo form from it, in the widget and
 * in the extension, with the real engine on images rendered here (tests/fixtures/ocr-docs), every request
 * outside localhost blocked.
 * Each reading takes a few seconds on 2 cores: few readings, generous timeouts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Frame, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, renderHtml, renderOne, renderPdfs } from '../fixtures/ocr-docs/render';
import { followClosedRootsIn } from './closed-roots';
import { type Demo, startDemoServer } from './demo';
import {
  axe,
  chromiumPath,
  deepActive,
  EXTENSION,
  launch,
  launchBrowser,
  launcher,
  panel,
  type Session,
  tabTo,
} from './harness';

const IBAN = 'FR7630006000011234567890189';
const READ_TIMEOUT = 120_000;
const FIXTURES = join(import.meta.dirname, '../fixtures/ocr-docs');

let demo: Demo;
let tmp: string;
const images: Record<'rib' | 'ribBadIban' | 'blurry' | 'avis' | 'avisPdf' | 'caf', string> = {
  rib: '',
  caf: '',
  ribBadIban: '',
  blurry: '',
  avis: '',
  avisPdf: '',
};

/** The fixture RIB with one digit of the IBAN changed: its check digits fail, so it must show "à vérifier". */
async function renderBadIbanRib(dir: string): Promise<string> {
  const html = readFileSync(join(FIXTURES, 'rib.html'), 'utf8').replace(
    'FR76 3000 6000 0112 3456 7890 189',
    'FR76 3000 6000 0112 3456 7890 188',
  );
  const [clean] = await renderHtml(html, { dir, name: 'rib-bad' });
  return clean?.path ?? '';
}

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  tmp = mkdtempSync(join(tmpdir(), 'pasapas-ocr-e2e-'));
  images.rib = (await renderOne('rib', 'clean')).path;
  images.blurry = (await renderOne('rib', 'heavy-blur')).path;
  images.avis = (await renderOne('avis-imposition', 'clean')).path;
  images.caf = (await renderOne('attestation-caf', 'clean')).path;
  images.avisPdf = (await renderPdfs()).textPdf;
  images.ribBadIban = await renderBadIbanRib(tmp);
});
afterAll(async () => {
  await demo?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What the demo site stored for this browser's session (the bank page is not the last one). */
async function siteValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const session = await (await fetch('/demo-api/session')).json();
    return session.procedures?.['aide-logement']?.values ?? {};
  });
}

/** The site's own validation state of one of its fields. */
async function siteError(page: Page, name: string): Promise<boolean> {
  return page.evaluate(
    (n) => !!document.querySelector(`[name="${n}"]`)?.closest('.fr-input-group--error'),
    name,
  );
}

const CAF_NUMBER = '1234567';

/**
 * The CAF certificate read on the resources page: only the CAF number goes to "Numéro d’allocataire CAF";
 * the benefits it lists (amounts) are offered but not pre-selected for the salary or the income.
 */
async function checkCafReading(ocr: Page | Frame) {
  await ocr.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
  expect(await ocr.locator('[data-testid="ocr-doctype"]').textContent()).toContain('attestation de la CAF');
  const caf = ocr.locator('.pp-ocr-field[data-kind="caf-number"]');
  expect(await caf.locator('input').inputValue()).toBe(CAF_NUMBER);
  expect(await caf.getAttribute('data-valid')).toBe('true');
  expect(await caf.locator('select').inputValue()).toContain('numero_allocataire');
  const amounts = ocr.locator('.pp-ocr-field[data-kind="amount"] select');
  expect(await amounts.count()).toBeGreaterThan(0);
  for (const select of await amounts.all()) expect(await select.inputValue()).toBe('');
}

/**
 * The rest of the resources page, then sent: the site stores every value. Set, not typed: a running guide
 * moves focus to its step's field when a step completes, which would catch keystrokes meant elsewhere.
 */
async function sendResources(page: Page) {
  await page.evaluate(() => {
    const values: Record<string, string> = {
      numero_fiscal: '3023217600053',
      reference_avis: '2675A12345678',
      revenu_fiscal_reference: '24350',
      salaire_mensuel: '0',
    };
    for (const [name, value] of Object.entries(values)) {
      const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  expect(await page.locator('input[name="numero_allocataire"]').inputValue()).toBe(CAF_NUMBER);
  await page.locator('form[data-demo-validate] button[type="submit"]').click();
  await page.waitForURL(/banque\.html/, { timeout: 15_000 }).catch(async (error) => {
    const refused = await page.locator('.fr-input-group--error, .fr-select-group--error').allTextContents();
    throw new Error(`The resources page was not sent: ${refused.join(' | ')}`, { cause: error });
  });
}

const armed = new WeakSet<Page>();
/**
 * Space on the focused file input opens the picker. Playwright turns file-chooser interception on
 * asynchronously when a page gets its first listener: without a listener armed beforehand (and one
 * round trip to the page), the key press can open a real dialog that the test never sees.
 */
async function chooseByKeyboard(page: Page) {
  if (!armed.has(page)) {
    armed.add(page);
    page.on('filechooser', () => {});
    await page.evaluate(() => 0);
  }
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 15_000 }),
    page.keyboard.press('Space'),
  ]);
  return chooser;
}

/**
 * Our ocr.html frame in the page's panel. It sits in a closed shadow root (out of the page's reach), so it
 * is found among the page's frames by its address, not by a selector.
 */
async function ocrFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => /^chrome-extension:\/\/[a-z]+\/ocr\.html/.test(f.url()));
  await expect.poll(() => find() !== undefined).toBe(true);
  return find() as Frame;
}

async function openOcrTab(page: Page) {
  await launcher(page).click();
  await expect.poll(() => panel(page).count()).toBe(1);
  await page.locator('[role=tab][data-feature="ocr"]').click();
}

describe('OCR in the widget', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** Uncaught errors on the pages a test opened: each test must leave none. */
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(() => {
    const seen = pageErrors.splice(0);
    expect(seen).toEqual([]);
  });
  afterAll(async () => {
    expect(browser.outside).toEqual([]);
    await browser?.close();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.context();
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    await page.goto(`${demo.url}${path}`);
    await launcher(page).waitFor();
    return page;
  }

  test('a RIB read by keyboard fills the IBAN, the site accepts it and receives it', async () => {
    const page = await open('/aide-logement/banque.html');
    await launcher(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).count()).toBe(1);
    // Keyboard only: to the tab list, then along it to "Lire un document".
    await tabTo(page, (el) => el.role === 'tab');
    for (let i = 0; i < 8 && (await deepActive(page))?.id !== 'pp-tab-ocr'; i++)
      await page.keyboard.press('ArrowRight');
    expect(await deepActive(page)).toMatchObject({ id: 'pp-tab-ocr' });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="ocr-file"]').waitFor();
    expect(await axe(page)).toEqual([]);

    await tabTo(page, (el) => el.id === 'pp-ocr-file');
    const chooser = await chooseByKeyboard(page);
    await chooser.setFiles(images.rib);
    await page.locator('[data-testid="ocr-progress"]').waitFor();

    await page.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
    expect(await page.locator('[data-testid="ocr-doctype"]').textContent()).toContain('RIB');
    const iban = page.locator('.pp-ocr-field[data-kind="iban"]');
    expect(await iban.locator('input').inputValue()).toBe(IBAN);
    expect(await iban.getAttribute('data-valid')).toBe('true');
    expect(await iban.locator('[data-testid="ocr-state"]').textContent()).toBe('Correct');
    // Suggested from the page's own labels: IBAN → IBAN, BIC → BIC.
    const ibanKey = await iban.locator('select').inputValue();
    expect(ibanKey).toContain('iban');
    expect(await page.locator('.pp-ocr-field[data-kind="bic"] select').inputValue()).toContain('bic');
    // The boxes are drawn on the image.
    expect(await page.locator('[data-testid="ocr-image"]').getAttribute('width')).not.toBe('0');
    // Nothing is filled before "Remplir".
    expect(await page.locator('input[name="iban"]').inputValue()).toBe('');
    expect(await axe(page)).toEqual([]);

    await tabTo(page, (el) => el.tag === 'button' && el.text.startsWith('Remplir'));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="ocr-filled"]').textContent())
      .toMatch(/(case est remplie|cases sont remplies)/);
    expect(await page.locator('input[name="iban"]').inputValue()).toBe(IBAN);
    expect(await page.locator('input[name="bic"]').inputValue()).toBe('AGRIFRPP');
    // The site's own check ran on blur and accepted it.
    expect(await siteError(page, 'iban')).toBe(false);
    // The image was discarded (not kept): no canvas left.
    expect(await page.locator('[data-testid="ocr-image"]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.locator('input[name="titulaire"]').fill('Camille EXEMPLE');
    await page.locator('form[data-demo-validate] button[type="submit"]').click();
    await page.waitForURL(/documents\.html/);
    const values = await siteValues(page);
    expect(values.iban?.replace(/\s/g, '')).toBe(IBAN);
    expect(values.bic).toBe('AGRIFRPP');
  });

  test('a reading can be cancelled; a pasted blurry photo gets the plain message', async () => {
    const page = await open('/aide-logement/banque.html');
    // Hold the language data while the engine loads, so the reading is surely under way at "Annuler".
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let heldRequests = 0;
    await page.context().route('**/ocr/lang/**', async (route) => {
      heldRequests++;
      await held;
      await route.continue().catch(() => {});
    });
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.rib);
    await page.locator('[data-action="ocr-cancel"]').waitFor();
    // The engine asks for its language data once its worker and WebAssembly have started: seconds on a busy machine.
    await expect.poll(() => heldRequests, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="ocr-progress"]').textContent()).toMatch(/^On prépare/);
    expect(await axe(page)).toEqual([]);
    await page.locator('[data-action="ocr-cancel"]').click();
    await expect
      .poll(() => page.locator('[data-testid="ocr-message"]').textContent())
      .toBe('Lecture arrêtée. Vous pouvez choisir un autre document.');
    // Focus is back on the file picker, and no result arrives later.
    expect(await deepActive(page)).toMatchObject({ id: 'pp-ocr-file' });
    // Every result the panel shows from now on is counted, so "no result later" is checked after the next reading.
    await page.evaluate(() => {
      const w = window as unknown as { results: number };
      w.results = 0;
      const sel = '[data-testid="ocr-doctype"]';
      const roots = [
        document,
        ...[...document.querySelectorAll('[data-pasapas-host]')].map((h) => h.shadowRoot),
      ];
      for (const root of roots)
        if (root)
          new MutationObserver((records) => {
            for (const r of records)
              for (const n of r.addedNodes)
                if (n instanceof Element && (n.matches(sel) || n.querySelector(sel))) w.results++;
          }).observe(root, { childList: true, subtree: true });
    });
    release();
    expect(await page.locator('[data-testid="ocr-doctype"]').count()).toBe(0);

    // Ctrl+V of an image copied elsewhere: a paste event carrying the image file. The engine starts again.
    const png = readFileSync(images.blurry).toString('base64');
    await page.locator('[data-testid="ocr-file"]').evaluate((input, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'capture.png', { type: 'image/png' }));
      input.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true }),
      );
    }, png);
    await page.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
    // The cancelled reading, released before this one started and ahead of it, never showed its result.
    expect(await page.evaluate(() => (window as unknown as { results: number }).results)).toBe(1);
    expect(await page.locator('input[name="iban"]').inputValue()).toBe('');
    const quality = await page.locator('[data-testid="ocr-quality"]').allTextContents();
    expect(quality).toContain('La photo est floue : rapprochez-vous et reprenez-la sans bouger');
    expect(await page.locator('[data-action="ocr-again"]').textContent()).toBe('Reprendre une photo');
    expect(await axe(page)).toEqual([]);
  });

  test('a tax notice fills the numéro fiscal on the resources page', async () => {
    const page = await open('/aide-logement/ressources.html');
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.avis);
    await page.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
    expect(await page.locator('[data-testid="ocr-doctype"]').textContent()).toContain('avis d’impôt');
    const fiscal = page.locator('.pp-ocr-field[data-kind="fiscal-number"]');
    expect(await fiscal.locator('input').inputValue()).toBe('3023217600053');
    expect(await fiscal.locator('select').inputValue()).toContain('numero_fiscal');
    expect(
      await page.locator('.pp-ocr-field[data-kind="reference-tax-income"] select').inputValue(),
    ).toContain('revenu_fiscal_reference');
    // "Garder l'image": still shown after filling, until the person erases it.
    await page.locator('[data-testid="ocr-keep"]').check();
    await page.locator('[data-action="ocr-fill"]').click();
    await page.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="numero_fiscal"]').inputValue()).toBe('3023217600053');
    expect(await page.locator('[data-testid="ocr-image"]').count()).toBe(1);
    await page.locator('[data-action="ocr-forget"]').click();
    expect(await page.locator('[data-testid="ocr-image"]').count()).toBe(0);
    expect(await page.locator('[data-testid="ocr-forgotten"]').textContent()).toBe('L’image est effacée.');
    expect(await siteError(page, 'numero_fiscal')).toBe(false);

    // The same notice as a downloaded PDF: its text layer is used, no photo reading.
    await page.locator('[data-action="ocr-again"]').click();
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.avisPdf);
    await page.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
    expect(await page.locator('[data-testid="ocr-text-layer"]').count()).toBe(1);
    expect(await page.locator('.pp-ocr-field[data-kind="fiscal-number"] input').inputValue()).toBe(
      '3023217600053',
    );
    expect(await page.locator('.pp-ocr-field[data-kind="tax-notice-reference"] input').inputValue()).toBe(
      '2675A12345678',
    );
    expect(await axe(page)).toEqual([]);
  });

  test('a CAF certificate fills the numéro allocataire, in a preprocessing worker of the widget’s folder', async () => {
    const page = await open('/aide-logement/ressources.html');
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.caf);
    await checkCafReading(page);
    // The photo was prepared in the panel's worker file, served from the widget's own folder (/pasapas/)…
    const prep = workers.filter((w) => w.url().startsWith(`${demo.url}/pasapas/panel/assets/worker-`));
    expect(prep.map((w) => w.url())).toHaveLength(1);
    // …and it is still alive, holding its message handler: the page did not fall back to its own thread
    // (a worker that failed is terminated and never asked again).
    expect(await prep[0]?.evaluate(() => typeof (self as { onmessage?: unknown }).onmessage)).toBe(
      'function',
    );
    expect(await axe(page)).toEqual([]);

    await page.locator('[data-action="ocr-fill"]').click();
    await page.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="numero_allocataire"]').inputValue()).toBe(CAF_NUMBER);
    expect(await page.locator('input[name="salaire_mensuel"]').inputValue()).toBe('');
    expect(await siteError(page, 'numero_allocataire')).toBe(false);
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await sendResources(page);
    expect((await siteValues(page)).numero_allocataire).toBe(CAF_NUMBER);
  });

  test('a page that refuses the worker still gets its photo read, prepared on its own thread', async () => {
    const page = await open('/aide-logement/ressources.html');
    // As a site whose policy forbids workers: the worker file never arrives.
    const refused: string[] = [];
    await page.route('**/pasapas/panel/assets/worker-*', (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    await openOcrTab(page);
    await page.locator('[data-testid="ocr-file"]').setInputFiles(images.caf);
    await checkCafReading(page);
    expect(refused).toHaveLength(1);
    // The failed worker is let go; no error is shown to the person.
    await expect
      .poll(() => page.workers().filter((w) => w.url().includes('/pasapas/panel/assets/')).length)
      .toBe(0);
    expect(await page.locator('[data-testid="ocr-message"]').count()).toBe(0);
  });

  test('a photo taken with the camera, inside the framing guide, is read', async () => {
    // Chromium's fake camera plays the rendered RIB (made into a video frame by ffmpeg).
    const y4m = join(tmp, 'rib.y4m');
    await promisify(execFile)('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      images.rib,
      '-vf',
      'scale=1600:-2',
      '-pix_fmt',
      'yuv420p',
      '-frames:v',
      '1',
      y4m,
    ]);
    const cam = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${y4m}`,
      ],
    });
    const outside: string[] = [];
    try {
      const context = await cam.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const local = (url: string) => /^(data|blob|about):/.test(url) || new URL(url).hostname === '127.0.0.1';
      context.on('request', (r) => {
        if (!local(r.url())) outside.push(r.url());
      });
      await context.route('**/*', (r) => (local(r.request().url()) ? r.continue() : r.abort()));
      const page = await context.newPage();
      await page.goto(`${demo.url}/aide-logement/banque.html`);
      await launcher(page).waitFor();
      await openOcrTab(page);
      await page.locator('[data-action="ocr-camera"]').click();
      const video = page.locator('.pp-ocr-camera video');
      await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
      expect(await page.locator('.pp-ocr-frame-guide').isVisible()).toBe(true);
      expect(await axe(page)).toEqual([]);
      await page.locator('[data-action="ocr-shoot"]').click();
      await page.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
      // The camera is off once the photo is taken.
      expect(await page.locator('.pp-ocr-camera video').count()).toBe(0);
      const iban = page.locator('.pp-ocr-field[data-kind="iban"]');
      expect(await iban.locator('input').inputValue()).toBe(IBAN);
      expect(await iban.getAttribute('data-valid')).toBe('true');
    } finally {
      await cam.close();
    }
    expect(outside).toEqual([]);
  });
});

describe('OCR in the extension', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ extension: true });
  });
  afterAll(async () => {
    expect(session.outside).toEqual([]);
    await session?.close();
  });

  /** The page's IBAN field as our frame names it, for the refusal test below. */
  let realIbanKey = '';
  const frame = ocrFrame;

  test('reads in our own page; an uncertain IBAN is not pre-selected; confirmed values reach the site', async () => {
    const page = await session.context.newPage();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    session.context.on('request', (r) => workers.push(r.url()));
    await page.goto(`${demo.url}/aide-logement/banque.html?widget=0`);
    await launcher(page).waitFor();
    await openOcrTab(page);
    const ocr = await ocrFrame(page);
    await ocr.locator('[data-testid="ocr-file"]').waitFor();
    const f = await frame(page);
    expect(f.url()).toMatch(/^chrome-extension:\/\/[a-z]+\/ocr\.html/);
    expect(await axe(page)).toEqual([]);

    // Keyboard: from the panel into the frame's file picker.
    await page.locator('[role=tab][data-feature="ocr"]').focus();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await f.evaluate(() => document.activeElement?.id === 'pp-ocr-file');
    }
    expect(reached).toBe(true);
    const chooser = await chooseByKeyboard(page);
    await chooser.setFiles(images.ribBadIban);

    await ocr.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
    // The photo was prepared in the extension's preprocessing worker (a file of the extension).
    expect(workers.some((url) => /^chrome-extension:\/\/[a-z]+\/assets\/worker-[\w-]+\.js$/.test(url))).toBe(
      true,
    );
    const iban = ocr.locator('.pp-ocr-field[data-kind="iban"]');
    expect(await iban.getAttribute('data-valid')).toBe('false');
    expect(await iban.locator('[data-testid="ocr-state"]').textContent()).toContain('À vérifier');
    // Never pre-selected: "do not fill" is chosen until the person decides.
    expect(await iban.locator('select').inputValue()).toBe('');
    // The page's fields were offered, from the page (through the content script).
    const options = await iban.locator('select option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['IBAN', 'BIC']));
    // The holder's field, marked when the running guide's step is on it.
    expect(options.some((o) => o.startsWith('Titulaire du compte'))).toBe(true);
    const bicKey = await ocr.locator('.pp-ocr-field[data-kind="bic"] select').inputValue();
    expect(bicKey).toContain('bic');
    expect(await axe(page)).toEqual([]);

    // The person corrects the IBAN from the paper: it becomes right, then they choose its field.
    await iban.locator('input').fill(IBAN);
    expect(await iban.getAttribute('data-valid')).toBe('true');
    const ibanKey = await iban
      .locator('select option')
      .evaluateAll(
        (opts) => (opts as HTMLOptionElement[]).find((o) => o.textContent === 'IBAN')?.value ?? '',
      );
    await iban.locator('select').selectOption(ibanKey);
    realIbanKey = ibanKey;
    expect(await page.locator('input[name="iban"]').inputValue()).toBe('');

    await ocr.locator('[data-action="ocr-fill"]').click();
    await ocr.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="iban"]').inputValue()).toBe(IBAN);
    expect(await page.locator('input[name="bic"]').inputValue()).toBe('AGRIFRPP');
    expect(await siteError(page, 'iban')).toBe(false);
    expect(await axe(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.locator('input[name="titulaire"]').fill('Camille EXEMPLE');
    await page.locator('form[data-demo-validate] button[type="submit"]').click();
    await page.waitForURL(/documents\.html/);
    const values = await siteValues(page);
    expect(values.iban?.replace(/\s/g, '')).toBe(IBAN);
    expect(values.bic).toBe('AGRIFRPP');
    await page.close();
  });

  test('a CAF certificate read in our page fills the numéro allocataire the site receives', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/aide-logement/ressources.html?widget=0`);
    await launcher(page).waitFor();
    await openOcrTab(page);
    const ocr = await ocrFrame(page);
    await ocr.locator('[data-testid="ocr-file"]').setInputFiles(images.caf);
    await checkCafReading(ocr);
    expect(await axe(page)).toEqual([]);
    await ocr.locator('[data-action="ocr-fill"]').click();
    await ocr.locator('[data-testid="ocr-filled"]').waitFor();
    expect(await page.locator('input[name="numero_allocataire"]').inputValue()).toBe(CAF_NUMBER);
    expect(await page.locator('input[name="salaire_mensuel"]').inputValue()).toBe('');
    expect(await siteError(page, 'numero_allocataire')).toBe(false);
    await page.keyboard.press('Escape');
    await sendResources(page);
    expect((await siteValues(page)).numero_allocataire).toBe(CAF_NUMBER);
    await page.close();
  });

  test('a tab that is not the one shown is never captured, plainly said; fills are relayed only from our ocr.html frame', async () => {
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/aide-logement/banque.html?widget=0`);
    await launcher(page).waitFor();
    await openOcrTab(page);
    const ocr = await ocrFrame(page);
    await ocr.locator('[data-testid="ocr-file"]').waitFor();
    // Another site is in front: "Lire la page affichée" from this tab would shoot that one. Refused plainly,
    // whatever the extension's permissions, and our panel, hidden for the shot, is back.
    const front = await session.context.newPage();
    await front.goto(`${demo.url}/plain.html?widget=0`);
    await front.bringToFront();
    await ocr.locator('[data-action="ocr-capture"]').click();
    expect(await ocr.locator('[data-testid="ocr-message"]').textContent()).toBe(
      'Impossible de prendre la page en photo. Enregistrez-la en image ou en PDF, puis choisissez ce fichier.',
    );
    expect(await ocr.locator('[data-testid="ocr-doctype"]').count()).toBe(0);
    expect(
      await page.locator('[data-pasapas-host="page"]').evaluate((h) => getComputedStyle(h).visibility),
    ).toBe('visible');
    await front.close();
    const before = await page.locator('input[name="iban"]').inputValue();
    // Another page of the extension (not ocr.html) asks to fill the tab's IBAN field: refused.
    expect(realIbanKey).not.toBe('');
    const other = await session.context.newPage();
    const tryFill = () =>
      other.evaluate(async (targetKey) => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        return runtime.sendMessage({
          type: 'pasapas:ocr-fill',
          tabId: 1,
          items: [{ targetKey, value: 'FR0000PIRATE' }],
        });
      }, realIbanKey);
    await other.goto(`chrome-extension://${session.extensionId}/popup.html`);
    // The router's sender policy refuses it before any handler runs (ocr-fill: ocr.html only), plainly.
    expect(await tryFill()).toEqual({ refused: 'sender' });
    expect(await page.locator('input[name="iban"]').inputValue()).toBe(before);
    // ocr.html opened on its own (as a hostile page could, it is web-accessible) is no camera window of ours:
    // it fills nothing, whatever tab the message names.
    await other.goto(`chrome-extension://${session.extensionId}/ocr.html?camera=1`);
    // The answer is the signal: the background answers a fill only after the page's own fill has answered.
    expect((await tryFill()) ?? null).toBeNull();
    expect(await page.locator('input[name="iban"]').inputValue()).toBe(before);
    // A web page has no channel to our background at all (no externally_connectable).
    expect(
      await page.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');
    await other.close();
    await page.close();
  });
});

/** The extension in a browser of its own, with extra Chromium switches (fake camera, extension debugging). */
async function launchExtension(extraArgs: string[]) {
  const profile = mkdtempSync(join(tmpdir(), 'pasapas-ocr-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      ...extraArgs,
    ],
  });
  const outside: string[] = [];
  const local = (url: string) =>
    /^(data|blob|about|chrome-extension):/.test(url) || new URL(url).hostname === '127.0.0.1';
  context.on('request', (r) => {
    if (!local(r.url())) outside.push(r.url());
  });
  await context.route('**/*', (r) => (local(r.request().url()) ? r.continue() : r.abort()));
  // Our UI on the page is in closed shadow roots: the test's way in (closed-roots.ts).
  await followClosedRootsIn(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    outside,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

describe('OCR camera in the extension', () => {
  test('the camera opens in a window of the extension (not in the page) and fills the tab it came from', async () => {
    const y4m = join(tmp, 'rib-ext.y4m');
    await promisify(execFile)('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      images.rib,
      '-vf',
      'scale=1600:-2',
      '-pix_fmt',
      'yuv420p',
      '-frames:v',
      '1',
      y4m,
    ]);
    const ext = await launchExtension([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ]);
    const { context } = ext;
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}/aide-logement/banque.html?widget=0`);
      await launcher(page).waitFor();
      await openOcrTab(page);
      const frame = await ocrFrame(page);
      // The frame gets no camera permission of its own: it would be granted to the page's site.
      expect(await (await frame.frameElement()).getAttribute('allow')).toBeNull();
      const [win] = await Promise.all([
        context.waitForEvent('page'),
        frame.locator('[data-action="ocr-camera"]').click(),
      ]);
      await win.waitForLoadState();
      expect(win.url()).toMatch(/^chrome-extension:\/\/[a-z]+\/ocr\.html\?camera=1/);
      const video = win.locator('.pp-ocr-camera video');
      await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
      expect(await axe(win, 'body')).toEqual([]);
      await win.locator('[data-action="ocr-shoot"]').click();
      await win.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
      const iban = win.locator('.pp-ocr-field[data-kind="iban"]');
      expect(await iban.locator('input').inputValue()).toBe(IBAN);
      // The fields offered are those of the tab the person came from.
      expect(await iban.locator('select').inputValue()).toContain('iban');
      await win.locator('[data-action="ocr-fill"]').click();
      await win.locator('[data-testid="ocr-filled"]').waitFor();
      expect(await page.locator('input[name="iban"]').inputValue()).toBe(IBAN);
      expect(await siteError(page, 'iban')).toBe(false);
      await Promise.all([win.waitForEvent('close'), win.locator('[data-action="ocr-close"]').click()]);
    } finally {
      await ext.close();
    }
    expect(ext.outside).toEqual([]);
  });
});

describe('OCR tab capture in the extension', () => {
  test('after the toolbar button (activeTab), "Lire la page affichée" reads the document the page shows', async () => {
    // Chromium's DevTools protocol clicks the toolbar button for the test (Extensions.triggerAction,
    // behind this switch), as a person would. The extension's host permission already covers the
    // capture; the background still shoots only the tab in front that asked.
    const ext = await launchExtension(['--enable-unsafe-extension-debugging']);
    try {
      const page = await ext.context.newPage();
      const url = `${demo.url}/aide-logement/banque.html?widget=0&capture=1`;
      await page.goto(url);
      await launcher(page).waitFor();
      // The page shows the RIB as a picture only (as an online bank's or a mailbox's viewer does): no text.
      await page.evaluate((b64) => {
        const img = document.createElement('img');
        img.src = `data:image/png;base64,${b64}`;
        img.alt = 'RIB';
        img.id = 'shown-rib';
        img.style.cssText = 'position:fixed;top:0;left:0;width:100%;z-index:1000';
        document.body.append(img);
        return img.decode();
      }, readFileSync(images.rib).toString('base64'));
      const browser = ext.context.browser();
      if (!browser) throw new Error('no browser');
      const cdp = await browser.newBrowserCDPSession();
      const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
      const { targetInfos } = (await send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
        targetInfos: Array<{ targetId: string; url: string }>;
      };
      const tab = targetInfos.find((t) => t.url === url);
      expect(tab).toBeDefined();
      await send('Extensions.triggerAction', { id: ext.extensionId, targetId: tab?.targetId });

      await openOcrTab(page);
      const ocr = await ocrFrame(page);
      await ocr.locator('[data-action="ocr-capture"]').click();
      await ocr.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
      expect(await ocr.locator('[data-testid="ocr-doctype"]').textContent()).toContain('RIB');
      const iban = ocr.locator('.pp-ocr-field[data-kind="iban"]');
      expect(await iban.locator('input').inputValue()).toBe(IBAN);
      expect(await iban.getAttribute('data-valid')).toBe('true');
      // Our panel, hidden for the shot, is back; the person confirms and the form below the picture is filled.
      expect(
        await page.locator('[data-pasapas-host="page"]').evaluate((h) => getComputedStyle(h).visibility),
      ).toBe('visible');
      expect(await axe(page)).toEqual([]);
      expect(await page.locator('input[name="iban"]').inputValue()).toBe('');
      await ocr.locator('[data-action="ocr-fill"]').click();
      await ocr.locator('[data-testid="ocr-filled"]').waitFor();
      expect(await page.locator('input[name="iban"]').inputValue()).toBe(IBAN);
      expect(await page.locator('input[name="bic"]').inputValue()).toBe('AGRIFRPP');
    } finally {
      await ext.close();
    }
    expect(ext.outside).toEqual([]);
  });
});
