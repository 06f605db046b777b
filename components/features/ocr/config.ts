/**
 * Where OCR runs. Widget: in the page, engine files from `<widget base>/ocr/`. Extension: in our own
 * `ocr.html` frame (a content script cannot start the engine's worker, and the document must not touch
 * the page's origin), or right in the side panel (an extension page) with its own bridge. Set by
 * mountPanel (and the side panel's entry for the bridge), read by the OCR tab.
 */
import { OCR_PAGE_HANDLE, type OcrBridge } from './protocol';

export type OcrConfig = { base?: string; page?: string; bridge?: () => OcrBridge };

let config: OcrConfig = {};
let sideBridge: (() => OcrBridge) | undefined;

export function setOcrConfig(next: OcrConfig): void {
  config = next;
  // The extension's panel on a page: the side panel's readings reach this page through the page script,
  // which hands them to this function (on the extension's isolated world, out of the site's reach).
  if (next.page)
    (globalThis as unknown as Record<string, unknown>)[OCR_PAGE_HANDLE] = (command: unknown) =>
      import('./page').then((m): unknown => m.pageCommand(command));
}

/** The side panel reads in itself: its bridge asks the background, which checks the tab in front. */
export function setOcrBridge(make: () => OcrBridge): void {
  sideBridge = make;
}

export function ocrConfig(): OcrConfig {
  return sideBridge ? { ...config, bridge: sideBridge } : config;
}
