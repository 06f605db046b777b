/**
 * Erasure that holds on disk, in real Chromium: answers typed on the demo procedure are saved,
 * then wiped (or public-computer mode is turned on over them), the browser is closed, and the
 * whole profile directory is searched byte by byte for each typed value (UTF-8, UTF-16LE and
 * Latin-1, the encodings LevelDB and V8's serializer use) and for the data key read before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Demo, startDemoServer } from './demo';
import { launch, launcher, type Session } from './harness';
import { encodings, find, outsideSessionRestore } from './profile-search';

const TYPED = {
  titulaire: 'Yasmina Benali-Oudjane',
  iban: 'FR7630006000011234567890189',
  bic: 'CCBPFRPPMTG',
};
const PIN = '482193';

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

function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-at-rest-'));
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

const typedNeedles = () =>
  Object.assign({}, ...Object.entries(TYPED).map(([name, value]) => encodings(name, value)));

/** An extension page of ours, where the test reads the extension's own storage. */
async function extensionPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

/** Counts of the progress rows, read raw from the extension's IndexedDB. */
function rowCounts(page: Page) {
  return page.evaluate(async () => {
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
    const out = { procedures: await count('procedures'), fieldValues: await count('fieldValues') };
    db.close();
    return out;
  });
}

/** A key file of the extension's origin private file system, base64, or null. */
function keyFile(page: Page, name: string) {
  return page.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    try {
      const bytes = new Uint8Array(await (await (await root.getFileHandle(file)).getFile()).arrayBuffer());
      return btoa(String.fromCharCode(...bytes));
    } catch {
      return null;
    }
  }, name);
}

/** A progress call as the options page makes it. */
function call(page: Page, method: string, args: unknown[] = []) {
  return page.evaluate(
    ([m, a]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'progress:call', method: m, args: a }),
    [method, args] as const,
  );
}

/** Types the bank details like a person and waits until the extension holds them. */
async function typeAndWaitSaved(session: Session, admin: Page) {
  const page = await session.context.newPage();
  await page.goto(`${demo.url}/aide-logement/banque.html?widget=0`);
  await launcher(page).waitFor();
  await page.locator('html[data-pasapas-progress]').waitFor({ state: 'attached', timeout: 20_000 });
  for (const [name, value] of Object.entries(TYPED)) await page.locator(`[name="${name}"]`).fill(value);
  await expect
    .poll(async () => (await rowCounts(admin)).fieldValues, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(Object.keys(TYPED).length);
  // The browser keeps the form's state for session restore: leave the page before closing.
  await page.close();
}

describe('nothing readable left on disk (Chromium)', () => {
  test('ordinary computer: after "Supprimer tout" and closing the browser, no typed value and no data key is in the profile', async () => {
    const dir = profile();
    const session = await extension(dir);
    const admin = await extensionPage(session);
    await typeAndWaitSaved(session, admin);
    const key = await keyFile(admin, 'pasapas-data-key');
    expect(key).not.toBeNull();
    await admin.reload();
    await admin.locator('[data-action="wipe-all"]').click();
    await admin.locator('[data-action="wipe-yes"]').click();
    await expect.poll(() => rowCounts(admin), { timeout: 10_000 }).toEqual({ procedures: 0, fieldValues: 0 });
    expect(await keyFile(admin, 'pasapas-data-key')).toBeNull();
    await session.close();

    const rawKey = Buffer.from(key ?? '', 'base64');
    expect(rawKey.length).toBe(64);
    // No typed value outside the browser's own session restore (see profile-search.ts), and the
    // key nowhere at all.
    expect(outsideSessionRestore(find(dir, typedNeedles()))).toEqual([]);
    expect(find(dir, { 'data key': rawKey, 'data key base64': Buffer.from(key ?? '') })).toEqual([]);
  }, 120_000);

  test('public computer turned on over saved answers: the raw key is unlinked and no typed value is in the profile; wiping unlinks the wrapped key', async () => {
    const dir = profile();
    const session = await extension(dir);
    const admin = await extensionPage(session);
    await typeAndWaitSaved(session, admin);
    const key = await keyFile(admin, 'pasapas-data-key');
    expect(key).not.toBeNull();
    await call(admin, 'setPublicComputer', [{ enabled: true, idleMinutes: 10, maxHours: 8 }]);
    expect(await call(admin, 'choosePin', [PIN])).toMatchObject({ ok: true });
    expect(await keyFile(admin, 'pasapas-data-key')).toBeNull();
    const wrapped = await keyFile(admin, 'pasapas-vault-key');
    expect(wrapped).not.toBeNull();
    await session.close();

    const rawKey = Buffer.from(key ?? '', 'base64');
    expect(outsideSessionRestore(find(dir, typedNeedles()))).toEqual([]);
    expect(find(dir, { 'old data key': rawKey })).toEqual([]);

    // Next day: the session ends; the wrapped key goes too.
    const again = await extension(dir);
    const admin2 = await extensionPage(again);
    expect(await call(admin2, 'wipe')).toMatchObject({ ok: true, value: { nothingLeft: true } });
    expect(await keyFile(admin2, 'pasapas-vault-key')).toBeNull();
    await again.close();
    const wrappedCt = JSON.parse(Buffer.from(wrapped ?? '', 'base64').toString('utf8')).wrapped.ct as string;
    expect(outsideSessionRestore(find(dir, typedNeedles()))).toEqual([]);
    expect(find(dir, { 'wrapped key': Buffer.from(wrappedCt) })).toEqual([]);
  }, 180_000);
});
