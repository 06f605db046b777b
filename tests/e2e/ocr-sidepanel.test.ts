/**
 * Reading a document in the extension's side panel (opened here as a tab, as the person's side panel would
 * show it): the engine runs in the side panel itself, the values go only to the tab in front when the reading
 * started, and a fill after the person moved to another tab or another site is refused plainly, losing nothing.
 * Keyboard only, every request outside localhost blocked.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { frontTabCatalogs } from '../../utils/ocr/front-tab/index';
import { renderOne } from '../fixtures/ocr-docs/render';
import { type Demo, startDemoServer } from './demo';
import { axe, deepActive, launch, launcher, tabTo } from './harness';

const IBAN = 'FR7630006000011234567890189';
const BIC = 'AGRIFRPP';
const READ_TIMEOUT = 120_000;

let demo: Demo;
let rib = '';
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  rib = (await renderOne('rib', 'clean')).path;
});
afterAll(async () => {
  await demo?.close();
});

/** Space on the focused file input opens the chooser (the listener is armed first). */
async function chooseByKeyboard(page: Page) {
  page.on('filechooser', () => {});
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 15_000 }),
    page.keyboard.press('Space'),
  ]);
  return chooser;
}

/**
 * The person comes back to the side panel after looking at `tab` (the side panel follows the last tab used):
 * waits until the browser itself says so, the way the background picks the tab in front (utils/ocr/front-tab).
 */
async function lookAt(tab: Page, side: Page) {
  type Tab = { id?: number; active?: boolean; url?: string; lastAccessed?: number; windowId?: number };
  type Tabs = { getCurrent(): Promise<Tab | undefined>; query(q: object): Promise<Tab[]> };
  const front = () =>
    side.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
      const self = await tabs.getCurrent();
      const all = await tabs.query({ windowId: self?.windowId });
      const active = all.find((t) => t.active);
      if (active?.id !== self?.id) return { self: false, url: active?.url };
      const last = all
        .filter((t) => t.id !== self?.id)
        .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      return { self: true, url: last?.url };
    });
  await tab.bringToFront();
  await expect.poll(front).toEqual({ self: false, url: tab.url() });
  await side.bringToFront();
  await expect.poll(front).toEqual({ self: true, url: tab.url() });
}

