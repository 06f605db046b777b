/**
 * « Mes informations » in the built extension and the widget: a value typed once in the side panel (opened here as
 * a tab, as the person's side panel shows it) is offered on the demo housing procedure, filled only
 * after the person confirms that one field, and the site receives it. A wrong value is refused with
 * its plain message and kept in the box. The browser is closed and its whole profile searched: the
 * typed values are nowhere in clear. Keyboard only, axe clean, 360 px screenshots in French and Arabic.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launch, launcher, ROOT, tabTo } from './harness';
import {
  encodings,
  find,
  outsideBrowserOwned,
  outsideSessionRestore,
  SESSION_RESTORE,
} from './profile-search';

const NAME = 'Zéphyrine-Oudjane';
const EMAIL = 'zephyrine.oudjane@exemple.fr';
const SHOTS = join(ROOT, 'test-results');

let demo: Demo;
const dirs: string[] = [];
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await demo?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Keyboard only: to the tab list, then arrows until « Mes informations » is the tab shown. */
async function openInfosTab(side: Page) {
  await tabTo(side, (el) => el.role === 'tab');
  for (let i = 0; i < 12; i++) {
    const el = await deepActive(side);
    if (el?.id === 'pp-tab-infos') break;
    await side.keyboard.press('ArrowRight');
  }
  expect((await deepActive(side))?.id).toBe('pp-tab-infos');
  await side.locator('[data-testid="infos-tab"]').waitFor();
}

/** Adds one entry through the form, by keyboard. */
async function addEntry(side: Page, kind: string, value: string) {
  const form = side.locator('[data-testid="infos-add"]');
  await form.locator('select').focus();
  await form.locator('select').selectOption(kind);
  await tabTo(side, (el) => el.tag === 'input' && el.id === 'pp-infos-add-value', 3);
  await side.keyboard.type(value);
  await side.keyboard.press('Enter');
}

