import type { Browser } from 'wxt/browser';

export type Sender = Browser.runtime.MessageSender;
/** Answers one message type; the returned value (or promise) goes back to the sender. */
export type Handler = (message: { type: string } & Record<string, unknown>, sender: Sender) => unknown;

/**
 * Message handlers of the features that need the extension's own origin (its IndexedDB, its
 * permissions), by message type. Each feature adds its map from its own module, imported in index.ts.
 */
export const handlers: Record<string, Handler> = {};

export function addHandlers(more: Record<string, Handler>): void {
  for (const [type, handler] of Object.entries(more)) {
    if (handlers[type]) throw new Error(`Two background handlers for ${type}`);
    handlers[type] = handler;
  }
}
