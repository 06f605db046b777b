/**
 * When the page script may load the panel that nobody has asked for yet: once the page has loaded.
 * The site's own loading comes first, and a navigation that cuts the panel's module loading short
 * crashes the tab in Firefox ESR (a Gecko bug, README « Firefox »): pages that move on before their
 * load event (redirects, sign-in hops) are where that happens. A page whose load never comes (a
 * request that hangs) is waited for `capMs` at most.
 */

/** The part of `window` this needs (a fake in unit tests). */
export type LoadingWindow = {
  document: { readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  removeEventListener(type: 'load', listener: () => void): void;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
};

export const PAGE_LOAD_CAP_MS = 3000;

export function whenPageLoaded(win: LoadingWindow, capMs = PAGE_LOAD_CAP_MS): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      win.removeEventListener('load', done);
      win.clearTimeout(timer);
      resolve();
    };
    const timer = win.setTimeout(done, capMs);
    win.addEventListener('load', done, { once: true });
  });
}
