/**
 * Progress end to end, in real Chromium: the extension (persistent profiles: close the browser
 * and come back; public-computer mode; handover between two profiles) and the widget.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import {
  axe,
  axeFrame,
  deepActive,
  endSessionIn,
  launch,
  launchBrowser,
  launcher,
  openPanelTab,
  ROOT,
  type Session,
  sessionFrame,
} from './harness';

const VALUES = {
  identite: {
    nom: 'Martin',
    prenom: 'Léa',
    date_naissance: '05/04/1984',
    nir: '284057511234528',
    email: 'lea.martin@exemple.fr',
    telephone: '0612345678',
  },
  foyer: { enfants: '2', adresse: '12 rue des Lilas', code_postal: '75011', commune: 'Paris' },
  ressources: {
    numero_fiscal: '3023217600053',
    reference_avis: '2375A12345678',
    revenu_fiscal_reference: '18500',
    salaire_mensuel: '1450',
  },
  banque: { titulaire: 'Léa Martin', iban: 'FR7630006000011234567890189', bic: 'BNPAFRPPXXX' },
} as const;

/** Screenshots for a person to look at (not committed). */
const SHOTS = join(ROOT, 'test-results/screenshots');

let demo: Demo;
const dirs: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  // No request left the machine in any test of this file.
  expect(outside).toEqual([]);
});

function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-progress-'));
  dirs.push(dir);
  return dir;
}

async function extension(profileDir: string): Promise<Session> {
  const session = await launch({ extension: true, profileDir });
  const close = session.close.bind(session);
  return Object.assign(session, {
    close: async () => {
      outside.push(...session.outside);
      await close();
    },
  });
}

const banner = (page: Page) => page.locator('[data-pasapas-host="progress"]');
// The banner's host exists only once there is something to show or something was saved.
const bannerState = (page: Page) =>
  banner(page)
    .getAttribute('data-state', { timeout: 500 })
    .catch(() => 'absent');
const savedAt = (page: Page) =>
  banner(page)
    .getAttribute('data-saved-at', { timeout: 500 })
    .catch(() => null);

/** Whether the banner lies over the page's heading, and whether it fits the screen's width. */
const bannerPlace = (page: Page) =>
  page.evaluate(() => {
    const section = document
      .querySelector('[data-pasapas-host="progress"]')
      ?.shadowRoot?.querySelector('[data-testid="progress-banner"]');
    const heading = document.querySelector('main h1');
    if (!section || !heading) return null;
    const b = section.getBoundingClientRect();
    const h = heading.getBoundingClientRect();
    return {
      overHeading: b.left < h.right && h.left < b.right && b.top < h.bottom && h.top < b.bottom,
      inScreen: b.left >= 0 && b.right <= document.documentElement.clientWidth,
    };
  });

/** A save waits for the shared computer's code, which is asked when the person leaves their field. */
const pinWanted = (page: Page) =>
  page.locator('[data-pasapas-host="progress"][data-pin-wanted]').waitFor({ state: 'attached' });

/** The progress code is on the page (loaded because a guide matches or something is saved). */
async function agentReady(page: Page) {
  await page.locator('html[data-pasapas-progress]').waitFor({ state: 'attached', timeout: 20_000 });
}

async function goto(page: Page, path: string) {
  await page.goto(`${demo.url}${path}`);
  await launcher(page).waitFor();
}

/** Types like a person (input events), then waits until it is saved. */
async function fillAndWaitSaved(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`[name="${name}"]`);
    if ((await field.evaluate((el) => el.localName)) === 'select') await field.selectOption(value);
    else await field.fill(value);
  }
  // Saved after the last keystroke (debounced): a save that started earlier does not count.
  const typedAt = await page.evaluate(() => Date.now());
  await expect.poll(async () => Number((await savedAt(page)) ?? 0) > typedAt, { timeout: 10_000 }).toBe(true);
}

async function submit(page: Page, next: string) {
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`**/aide-logement/${next}.html**`);
  await launcher(page).waitFor();
}

async function valuesOf(page: Page, names: readonly string[]) {
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await page.locator(`[name="${n}"]`).inputValue()] as const)),
  );
}

/** Opens the panel on "Mes démarches". */
async function progressTab(page: Page) {
  await openPanelTab(page, 'progress');
  await page.locator('[data-testid="progress-tab"]').waitFor();
}

/** Every row of the extension's own IndexedDB and everything in browser.storage, read from an extension page. */
async function extensionData(session: Session) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const data = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pasapas');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tables: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      tables[name] = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
      });
    }
    db.close();
    const c = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }
    ).chrome;
    return { tables, storage: await c.storage.local.get(null) };
  });
  await page.close();
  return data;
}

