/**
 * Loading guides: from a file and from a catalog on the extension's options page (signatures,
 * plain errors, offline from the saved copy), and from the administration's catalog in the widget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateKeyPair, signGuide } from '../../utils/guides/signature';
import { type Demo, startDemoServer } from './demo';
import {
  axe,
  deepActive,
  launch,
  launchBrowser,
  launcher,
  openByShortcut,
  panel,
  ROOT,
  tabTo,
} from './harness';

const builtin = () =>
  JSON.parse(readFileSync(join(ROOT, 'public/guides/fr.demo.aide-logement.json'), 'utf8'));
const PUBKEY = JSON.parse(readFileSync(join(ROOT, 'demo/site/catalog/pubkey.json'), 'utf8')) as {
  publicKey: string;
  keyId: string;
};
const CATALOG_NAME = 'Catalogue de démonstration (site fictif)';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const section = (page: Page) => page.locator('[data-testid="options-guides"]');
const installedItem = (page: Page, id: string) =>
  page.locator(`[data-testid="installed-guides"] li[data-guide-id="${id}"]`);

async function openOptions(page: Page, extensionId: string | undefined) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await section(page).waitFor();
}

async function openGuidesTab(page: Page) {
  await openByShortcut(page);
  await expect.poll(() => panel(page).count()).toBe(1);
  await page
    .locator('[data-testid="guide-title"], [data-testid="guides-none"]')
    .first()
    .waitFor()
    .catch(async (error: unknown) => {
      // Say what the panel shows instead.
      throw new Error(
        `${String(error)}\npanel: ${await panel(page)
          .textContent()
          .catch(() => '?')}`,
      );
    });
}

function file(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/**
 * The demo page with the widget tag carrying the administration's catalog (and keys), on its own
 * origin: the page vouches for it, so an unsigned guide there is « Guide de ce site », a signed one
 * checked with the given key « vérifié », a changed one refused. (Another origin cannot be tried
 * here: Chromium refuses a page's requests to another loopback address.)
 */
async function withCatalog(page: Page, keys: string) {
  const catalog = '/catalog/catalog.json';
  await page.route(/\/(aide-logement|emploi)\/[a-z-]+\.html/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      'data-lang="fr"',
      `data-lang="fr" data-catalog="${catalog}"${keys ? ` data-trusted-keys="${keys}"` : ''}`,
    );
    await route.fulfill({ response, body });
  });
}

