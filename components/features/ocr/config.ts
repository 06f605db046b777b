/**
 * Where OCR runs. Widget: in the page, engine files from `<widget base>/ocr/`. Extension: in our own
 * `ocr.html` frame (a content script cannot start the engine's worker, and the document must not touch
 * the page's origin), or right in the side panel (an extension page) with its own bridge. Given to
 * mountPanel by each entry (page script, widget, side panel) and read by the OCR tab from the
 * panel's services: no module-level state.
 */
import type { OcrBridge } from './protocol';

export type OcrConfig = {
  base?: string;
  page?: string;
  /** The extension's page script: asks the background to arm the next ocr.html frame; its token. */
  arm?: () => Promise<string>;
  /** The side panel reads in itself: its bridge asks the background, which checks the tab in front. */
  bridge?: () => OcrBridge;
};
