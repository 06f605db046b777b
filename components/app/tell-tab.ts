import { browser } from 'wxt/browser';

/**
 * Our extension pages and background talk to the script on a page by running a one-line function in
 * the extension's isolated world of that tab (the world the page script lives in, invisible to the
 * site), instead of `tabs.sendMessage`: so the page script needs no `runtime.onMessage` listener,
 * whose set-up costs about a millisecond on every page load.
 */
export const PAGE_HANDLE = '__pasapasPage';

export type PageMessage =
  | { type: 'pasapas:toggle' }
  | { type: 'pasapas:open' }
  /** The settings changed (popup, options page, another tab's panel): apply them again. */
  | { type: 'pasapas:settings' }
  /**
   * A command for one feature on the page (the popup's reading aloud, the side panel's guide, our
   * reading screens' fields and fill): the page script loads the panel if needed and hands it to
   * that feature's `command` (FeatureDefinition.command). The feature is a registered id.
   */
  | { type: 'pasapas:feature'; feature: string; command: unknown };

export type PageHandle = (message: PageMessage) => unknown;

/** The tab has no page script: a browser page (chrome://, the store) or a page not yet loaded. */
export class NoPageHelperError extends Error {
  readonly code = 'no-page-helper';
  constructor() {
    super('Pas à pas is not running in this tab');
  }
}

export async function tellTab(tabId: number, message: PageMessage): Promise<unknown> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // Runs in the tab: only its arguments reach it, nothing from this closure.
      func: async (key: string, msg: PageMessage) => {
        const handle = (globalThis as unknown as Record<string, PageHandle | undefined>)[key];
        return typeof handle === 'function' ? { value: (await handle(msg)) ?? null } : null;
      },
      args: [PAGE_HANDLE, message],
    });
  } catch {
    throw new NoPageHelperError();
  }
  const answer = results[0]?.result as { value: unknown } | null | undefined;
  if (!answer) throw new NoPageHelperError();
  return answer.value;
}

/** Every tab that may run the page script (web pages and files); the others are skipped quietly. */
export async function tellAllTabs(message: PageMessage): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*', 'file:///*'] });
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : tellTab(tab.id, message).catch(() => undefined))),
  );
}
