/**
 * Erasure that holds on disk, in Firefox (Debian's firefox-esr, driven over WebDriver BiDi with
 * puppeteer-core as in firefox.test.ts): answers typed on the demo procedure are saved by the
 * extension's background, "Supprimer tout" is pressed in the options page, Firefox is closed, and
 * every file of the profile is searched byte by byte (UTF-8, UTF-16LE, Latin-1) for each typed
 * value and for the data key read before the wipe.
 *
 * Firefox's BiDi hides extension pages (bug 1755014) and refuses to navigate to them unless the
 * remote agent is started with `--remote-allow-system-access`; with it, a tab navigated to
 * `moz-extension://<uuid>/options.html` can be scripted and clicked like any page, though its
 * navigation events are not reported (hence `navigate(…, 'none')` and a poll). The extension's
 * UUID is fixed by the pref `extensions.webextensions.uuids`, so the test knows where its storage
 * is: `storage/default/moz-extension+++<uuid>/` (IndexedDB in `idb/*.sqlite`, OPFS in `fs/`) and
 * `…^userContextId=4294967295/` (`storage.local`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import {
  extensionDirs,
  firefoxWithExtension,
  extensionPage as openExtensionPage,
  UUID,
  watchedPage,
} from './firefox-harness';
import { pierce } from './firefox-roots';
import { encodings, find, outsideSessionRestore } from './profile-search';

const TYPED = {
  nom: 'Oudjane-Kerbrat',
  prenom: 'Yasminetta',
  nir: '185057800608436',
  email: 'y.oudjane-kerbrat@exemple.fr',
  telephone: '0698765432',
};
/** Written in clear into the extension's own IndexedDB and never deleted: the search must find it. */
const CANARY = 'pasapas-canary-7Qz4vX1m';

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

const firefox = (dir: string, prefs: Record<string, unknown> = {}) => firefoxWithExtension(dir, { prefs });
const newPage = (browser: Browser) => watchedPage(browser, outside);
const extensionPage = (browser: Browser, path: string) => openExtensionPage(browser, path, outside);

function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-ff-at-rest-'));
  dirs.push(dir);
  return dir;
}

const typedNeedles = (): Record<string, Buffer> =>
  Object.assign({}, ...Object.entries(TYPED).map(([name, value]) => encodings(name, value)));
/** Counts of the progress rows and the databases of the extension's origin. */
function storageState(page: Page) {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    if (!databases.includes('pasapas')) return { databases, procedures: 0, fieldValues: 0 };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pasapas');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve) => {
        if (!db.objectStoreNames.contains(name)) return resolve(0);
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
      });
    const out = { databases, procedures: await count('procedures'), fieldValues: await count('fieldValues') };
    db.close();
    return out;
  });
}

/** The data key, base64: from OPFS, else from the IndexedDB fallback `pasapas-keys`. */
function dataKey(page: Page) {
  return page.evaluate(async () => {
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    try {
      const root = await navigator.storage.getDirectory();
      const file = await (await root.getFileHandle('pasapas-data-key')).getFile();
      return { where: 'opfs', key: b64(new Uint8Array(await file.arrayBuffer())) };
    } catch {
      // no OPFS, or no key file there
    }
    if (!(await indexedDB.databases()).some((d) => d.name === 'pasapas-keys'))
      return { where: 'none', key: null };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pasapas-keys');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve) => {
      if (!db.objectStoreNames.contains('keys')) return resolve(null);
      const req = db.transaction('keys').objectStore('keys').get('pasapas-data-key');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
    });
    db.close();
    return value instanceof Uint8Array
      ? { where: 'indexeddb', key: b64(value) }
      : { where: 'indexeddb, no key', key: null };
  });
}