describe('Mes informations', () => {
  test('typed once, filled on the housing procedure after one confirmation, never in clear on disk', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'pasapas-infos-'));
    dirs.push(profileDir);
    const session = await launch({ extension: true, profileDir });
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(site).waitFor();
      const side = await session.context.newPage();
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await openInfosTab(side);
      await side.locator('[data-testid="infos-empty"]').waitFor();

      // A wrong e-mail: refused with its plain message, what was typed stays in the box.
      await addEntry(side, 'email', 'zephyrine.exemple.fr');
      await expect.poll(() => side.locator('[data-testid="infos-error"]').textContent()).toContain('@');
      const box = side.locator('#pp-infos-add-value');
      expect(await box.inputValue()).toBe('zephyrine.exemple.fr');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      await box.fill('');
      await side.keyboard.type(EMAIL);
      await side.keyboard.press('Enter');
      await expect
        .poll(async () => [
          ...(await side.locator('[data-testid="infos-value"]').allTextContents()),
          ...(await side.locator('[data-testid="infos-error"]').allTextContents()),
        ])
        .toEqual([EMAIL]);

      await addEntry(side, 'family-name', NAME);
      await expect
        .poll(() => side.locator('[data-testid="infos-value"]').allTextContents())
        .toEqual([EMAIL, NAME]);
      expect(await axe(side)).toEqual([]);

      // The site's own address field already holds something else: it is offered as a replacement only.
      await site.locator('[name="email"]').fill('ancienne@exemple.fr');
      await side.bringToFront();
      await tabTo(side, (el) => el.text === 'Chercher les cases que je peux remplir');
      await side.keyboard.press('Enter');
      const offers = side.locator('.pp-infos-offers button');
      await expect.poll(() => offers.count(), { timeout: 15_000 }).toBe(2);
      const nameOffer = side.locator('.pp-infos-offers button[data-target]', { hasText: 'Nom de naissance' });
      expect(await nameOffer.textContent()).toContain(NAME);
      const mailOffer = side.locator('.pp-infos-offers button', { hasText: 'ancienne@exemple.fr' });
      expect(await mailOffer.textContent()).toContain('Remplacer');
      // Nothing was filled by looking.
      expect(await site.locator('[name="nom"]').inputValue()).toBe('');
      expect(await site.locator('[name="email"]').inputValue()).toBe('ancienne@exemple.fr');
      expect(await axe(side)).toEqual([]);

      // One confirmation, one field: the name only.
      await tabTo(side, (el) => el.text.startsWith('Remplir « Nom de naissance »'));
      await side.keyboard.press('Enter');
      await expect.poll(() => site.locator('[name="nom"]').inputValue()).toBe(NAME);
      await expect.poll(() => side.locator('.pp-infos-note').textContent()).toContain('est rempli');
      expect(await site.locator('[name="email"]').inputValue()).toBe('ancienne@exemple.fr');

      // The site receives it: the rest of the page typed, sent, and the server's session shows the name.
      await site.bringToFront();
      await site.locator('[name="civilite"][value="madame"]').check({ force: true });
      await site.locator('[name="prenom"]').fill('Inès');
      await site.locator('[name="date_naissance"]').fill('14/07/1985');
      await site.locator('[name="nir"]').fill('2 55 08 14 168 025 38');
      await site.locator('[name="telephone"]').fill('06 12 34 56 78');
      await site.locator('main form button[type="submit"]').click();
      await site.waitForURL('**/aide-logement/foyer.html**');
      const received = await site.evaluate(() => fetch('/demo-api/session').then((r) => r.json()));
      expect(JSON.stringify(received)).toContain(NAME);

      // Not a hollow search: the two entries are in the extension's database, sealed.
      const rows = await side.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('pasapas');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const all = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction('infos').objectStore('infos').getAll();
          req.onsuccess = () => resolve(req.result);
        });
        db.close();
        return all.map((r) =>
          Object.keys(r as object)
            .sort()
            .join(','),
        );
      });
      expect(rows).toEqual(['id,sealed,updatedAt', 'id,sealed,updatedAt']);

      // 360 px, French and Arabic: looked at by a person (screenshots), and axe again in Arabic.
      await side.bringToFront();
      await side.setViewportSize({ width: 360, height: 800 });
      await side.screenshot({ path: join(SHOTS, 'infos-360-fr.png'), fullPage: true });
      await side.locator('.pp-lang select').selectOption('ar');
      await expect.poll(() => side.locator('[data-testid="infos-tab"]').textContent()).toContain('ما يحفظه');
      await side.screenshot({ path: join(SHOTS, 'infos-360-ar.png'), fullPage: true });
      expect(await axe(side)).toEqual([]);
    } finally {
      await session.close();
    }

    // Closed browser: the whole profile, byte by byte. The e-mail was never given to the site: it is
    // nowhere in clear (the browser's session restore aside, its copy of our open tab's form). The name
    // was sent by the site's own form: Chromium's autofill keeps that (Web Data), the browser's copy.
    const mailHits = find(profileDir, encodings('email', EMAIL));
    expect(outsideSessionRestore(mailHits)).toEqual([]);
    const nameHits = find(profileDir, encodings('name', NAME));
    expect(outsideBrowserOwned(nameHits, [...SESSION_RESTORE, /^\/Default\/Web Data$/])).toEqual([]);
  }, 180_000);

  test('the widget: typed once on the administration’s site, filled after one confirmation, sealed at rest', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'pasapas-infos-widget-'));
    dirs.push(profileDir);
    // No extension: the widget the demo site embeds, in a profile searched after closing.
    const session = await launch({ profileDir });
    try {
      const page = await session.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html`);
      await tabTo(page, (el) => el.pasapas === 'launcher', 80);
      await page.keyboard.press('Enter');
      await openInfosTab(page);
      await page.locator('[data-testid="infos-empty"]').waitFor();
      await addEntry(page, 'email', EMAIL);
      await expect.poll(() => page.locator('[data-testid="infos-value"]').allTextContents()).toEqual([EMAIL]);
      await addEntry(page, 'given-names', 'Inès-Zéphyrine');
      await expect
        .poll(() => page.locator('[data-testid="infos-value"]').allTextContents())
        .toEqual([EMAIL, 'Inès-Zéphyrine']);
      await tabTo(page, (el) => el.text === 'Chercher les cases que je peux remplir', 80);
      await page.keyboard.press('Enter');
      const offers = page.locator('.pp-infos-offers button');
      await expect.poll(() => offers.count(), { timeout: 15_000 }).toBe(2);
      expect(await page.locator('[name="prenom"]').inputValue()).toBe('');
      expect(await axe(page)).toEqual([]);
      await tabTo(page, (el) => el.text.startsWith('Remplir « Prénom »'));
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[name="prenom"]').inputValue()).toBe('Inès-Zéphyrine');
      // Only that field: the e-mail waits for its own confirmation.
      expect(await page.locator('[name="email"]').inputValue()).toBe('');
    } finally {
      await session.close();
    }
    // The e-mail was never given to the site's form: the site's origin holds it sealed only.
    expect(outsideSessionRestore(find(profileDir, encodings('email', EMAIL)))).toEqual([]);
  }, 180_000);

  test('carried to another computer: a sealed file, a wrong passphrase changes nothing, the right one adds', async () => {
    const PASS = 'girafe bleue du mardi';
    const fileDir = mkdtempSync(join(tmpdir(), 'pasapas-infos-file-'));
    dirs.push(fileDir);
    const file = join(fileDir, 'mes-informations.pasapas.json');

    const first = await launch({ extension: true });
    try {
      const side = await first.context.newPage();
      await side.goto(`chrome-extension://${first.extensionId}/sidepanel.html`);
      await openInfosTab(side);
      await side.locator('[data-testid="infos-empty"]').waitFor();
      // One at a time: the form takes the next entry once the first is saved.
      await addEntry(side, 'email', EMAIL);
      await expect.poll(() => side.locator('[data-testid="infos-value"]').allTextContents()).toEqual([EMAIL]);
      await addEntry(side, 'family-name', NAME);
      await expect
        .poll(() => side.locator('[data-testid="infos-value"]').allTextContents())
        .toEqual([EMAIL, NAME]);

      // Too short a passphrase: said plainly, no file.
      await tabTo(side, (el) => el.id === 'pp-infos-export-pass', 60);
      await side.keyboard.type('court');
      await side.keyboard.press('Enter');
      const exportForm = side.locator('[data-testid="infos-export-form"]');
      await expect.poll(() => exportForm.locator('[role="alert"]').count()).toBe(1);
      expect(await exportForm.locator('[role="alert"]').textContent()).toContain('phrase secrète');
      expect(await side.locator('[data-action="infos-download"]').count()).toBe(0);

      await side.locator('#pp-infos-export-pass').fill('');
      await side.locator('#pp-infos-export-pass').focus();
      await side.keyboard.type(PASS);
      await side.keyboard.press('Enter');
      // The link takes focus once the file is ready: Enter downloads it.
      const link = side.locator('[data-action="infos-download"]');
      await link.waitFor();
      await expect.poll(async () => (await deepActive(side))?.text).toBe('Télécharger le fichier');
      const [download] = await Promise.all([side.waitForEvent('download'), side.keyboard.press('Enter')]);
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(
        /^pasapas-mes-informations-\d{4}-\d\d-\d\d\.pasapas\.json$/,
      );
      // Sealed: neither value is in the file in clear.
      const text = readFileSync(file, 'utf8');
      expect(JSON.parse(text).format).toBe('pasapas-export');
      for (const value of [EMAIL, NAME, 'Zéphyrine']) expect(text).not.toContain(value);
      expect(await axe(side)).toEqual([]);
    } finally {
      await first.close();
    }

    // Another computer: a fresh profile.
    const second = await launch({ extension: true });
    try {
      const side = await second.context.newPage();
      await side.goto(`chrome-extension://${second.extensionId}/sidepanel.html`);
      await openInfosTab(side);
      await side.locator('[data-testid="infos-empty"]').waitFor();
      // Only the import: there is nothing to export yet.
      expect(await side.locator('[data-testid="infos-export-form"]').count()).toBe(0);
      const importForm = side.locator('[data-testid="infos-import-form"]');
      await importForm.locator('input[type="file"]').setInputFiles(file);

      // A wrong passphrase: told plainly, nothing added.
      await importForm.locator('#pp-infos-import-pass').focus();
      await side.keyboard.type('girafe verte du lundi');
      await side.keyboard.press('Enter');
      const error = side.locator('[data-testid="infos-import-error"]');
      await expect
        .poll(() => error.textContent(), { timeout: 30_000 })
        .toBe("Ce n'est pas la bonne phrase secrète. Rien n'a été importé.");
      expect(await side.locator('[data-testid="infos-value"]').count()).toBe(0);
      expect(await side.locator('[data-testid="infos-empty"]').count()).toBe(1);
      expect(await axe(side)).toEqual([]);

      // The same in the person's language: Arabic, right to left.
      await side.locator('.pp-lang select').selectOption('ar');
      await expect
        .poll(() => side.locator('#pp-infos-handover-title').textContent())
        .toBe('نقل معلوماتي إلى حاسوب آخر');
      await importForm.locator('#pp-infos-import-pass').fill('girafe verte du lundi');
      await importForm.locator('#pp-infos-import-pass').press('Enter');
      await expect.poll(() => error.textContent(), { timeout: 30_000 }).not.toContain('bonne phrase');
      expect(await error.textContent()).toMatch(/[\u0600-\u06FF]/);
      expect(await side.locator('[data-testid="infos-value"]').count()).toBe(0);
      await side.setViewportSize({ width: 360, height: 800 });
      await side.locator('[data-testid="infos-handover"]').scrollIntoViewIfNeeded();
      await side.screenshot({ path: join(SHOTS, 'infos-handover-360-ar.png'), fullPage: true });
      expect(await axe(side)).toEqual([]);
      await side.locator('.pp-lang select').selectOption('fr');

      // The right one: both entries, checked again, added.
      await importForm.locator('#pp-infos-import-pass').fill('');
      await importForm.locator('#pp-infos-import-pass').focus();
      await side.keyboard.type(PASS);
      await side.keyboard.press('Enter');
      await expect
        .poll(async () => (await side.locator('[data-testid="infos-value"]').allTextContents()).sort(), {
          timeout: 30_000,
        })
        .toEqual([EMAIL, NAME].sort());
      expect(await side.locator('[data-testid="infos-import-done"]').textContent()).toBe(
        'C’est fait. Informations ajoutées : 2.',
      );
      expect(await side.locator('[data-testid="infos-import-error"]').count()).toBe(0);
      await side.screenshot({ path: join(SHOTS, 'infos-handover-360-fr.png'), fullPage: true });
      expect(await axe(side)).toEqual([]);
    } finally {
      await second.close();
    }
  }, 240_000);
});
