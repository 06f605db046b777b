/**
 * OCR relays. The reading happens in our `ocr.html`, framed in the page's panel (or in the camera window
 * we open); it reaches the page's content script only through here, with the tab taken from the sender or
 * from our own record of the camera window (never from the message). ocr.html is web-accessible: any site
 * that learns its address can frame it. So only the frame our page script armed and that claimed with the
 * armed token (utils/messaging/frame-claims.ts), or the camera window we opened, is listened to.
 */
import { type Browser, browser } from 'wxt/browser';
import { OCR_FRAME_CLAIMS } from '../../../utils/messaging/protocol';
import {
  checkReadingTab,
  frontTab,
  type ReadingTab,
  recordReadingTab,
} from '../../../utils/ocr/front-tab/index';
import { sessionFrameClaims } from '../../app/background/session-claims';
import { tellTab } from '../../app/tell-tab';
import { defineBackgroundPart, type Sender } from '../define-background';
import { OCR_MESSAGES } from './protocol';

/**
 * Our ocr.html at the extension's own origin. Not `runtime.getURL('/ocr.html')`: with use_dynamic_url that
 * is the per-session address, which Chrome redirects to this one (the frame's `sender.url`).
 */
const ownOrigin = () => new URL(browser.runtime.getURL('/')).origin;
const ocrPage = () => `${ownOrigin()}/ocr.html`;

const claims = sessionFrameClaims(OCR_FRAME_CLAIMS);

/** Sender check for `arm`: our page script in the top frame of a web page's tab. */
function pageScriptTab(sender: Sender): number | undefined {
  if (sender.id !== browser.runtime.id || sender.frameId !== 0 || sender.tab?.id === undefined)
    return undefined;
  const protocol = sender.url ? new URL(sender.url).protocol : '';
  return protocol === 'http:' || protocol === 'https:' || protocol === 'file:' ? sender.tab.id : undefined;
}

/** The tab holding our ocr.html (framed, or the camera window's tab), or undefined for anything else. */
function ocrFrameTab(sender: Sender): Browser.tabs.Tab | undefined {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !sender.url) return undefined;
  const url = new URL(sender.url);
  if (url.origin !== ownOrigin() || url.pathname !== '/ocr.html') return undefined;
  return sender.tab;
}

/** Sender check for the relays from a frame: the frame that claimed (same tab, frame and token). */
async function claimedFrameTab(
  sender: Sender,
  message: Record<string, unknown>,
): Promise<number | undefined> {
  const tabId = ocrFrameTab(sender)?.id;
  if (tabId === undefined || !sender.frameId) return undefined;
  const token = typeof message.claim === 'string' ? message.claim : undefined;
  return (await claims.isClaimed({ tabId, frameId: sender.frameId, token })) ? tabId : undefined;
}

/** Camera windows we opened → the tab each one fills. In session storage: the worker may be restarted. */
const windowKey = (tabId: number) => `pasapas:ocr-camera:${tabId}`;

/**
 * The tab whose page to read or fill: the claimed frame's own tab, or, for a camera window we opened
 * (ocr.html at the top of its own tab), the tab it was opened for.
 */
async function targetTab(sender: Sender, message: Record<string, unknown>): Promise<number | undefined> {
  const tab = ocrFrameTab(sender);
  if (tab?.id === undefined) return undefined;
  if (sender.frameId !== 0) return claimedFrameTab(sender, message);
  const key = windowKey(tab.id);
  const stored = (await browser.storage.session.get(key))[key];
  return typeof stored === 'number' ? stored : undefined;
}

/**
 * The side panel reads in itself (sidepanel.html, an extension page): its window, and its own tab when it
 * is opened as a tab (as the tests do). Anything else (another page of ours, ocr.html) is refused.
 */
function sidePanelOf(sender: Sender, message: Record<string, unknown>) {
  const page = (browser.runtime.getURL as (p: string) => string)('/sidepanel.html');
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(page)) return undefined;
  if (sender.tab) {
    const { windowId, id } = sender.tab;
    return windowId === undefined ? undefined : { windowId, selfId: id };
  }
  // No tab: the real side panel, which names its own window (only our own pages can send from this URL).
  return typeof message.windowId === 'number' ? { windowId: message.windowId } : undefined;
}

/** The tab each side panel window's reading belongs to. In session storage: the worker may be restarted. */
const sideKey = (windowId: number) => `pasapas:ocr-side:${windowId}`;

function parseReadingTab(value: unknown): ReadingTab | undefined {
  const v = value as Partial<ReadingTab> | undefined;
  return typeof v?.tabId === 'number' && typeof v.site === 'string'
    ? { tabId: v.tabId, site: v.site }
    : undefined;
}

/** The page's panel, through the page script (tellTab): the same commands for ocr.html and the side panel. */
const toPage = (tabId: number, command: Record<string, unknown>) =>
  tellTab(tabId, { type: 'pasapas:feature', feature: 'ocr', command });

