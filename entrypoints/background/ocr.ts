/**
 * OCR relays. The reading happens in our `ocr.html`, framed in the page's panel; it reaches that page's
 * content script only through here, with the tab taken from the sender (never from the message), and
 * only when the sender is our own ocr.html: a web page cannot ask to fill itself through us.
 */
import { type Browser, browser } from 'wxt/browser';
import { OCR_MESSAGES } from '../../components/features/ocr/protocol';
import { addHandlers, type Sender } from './router';

/** The tab holding our OCR frame, or undefined when the sender is anything else. */
function ocrFrameTab(sender: Sender): Browser.tabs.Tab | undefined {
  const page = (browser.runtime.getURL as (p: string) => string)('/ocr.html');
  if (!sender.url?.startsWith(page) || sender.tab?.id === undefined) return undefined;
  return sender.tab;
}

/** The page itself (frame 0): the content script of sub-frames does not hold the panel. */
const toPage = (tabId: number, message: Record<string, unknown>) =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<unknown>;

addHandlers({
  [OCR_MESSAGES.targets]: async (_message, sender) => {
    const tab = ocrFrameTab(sender);
    if (tab?.id === undefined) return { targets: [] };
    return (
      (await toPage(tab.id, { type: OCR_MESSAGES.pageTargets }).catch(() => undefined)) ?? { targets: [] }
    );
  },
  [OCR_MESSAGES.fill]: async (message, sender) => {
    const tab = ocrFrameTab(sender);
    if (tab?.id === undefined) return undefined;
    return toPage(tab.id, { type: OCR_MESSAGES.pageFill, items: message.items });
  },
  [OCR_MESSAGES.capture]: async (_message, sender) => {
    const tab = ocrFrameTab(sender);
    if (tab?.id === undefined) return {};
    // The panel would cover part of the page: hidden for the shot, shown again whatever happens.
    await toPage(tab.id, { type: OCR_MESSAGES.pageHide }).catch(() => undefined);
    try {
      // Needs the activeTab grant (toolbar button or keyboard shortcut); otherwise a plain message shows.
      return { dataUrl: await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' }) };
    } catch {
      return {};
    } finally {
      await toPage(tab.id, { type: OCR_MESSAGES.pageShow }).catch(() => undefined);
    }
  },
});