const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n% démo\n%%EOF\n'),
});

async function finishFrom(page: Page, slug: 'ressources' | 'banque') {
  if (slug === 'ressources') {
    await fillAndWaitSaved(page, VALUES.ressources);
    await submit(page, 'banque');
  }
  await fillAndWaitSaved(page, VALUES.banque);
  await submit(page, 'documents');
  await page.locator('[name="justificatif_domicile"]').setInputFiles(pdf('quittance.pdf'));
  await page.locator('[name="avis_imposition"]').setInputFiles(pdf('avis.pdf'));
  await page.locator('[name="rib"]').setInputFiles(pdf('rib.pdf'));
  await submit(page, 'recapitulatif');
  await page.locator('[name="attestation_honneur"]').check({ force: true });
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL('**/aide-logement/confirmation.html**');
}

async function expectAllReceived() {
  const last = await (await fetch(`${demo.url}/demo-api/submissions/last`)).json();
  expect(last.procedure).toBe('aide-logement');
  for (const page of Object.values(VALUES)) {
    for (const [name, value] of Object.entries(page)) {
      expect(String(last.values[name]).replace(/\s/g, ''), name).toBe(value.replace(/\s/g, ''));
    }
  }
  expect(last.values.civilite).toBe('madame');
  expect(last.values.situation).toBe('marie');
}

