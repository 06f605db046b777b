/**
 * OCR relays. The reading happens in our `ocr.html`, framed in the page's panel (or in the camera window
 * we open); it reaches the page's content script only through here, with the tab taken from the sender or
 * from our own record of the camera window (never from the message), and only when the sender is our own
 * ocr.html: a web page cannot ask to fill itself, or another tab, through us.
 */
import { type Browser, browser } from 'wxt/browser';
import { OCR_MESSAGES } from '../../components/features/ocr/protocol';
import { addHandlers, type Sender } from './router';

const ocrPage = () => (browser.runtime.getURL as (p: string) => string)('/ocr.html');

/** The tab holding our OCR frame, or undefined when the sender is anything else. */
function ocrFrameTab(sender: Sender): Browser.tabs.Tab | undefined {
  if (!sender.url?.startsWith(ocrPage()) || sender.tab?.id === undefined) return undefined;
  return sender.tab;
}

/** Camera windows we opened → the tab each one fills. In session storage: the worker may be restarted. */
const windowKey = (tabId: number) => `pasapas:ocr-camera:${tabId}`;

/**
 * The tab whose page to read or fill: the frame's own tab, or, for a camera window we opened (ocr.html at
 * the top of its own tab), the tab it was opened for.
 */
async function targetTab(sender: Sender): Promise<number | undefined> {
  const tab = ocrFrameTab(sender);
  if (tab?.id === undefined) return undefined;
  if (sender.frameId !== 0) return tab.id;
  const key = windowKey(tab.id);
  const stored = (await browser.storage.session.get(key))[key];
  return typeof stored === 'number' ? stored : undefined;
}

// A closed camera window forgets its tab.
browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(windowKey(tabId)).catch(() => undefined);
});

/** The page itself (frame 0): the content script of sub-frames does not hold the panel. */
const toPage = (tabId: number, message: Record<string, unknown>) =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<unknown>;

addHandlers({
  [OCR_MESSAGES.targets]: async (_message, sender) => {
    const tabId = await targetTab(sender);
    if (tabId === undefined) return { targets: [] };
    return (
      (await toPage(tabId, { type: OCR_MESSAGES.pageTargets }).catch(() => undefined)) ?? { targets: [] }
    );
  },
  [OCR_MESSAGES.fill]: async (message, sender) => {
    const tabId = await targetTab(sender);
    if (tabId === undefined) return undefined;
    return toPage(tabId, { type: OCR_MESSAGES.pageFill, items: message.items });
  },
  // The camera in a window of the extension: the permission is the extension's, never the page's.
  [OCR_MESSAGES.cameraWindow]: async (message, sender) => {
    const tab = ocrFrameTab(sender);
    if (tab?.id === undefined) return { ok: false };
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
    await browser.storage.session.set({ [windowKey(windowTab)]: tab.id });
    return { ok: true };
  },
  [OCR_MESSAGES.capture]: async (_message, sender) => {
    const tabId = ocrFrameTab(sender)?.id;
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
    await toPage(tabId, { type: OCR_MESSAGES.pageHide }).catch(() => undefined);
    try {
      // Needs the activeTab grant (toolbar button or keyboard shortcut); otherwise a plain message shows.
      const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
      // The person switched tabs during the shot: the picture may be of another page, dropped.
      return (await shown()) ? { dataUrl } : {};
    } catch {
      return {};
    } finally {
      await toPage(tabId, { type: OCR_MESSAGES.pageShow }).catch(() => undefined);
    }
  },
});
