/**
 * Where OCR runs. Widget: in the page, engine files from `<widget base>/ocr/`. Extension: in our own
 * `ocr.html` frame (a content script cannot start the engine's worker, and the document must not touch
 * the page's origin), or right in the side panel (an extension page) with its own bridge. Set by
 * mountPanel (and the side panel's entry for the bridge), read by the OCR tab.
 */
import type { OcrBridge } from './protocol';

export type OcrConfig = {
  base?: string;
  page?: string;
  /** The extension's page script: asks the background to arm the next ocr.html frame; its token. */
  arm?: () => Promise<string>;
  bridge?: () => OcrBridge;
};

let config: OcrConfig = {};
let sideBridge: (() => OcrBridge) | undefined;

export function setOcrConfig(next: OcrConfig): void {
  config = next;
}

/** The side panel reads in itself: its bridge asks the background, which checks the tab in front. */
export function setOcrBridge(make: () => OcrBridge): void {
  sideBridge = make;
}

export function ocrConfig(): OcrConfig {
  return sideBridge ? { ...config, bridge: sideBridge } : config;
}