describe('extension', () => {
  test('half the procedure, browser closed, reopened with the same profile: resumed from "Mes démarches" and finished', async () => {
    const dir = profile();
    let session = await extension(dir);
    let page = await session.context.newPage();
    await goto(page, '/aide-logement/identite.html?widget=0');
    await agentReady(page);
    await page.locator('input[name="civilite"][value="madame"]').check({ force: true });
    await fillAndWaitSaved(page, VALUES.identite);
    await submit(page, 'foyer');
    await agentReady(page);
    await fillAndWaitSaved(page, { situation: 'marie', ...VALUES.foyer });
    await submit(page, 'ressources');
    await agentReady(page);
    // Halfway through this page: typed, not sent.
    await fillAndWaitSaved(page, { numero_fiscal: VALUES.ressources.numero_fiscal });
    await session.close();

    // Days later: same computer, same profile. The site forgot (its session cookie is gone).
    session = await extension(dir);
    page = await session.context.newPage();
    await goto(page, '/plain.html?widget=0');
    await progressTab(page);
    const item = page.locator('[data-testid="progress-list"] > li');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('h3').textContent()).toBe('Demande d’aide au logement (démo)');
    expect(await item.textContent()).toContain('127.0.0.1');
    // What is still missing: the guide's questions without an answer yet.
    const missing = await item.locator('[data-testid="missing"] li').allTextContents();
    expect(missing.length).toBeGreaterThan(3);
    expect(missing.join('|')).not.toContain('Votre nom');
    expect(await axe(page)).toEqual([]);
    await item.locator('[data-action="resume"]').click();

    // Back on the page where the person was, the offer lists what will be restored.
    await page.waitForURL('**/aide-logement/ressources.html**');
    await agentReady(page);
    await expect.poll(() => bannerState(page)).toBe('offer');
    expect(await banner(page).locator('[data-testid="resume-list"]').textContent()).toContain(
      '3023217600053',
    );
    expect(await axe(page, '[data-pasapas-host="progress"]')).toEqual([]);
    expect(await page.locator('[name="numero_fiscal"]').inputValue()).toBe('');
    await banner(page).locator('[data-action="resume-accept"]').click();
    expect(await page.locator('[name="numero_fiscal"]').inputValue()).toBe(VALUES.ressources.numero_fiscal);

    // The site lost the first pages: start again from the first one, filled without asking again.
    await goto(page, '/aide-logement/identite.html?widget=0');
    await agentReady(page);
    await expect.poll(() => page.locator('[name="nom"]').inputValue()).toBe('Martin');
    expect(await valuesOf(page, Object.keys(VALUES.identite))).toEqual(VALUES.identite);
    expect(await page.locator('input[name="civilite"][value="madame"]').isChecked()).toBe(true);
    await submit(page, 'foyer');
    await expect.poll(() => page.locator('[name="commune"]').inputValue()).toBe('Paris');
    expect(await page.locator('[name="situation"]').inputValue()).toBe('marie');
    await submit(page, 'ressources');
    await expect.poll(() => page.locator('[name="numero_fiscal"]').inputValue()).toBe('3023217600053');
    await finishFrom(page, 'ressources');
    await expectAllReceived();

    // Done: the person deletes it (after confirming).
    await progressTab(page);
    const done = page.locator('[data-testid="progress-list"] > li');
    await done.locator('[data-action="delete"]').click();
    await page.locator('[data-action="confirm-no"]').click();
    expect(await done.count()).toBe(1);
    await done.locator('[data-action="delete"]').click();
    await page.locator('[data-action="confirm-yes"]').click();
    await page.locator('[data-testid="progress-empty"]').waitFor();
    expect((await extensionData(session)).tables.procedures).toEqual([]);
    await session.close();
  });

  test('public computer: PIN chosen, nothing in clear, lock, wrong PIN, right PIN, "Terminer ma session" leaves nothing', async () => {
    const session = await extension(profile());
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('[data-testid="public-enabled"]').check({ force: true });
    await options.locator('[data-action="public-save"]').click();
    await options.locator('[data-testid="public-status"]').waitFor();
    expect(await axe(options, '[data-testid="public-options"]')).toEqual([]);

    const page = await session.context.newPage();
    await goto(page, '/aide-logement/identite.html?widget=0');
    await agentReady(page);
    await page.locator('[name="nom"]').fill('Zorglub');
    // Nothing is kept before the person chooses a code, asked as they leave the field.
    await pinWanted(page);
    await page.locator('[name="nom"]').blur();
    await expect.poll(() => bannerState(page)).toBe('pin-needed');
    expect(await axe(page, '[data-pasapas-host="progress"]')).toEqual([]);
    expect(JSON.stringify((await extensionData(session)).tables)).not.toContain('Zorglub');
    // The PIN is typed in our own frame: the page's script listens to every key and looks for it.
    await page.evaluate(() => {
      const w = window as unknown as { keysHeard: string[] };
      w.keysHeard = [];
      for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput'])
        window.addEventListener(
          type,
          (e) => w.keysHeard.push((e as KeyboardEvent).key ?? (e as InputEvent).data ?? type),
          true,
        );
    });
    const pinFrame = await sessionFrame(page, 'banner');
    expect(await axeFrame(pinFrame)).toEqual([]);
    const pinForm = pinFrame.locator('[data-testid="pin-choose"]');
    await pinForm.locator('[data-testid="pin-input"]').fill('12');
    await pinForm.locator('[data-testid="pin-again"]').fill('12');
    await pinForm.locator('[data-action="pin-submit"]').click();
    expect(await pinFrame.locator('[data-testid="pin-error"]').textContent()).toContain('trop court');
    // Typed key by key (real key events), so a page listening to keys would hear them if it could.
    await pinForm.locator('[data-testid="pin-input"]').fill('');
    await pinForm.locator('[data-testid="pin-input"]').pressSequentially('482193');
    await pinForm.locator('[data-testid="pin-again"]').fill('');
    await pinForm.locator('[data-testid="pin-again"]').pressSequentially('482193');
    await pinForm.locator('[data-action="pin-submit"]').press('Enter');
    await expect.poll(() => savedAt(page), { timeout: 20_000 }).not.toBeNull();
    // The page heard none of it, and cannot find the frame to swap its address.
    expect(await page.evaluate(() => (window as unknown as { keysHeard: string[] }).keysHeard)).toEqual([]);
    expect(
      await page.evaluate(() => {
        const frames: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            if (el instanceof HTMLIFrameElement) frames.push(el.src);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return frames.filter((src) => src.includes('session.html'));
      }),
    ).toEqual([]);
    await fillAndWaitSaved(page, { prenom: 'Hectorine' });

    let data = await extensionData(session);
    const dump = JSON.stringify(data.tables);
    expect(data.tables.procedures).toHaveLength(1);
    expect(data.tables.vault).toHaveLength(1);
    for (const secret of ['Zorglub', 'Hectorine', 'aide-logement', '127.0.0.1', 'Demande']) {
      expect(dump).not.toContain(secret);
    }

    await progressTab(page);
    const tabFrame = await sessionFrame(page, 'tab');
    const section = tabFrame.locator('[data-testid="public-section"]');
    await expect.poll(() => section.getAttribute('data-mode')).toBe('unlocked');
    expect(await axe(page)).toEqual([]);
    expect(await axeFrame(tabFrame)).toEqual([]);
    await section.locator('[data-action="lock"]').click();
    await expect.poll(() => section.getAttribute('data-mode')).toBe('locked');
    const unlock = section.locator('[data-testid="pin-unlock"]');
    await unlock.locator('[data-testid="pin-input"]').fill('000000');
    await unlock.locator('[data-action="pin-submit"]').click();
    await expect
      .poll(() => unlock.locator('[data-testid="pin-error"]').textContent(), { timeout: 20_000 })
      .toMatch(/pas le bon code/);
    await unlock.locator('[data-testid="pin-input"]').fill('482193');
    await unlock.locator('[data-action="pin-submit"]').click();
    await expect.poll(() => section.getAttribute('data-mode'), { timeout: 20_000 }).toBe('unlocked');
    // The page's panel hears that the session opened again: this site's procedure is listed.
    await expect.poll(() => page.locator('[data-testid="progress-list"] > li').count()).toBe(1);

    await endSessionIn(tabFrame);
    // The whole end of session: this site's tab closes, our summary page opens
    // (tests/e2e/session-end.test.ts checks what it says and what it erased).
    await expect
      .poll(() => session.context.pages().some((p) => p.url().includes('/session-end.html')), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect.poll(() => page.isClosed(), { timeout: 20_000 }).toBe(true);

    data = await extensionData(session);
    for (const table of ['procedures', 'fieldValues', 'stepProgress', 'documents', 'vault']) {
      expect(data.tables[table], table).toEqual([]);
    }
    const everything = JSON.stringify(data);
    for (const secret of ['Zorglub', 'Hectorine', 'Martin']) expect(everything).not.toContain(secret);
    expect(
      Object.keys(data.storage as object).filter(
        (k) => k.includes('progress') && !k.endsWith('publicComputer'),
      ),
    ).toEqual([]);
    // The tab, and its sessionStorage with it, is gone.
    await session.close();
  });

  test('export from one profile, import in another: wrong passphrase changes nothing, then the values are there', async () => {
    const a = await extension(profile());
    const page = await a.context.newPage();
    await goto(page, '/aide-logement/identite.html?widget=0');
    await agentReady(page);
    await fillAndWaitSaved(page, { nom: 'Martin', prenom: 'Léa' });
    const side = await a.context.newPage();
    await side.goto(`chrome-extension://${a.extensionId}/sidepanel.html`);
    await side.locator('[role=tab][data-feature="progress"]').click();
    await side.locator('[data-testid="export-passphrase"]').fill('pour la mediatrice');
    await side.locator('[data-action="export"]').click();
    const [download] = await Promise.all([
      side.waitForEvent('download'),
      side.locator('[data-action="download"]').click(),
    ]);
    const file = join(profile(), 'demarches.pasapas.json');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).not.toContain('Martin');
    await a.close();

    const b = await extension(profile());
    const sideB = await b.context.newPage();
    await sideB.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
    await sideB.locator('[role=tab][data-feature="progress"]').click();
    await sideB.locator('[data-testid="progress-empty"]').waitFor();
    await sideB.locator('[data-testid="import-file"]').setInputFiles(file);
    await sideB.locator('[data-testid="import-passphrase"]').fill('pas la bonne phrase');
    await sideB.locator('[data-action="import"]').click();
    await expect
      .poll(() => sideB.locator('[data-testid="import-error"]').textContent(), { timeout: 20_000 })
      .toMatch(/Rien n.a été importé/);
    expect(await sideB.locator('[data-testid="progress-empty"]').count()).toBe(1);
    expect(await axe(sideB)).toEqual([]);
    await sideB.locator('[data-testid="import-passphrase"]').fill('pour la mediatrice');
    await sideB.locator('[data-action="import"]').click();
    await sideB.locator('[data-testid="import-done"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => sideB.locator('[data-testid="progress-list"] > li').count()).toBe(1);

    const pageB = await b.context.newPage();
    await goto(pageB, '/aide-logement/identite.html?widget=0');
    await agentReady(pageB);
    await expect.poll(() => bannerState(pageB)).toBe('offer');
    await banner(pageB).locator('[data-action="resume-accept"]').click();
    expect(await valuesOf(pageB, ['nom', 'prenom'])).toEqual({ nom: 'Martin', prenom: 'Léa' });

    // "Tout supprimer", confirmed: nothing left.
    await sideB.bringToFront();
    await sideB.locator('[data-action="delete-all"]').click();
    await sideB.locator('[data-testid="delete-all-confirm"] [data-action="confirm-yes"]').click();
    await sideB.locator('[data-testid="progress-empty"]').waitFor();
    const left = (await extensionData(b)).tables;
    for (const table of ['procedures', 'fieldValues', 'stepProgress', 'documents'])
      expect(left[table]).toEqual([]);
    await b.close();
  });
});

