/**
 * Claims of our framed pages (utils/messaging/frame-claims.ts) kept in the extension's session
 * storage: it survives the service worker's restarts and goes with the browser. One kind per frame;
 * two background parts asking for the same kind read the same claims (the OCR frame's own relays, and
 * « Mes informations » for its save).
 */
import { browser } from 'wxt/browser';
import { createFrameClaims, type FrameClaims } from '../../../utils/messaging/frame-claims';

const store = {
  get: async (key: string) => (await browser.storage.session.get(key))[key],
  set: (key: string, value: unknown) => browser.storage.session.set({ [key]: value }),
  remove: (key: string) => browser.storage.session.remove(key),
};

export function sessionFrameClaims(kind: string): FrameClaims {
  return createFrameClaims({ kind, store });
}
