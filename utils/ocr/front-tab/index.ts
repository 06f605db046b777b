/**
 * Which tab a reading done in the side panel may fill or shoot: only the tab the person had in front when
 * the reading started, while it is still the one in front and still shows the same site. A person who
 * switched to another tab, or whose tab moved to another site, gets a plain refusal instead of a fill into
 * a page they are not looking at.
 */

/** What we know of a tab (a subset of the browser's tabs.Tab, so this stays framework-free). */
export type TabInfo = { id?: number; active?: boolean; url?: string; lastAccessed?: number };

/** The tab a reading belongs to, recorded when it starts. */
export type ReadingTab = { tabId: number; site: string };

export type FrontTabCode = 'no-page' | 'tab-changed' | 'site-changed' | 'not-shown';

export type FrontTabCheck = { ok: true; tabId: number } | { ok: false; code: FrontTabCode };

/** A refusal, for code that throws (the side panel's bridge); `code` says which rule refused. */
export class FrontTabError extends Error {
  readonly code: FrontTabCode;
  constructor(code: FrontTabCode) {
    super(`OCR target refused: ${code}`);
    this.name = 'FrontTabError';
    this.code = code;
  }
}

/**
 * The site a tab shows: its origin for web pages; the file's address for a local file (all files share
 * the origin "null"). Undefined for pages we never fill (browser pages, extension pages, no address).
 */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === 'file:') return `file://${parsed.pathname}`;
  return undefined;
}

/**
 * The tab in front of the side panel's window: the active tab. When the side panel is itself that tab
 * (opened as a tab), the tab used just before it, as the side panel's guides do.
 */
export function frontTab(tabs: readonly TabInfo[], selfId?: number): TabInfo | undefined {
  const active = tabs.find((t) => t.active);
  if (!active || active.id === undefined) return undefined;
  if (selfId === undefined || active.id !== selfId) return active;
  return tabs
    .filter((t) => t.id !== undefined && t.id !== selfId)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** What to record when a reading starts; undefined when the tab in front is no page we can fill. */
export function recordReadingTab(front: TabInfo | undefined): ReadingTab | undefined {
  const site = siteOf(front?.url);
  if (front?.id === undefined || site === undefined) return undefined;
  return { tabId: front.id, site };
}

/**
 * May the values go to the recorded tab now? `front` is the tab in front at this moment (see frontTab).
 * With `shown`, the recorded tab must also be the one its window displays (a capture shoots what is
 * displayed, so the side panel opened as a tab must not be shot instead).
 */
export function checkReadingTab(
  recorded: ReadingTab | undefined,
  front: TabInfo | undefined,
  options: { shown?: boolean } = {},
): FrontTabCheck {
  if (!recorded) return { ok: false, code: 'no-page' };
  if (front?.id !== recorded.tabId) return { ok: false, code: 'tab-changed' };
  if (siteOf(front.url) !== recorded.site) return { ok: false, code: 'site-changed' };
  if (options.shown && !front.active) return { ok: false, code: 'not-shown' };
  return { ok: true, tabId: recorded.tabId };
}

/** The check as data sent between extension pages: only a known code passes. */
export function parseRefusal(value: unknown): FrontTabCode | undefined {
  const code = (value as { refused?: unknown } | null | undefined)?.refused;
  return code === 'no-page' || code === 'tab-changed' || code === 'site-changed' || code === 'not-shown'
    ? code
    : undefined;
}

export { catalogs as frontTabCatalogs, message as frontTabMessage } from './messages';