describe('extension, a site no guide knows', () => {
  test('nothing is kept until the person asks; then typing is kept and offered back', async () => {
    const session = await extension(profile());
    const page = await session.context.newPage();
    await goto(page, '/csp.html?widget=0');
    await progressTab(page);
    await page.locator('[name="nom"]').fill('Sans guide');
    // Leaving the page makes the agent send at once whatever it holds (pagehide, no debounce); the page loads
    // again and the extension's data is read after that: nothing at all was kept (values are sealed at rest,
    // so "does not contain the text" would pass even if they were).
    await goto(page, '/csp.html?widget=0');
    await progressTab(page);
    const before = (await extensionData(session)).tables;
    expect(before.procedures).toEqual([]);
    expect(before.fieldValues).toEqual([]);
    await page.locator('[name="nom"]').fill('Sans guide');
    await page.locator('[data-action="keep-site"]').click();
    await expect.poll(() => savedAt(page), { timeout: 10_000 }).not.toBeNull();
    // Kept, and encrypted at rest (the data key): offered back below, never in clear on disk.
    const kept = JSON.stringify((await extensionData(session)).tables.fieldValues);
    expect(kept).toContain('"sealed"');
    expect(kept).not.toContain('Sans guide');

    await goto(page, '/csp.html?widget=0');
    await agentReady(page);
    await expect.poll(() => bannerState(page)).toBe('offer');
    await banner(page).locator('[data-action="resume-accept"]').click();
    expect(await page.locator('[name="nom"]').inputValue()).toBe('Sans guide');
    await session.close();
  });
});

