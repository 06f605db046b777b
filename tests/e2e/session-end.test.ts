/**
 * The end of a session on a shared computer, in real Chromium with the demo's login-like session
 * (issue 15, part 1). The person signs in to the fictitious site, sends the first page of a
 * procedure, the site also keeps things in its own storage; then "Terminer ma session" in our
 * frame. Measured after: the site's tabs are closed, a new tab on the site is signed out and shows
 * none of the values, the history has none of its pages, the settings are the mediator's again,
 * the summary says what was done, and — browser closed — no value is left in the profile's files
 * except in the browser-owned files no extension API reaches (listed below, and in the README).
 *
 * The mediator's grant of the optional permission (browsingData) is a browser prompt
 * Playwright cannot answer: the first test runs a copy of the built extension whose manifest lists
 * them as granted at install, the only change; the second runs the build as shipped, where the
 * prompt stays unanswered, and checks that the summary then says what was NOT erased.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionEndMessages } from '../../components/app/session-end/messages';
import { type Demo, startDemoServer } from './demo';
import {
  axe,
  EXTENSION,
  endSessionIn,
  keepNothingOnSharedComputer,
  launch,
  launcher,
  openPanelTab,
  ROOT,
  type Session,
  sessionFrame,
} from './harness';
import { AFTER_SESSION_END, encodings, find, outsideBrowserOwned } from './profile-search';

const TYPED = {
  identifiant: 'Hectorine.Zorglub',
  nom: 'Zorglubova',
  prenom: 'Hectorinette',
  nir: '284057511234528',
  email: 'hectorinette.zorglubova@exemple.fr',
  siteKept: 'gardé-par-le-site-7731',
};

let demo: Demo;
const dirs: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  expect(outside).toEqual([]);
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The built extension, with the optional permissions granted at install (see the file's comment). */
function grantedCopy(): string {
  const dir = tempDir('pasapas-granted-');
  cpSync(EXTENSION, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  expect(manifest.optional_permissions).toEqual(['browsingData']);
  manifest.permissions = [...manifest.permissions, ...manifest.optional_permissions];
  delete manifest.optional_permissions;
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

async function extension(profileDir: string, extensionDir?: string): Promise<Session> {
  const session = await launch({ extension: true, profileDir, ...(extensionDir ? { extensionDir } : {}) });
  const close = session.close.bind(session);
  return Object.assign(session, {
    close: async () => {
      outside.push(...session.outside);
      await close();
    },
  });
}

type Chrome = {
  storage: {
    local: { get(k: string | null): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
  };
  permissions: { getAll(): Promise<{ permissions?: string[] }> };
};

/** The mediator turns public-computer mode on, in a language of theirs and large text. */
async function mediatorSetsUp(session: Session, lang: 'fr' | 'ar') {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.evaluate(
    (l) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({
        'pasapas:settings': { comfort: { textScale: 1.5 }, lang: l, speechRate: 1 },
      }),
    lang,
  );
  await options.locator('[data-testid="public-enabled"]').check({ force: true });
  await options.locator('[data-action="public-save"]').click();
  await options.locator('[data-testid="public-status"]').waitFor();
  return options;
}

/** The person signs in to the demo site, then sends the first page of the housing procedure. */
async function personUsesTheSite(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${demo.url}/compte/connexion.html?widget=0`);
  await page.locator('#identifiant').fill(TYPED.identifiant);
  await page.locator('#mot_de_passe').fill('pas-un-vrai-mot-de-passe');
  await page.locator('main button[type="submit"]').click();
  await page.locator('#compte-connecte').waitFor();
  await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
  await launcher(page).waitFor();
  await page.locator('[name="civilite"][value="madame"]').check({ force: true });
  await page.locator('[name="nom"]').fill(TYPED.nom);
  // A shared computer, no code chosen: leaving the field asks for one; this person keeps nothing.
  await keepNothingOnSharedComputer(page);
  await page.locator('[name="prenom"]').fill(TYPED.prenom);
  await page.locator('[name="date_naissance"]').fill('12/05/1984');
  await page.locator('[name="nir"]').fill(TYPED.nir);
  await page.locator('[name="email"]').fill(TYPED.email);
  await page.locator('[name="telephone"]').fill('06 12 34 56 78');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL('**/aide-logement/foyer.html**');
  // The site also keeps things in the browser, as real sites do.
  await page.evaluate(async (kept) => {
    localStorage.setItem('brouillon', kept);
    sessionStorage.setItem('brouillon', kept);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('site-demo');
      req.onupgradeneeded = () => req.result.createObjectStore('brouillons');
      req.onsuccess = () => {
        const tx = req.result.transaction('brouillons', 'readwrite');
        tx.objectStore('brouillons').put(kept, 'dernier');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
      req.onerror = () => reject(req.error);
    });
  }, TYPED.siteKept);
  // Signed in, the account page shows the answers the site keeps.
  await page.goto(`${demo.url}/compte/?widget=0`);
  expect(await page.locator('#compte-reponses').textContent()).toContain(TYPED.nom);
  await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
  expect(await page.locator('[name="nom"]').inputValue()).toBe(TYPED.nom);
  await launcher(page).waitFor();
  return page;
}

/** "Terminer ma session" in our frame of the panel's "Mes démarches" tab. */
async function endFromThePanel(page: Page) {
  await openPanelTab(page, 'progress');
  await endSessionIn(await sessionFrame(page, 'tab'));
}

/** What the site keeps in this browser, read from a page of its origin. */
function siteStorage(page: Page) {
  return page.evaluate(async () => ({
    local: localStorage.getItem('brouillon'),
    session: sessionStorage.getItem('brouillon'),
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
}

describe('the end of a session ends everything it can (Chromium)', () => {
  test('with the permissions granted: tabs closed, signed out, site data and history gone, settings reset, no value on disk outside the browser’s own files', async () => {
    const dir = tempDir('pasapas-end-');
    const session = await extension(dir, grantedCopy());
    const options = await mediatorSetsUp(session, 'fr');
    // Already granted here: the request answers at once, and the page says so.
    await expect
      .poll(() => options.locator('[data-testid="public-permission"]').getAttribute('data-state'))
      .toBe('granted');
    expect(await axe(options, '[data-testid="public-options"]')).toEqual([]);
    // The activity report is off until the mediator turns it on.
    const activityOn = options.locator('[data-testid="activity-on"]');
    expect(await activityOn.isChecked()).toBe(false);
    await activityOn.check();
    await expect.poll(() => activityOn.isChecked()).toBe(true);
    expect(await options.locator('[data-testid="activity-empty"]').count()).toBe(1);
    expect(await axe(options, '[data-testid="activity-options"]')).toEqual([]);
    await options.close();

    const page = await personUsesTheSite(session);
    // The person changes the settings during the session.
    const ext = await session.context.newPage();
    await ext.goto(`chrome-extension://${session.extensionId}/options.html`);
    await ext.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({
        'pasapas:settings': { comfort: { textScale: 2, theme: 'dark' }, lang: 'en', speechRate: 1.5 },
      }),
    );
    await ext.close();

    await endFromThePanel(page);

    // Our summary tab opens; every tab of the site closes.
    let summary: Page | undefined;
    await expect
      .poll(
        () => {
          summary = session.context.pages().find((p) => p.url().includes('/session-end.html'));
          return summary !== undefined;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect
      .poll(() => session.context.pages().filter((p) => p.url().startsWith(demo.url)).length, {
        timeout: 20_000,
      })
      .toBe(0);
    const s = summary as Page;
    await s.locator('[data-testid="end-summary"]').waitFor({ timeout: 20_000 });
    const erased = await s
      .locator('[data-testid="end-erased"] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(erased).toEqual(
      expect.arrayContaining([
        'end.erased.pasapas',
        'end.erased.settings',
        'end.erased.tabs',
        'end.erased.siteData',
        'end.erased.history',
      ]),
    );
    const left = await s
      .locator('[data-testid="end-left"] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(left).toEqual(['end.left.server', 'end.left.downloads', 'end.left.printed']);
    expect(await s.locator('[data-testid="end-erased"]').textContent()).toContain(new URL(demo.url).host);
    // In the mediator's language again (French), and accessible.
    expect(await s.locator('h1').textContent()).toBe('Votre session est terminée');
    expect(await axe(s, 'main')).toEqual([]);

    // The mediator counts the accompaniment: by keyboard, "the mediator did it for them".
    const question = s.locator('[data-testid="activity-question"]');
    await question.waitFor();
    expect(await axe(s, 'main')).toEqual([]);
    await question.locator('input[value="for-them"]').focus();
    await s.keyboard.press('Space');
    await question.locator('[data-action="activity-save"]').focus();
    await s.keyboard.press('Enter');
    await s.locator('[data-testid="activity-done"]').waitFor();

    // The settings are the mediator's again.
    const settings = await s.evaluate(
      async () =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('pasapas:settings'))[
          'pasapas:settings'
        ],
    );
    expect(settings).toMatchObject({ comfort: { textScale: 1.5 }, lang: 'fr', speechRate: 1 });

    // The next person opens the site: signed out, no value, nothing of the site's storage.
    const next = await session.context.newPage();
    await next.goto(`${demo.url}/compte/?widget=0`);
    expect(next.url()).toContain('/compte/connexion.html');
    expect(await next.content()).not.toContain(TYPED.nom);
    await next.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    expect(await next.locator('[name="nom"]').inputValue()).toBe('');
    expect(await next.locator('[name="nir"]').inputValue()).toBe('');
    expect(await siteStorage(next)).toEqual({ local: null, session: null, databases: [] });
    await next.close();

    // The options page sums the month; the CSV holds the theme and the outcome, nothing personal.
    const report = await session.context.newPage();
    await report.goto(`chrome-extension://${session.extensionId}/options.html`);
    const row = report.locator('[data-testid="activity-months"] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('td').allTextContents()).toEqual([
      '1',
      expect.stringMatching(/^\d+$/),
      '0',
      '0',
      '1',
    ]);
    const [download] = await Promise.all([
      report.waitForEvent('download'),
      report.locator('[data-action="activity-export"]').click(),
    ]);
    const csvFile = join(dir, '..', `${Date.now()}-activite.csv`);
    await download.saveAs(csvFile);
    dirs.push(csvFile);
    const csv = readFileSync(csvFile, 'utf8');
    // No way chosen with the panel's switch: its column is empty.
    expect(csv).toContain(';Logement;Entièrement accompagné;Le médiateur;\r\n');
    for (const value of Object.values(TYPED)) expect(csv).not.toContain(value);
    expect(csv).not.toContain(new URL(demo.url).host);
    expect(await axe(report, '[data-testid="activity-options"]')).toEqual([]);
    await report.close();
    await session.close();

    const hits = find(dir, {
      ...Object.assign({}, ...Object.entries(TYPED).map(([name, value]) => encodings(name, value))),
      // The history's and the recently closed tabs' addresses of the site.
      ...encodings('site address', `${demo.url}/aide-logement/`),
    });
    // Measured on Chromium 156, and said in the README: files the browser owns that no extension
    // API reaches keep copies (profile-search.ts, AFTER_SESSION_END). Anything elsewhere (cookies,
    // saved logins, autofill, IndexedDB, the extension's own files) fails the test.
    console.info('[session-end] left in browser-owned files:', hits);
    expect(outsideBrowserOwned(hits, AFTER_SESSION_END)).toEqual([]);
    const where = (hit: string) => hit.slice(hit.indexOf(' in ') + 4);
    for (const file of ['Cookies', 'Login Data', 'Web Data'])
      expect(hits.filter((h) => where(h) === `/Default/${file}`)).toEqual([]);
  }, 180_000);

  test('in Arabic: the summary is in the mediator’s language, right to left, says what is left, axe clean', async () => {
    const dir = tempDir('pasapas-end-ar-');
    const session = await extension(dir);
    const options = await mediatorSetsUp(session, 'ar');
    await options.close();
    const page = await personUsesTheSite(session);
    await endFromThePanel(page);

    let summary: Page | undefined;
    await expect
      .poll(
        () => {
          summary = session.context.pages().find((p) => p.url().includes('/session-end.html'));
          return summary !== undefined;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const s = summary as Page;
    await s.locator('[data-testid="end-summary"]').waitFor({ timeout: 30_000 });
    const main = s.locator('[data-testid="session-end-page"]');
    expect(await main.getAttribute('dir')).toBe('rtl');
    expect(await main.getAttribute('lang')).toBe('ar');
    expect(await s.locator('h1').textContent()).toBe(sessionEndMessages.ar['end.title']);
    const erased = await s
      .locator('[data-testid="end-erased"] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(erased).toEqual(
      expect.arrayContaining(['end.erased.pasapas', 'end.erased.settings', 'end.erased.tabs']),
    );
    const left = await s
      .locator('[data-testid="end-left"] > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line')));
    expect(left).toEqual(
      expect.arrayContaining(['end.left.server', 'end.left.downloads', 'end.left.printed']),
    );
    // Every line in Arabic: no French word left in the summary.
    expect(await s.locator('[data-testid="end-summary"]').textContent()).not.toMatch(/ les | vos | des /);
    expect(await axe(s, 'main')).toEqual([]);
    await s.setViewportSize({ width: 360, height: 800 });
    await s.screenshot({ path: join(ROOT, 'test-results', 'session-end-360-ar.png'), fullPage: true });
    // The site's tabs are closed even without the permission.
    await expect
      .poll(() => session.context.pages().filter((p) => p.url().startsWith(demo.url)).length, {
        timeout: 20_000,
      })
      .toBe(0);
    await session.close();
  }, 180_000);
});
