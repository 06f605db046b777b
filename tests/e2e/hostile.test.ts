/**
 * A hostile site, end to end, in real Chromium with the built extension. The person saved answers
 * on one site (A); then, on another site (B), B's own script does everything it can reach of our
 * UI while the person opens the help there: walks every shadow root it can open and reads it,
 * clicks every button and link, forges the panel's shortcut, fetches every `blob:` link, frames our
 * pages, looks for an extension API. Our roots on the page are closed: it finds none of them, and
 * nothing of A's answers, address or title may reach it. (The test's own way into our closed roots,
 * closed-roots.ts, is kept out of the page's world here: `mainWorldRoots: false`.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LAUNCHER_LABELS } from '../../components/launcher';
import { type Demo, startDemoServer } from './demo';
import { launch, launcher, openPanelTab, panel, type Session } from './harness';

const SECRETS = {
  nom: 'Zorglubienne',
  prenom: 'Hectorine',
  numero_fiscal: '3023217600053',
};
/** The guide's title is public (the guides tab lists it on any site); a kept page's title is not. */
const TITLE = 'Demande d’aide au logement';
const KEPT_TITLE = 'politique de sécurité stricte';
const KEPT_VALUE = 'Sans-guide-Quentinelle';

let demo: Demo;
let session: Session;
let dir: string;
const errors: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'pasapas-hostile-'));
  session = await launch({ extension: true, profileDir: dir, mainWorldRoots: false });
});
afterAll(async () => {
  const outside = session ? [...session.outside] : [];
  await session?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
  expect(outside).toEqual([]);
});

/** Site A is the demo at 127.0.0.1; site B the same server reached as `localhost`: another origin. */
const siteB = () => demo.url.replace('127.0.0.1', 'localhost');

/**
 * What the page's own script can do, run in the page's world. It keeps what it finds in
 * `window.stolen`, and does it again each time it is called.
 */
async function sweep(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { stolen: string[]; blobs: string[] };
    w.stolen ??= [];
    w.blobs ??= [];
    const roots: (Document | ShadowRoot)[] = [];
    const walk = (root: Document | ShadowRoot) => {
      roots.push(root);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    for (const root of roots) {
      const top = root instanceof Document ? root.documentElement : root;
      w.stolen.push(top.textContent ?? '');
      for (const el of root.querySelectorAll(
        'input, textarea, select, [aria-label], [title], [href], [src]',
      )) {
        w.stolen.push(
          (el as HTMLInputElement).value ?? '',
          el.getAttribute('aria-label') ?? '',
          el.getAttribute('title') ?? '',
          el.getAttribute('href') ?? '',
          el.getAttribute('src') ?? '',
        );
        const href = el.getAttribute('href') ?? '';
        if (href.startsWith('blob:')) w.blobs.push(href);
      }
    }
    // Press everything it can reach (forged clicks), and the panel's shortcut (a forged key).
    for (const root of roots) {
      if (root === document) continue;
      for (const el of root.querySelectorAll<HTMLElement>('button, a, [role=tab], [role=button], summary'))
        el.click();
      for (const form of root.querySelectorAll('form'))
        form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
    document.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'P', code: 'KeyP', altKey: true, shiftKey: true, bubbles: true }),
    );
    for (const url of w.blobs) {
      try {
        w.stolen.push(await (await fetch(url)).text());
      } catch {
        // revoked or not ours to read
      }
    }
  });
}

const stolen = (page: Page) =>
  page.evaluate(() => (window as unknown as { stolen: string[] }).stolen.join('\n'));