/** A clear value in a database of the extension's origin that nothing deletes. */
function writeCanary(page: Page) {
  return page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('pasapas-test-canary', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('s');
        req.onsuccess = () => {
          const tx = req.result.transaction('s', 'readwrite');
          tx.objectStore('s').put({ value }, 'canary');
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    CANARY,
  );
}

/** Types like a person (input events) on the demo procedure and waits until the background saved it. */
async function typeAndWaitSaved(browser: Browser, admin: Page): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
  await pierce(page, '[data-pasapas="launcher"]');
  await page.waitForSelector('html[data-pasapas-progress]', { timeout: 20_000 });
  for (const [name, value] of Object.entries(TYPED)) await page.locator(`[name="${name}"]`).fill(value);
  await page.waitForFunction(
    () => !!document.querySelector('[data-pasapas-host="progress"]')?.getAttribute('data-saved-at'),
    { timeout: 15_000 },
  );
  await expect
    .poll(async () => (await storageState(admin)).fieldValues, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(Object.keys(TYPED).length);
  return page;
}

/** "Supprimer tout" and its confirmation, in a freshly opened options page. */
async function wipeAll(browser: Browser): Promise<Page> {
  const options = await extensionPage(browser, 'options.html');
  await options.locator('[data-action="wipe-all"]').click();
  await options.locator('[data-action="wipe-yes"]').click();
  await expect
    .poll(() => storageState(options), { timeout: 10_000 })
    .toMatchObject({ procedures: 0, fieldValues: 0 });
  return options;
}

/**
 * Leaves the procedure page before closing: Firefox's session restore keeps the form of an open
 * tab in `sessionstore.jsonlz4`, the browser's copy of the site's form, not ours; navigating away
 * usually drops it, but a periodic write may still hold it (profile-search.ts).
 */
async function leave(page: Page) {
  await page.goto(`${demo.url}/plain.html`);
}

describe('nothing readable left on disk (Firefox)', () => {
  test('ordinary computer: the key is an OPFS file; after "Supprimer tout" and closing Firefox, no typed value and no key byte is in the profile', async () => {
    const dir = profile();
    const browser = await firefox(dir);
    const admin = await extensionPage(browser, 'options.html');
    const page = await typeAndWaitSaved(browser, admin);
    await writeCanary(admin);

    // Where Firefox keeps the key: a plain file of the extension's OPFS, no IndexedDB fallback.
    const { where, key } = await dataKey(admin);
    expect(where).toBe('opfs');
    expect((await storageState(admin)).databases).toEqual(['pasapas', 'pasapas-test-canary']);
    const rawKey = Buffer.from(key ?? '', 'base64');
    expect(rawKey.length).toBe(64);
    const keyNeedles = { 'data key': rawKey, 'data key base64': Buffer.from(key ?? '') };
    const { extDir, localDir } = extensionDirs(dir);
    const keyHits = find(dir, keyNeedles, join(extDir, 'fs'));
    expect(keyHits).toHaveLength(1);
    expect(keyHits[0]).toMatch(
      new RegExp(`^data key in /storage/default/moz-extension\\+\\+\\+${UUID}/fs/\\w+/\\w+$`),
    );
    // Before the wipe, with Firefox running: the extension's storage holds the answers sealed only.
    expect([...find(dir, typedNeedles(), extDir), ...find(dir, typedNeedles(), localDir)]).toEqual([]);

    await wipeAll(browser);
    expect(await dataKey(admin)).toEqual({ where: 'none', key: null });
    await leave(page);
    await browser.close();

    expect(outsideSessionRestore(find(dir, typedNeedles()))).toEqual([]);
    expect(find(dir, keyNeedles)).toEqual([]);
    // The search sees the extension's storage after Firefox closed (a clear value left in its
    // IndexedDB is found) and the browser's own files (the demo page's title in the history).
    expect(find(dir, encodings('canary', CANARY), extDir).length).toBeGreaterThan(0);
    expect(
      find(dir, encodings('page title', 'Votre identité')).some((h) => h.includes('places.sqlite')),
    ).toBe(true);
  }, 180_000);

  test('OPFS turned off (dom.fs.enabled false): the key falls back to IndexedDB; the wipe deletes that database whole and nothing is left on disk', async () => {
    const dir = profile();
    const browser = await firefox(dir, { 'dom.fs.enabled': false });
    const admin = await extensionPage(browser, 'options.html');
    const page = await typeAndWaitSaved(browser, admin);
    const { where, key } = await dataKey(admin);
    expect(where).toBe('indexeddb');
    expect((await storageState(admin)).databases).toEqual(['pasapas', 'pasapas-keys']);
    const rawKey = Buffer.from(key ?? '', 'base64');
    expect(rawKey.length).toBe(64);
    // The key record is in that database's SQLite file (snappy leaves random bytes as they are).
    const { extDir } = extensionDirs(dir);
    expect(find(dir, { 'data key': rawKey }, extDir).length).toBeGreaterThan(0);

    await wipeAll(browser);
    // A deleted record would stay in Firefox's SQLite file (secure_delete is off for IndexedDB):
    // the fallback deletes the whole database, whose file Firefox unlinks.
    expect((await storageState(admin)).databases).toEqual(['pasapas']);
    await leave(page);
    await browser.close();

    expect(outsideSessionRestore(find(dir, typedNeedles()))).toEqual([]);
    expect(find(dir, { 'data key': rawKey, 'data key base64': Buffer.from(key ?? '') })).toEqual([]);
  }, 180_000);
});
