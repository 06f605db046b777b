/**
 * The studio signs and publishes (issue 12 item 1), keyboard only: a recorded guide exported and
 * accepted by `pasapas guide validate` with no edit, a signing key made in the extension (its
 * private part a non-extractable key object), the guide signed, the public key file and the
 * folder to publish downloaded; the folder served as it is from a web host and added, with the
 * public key, to a FRESH profile, where the guide shows « vérifié ». axe-core on the studio's
 * signing screen; nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGuideText } from '../../utils/guides/schema';
import { unzip } from '../unzip';
import { type Demo, startDemoServer } from './demo';
import { axe, launch, launcher, ROOT, tabTo } from './harness';
import { downloadBy, openStudio, pressButton, recordFields, startGuide } from './studio-helpers';

let demo: Demo;
let dir: string;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'pasapas-studio-publish-'));
});
afterAll(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/pasapas.js'), 'guide', ...args], { encoding: 'utf8' });
}

/** A static web host for the downloaded folder: its files as they are, on this machine. */
function host(files: Map<string, string>, prefix: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '');
    const body = files.get(`${prefix}${path}`);
    if (body === undefined) {
      res.writeHead(404).end('absent');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(Buffer.from(body, 'utf8'));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
        server,
      });
    }),
  );
}

describe('guide studio: sign and publish', () => {
  test('exported valid, signed with the extension’s key, published as a folder; verified in a fresh profile', async () => {
    const session = await launch({ extension: true });
    let served: { url: string; server: Server } | undefined;
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await launcher(site).waitFor();
      const side = await session.context.newPage();
      await openStudio(side, session.extensionId);
      await startGuide(side, 'Aide au logement : votre nom', 'France Services de démonstration');
      await recordFields(side, site, ['nom', 'prenom']);

      // Exported as it is: `pasapas guide validate` accepts it with no edit.
      const exported = await downloadBy(side, 'Vérifier et télécharger le guide');
      const plainFile = join(dir, exported.file.suggestedFilename());
      writeFileSync(plainFile, readFileSync(await exported.file.path()));
      const validate = cli('validate', plainFile);
      expect([validate.status, validate.stderr]).toEqual([0, '']);

      // No key yet: the studio offers to make one. Made by keyboard, once.
      const sign = side.locator('[data-testid="studio-sign"]');
      await sign.waitFor();
      expect(await sign.textContent()).toContain('Votre clé reste sur cet ordinateur.');
      expect(await axe(side)).toEqual([]);
      await pressButton(side, 'Créer ma clé de signature');
      const keyLine = side.locator('[data-testid="studio-key"]');
      await keyLine.waitFor();
      const keyId = /clé de signature : ([0-9a-f]{16})\./.exec((await keyLine.textContent()) ?? '')?.[1];
      expect(keyId).toMatch(/^[0-9a-f]{16}$/);
      // The browser protects it: no warning that the key is kept as bytes.
      expect(await sign.textContent()).not.toContain('ne protège pas');
      expect(await axe(side)).toEqual([]);

      // The signed guide, and the public key file: `pasapas guide verify` says « vérifié ».
      const signed = await downloadBy(side, 'Signer et télécharger le guide');
      const signedFile = join(dir, `signed-${signed.file.suggestedFilename()}`);
      writeFileSync(signedFile, readFileSync(await signed.file.path()));
      const signedJson = JSON.parse(readFileSync(signedFile, 'utf8'));
      expect(signedJson.signature).toMatchObject({ keyId, alg: 'Ed25519' });
      expect(parseGuideText(readFileSync(signedFile, 'utf8')).ok).toBe(true);
      const pub = await downloadBy(side, 'Télécharger ma clé publique');
      expect(pub.file.suggestedFilename()).toBe(`cle-publique-${keyId}.json`);
      const pubFile = join(dir, 'cle-publique.json');
      writeFileSync(pubFile, readFileSync(await pub.file.path()));
      const publicKey = JSON.parse(readFileSync(pubFile, 'utf8'));
      expect(publicKey).toMatchObject({ kind: 'pasapas-guide-public-key', keyId });
      const verify = cli('verify', signedFile, '--pubkey', pubFile);
      expect(verify.status).toBe(0);

      // The folder to publish: catalog.json, the signed guide, the public key, as one zip.
      const folder = await downloadBy(side, 'Télécharger le dossier à publier');
      expect(folder.file.suggestedFilename()).toBe(`${signedJson.id}-a-publier.zip`);
      const files = unzip(readFileSync(await folder.file.path()));
      const prefix = 'guides-a-publier/';
      expect([...files.keys()].sort()).toEqual(
        [
          `${prefix}LISEZMOI.txt`,
          `${prefix}catalog.json`,
          `${prefix}cle-publique.json`,
          `${prefix}guides/${signedJson.id}.json`,
        ].sort(),
      );
      expect(JSON.parse(files.get(`${prefix}cle-publique.json`) ?? '')).toEqual(publicKey);

      // Installed here: signed with our own key, which this computer trusts, so « vérifié ».
      await pressButton(side, 'Installer le guide sur cet ordinateur');
      await expect
        .poll(() => side.locator('[data-testid="studio-install-status"]').textContent())
        .toBe('Guide installé. Il s’affiche sur les pages de la démarche.');
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const mine = options.locator(`[data-testid="installed-guides"] li[data-guide-id="${signedJson.id}"]`);
      await expect.poll(() => mine.getAttribute('data-trust')).toBe('verified');
      expect(session.outside).toEqual([]);

      // Published: the folder served as it is.
      served = await host(files, prefix);
    } finally {
      await session.close();
    }

    // A FRESH profile (another mediator's computer): the public key trusted, the catalog added.
    const fresh = await launch({ extension: true });
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await page.locator('[data-testid="options-guides"]').waitFor();
      await page.locator('h1').click();
      await tabTo(page, (el) => el.tag === 'textarea', 80);
      await page.keyboard.type(readFileSync(join(dir, 'cle-publique.json'), 'utf8'));
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Ajouter la clé');
      await page.keyboard.press('Enter');
      const publicKey = JSON.parse(readFileSync(join(dir, 'cle-publique.json'), 'utf8'));
      await expect
        .poll(() => page.locator('[data-testid="key-feedback-ok"]').textContent())
        .toBe(`Clé ajoutée (${publicKey.keyId}).`);
      await page.locator('#gopt-catalog-url').focus();
      await page.keyboard.type(`${served?.url}catalog.json`);
      await page.keyboard.press('Enter');
      await expect
        .poll(async () =>
          (await page.locator('[data-testid^="catalog-feedback-"]').allTextContents()).join(' '),
        )
        .toContain('ajouté. 1 guide est installé.');
      const item = page.locator('[data-testid="installed-guides"] li[data-guide-id^="local."]');
      await expect.poll(() => item.getAttribute('data-trust')).toBe('verified');
      expect(await item.textContent()).toContain('État : vérifié');
      expect(fresh.outside).toEqual([]);
    } finally {
      await fresh.close();
      await new Promise((resolve) => served?.server.close(resolve));
    }
  }, 240_000);
});
