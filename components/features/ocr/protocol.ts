/**
 * How the reading screen reaches the page it fills. In the widget the screen is in the page and fills it
 * directly; in the extension it runs in our own `ocr.html` frame or in the side panel and asks the page
 * through the background (runtime messaging, then tellTab; never window.postMessage), sending only the
 * confirmed values.
 */
import type { InfoEntry, InfoKind } from '../../../utils/infos/kinds';
import type { InfoInput } from '../../../utils/infos/store';
import type { FillItem, FillReport, FillTarget, StepHint } from '../../../utils/ocr/fill/index';

export type PageTargets = { targets: FillTarget[]; step?: StepHint };

/** What the reading screen may do with « Mes informations »: see the kinds it offers, add or replace. */
export type InfosAccess = {
  /** The file's entries of these kinds only (the old values the person compares with). */
  entries(kinds: readonly InfoKind[]): Promise<InfoEntry[]>;
  /** Adds an entry, or replaces `id`'s value; the file checks the value again. */
  put(input: InfoInput, id?: string): Promise<void>;
};

export type OcrBridge = {
  /** Our own `ocr/` folder (engine, language data, pdf.js worker). */
  assetsBase: string;
  /**
   * « Mes informations », for keeping values of a reading when the person asks: present only where the
   * panel has that tab (the value can be found again there).
   */
  infos?: InfosAccess;
  /** The demo site's widget only: 2D-Doc signatures are also checked against the demo's test key. */
  demoKey?: boolean;
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
  /**
   * « Voir les cases remplies », where our screen covers the page (the widget's panel, our frame in it):
   * focus goes to the first field filled, and the panel makes room for it (a bar on a phone).
   */
  showOnPage?: (targetKeys: string[]) => Promise<void>;
  /** The extension only: a screenshot of the tab, as a PNG data URL. */
  captureTab?: () => Promise<string>;
};

/**
 * Message types from ocr.html and the side panel to the background, which relays to the page (tellTab).
 * ocr.html is web-accessible, so any site could frame it: the background listens only to the frame our
 * page script placed (utils/messaging/frame-claims.ts). The page script *arms* one frame for its tab and
 * gets a token; when the frame says it listens (OCR_FRAME_READY) it hands it the token by `postMessage`
 * (OCR_CLAIM_POST); the frame *claims* with it, then sends it as `claim` with every request below. The
 * camera window is the background's own.
 */
export const OCR_MESSAGES = {
  /** Page script → background: `{}` → `{ token }`, for the frame it is about to place. */
  arm: 'pasapas:ocr-arm',
  /** ocr.html frame → background: `{ token }` → `{ ok }`, once. */
  claim: 'pasapas:ocr-claim',
  /** ocr.html → background → the page's panel, each with `claim: token`. */
  targets: 'pasapas:ocr-targets',
  fill: 'pasapas:ocr-fill',
  showFilled: 'pasapas:ocr-show-filled',
  capture: 'pasapas:ocr-capture',
  cameraWindow: 'pasapas:ocr-camera-window',
  /** ocr.html → background: « Mes informations » for « Enregistrer dans Mes informations » (claimed frame only). */
  infos: 'progress:infos-from-reading',
  /** sidepanel.html → background: `{ action: 'targets' | 'fill' | 'capture' }`, checked against the tab in front. */
  side: 'pasapas:ocr-side',
} as const;

/** Page script → its ocr.html frame (`postMessage` to our origin only): `{ type, token }`. */
export const OCR_CLAIM_POST = 'pasapas:ocr-claim-token';
/**
 * ocr.html → the window that framed it, once its listener is set: `{ type }`, nothing else. The page
 * script answers with OCR_CLAIM_POST; the frame's `load` event may fire before the frame listens.
 */
export const OCR_FRAME_READY = 'pasapas:ocr-frame-ready';