describe('widget', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.context();
  });
  afterAll(async () => {
    outside.push(...browser.outside);
    await browser?.close();
  });

  test('leave the procedure halfway, come back later: restored after accepting, by keyboard alone', async () => {
    let page = await context.newPage();
    await goto(page, '/aide-logement/identite.html');
    await page.locator('input[name="civilite"][value="madame"]').check({ force: true });
    // The widget loads the progress code on the first keystroke: what was typed before counts too.
    await fillAndWaitSaved(page, VALUES.identite).catch(async () => {
      await agentReady(page);
      await fillAndWaitSaved(page, { nom: 'Martin' });
    });
    await submit(page, 'foyer');
    await agentReady(page);
    await fillAndWaitSaved(page, { situation: 'marie', adresse: VALUES.foyer.adresse });
    await page.close();

    // Later: the site forgot (session cookie gone), the administration's origin kept our data.
    await context.clearCookies();
    page = await context.newPage();
    await goto(page, '/aide-logement/identite.html');
    await agentReady(page);
    await expect.poll(() => bannerState(page)).toBe('offer');
    expect(await axe(page, '[data-pasapas-host="progress"]')).toEqual([]);
    // On a phone too, the offer covers none of the page's heading and shows whole (issue 13).
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => bannerPlace(page)).toEqual({ overHeading: false, inScreen: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => bannerPlace(page)).toEqual({ overHeading: false, inScreen: true });
    // Keyboard only: the offer comes first in the page's tab order.
    await page.locator('body').focus();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const active = await deepActive(page);
      if (active?.text === 'Oui, remettre mes réponses') break;
    }
    expect((await deepActive(page))?.text).toBe('Oui, remettre mes réponses');
    await page.keyboard.press('Enter');
    await expect.poll(() => bannerState(page)).toBe('filled');
    await expect.poll(async () => (await deepActive(page))?.text).toMatch(/réponses remises/);
    expect(await valuesOf(page, Object.keys(VALUES.identite))).toEqual(VALUES.identite);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => bannerState(page)).toBe('hidden');
    await submit(page, 'foyer');
    await expect.poll(() => page.locator('[name="adresse"]').inputValue()).toBe(VALUES.foyer.adresse);
    expect(await page.locator('[name="situation"]').inputValue()).toBe('marie');
    await page.close();
  });

  test('public computer by configuration: PIN first, nothing in clear in the site origin, locked after a reload', async () => {
    const fresh = await browser.context();
    const page = await fresh.newPage();
    // A page of the administration, under the addresses of its own guide (the widget ships none: the
    // site gives its catalog), with the mode turned on.
    const path = '/aide-logement/essai-public.html';
    await page.route(`${demo.url}${path}`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title>
<script src="/pasapas/widget.js" data-features="progress,comfort" data-catalog="/demo-guides/index.json" data-public-computer="true"></script></head>
<body><main><h1>Essai</h1><form><label for="nom">Nom</label><input id="nom" name="nom"></form></main></body></html>`,
      }),
    );
    await goto(page, path);
    await page.locator('[name="nom"]').fill('Zorglub');
    await agentReady(page);
    await pinWanted(page);
    await page.locator('[name="nom"]').blur();
    await expect.poll(() => bannerState(page)).toBe('pin-needed');
    const form = banner(page).locator('[data-testid="pin-choose"]');
    await form.locator('[data-testid="pin-input"]').fill('246813');
    await form.locator('[data-testid="pin-again"]').fill('246813');
    await form.locator('[data-action="pin-submit"]').click();
    await expect.poll(() => savedAt(page), { timeout: 20_000 }).not.toBeNull();
    const raw = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('pasapas');
        req.onsuccess = () => resolve(req.result);
      });
      const rows: unknown[] = [];
      for (const name of [...db.objectStoreNames]) {
        rows.push(
          await new Promise((resolve) => {
            const req = db.transaction(name).objectStore(name).getAll();
            req.onsuccess = () => resolve(req.result);
          }),
        );
      }
      db.close();
      return JSON.stringify(rows);
    });
    expect(raw).toContain('sealed');
    expect(raw).not.toContain('Zorglub');
    expect(raw).not.toContain('127.0.0.1');

    // The key lived in the page's memory: after a reload the answers are locked.
    await page.reload();
    await launcher(page).waitFor();
    await agentReady(page);
    await expect.poll(() => bannerState(page)).toBe('locked');
    const unlock = banner(page).locator('[data-testid="pin-unlock"]');
    await unlock.locator('[data-testid="pin-input"]').fill('246813');
    await unlock.locator('[data-action="pin-submit"]').click();
    await expect.poll(() => bannerState(page), { timeout: 20_000 }).toBe('offer');
    await banner(page).locator('[data-action="resume-accept"]').click();
    expect(await page.locator('[name="nom"]').inputValue()).toBe('Zorglub');
    await fresh.close();
  });

  test('what the site already shows is not replaced without asking', async () => {
    await context.clearCookies();
    const page = await context.newPage();
    await goto(page, '/aide-logement/identite.html');
    await page.locator('input[name="civilite"][value="monsieur"]').check({ force: true });
    await fillAndWaitSaved(page, { ...VALUES.identite, nom: 'Durand' }).catch(async () => {
      await agentReady(page);
      await fillAndWaitSaved(page, { nom: 'Durand' });
    });
    await submit(page, 'foyer');
    // Back on the first page: the site shows "Durand" (its own session). The person types another name…
    await goto(page, '/aide-logement/identite.html');
    await agentReady(page);
    await page.evaluate(() => sessionStorage.clear());
    await fillAndWaitSaved(page, { nom: 'Dupont' });
    // …and comes back in a new tab: the site still shows "Durand", we kept "Dupont".
    const again = await context.newPage();
    await goto(again, '/aide-logement/identite.html');
    await agentReady(again);
    await expect.poll(() => bannerState(again)).toBe('offer');
    await banner(again).locator('[data-action="resume-accept"]').click();
    await expect.poll(() => bannerState(again)).toBe('conflicts');
    expect(await again.locator('[name="nom"]').inputValue()).toBe('Durand');
    const conflict = banner(again).locator('[data-testid="conflict-list"] li[data-field="nom"]');
    expect(await conflict.textContent()).toContain('Durand');
    expect(await conflict.textContent()).toContain('Dupont');
    expect(await axe(again, '[data-pasapas-host="progress"]')).toEqual([]);
    await conflict.locator('[data-action="conflict-use-mine"]').click();
    expect(await again.locator('[name="nom"]').inputValue()).toBe('Dupont');
  });
});

/**
 * The shared computer's code, by keyboard, on a phone (issue 13, problem 8). The person types their
 * name: nothing pops up while they type. They press Tab: the question comes then, at the bottom of
 * the screen, with focus in its first field (the site's next field is never entered, so the site
 * does not say « Ce champ est obligatoire » under it). The code typed, focus is back where they
 * were going, and the name typed before the code is kept. On return, one code box only.
 */
describe('shared computer, by keyboard, at 360 px', () => {
  const PHONE = { width: 360, height: 740 };

  /** Where focus is inside our PIN frame (the page sees only the frame). */
  const frameFocus = (frame: Frame) =>
    frame
      .evaluate(() => (document.hasFocus() ? document.activeElement?.getAttribute('data-testid') : null))
      .catch(() => null);

  /** The box of the banner's dialog, and of a page element, in the page's coordinates. */
  const boxes = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const section = document
        .querySelector('[data-pasapas-host="progress"]')
        ?.shadowRoot?.querySelector('[data-testid="progress-banner"]');
      const el = document.querySelector(sel);
      if (!section || !el) return null;
      const a = section.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      return {
        overlaps: a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
        inScreen: a.left >= 0 && a.right <= innerWidth && a.top >= 0 && a.bottom <= innerHeight,
        role: section.getAttribute('role'),
      };
    }, selector);

  /** The site's own error under a field (DSFR: the field's messages group). */
  const siteError = (page: Page, name: string) =>
    page
      .locator(`#${name}-messages`)
      .textContent()
      .then((t) => (t ?? '').trim());

  test('extension: asked when leaving the field, focus in it, nothing lost, one box on return', async () => {
    const session = await launch({ extension: true, profileDir: profile(), viewport: PHONE });
    const close = session.close.bind(session);
    try {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.locator('[data-testid="public-enabled"]').check({ force: true });
      await options.locator('[data-action="public-save"]').click();
      await options.locator('[data-testid="public-status"]').waitFor();
      await options.close();

      const page = await session.context.newPage();
      await goto(page, '/aide-logement/identite.html?widget=0');
      await agentReady(page);
      await page.locator('#nom').focus();
      await page.keyboard.type('Martin');
      // The save waits for a code; typing goes on in the field: no box over it, focus stays.
      await pinWanted(page);
      expect(await bannerState(page)).not.toBe('pin-needed');
      expect((await deepActive(page))?.id).toBe('nom');

      await page.keyboard.press('Tab');
      await expect.poll(() => bannerState(page)).toBe('pin-needed');
      const frame = await sessionFrame(page, 'banner');
      await expect.poll(() => frameFocus(frame)).toBe('pin-input');
      // « Prénom » was never entered, so the site said nothing under it.
      expect(await siteError(page, 'prenom')).toBe('');
      expect(await page.locator('#prenom').getAttribute('aria-invalid')).toBe(null);
      const place = await boxes(page, '#nom');
      expect(place?.inScreen).toBe(true);
      expect(place?.role).toBe('dialog');
      expect(await axe(page, '[data-pasapas-host="progress"]')).toEqual([]);
      expect(await axeFrame(frame)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'extension-360-fr-pin-asked.png') });

      // By keyboard only, in the frame: the code, Tab, the code again, Enter.
      await page.keyboard.type('482193');
      await page.keyboard.press('Tab');
      await page.keyboard.type('482193');
      await page.keyboard.press('Enter');
      await expect.poll(() => bannerState(page), { timeout: 20_000 }).toBe('hidden');
      // Back where the person was going, and what they typed before the code is saved.
      await expect.poll(async () => (await deepActive(page))?.id).toBe('prenom');
      await expect.poll(() => savedAt(page), { timeout: 20_000 }).not.toBeNull();
      await page.keyboard.type('Léa');
      await page.keyboard.press('Tab');
      await expect.poll(() => bannerState(page)).toBe('hidden');

      // Back on the page (same computer, still unlocked): both answers are offered.
      await goto(page, '/aide-logement/identite.html?widget=0');
      await agentReady(page);
      await expect.poll(() => bannerState(page)).toBe('offer');
      const offered = await banner(page).locator('[data-testid="resume-list"]').textContent();
      expect(offered).toContain('Martin');
      expect(offered).toContain('Léa');

      // Locked (the person steps away), then back: one code box, the banner's, at the top of the
      // page and in its flow; opening « Mes démarches » puts it there instead, never both.
      await progressTab(page);
      const tabFrame = await sessionFrame(page, 'tab');
      const section = tabFrame.locator('[data-testid="public-section"]');
      await section.locator('[data-action="lock"]').click();
      await expect.poll(() => section.getAttribute('data-mode')).toBe('locked');
      await page.close();
      const back = await session.context.newPage();
      await goto(back, '/aide-logement/identite.html?widget=0');
      await agentReady(back);
      await expect.poll(() => bannerState(back)).toBe('locked');
      await sessionFrame(back, 'banner');
      expect(await boxes(back, 'main h1')).toMatchObject({ overlaps: false });
      await progressTab(back);
      await sessionFrame(back, 'tab');
      const codeBoxes = () => back.frames().filter((f) => f.url().includes('/session.html?view=')).length;
      await expect.poll(codeBoxes).toBe(1);
      const unlock = (await sessionFrame(back, 'tab')).locator('[data-testid="pin-unlock"]');
      await unlock.locator('[data-testid="pin-input"]').fill('482193');
      await unlock.locator('[data-action="pin-submit"]').click();
      await expect.poll(() => bannerState(back), { timeout: 20_000 }).toBe('offer');
    } finally {
      outside.push(...session.outside);
      await close();
    }
  });

  test('widget: asked when leaving the field, focus in it, nothing lost', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.context({ viewport: PHONE });
      const page = await context.newPage();
      // The demo's own page, with the administration's shared-computer setting turned on.
      await page.route(`${demo.url}/aide-logement/identite.html`, async (route) => {
        const original = await route.fetch();
        const body = (await original.text()).replace(
          'data-catalog="/demo-guides/index.json"',
          'data-catalog="/demo-guides/index.json" data-public-computer="true"',
        );
        await route.fulfill({ response: original, body });
      });
      await goto(page, '/aide-logement/identite.html');
      await page.locator('#nom').focus();
      await page.keyboard.type('Martin');
      // The widget loads its progress code at this first keystroke; the save then waits for a code.
      await agentReady(page);
      await pinWanted(page);
      expect(await bannerState(page)).not.toBe('pin-needed');
      expect((await deepActive(page))?.id).toBe('nom');
      await page.keyboard.press('Tab');
      await expect.poll(() => bannerState(page)).toBe('pin-needed');
      await expect
        .poll(
          async () =>
            (await deepActive(page))?.tag +
            ':' +
            (await page.evaluate(() => {
              let el: Element | null = document.activeElement;
              while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
              return el?.getAttribute('data-testid') ?? null;
            })),
        )
        .toBe('input:pin-input');
      expect(await siteError(page, 'prenom')).toBe('');
      expect((await boxes(page, '#nom'))?.inScreen).toBe(true);
      expect(await axe(page, '[data-pasapas-host="progress"]')).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'widget-360-fr-pin-asked.png') });
      await page.keyboard.type('246813');
      await page.keyboard.press('Tab');
      await page.keyboard.type('246813');
      await page.keyboard.press('Enter');
      await expect.poll(() => bannerState(page), { timeout: 20_000 }).toBe('hidden');
      await expect.poll(async () => (await deepActive(page))?.id).toBe('prenom');
      await expect.poll(() => savedAt(page), { timeout: 20_000 }).not.toBeNull();

      // The key lived in the page: after a reload, one box (locked), and the name comes back.
      await page.reload();
      await launcher(page).waitFor();
      await agentReady(page);
      await expect.poll(() => bannerState(page)).toBe('locked');
      expect(await banner(page).locator('[data-testid="pin-unlock"]').count()).toBe(1);
      const unlock = banner(page).locator('[data-testid="pin-unlock"]');
      await unlock.locator('[data-testid="pin-input"]').fill('246813');
      await unlock.locator('[data-action="pin-submit"]').click();
      await expect.poll(() => bannerState(page), { timeout: 20_000 }).toBe('offer');
      expect(await banner(page).locator('[data-testid="resume-list"]').textContent()).toContain('Martin');
      await context.close();
    } finally {
      outside.push(...browser.outside);
      await browser.close();
    }
  });

  /**
   * On a laptop the question sat over the right half of « Nom » and « Prénom »: the person could not
   * see the field they had just typed in, nor the one they were going to. The page now scrolls so
   * both show above the question, clear of it.
   */
  test('widget at 1280 px: the question leaves the field typed in and the next one in view', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.context({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.route(`${demo.url}/aide-logement/identite.html`, async (route) => {
        const original = await route.fetch();
        const body = (await original.text()).replace(
          'data-catalog="/demo-guides/index.json"',
          'data-catalog="/demo-guides/index.json" data-public-computer="true"',
        );
        await route.fulfill({ response: original, body });
      });
      await goto(page, '/aide-logement/identite.html');
      await page.locator('#nom').focus();
      await page.keyboard.type('Martin');
      await agentReady(page);
      await pinWanted(page);
      await page.keyboard.press('Tab');
      await expect.poll(() => bannerState(page)).toBe('pin-needed');
      for (const sel of ['#nom', 'label[for="nom"]', '#prenom', 'label[for="prenom"]'])
        await expect
          .poll(() => boxes(page, sel).then((b) => b && !b.overlaps), { timeout: 10_000 })
          .toBe(true);
      const shown = await page.evaluate(() =>
        ['nom', 'prenom'].map((id) => {
          const r = document.getElementById(id)?.getBoundingClientRect();
          return !!r && r.top >= 0 && r.bottom <= innerHeight;
        }),
      );
      expect(shown).toEqual([true, true]);
      await page.screenshot({ path: join(SHOTS, 'widget-1280-fr-pin-asked.png') });
      expect(await axe(page, '[data-pasapas-host="progress"]')).toEqual([]);
      await context.close();
    } finally {
      outside.push(...browser.outside);
      await browser.close();
    }
  });
});