describe('OCR in the side panel', () => {
  test('a RIB read by keyboard in the side panel fills the bank page; a fill after moving to another tab or site is refused plainly', async () => {
    const session = await launch({ extension: true });
    try {
      const site = await session.context.newPage();
      const bankUrl = `${demo.url}/aide-logement/banque.html?widget=0`;
      await site.goto(bankUrl);
      await launcher(site).waitFor();
      const side = await session.context.newPage();
      const workers: string[] = [];
      side.on('worker', (w) => workers.push(w.url()));
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);

      // Keyboard only: to the tab list, then along it to "Lire un document".
      await side.locator('[role=tab][data-feature="ocr"]').waitFor({ timeout: 10_000 });
      await tabTo(side, (el) => el.role === 'tab');
      for (let i = 0; i < 8 && (await deepActive(side))?.id !== 'pp-tab-ocr'; i++)
        await side.keyboard.press('ArrowRight');
      expect(await deepActive(side)).toMatchObject({ id: 'pp-tab-ocr' });
      await side.keyboard.press('Enter');
      await side.locator('[data-testid="ocr-file"]').waitFor();
      // The side panel reads in itself: no frame.
      expect(await side.locator('iframe').count()).toBe(0);
      expect(await axe(side)).toEqual([]);

      // "Lire la page affichée": the tab displayed is the side panel page itself, not the form: never shot.
      await side.locator('[data-action="ocr-capture"]').click();
      await expect
        .poll(() => side.locator('[data-testid="ocr-message"]').textContent())
        .toBe(
          'Impossible de prendre la page en photo. Enregistrez-la en image ou en PDF, puis choisissez ce fichier.',
        );
      expect(await side.locator('[data-testid="ocr-doctype"]').count()).toBe(0);

      // The file picker by keyboard (focus came back to it with the message).
      await side.locator('#pp-ocr-file').focus();
      expect(await deepActive(side)).toMatchObject({ id: 'pp-ocr-file' });
      const chooser = await chooseByKeyboard(side);
      await chooser.setFiles(rib);
      await side.locator('[data-testid="ocr-doctype"]').waitFor({ timeout: READ_TIMEOUT });
      expect(await side.locator('[data-testid="ocr-doctype"]').textContent()).toContain('RIB');
      // Prepared in the extension's own preprocessing worker, engine from the extension's files.
      expect(
        workers.some((url) => /^chrome-extension:\/\/[a-z]+\/assets\/worker-[\w-]+\.js$/.test(url)),
      ).toBe(true);
      const iban = side.locator('.pp-ocr-field[data-kind="iban"]');
      expect(await iban.locator('input').inputValue()).toBe(IBAN);
      expect(await iban.getAttribute('data-valid')).toBe('true');
      // The bank page's fields, offered from the page in front, suggested from their labels.
      expect(await iban.locator('select').inputValue()).toContain('iban');
      expect(await side.locator('.pp-ocr-field[data-kind="bic"] select').inputValue()).toContain('bic');
      // Nothing filled before "Remplir".
      expect(await site.locator('input[name="iban"]').inputValue()).toBe('');
      expect(await axe(side)).toEqual([]);

      // The person looked at another site's tab, then pressed "Remplir": refused plainly, nothing filled.
      const other = await session.context.newPage();
      await other.goto(`${demo.url.replace('127.0.0.1', 'localhost')}/plain.html?widget=0`);
      await lookAt(other, side);
      await tabTo(side, (el) => el.tag === 'button' && el.text.startsWith('Remplir'));
      await side.keyboard.press('Enter');
      const refusal = side.locator('[data-testid="ocr-result-message"]');
      await expect.poll(() => refusal.textContent()).toBe(frontTabCatalogs.fr['ocr.front.tab-changed']);
      expect(await refusal.getAttribute('role')).toBe('alert');
      expect(await site.locator('input[name="iban"]').inputValue()).toBe('');
      // Nothing lost: the values are still there, focus still on "Remplir".
      expect(await iban.locator('input').inputValue()).toBe(IBAN);
      expect((await deepActive(side))?.text).toMatch(/^Remplir/);
      expect(await axe(side)).toEqual([]);
      // Pressed again: the same refusal is a new alert, so screen readers say it again.
      await side.evaluate(() => {
        const w = window as unknown as { alerts: number };
        w.alerts = 0;
        for (const host of document.querySelectorAll('[data-pasapas-host]'))
          new MutationObserver((records) => {
            for (const r of records)
              for (const n of r.addedNodes)
                if (n instanceof Element && n.matches('[role="alert"][data-testid="ocr-result-message"]'))
                  w.alerts++;
          }).observe(host.shadowRoot ?? host, { childList: true, subtree: true });
      });
      await side.keyboard.press('Enter');
      await expect.poll(() => side.evaluate(() => (window as unknown as { alerts: number }).alerts)).toBe(1);
      expect(await refusal.textContent()).toBe(frontTabCatalogs.fr['ocr.front.tab-changed']);

      // Back on the form's tab, but it moved to another site: refused too.
      await site.goto(`${demo.url.replace('127.0.0.1', 'localhost')}/aide-logement/banque.html?widget=0`);
      await launcher(site).waitFor();
      await lookAt(site, side);
      await side.keyboard.press('Enter');
      await expect.poll(() => refusal.textContent()).toBe(frontTabCatalogs.fr['ocr.front.site-changed']);
      expect(await site.locator('input[name="iban"]').inputValue()).toBe('');

      // Back on the form's site in that tab (a fresh page: the panel loads to take the values): filled.
      await site.goto(bankUrl);
      await launcher(site).waitFor();
      await lookAt(site, side);
      await side.keyboard.press('Enter');
      await expect
        .poll(() => side.locator('[data-testid="ocr-filled"]').textContent(), { timeout: 10_000 })
        .toMatch(/(case est remplie|cases sont remplies)/);
      expect(await site.locator('input[name="iban"]').inputValue()).toBe(IBAN);
      expect(await site.locator('input[name="bic"]').inputValue()).toBe(BIC);
      expect(await other.locator('body').textContent()).not.toContain(IBAN);
      expect(await axe(side)).toEqual([]);

      // Only our side panel page may ask: another page of the extension gets nothing, fills nothing.
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const answer = await popup.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          type: 'pasapas:ocr-side',
          action: 'fill',
          items: [{ targetKey: 'x', value: 'FR0000PIRATE' }],
        }),
      );
      // Refused by the message table's sender policy before any handler runs (utils/messaging/protocol.ts).
      expect(answer).toEqual({ refused: 'sender' });
      expect(await site.locator('input[name="iban"]').inputValue()).not.toContain('PIRATE');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
