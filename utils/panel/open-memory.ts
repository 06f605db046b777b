/**
 * Whether the panel was open on the previous page of this tab, so it opens again on the next page
 * of a procedure (a form's "Suivant" loads a new page) instead of looking as if the help had ended.
 * Kept per tab and per site, never longer than the tab:
 *
 * - the widget, which lives in the site's own page, keeps it in the site's `sessionStorage`;
 * - the extension keeps it in its own session storage, by tab, through the background: never where
 *   the page's script could read or forge it. The site's origin goes with it, so the panel does
 *   not follow the person onto another site.
 */

/** The widget's key in the site's sessionStorage. */
export const WIDGET_OPEN_KEY = 'pasapas:panel-open';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function widgetWasOpen(storage: StorageLike | undefined): boolean {
  try {
    return storage?.getItem(WIDGET_OPEN_KEY) === '1';
  } catch {
    return false; // blocked storage: the panel starts closed, as before
  }
}

export function rememberWidgetOpen(storage: StorageLike | undefined, open: boolean): void {
  try {
    if (open) storage?.setItem(WIDGET_OPEN_KEY, '1');
    else storage?.removeItem(WIDGET_OPEN_KEY);
  } catch {
    // blocked or full storage: the panel will not reopen by itself, nothing else is lost
  }
}

/** The extension's `storage.session`, as the background passes it. */
export type SessionArea = {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
};

const tabKey = (tabId: number) => `pasapas:panel-open:${tabId}`;

export function createOpenMemory(area: SessionArea) {
  return {
    /** True when the panel was left open in this tab, on a page of the same site. */
    async wasOpen(tabId: number, origin: string): Promise<boolean> {
      return (await area.get(tabKey(tabId))) === origin;
    },
    async remember(tabId: number, origin: string, open: boolean): Promise<void> {
      if (open) await area.set(tabKey(tabId), origin);
      else await area.remove(tabKey(tabId));
    },
    /** The tab closed. */
    forget(tabId: number): Promise<void> {
      return area.remove(tabKey(tabId));
    },
  };
}
