import type { Browser } from 'wxt/browser';
import {
  type Checked,
  checkMessage,
  type MessageType,
  type Payload,
  type Refusal,
} from '../../utils/messaging/protocol';
import { type Caller, classifySender } from '../../utils/messaging/sender';

export type Sender = Browser.runtime.MessageSender;
/** Answers one message type, already checked against its sender policy and payload schema. */
export type Handler<K extends MessageType = MessageType> = (
  payload: Payload<K>,
  sender: Sender,
  caller: Caller,
) => unknown;

type Handlers = { [K in MessageType]?: Handler<K> };

/**
 * Message handlers of the features that need the extension's own origin (its IndexedDB, its
 * permissions), by message type. Each feature adds its map from its own module, imported in
 * index.ts. Who may send each type, and what its payload is, is in utils/messaging/protocol.ts.
 */
const handlers: Handlers = {};

export function addHandlers(more: Handlers): void {
  for (const [type, handler] of Object.entries(more) as [MessageType, Handler][]) {
    if (handlers[type]) throw new Error(`Two background handlers for ${type}`);
    (handlers as Record<string, Handler>)[type] = handler;
  }
}

/** What a refused message gets back (plain data), or undefined when the message is not ours at all. */
export type RouteResult = { answered: true; value: unknown } | { answered: false; refusal: Refusal };

/**
 * One message through the table: unknown types, senders the policy does not allow and payloads
 * that do not match are refused before any handler runs.
 */
export async function route(message: unknown, sender: Sender, selfId: string): Promise<RouteResult> {
  const caller = classifySender(sender, { id: selfId });
  const checked: Checked = checkMessage(message, caller);
  if (!checked.ok || !caller) {
    return { answered: false, refusal: checked.ok ? { refused: 'sender' } : checked.refusal };
  }
  const handler = handlers[checked.type] as Handler | undefined;
  if (!handler) return { answered: false, refusal: { refused: 'unknown' } };
  return { answered: true, value: await handler(checked.payload as never, sender, caller) };
}
