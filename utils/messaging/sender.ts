/**
 * Who sent a message to the background, in our terms. The browser fills `sender` itself (the
 * page cannot forge it), but it says two very different things with the same fields: a content
 * script's `url` is the web page's address, an extension page's is our own. Every sender policy
 * starts from this one reading.
 */

/** The fields of `runtime.MessageSender` we read (Chrome and Firefox both fill them). */
export type RawSender = {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; windowId?: number };
};

export type Caller =
  /** Our script on a web page (top frame only): it speaks for that page's origin, nothing more. */
  | { kind: 'content'; tabId: number; frameId: number; origin: string }
  /**
   * One of our extension pages, by path (`/options.html`). Framed in a web page (our OCR or PIN
   * frame) it has a tab and a frame id; opened as a tab it has a tab; the side panel and popup have none.
   */
  | { kind: 'page'; path: string; tabId?: number; frameId?: number; windowId?: number };

export type Self = {
  /** `runtime.id`. */
  id: string;
};

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);
const WEB_SCHEMES = new Set(['http:', 'https:', 'file:']);

function parse(url: string | undefined): URL | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Reads a sender, or returns null for anything that is not ours: another extension, a web page
 * reaching us some other way, a content script in a sub-frame (ours only runs in top frames), a
 * sender without a tab where one is needed.
 */
export function classifySender(sender: RawSender, self: Self): Caller | null {
  if (sender.id !== self.id) return null;
  const url = parse(sender.url);
  if (!url) return null;
  if (EXTENSION_SCHEMES.has(url.protocol)) {
    // Our own id only: with `use_dynamic_url` the host may be a per-session id, so the sender's
    // `id` (filled by the browser) is what proves it is ours, not the address.
    const caller: Caller = { kind: 'page', path: url.pathname };
    if (typeof sender.tab?.id === 'number') caller.tabId = sender.tab.id;
    if (typeof sender.tab?.windowId === 'number') caller.windowId = sender.tab.windowId;
    if (typeof sender.frameId === 'number') caller.frameId = sender.frameId;
    return caller;
  }
  if (!WEB_SCHEMES.has(url.protocol)) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return null;
  // Our page script is declared for top frames only: a sub-frame cannot be ours.
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  return { kind: 'content', tabId, frameId: 0, origin: url.origin };
}
