/**
 * How the reading screen reaches the page it fills. In the widget the screen is in the page and fills it
 * directly; in the extension it runs in our own `ocr.html` frame or in the side panel and asks the page
 * through the background (runtime messaging, then tellTab; never window.postMessage), sending only the
 * confirmed values.
 */
import type { FillItem, FillReport, FillTarget, StepHint } from '../../../utils/ocr/fill/index';

export type PageTargets = { targets: FillTarget[]; step?: StepHint };

export type OcrBridge = {
  /** Our own `ocr/` folder (engine, language data, pdf.js worker). */
  assetsBase: string;
  targets(): Promise<PageTargets>;
  fill(items: FillItem[]): Promise<FillReport>;
  /**
   * Starts the preprocessing worker (a file: MV3 forbids blob workers), so a big photo does not freeze the
   * screen. Absent, or refused by the page (CSP, another origin): preprocessing runs on the screen's thread.
   */
  preprocessWorker?: () => Worker;
  /**
   * The extension's frame: the camera opens in a window of the extension instead. A camera used inside a
   * frame is granted to the page's site (Chrome attributes a frame's permission to the top page).
   */
  openCamera?: () => Promise<void>;
  /** False where the clipboard button cannot work (the extension's frame); Ctrl+V still does. */
  pasteButton?: boolean;
  /** The extension's camera window: closes it once done. */
  close?: () => void;
  /** The extension only: a screenshot of the tab, as a PNG data URL. */
  captureTab?: () => Promise<string>;
};

/** Message types from ocr.html and the side panel to the background, which relays to the page (tellTab). */
export const OCR_MESSAGES = {
  /** ocr.html → background → the page's panel. */
  targets: 'pasapas:ocr-targets',
  fill: 'pasapas:ocr-fill',
  capture: 'pasapas:ocr-capture',
  cameraWindow: 'pasapas:ocr-camera-window',
  /** sidepanel.html → background: `{ action: 'targets' | 'fill' | 'capture' }`, checked against the tab in front. */
  side: 'pasapas:ocr-side',
} as const;