describe('a hostile site', () => {
  test('finds nothing of another site’s answers, address or title in what it can reach of our UI', async () => {
    // Site A: the person types answers, kept by the extension.
    const a = await session.context.newPage();
    a.on('pageerror', (e) => errors.push(`A: ${e.message}`));
    await a.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    await a.locator('html[data-pasapas-progress]').waitFor({ state: 'attached', timeout: 20_000 });
    for (const [name, value] of Object.entries({ nom: SECRETS.nom, prenom: SECRETS.prenom }))
      await a.locator(`[name="${name}"]`).fill(value);
    await expect
      .poll(
        () =>
          a
            .locator('[data-pasapas-host="progress"]')
            .getAttribute('data-saved-at', { timeout: 500 })
            .catch(() => null),
        {
          timeout: 15_000,
        },
      )
      .not.toBeNull();
    // On A itself, its own procedure is listed: the list works, so an empty list on B means something.
    await openPanelTab(a, 'progress');
    await expect
      .poll(() => a.locator('[data-testid="progress-list"] > li').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await a.locator('[data-testid="progress-list"]').textContent()).toContain(TITLE);

    // Site B, another origin. Its script starts before the person opens anything.
    const b = await session.context.newPage();
    b.on('pageerror', (e) => errors.push(`B: ${e.message}`));
    await b.goto(`${siteB()}/plain.html?widget=0`);
    await launcher(b).waitFor();
    expect(new URL(b.url()).origin).not.toBe(new URL(a.url()).origin);
    // No extension API reaches the page's world.
    expect(
      await b.evaluate(
        () =>
          typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');

    // Forged clicks on the launcher and a forged shortcut do not open the help.
    await sweep(b);
    expect(
      await panel(b)
        .isVisible()
        .catch(() => false),
    ).toBe(false);

    // The person opens the help and "Mes démarches" themself; the page keeps sweeping.
    await openPanelTab(b, 'progress');
    await b.locator('[data-testid="progress-tab"]').waitFor();
    await b.locator('[data-testid="all-sites"]').waitFor();
    // This site has no procedure; the other site's is not here, and the tools for all sites neither.
    await b.locator('[data-testid="progress-empty"]').waitFor();
    expect(
      await b
        .locator('[data-testid="export-form"], [data-testid="import-form"], [data-action="delete-all"]')
        .count(),
    ).toBe(0);
    for (let round = 0; round < 3; round++) await sweep(b);
    // Every tab of the panel, opened by the person, swept each time.
    for (const tab of await b.locator('[role=tab][data-feature]').all()) {
      await tab.click();
      await sweep(b);
    }

    // The person opens all procedures: an extension tab, which the site cannot read.
    await openPanelTab(b, 'progress');
    const opened = session.context.waitForEvent('page');
    await b.locator('[data-action="open-demarches"]').click();
    const demarches = await opened;
    await demarches.waitForLoadState();
    expect(new URL(demarches.url()).protocol).toBe('chrome-extension:');
    await expect
      .poll(() => demarches.locator('[data-testid="progress-list"] > li').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await demarches.locator('[data-testid="progress-list"]').textContent()).toContain(TITLE);
    await sweep(b);

    // Our pages framed by the site: at the fixed address refused; at the real address (which the
    // test hands over, the page could not learn it) inert, never claimed.
    const dynamic = await session.context
      .serviceWorkers()[0]
      ?.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }
        ).chrome.runtime.getURL('/session.html'),
      );
    expect(dynamic).toBeTruthy();
    await b.evaluate(
      ([fixed, real]) => {
        for (const src of [fixed, `${real}?view=tab`]) {
          const frame = document.createElement('iframe');
          frame.src = src ?? '';
          frame.dataset.hostile = '';
          document.body.append(frame);
        }
      },
      [`chrome-extension://${session.extensionId}/session.html?view=tab`, dynamic as string],
    );
    const framed = () =>
      b.frames().find((f) => f.url().includes('/session.html?view=tab') && f.parentFrame() === b.mainFrame());
    await expect
      .poll(
        () =>
          framed()
            ?.evaluate(() =>
              document.querySelector('[data-testid="session-page"]')?.getAttribute('data-claimed'),
            )
            .catch(() => null) ?? null,
        { timeout: 20_000 },
      )
      .toBe('false');
    expect(await framed()?.locator('[data-testid="session-refused"]').count()).toBe(1);

    // Every host of ours on B keeps its root closed to the page: the panel, the launcher, the
    // guide's highlight (and the banner or reading view when they show).
    const hosts = await b.evaluate(() =>
      [...document.querySelectorAll('[data-pasapas-host]')].map((h) => ({
        kind: h.getAttribute('data-pasapas-host'),
        open: h.shadowRoot !== null,
      })),
    );
    expect(hosts.map((h) => h.kind)).toContain('page');
    expect(hosts.filter((h) => h.open)).toEqual([]);
    const text = await stolen(b);
    expect(text).toContain('médiathèque'); // it did read the page itself
    // …and nothing of our UI: not the launcher's label, nor the name of the tab the person opened.
    for (const ours of [LAUNCHER_LABELS.fr, 'Mes démarches']) expect(text).not.toContain(ours);
    for (const secret of [...Object.values(SECRETS), KEPT_VALUE, KEPT_TITLE, '127.0.0.1'])
      expect(text).not.toContain(secret);
    // The other site's answers are still there, untouched by the forged clicks.
    await a.bringToFront();
    await a.reload();
    await openPanelTab(a, 'progress');
    await expect
      .poll(() => a.locator('[data-testid="progress-list"] > li').count(), { timeout: 15_000 })
      .toBe(1);
    expect(errors).toEqual([]);
  });
});