describe('guides in the extension: options page', () => {
  test('installs a guide from a file, refuses bad files in plain words, and the site offers it', async () => {
    const session = await launch({ extension: true });
    try {
      const page = await session.context.newPage();
      await openOptions(page, session.extensionId);
      expect(await axe(page, '[data-testid="options-guides"]')).toEqual([]);

      const guide = builtin();
      guide.version = '2.0.0';
      guide.title.fr = 'Aide au logement — guide installé depuis un fichier';
      guide.publisher = { name: 'Maison France Services de démonstration' };
      await page
        .locator('[data-testid="guide-file"]')
        .setInputFiles(file('logement.json', JSON.stringify(guide)));
      await expect
        .poll(() => page.locator('[data-testid="guide-file-feedback-ok"]').textContent())
        .toBe(
          'Guide installé : « Aide au logement — guide installé depuis un fichier », version 2.0.0 (non vérifié).',
        );
      const item = installedItem(page, guide.id);
      await expect.poll(() => item.getAttribute('data-trust')).toBe('unverified');
      const text = await item.textContent();
      expect(text).toContain('Version 2.0.0');
      expect(text).toContain('Auteur : Maison France Services de démonstration');
      expect(text).toContain('État : non vérifié');

      // A file dropped on the drop zone is installed the same way.
      const dropped = {
        ...builtin(),
        id: 'fr.demo.depose',
        matches: { urls: ['http://127.0.0.1/plain.html'] },
      };
      const transfer = await page.evaluateHandle((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'depose.json', { type: 'application/json' }));
        return data;
      }, JSON.stringify(dropped));
      await page.dispatchEvent('[data-testid="guide-dropzone"]', 'dragover', { dataTransfer: transfer });
      await page.dispatchEvent('[data-testid="guide-dropzone"]', 'drop', { dataTransfer: transfer });
      await expect.poll(() => installedItem(page, 'fr.demo.depose').count()).toBe(1);
      await page.getByRole('button', { name: `Retirer le guide « ${dropped.title.fr} »` }).click();
      await expect.poll(() => installedItem(page, 'fr.demo.depose').count()).toBe(0);

      // Not JSON, then schema errors with their JSON paths: plain words, nothing lost.
      const alert = page.locator('[data-testid="guide-file-feedback-error"]');
      await page.locator('[data-testid="guide-file"]').setInputFiles(file('photo.json', '<html>oups</html>'));
      await expect
        .poll(() => alert.textContent())
        .toContain('Ce fichier n’est pas un guide : son contenu n’est pas du JSON. Rien n’a été installé.');
      const broken = builtin();
      broken.steps[0].title = 42;
      broken.couleur = 'bleu';
      await page
        .locator('[data-testid="guide-file"]')
        .setInputFiles(file('casse.json', JSON.stringify(broken)));
      await expect
        .poll(() => alert.textContent())
        .toContain('Ce guide est mal écrit : 2 erreurs. Rien n’a été installé.');
      expect(await alert.textContent()).toContain('$.steps[0].title : ');
      expect(await alert.textContent()).toContain(
        '$.couleur : Ce champ n’existe pas dans le format des guides.',
      );

      // Progress keeps answers on the sites of installed guides: none installed for this page yet.
      // Whether the panel's code loaded (closed) on a fresh page: it marks the document then. Judged
      // against a page a guide knows, opened after it: the agent's rule (a second after load, then an
      // idle moment) is the same on both, so once that page has loaded its panel, this one had its
      // chance first. A positive signal instead of a fixed wait.
      const loadedHere = (tab: Page) =>
        tab.evaluate(() => document.documentElement.hasAttribute('data-pasapas-fonts'));
      const panelLoadedOn = async (path: string) => {
        const tab = await session.context.newPage();
        await tab.goto(`${demo.url}${path}`, { waitUntil: 'load' });
        await launcher(tab).waitFor();
        const control = await session.context.newPage();
        await control.goto(`${demo.url}/aide-logement/identite.html?widget=0`, { waitUntil: 'load' });
        await expect.poll(() => loadedHere(control), { timeout: 20_000 }).toBe(true);
        const loaded = await loadedHere(tab);
        await control.close();
        await tab.close();
        return loaded;
      };
      expect(await panelLoadedOn('/plain.html')).toBe(false);

      // A signed guide whose content changed after signing is refused once its key is trusted.
      const keys = await generateKeyPair();
      const signed = await signGuide(
        {
          ...builtin(),
          id: 'fr.demo.signe',
          version: '1.0.0',
          matches: { urls: ['http://127.0.0.1/plain.html'] },
        },
        keys.privateKey,
      );
      await page.locator('#gopt-key').fill(keys.publicKey.publicKey);
      await page.locator('#gopt-key-label').fill('Mairie d’essai');
      await page.locator('[data-testid="key-form"] button[type="submit"]').click();
      await expect
        .poll(() => page.locator('[data-testid="key-feedback-ok"]').textContent())
        .toBe(`Clé ajoutée (${keys.publicKey.keyId}).`);
      await page
        .locator('[data-testid="guide-file"]')
        .setInputFiles(file('signe.json', JSON.stringify(signed)));
      await expect
        .poll(() => installedItem(page, 'fr.demo.signe').getAttribute('data-trust'))
        .toBe('verified');
      // Now a guide knows the page: progress loads there (the background saw the install).
      await expect.poll(() => panelLoadedOn('/plain.html'), { timeout: 20_000 }).toBe(true);
      const tampered = { ...signed, version: '1.0.1' };
      tampered.summary = { ...signed.summary, fr: 'Texte changé après la signature.' };
      await page
        .locator('[data-testid="guide-file"]')
        .setInputFiles(file('modifie.json', JSON.stringify(tampered)));
      await expect
        .poll(() => alert.textContent())
        .toContain(
          'Guide refusé : sa signature ne correspond pas à son contenu. Le guide « fr.demo.signe » a été modifié après sa signature.',
        );
      // The earlier guides are kept, the verified one in its earlier version.
      expect(await page.locator('[data-testid="installed-guides"] > li').count()).toBe(2);
      expect(await installedItem(page, 'fr.demo.signe').textContent()).toContain('Version 1.0.0');
      expect(await axe(page, '[data-testid="options-guides"]')).toEqual([]);

      // In Arabic (right to left) the section speaks Arabic and passes axe-core too.
      await page.locator('main select').first().selectOption('ar');
      await expect.poll(() => page.locator('#opt-guides').textContent()).toBe('الأدلة');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await axe(page, '[data-testid="options-guides"]')).toEqual([]);
      await page.locator('main select').first().selectOption('fr');
      await expect.poll(() => page.locator('#opt-guides').textContent()).toBe('Guides');

      // The site offers the installed guide (newer than the built-in one), marked as not verified.
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuidesTab(site);
      await expect
        .poll(() => site.locator('[data-testid="guide-title"]').textContent())
        .toBe('Aide au logement — guide installé depuis un fichier');
      expect(await site.locator('[data-testid="guide-trust"]').textContent()).toContain(
        'Guide non vérifié : personne n’a confirmé qui l’a écrit.',
      );
      expect(await axe(site)).toEqual([]);

      // Removing it brings the built-in guide back.
      await page.bringToFront();
      await page
        .getByRole('button', {
          name: 'Retirer le guide « Aide au logement — guide installé depuis un fichier »',
        })
        .click();
      await expect.poll(() => installedItem(page, guide.id).count()).toBe(0);
      await site.bringToFront();
      await site.reload();
      await openGuidesTab(site);
      await expect
        .poll(() => site.locator('[data-testid="guide-title"]').textContent())
        .toBe('Demande d’aide au logement (démo)');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a catalog on a plain static host that sends no CORS header is read all the same', async () => {
    // Any web host will do: this one answers files and nothing else, no Access-Control-* header.
    const dir = join(ROOT, 'demo/site');
    const bare = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = join(dir, path);
      if (!file.startsWith(`${dir}/catalog/`) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/catalog/catalog.json`;
    const session = await launch({ extension: true });
    try {
      // A web page may not read it (the browser's CORS rule)…
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/plain.html`);
      expect(
        await site.evaluate(
          (u) =>
            fetch(u).then(
              () => 'read',
              () => 'blocked',
            ),
          url,
        ),
      ).toBe('blocked');
      // …the extension may: its host permission covers the catalog's address.
      const page = await session.context.newPage();
      await openOptions(page, session.extensionId);
      await page.locator('#gopt-catalog-url').fill(url);
      await page.locator('#gopt-catalog-url').press('Enter');
      // No key trusted here: its guides are installed as not verified.
      await expect
        .poll(async () =>
          (await page.locator('[data-testid^="catalog-feedback-"]').allTextContents()).join(' '),
        )
        .toContain(`Catalogue « ${CATALOG_NAME} » ajouté. 3 guides sont installés.`);
      expect(await installedItem(page, 'fr.demo.aide-logement').getAttribute('data-trust')).toBe(
        'unverified',
      );
    } finally {
      await session.close();
      await new Promise((resolve) => bare.close(resolve));
    }
  });

  test('adds a catalog by keyboard, checks its signatures, and keeps working when its server is gone', async () => {
    const host = await startDemoServer({ port: 0 });
    const session = await launch({ extension: true });
    let hostClosed = false;
    try {
      const page = await session.context.newPage();
      await openOptions(page, session.extensionId);
      // Trust the catalog's key, then add the catalog: keyboard alone.
      await page.locator('h1').click();
      await tabTo(page, (el) => el.tag === 'textarea', 80);
      await page.keyboard.type(PUBKEY.publicKey);
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Ajouter la clé');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('[data-testid="key-feedback-ok"]').textContent())
        .toBe(`Clé ajoutée (${PUBKEY.keyId}).`);
      await page.locator('#gopt-catalog-url').focus();
      await page.keyboard.type(`${host.url}/catalog/catalog.json`);
      await page.keyboard.press('Enter');
      const alert = page.locator('[data-testid="catalog-feedback-error"]');
      // Plain news in the status region, news with problems in the alert region.
      const feedback = async () =>
        (await page.locator('[data-testid^="catalog-feedback-"]').allTextContents()).join(' ');
      await expect
        .poll(() => alert.textContent())
        .toContain(`Catalogue « ${CATALOG_NAME} » ajouté. 2 guides sont installés.`);
      // The guide changed after signing is refused with its message; the others are installed.
      expect(await alert.textContent()).toContain(
        'La signature du guide « fr.demo.modifie » est fausse : le guide a été modifié. Il est refusé.',
      );
      await expect
        .poll(() => installedItem(page, 'fr.demo.aide-logement').getAttribute('data-trust'))
        .toBe('verified');
      expect(await installedItem(page, 'fr.demo.emploi').getAttribute('data-trust')).toBe('unverified');
      expect(await installedItem(page, 'fr.demo.modifie').count()).toBe(0);
      expect(await axe(page, '[data-testid="options-guides"]')).toEqual([]);

      // A refresh is a conditional request: the server says nothing changed.
      const refresh = page.getByRole('button', { name: `Mettre à jour le catalogue « ${CATALOG_NAME} »` });
      await refresh.click();
      await expect.poll(feedback).toContain(`Catalogue « ${CATALOG_NAME} » : rien n’a changé.`);

      // The catalog's server stops: the saved copy is used, nothing is lost.
      await host.close();
      hostClosed = true;
      await refresh.click();
      await expect
        .poll(feedback)
        .toContain(`Catalogue « ${CATALOG_NAME} » : pas de connexion, la copie enregistrée est utilisée.`);
      await page.reload();
      await section(page).waitFor();
      await expect
        .poll(() => installedItem(page, 'fr.demo.aide-logement').getAttribute('data-trust'))
        .toBe('verified');
      // The catalogs' list loads on its own, after the installed guides: waited for, not read at once.
      await expect.poll(() => page.locator(`[data-testid="catalogs"] li`).count()).toBe(1);

      // The site (another server) offers the catalog's signed guide, verified.
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuidesTab(site);
      await expect
        .poll(() => site.locator('[data-testid="guide-title"]').textContent())
        .toBe('Demande d’aide au logement (démo) — catalogue signé');
      expect(await site.locator('[data-testid="guide-trust"]').textContent()).toContain(
        'Guide vérifié. Nous savons qui l’a écrit. Personne ne l’a changé.',
      );
      expect(await axe(site)).toEqual([]);

      // An unreachable catalog: plain message, nothing added.
      await page.bringToFront();
      await page.locator('#gopt-catalog-url').fill('http://127.0.0.1:9/catalog.json');
      await page.locator('#gopt-catalog-url').press('Enter');
      await expect
        .poll(() => alert.textContent())
        .toContain('Le catalogue n’a pas pu être chargé. Vérifiez l’adresse et la connexion.');
      // A catalog on a plain-http site elsewhere is refused before any request.
      await page.locator('#gopt-catalog-url').fill('http://guides.example.org/catalog.json');
      await page.locator('#gopt-catalog-url').press('Enter');
      await expect.poll(() => alert.textContent()).toContain('Cette adresse ne convient pas.');
      expect(await page.locator(`[data-testid="catalogs"] li`).count()).toBe(1);
      expect(await deepActive(page)).toMatchObject({ tag: 'input' });
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
      if (!hostClosed) await host.close();
    }
  });
});

