/**
 * Firefox's way into our closed shadow roots, as closed-roots.ts is Chromium's. WebDriver BiDi
 * serialises a host with its shadow root whatever its mode; from that shared id, the host gets a
 * `shadowRoot` property returning its root in the page's world and in Puppeteer's isolated one,
 * so `pierce/` selectors reach our UI. Called before each query: a root drawn later (the panel
 * replaces the launcher's content, the banner comes and goes) is given on the next call.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { vi } from 'vitest';

type NodeValue = {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } };
};
type CoreRealm = {
  callFunction(
    declaration: string,
    awaitPromise: boolean,
    options: { this?: { sharedId: string }; arguments?: { sharedId: string }[] },
  ): Promise<unknown>;
};
type Internal = {
  remoteValue(): NodeValue;
};
type FrameRealms = { mainRealm(): { realm: CoreRealm }; isolatedRealm(): { realm: CoreRealm } };

const GIVE =
  "function (root) { Object.defineProperty(this, 'shadowRoot', { get: () => root, configurable: true }); }";

export async function exposeClosedRoots(page: Page): Promise<void> {
  const frame = page.mainFrame() as unknown as FrameRealms;
  const realms = [frame.mainRealm().realm, frame.isolatedRealm().realm];
  for (const host of await page.$$('[data-pasapas-host]')) {
    const node = (host as unknown as Internal).remoteValue();
    const root = node.value?.shadowRoot;
    if (!node.sharedId || !root?.sharedId || root.value?.mode !== 'closed') continue;
    for (const realm of realms)
      await realm.callFunction(GIVE, false, {
        this: { sharedId: node.sharedId },
        arguments: [{ sharedId: root.sharedId }],
      });
  }
}

/** Waits (polling) until `selector` matches inside our UI, closed roots included. */
export async function pierce(page: Page, selector: string): Promise<ElementHandle<Element>> {
  return vi.waitFor(
    async () => {
      await exposeClosedRoots(page);
      const found = await page.$(`pierce/${selector}`);
      if (!found) throw new Error(`${selector} not on the page yet`);
      return found;
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** Waits (polling) until nothing matches `selector` in our UI any more. */
export async function pierceGone(page: Page, selector: string): Promise<void> {
  await vi.waitFor(
    async () => {
      await exposeClosedRoots(page);
      if (await page.$(`pierce/${selector}`)) throw new Error(`${selector} still on the page`);
    },
    { timeout: 30_000, interval: 100 },
  );
}
