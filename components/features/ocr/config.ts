/**
 * Where OCR runs. Widget: in the page, engine files from `<widget base>/ocr/`. Extension: in our own
 * `ocr.html` frame (a content script cannot start the engine's worker, and the document must not touch
 * the page's origin). Set by mountPanel, read by the OCR tab.
 */
export type OcrConfig = { base?: string; page?: string };

let config: OcrConfig = {};

export function setOcrConfig(next: OcrConfig): void {
  config = next;
}

export function ocrConfig(): OcrConfig {
  return config;
}