export default defineBackgroundPart(() => {
  // A closed camera window forgets its tab; a closed tab its frame's claim.
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(windowKey(tabId)).catch(() => undefined);
    void claims.forget(tabId).catch(() => undefined);
  });
  // A closed window forgets its reading's tab.
  browser.windows?.onRemoved?.addListener((windowId) => {
    void browser.storage.session.remove(sideKey(windowId)).catch(() => undefined);
  });
  return {
    /**
     * The side panel's reading. 'targets' (a reading starts) and 'capture' record the tab in front; 'fill' and
     * 'capture' go only to that tab while it is still in front and on the same site, else `{ refused: code }`.
     */
    [OCR_MESSAGES.side]: async (message, sender) => {
      const side = sidePanelOf(sender, message);
      const action = message.action;
      if (!side || (action !== 'targets' && action !== 'fill' && action !== 'capture')) return undefined;
      const key = sideKey(side.windowId);
      const front = async () => frontTab(await browser.tabs.query({ windowId: side.windowId }), side.selfId);
      if (action !== 'fill') {
        const now = recordReadingTab(await front());
        if (now) await browser.storage.session.set({ [key]: now });
        else await browser.storage.session.remove(key);
        if (action === 'targets')
          return now
            ? ((await toPage(now.tabId, { action: 'targets' }).catch(() => undefined)) ?? { targets: [] })
            : { targets: [] };
      }
      const recorded = parseReadingTab((await browser.storage.session.get(key))[key]);
      // A capture shoots what the window displays: the recorded tab must be the one displayed.
      const check = async () => checkReadingTab(recorded, await front(), { shown: action === 'capture' });
      const allowed = await check();
      if (!allowed.ok) return { refused: allowed.code };
      if (action === 'fill')
        return toPage(allowed.tabId, { action: 'fill', items: message.items }).catch(() => undefined);
      const tab = await browser.tabs.get(allowed.tabId);
      await toPage(allowed.tabId, { action: 'hide' }).catch(() => undefined);
      try {
        const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
        // The person switched tabs during the shot: the picture may be of another page, dropped.
        const after = await check();
        return after.ok ? { dataUrl } : { refused: after.code };
      } catch {
        return {};
      } finally {
        await toPage(allowed.tabId, { action: 'show' }).catch(() => undefined);
      }
    },
    /** Our page script is about to frame ocr.html: one token, for that frame only. */
    [OCR_MESSAGES.arm]: async (_message, sender) => {
      const tabId = pageScriptTab(sender);
      return tabId === undefined ? undefined : { token: await claims.arm(tabId) };
    },
    /** The frame, once loaded, with the token our page script handed it. */
    [OCR_MESSAGES.claim]: async (message, sender) => {
      const tabId = ocrFrameTab(sender)?.id;
      if (tabId === undefined || !sender.frameId || typeof message.token !== 'string') return { ok: false };
      return { ok: await claims.claim({ tabId, frameId: sender.frameId, token: message.token }) };
    },
    [OCR_MESSAGES.targets]: async (message, sender) => {
      const tabId = await targetTab(sender, message);
      if (tabId === undefined) return { targets: [] };
      return (await toPage(tabId, { action: 'targets' }).catch(() => undefined)) ?? { targets: [] };
    },
    [OCR_MESSAGES.fill]: async (message, sender) => {
      const tabId = await targetTab(sender, message);
      if (tabId === undefined) return undefined;
      return toPage(tabId, { action: 'fill', items: message.items });
    },
    // Only from the frame in the page's panel: the camera window covers no page.
    [OCR_MESSAGES.showFilled]: async (message, sender) => {
      const tabId = await claimedFrameTab(sender, message);
      if (tabId === undefined) return undefined;
      return toPage(tabId, { action: 'show-filled', keys: message.keys }).catch(() => undefined);
    },
    // The camera in a window of the extension: the permission is the extension's, never the page's.
    [OCR_MESSAGES.cameraWindow]: async (message, sender) => {
      const tabId = await claimedFrameTab(sender, message);
      if (tabId === undefined) return { ok: false };
      const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 20) : '');
      const query = new URLSearchParams({
        camera: '1',
        lang: str(message.lang),
        theme: str(message.theme),
        scale: str(message.scale),
      });
      const win = await browser.windows.create({
        url: `${ocrPage()}?${query}`,
        type: 'popup',
        width: 560,
        height: 820,
      });
      const windowTab = win?.tabs?.[0]?.id;
      if (windowTab === undefined) return { ok: false };
      await browser.storage.session.set({ [windowKey(windowTab)]: tabId });
      return { ok: true };
    },
    // Only the claimed frame, whose button sends this only after the person's own click.
    [OCR_MESSAGES.capture]: async (message, sender) => {
      const tabId = await claimedFrameTab(sender, message);
      if (tabId === undefined) return {};
      // captureVisibleTab shoots whatever tab the window shows: only ever the asking tab, never another site.
      const shown = () =>
        browser.tabs.get(tabId).then(
          (t) => (t.active ? t : undefined),
          () => undefined,
        );
      const tab = await shown();
      if (!tab) return {};
      // The panel would cover part of the page: hidden for the shot, shown again whatever happens.
      await toPage(tabId, { action: 'hide' }).catch(() => undefined);
      try {
        // The host permission covers it; a page the browser keeps to itself fails, and a plain message shows.
        const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
        // The person switched tabs during the shot: the picture may be of another page, dropped.
        return (await shown()) ? { dataUrl } : {};
      } catch {
        return {};
      } finally {
        await toPage(tabId, { action: 'show' }).catch(() => undefined);
      }
    },
  };
});