describe('guides in the extension on a site that embeds the widget', () => {
  test('the widget hands its catalog and keys over: the extension’s panel offers the site’s guide', async () => {
    const session = await launch({ extension: true });
    try {
      const page = await session.context.newPage();
      await withCatalog(page, PUBKEY.publicKey);
      await page.goto(`${demo.url}/aide-logement/identite.html`);
      await openGuidesTab(page);
      await expect
        .poll(() => page.locator('[data-testid="guide-title"]').textContent())
        .toBe('Demande d’aide au logement (démo) — catalogue signé');
      expect(await page.locator('[data-testid="guide-trust"]').textContent()).toContain('Guide vérifié');
      // One panel on the page: the widget stood aside for the extension.
      expect(await panel(page).count()).toBe(1);
      expect(await page.locator('pasapas-aide').getAttribute('data-pasapas-state')).toBe('extension');
      expect(await axe(page)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('guides in the widget: the administration’s catalog', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('signed guides are verified with the configured key, unsigned ones are not, a tampered one is refused', async () => {
    const context = await browser.context();
    const page = await context.newPage();
    await withCatalog(page, PUBKEY.publicKey);
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await openGuidesTab(page);
    await expect
      .poll(() => page.locator('[data-testid="guide-title"]').textContent())
      .toBe('Demande d’aide au logement (démo) — catalogue signé');
    expect(await page.locator('[data-testid="guide-trust"]').textContent()).toContain('Guide vérifié');
    const problems = page.locator('[data-testid="guide-problems"]');
    await problems.locator('summary').click();
    expect(await problems.textContent()).toContain(
      'La signature du guide « fr.demo.modifie » est fausse : le guide a été modifié. Il est refusé.',
    );
    expect(await axe(page)).toEqual([]);

    await page.goto(`${demo.url}/emploi/identite.html`);
    await openGuidesTab(page);
    await expect
      .poll(() => page.locator('[data-testid="guide-title"]').textContent())
      .toBe('Inscription comme demandeur d’emploi (démo) — catalogue, non signé');
    // Unsigned, but from the site's own catalog: the site's own guide, not « non vérifié ».
    expect(await page.locator('[data-testid="guide-trust"]').textContent()).toContain('Guide de ce site');
    expect(browser.outside).toEqual([]);
    await context.close();
  });

  test('without the key nothing can be verified: the catalog’s guides are offered as the site’s own, never as « vérifié »', async () => {
    const context = await browser.context();
    const page = await context.newPage();
    await withCatalog(page, '');
    await page.goto(`${demo.url}/aide-logement/identite.html`);
    await launcher(page).waitFor();
    await page.keyboard.press('Alt+Shift+KeyP');
    // Two guides fit (without the key, the changed one cannot be told apart): the person chooses.
    const items = page.locator('.pp-guide-list > li');
    await expect.poll(() => items.count()).toBe(2);
    for (const text of await items.allTextContents()) {
      expect(text).toContain('Guide de ce site');
      expect(text).not.toContain('Guide vérifié');
    }
    await items
      .filter({ hasText: 'catalogue signé' })
      .getByRole('button', { name: 'Suivre ce guide' })
      .click();
    await expect
      .poll(() => page.locator('[data-testid="guide-title"]').textContent())
      .toBe('Demande d’aide au logement (démo) — catalogue signé');
    expect(await page.locator('[data-testid="guide-trust"]').textContent()).toContain('Guide de ce site');
    expect(await axe(page)).toEqual([]);
    expect(browser.outside).toEqual([]);
    await context.close();
  });
});
