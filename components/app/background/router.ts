import type { Browser } from 'wxt/browser';
import {
  type Checked,
  checkMessage,
  type MessageType,
  type Payload,
  type Refusal,
} from '../../../utils/messaging/protocol';
import { type Caller, classifySender } from '../../../utils/messaging/sender';

export type Sender = Browser.runtime.MessageSender;
/** Answers one message type, already checked against its sender policy and payload schema. */
export type Handler<K extends MessageType = MessageType> = (
  payload: Payload<K>,
  sender: Sender,
  caller: Caller,
) => unknown;

/** A feature's answers, by message type. Who may send each type, and its payload, is in utils/messaging/protocol.ts. */
export type Handlers = { [K in MessageType]?: Handler<K> };

/** What a refused message gets back (plain data), or undefined when the message is not ours at all. */
export type RouteResult = { answered: true; value: unknown } | { answered: false; refusal: Refusal };

export class DuplicateHandlerError extends Error {
  readonly code = 'duplicate-handler';
  constructor(type: string, owners: [string, string]) {
    super(`Two background handlers for ${type}: ${owners.join(' and ')}`);
    this.name = 'DuplicateHandlerError';
  }
}

export type Router = {
  /** Adds one owner's handlers (a feature id, or the shell's part); a type answered twice is a programming error. */
  add(owner: string, handlers: Handlers): void;
  /** Who answers each message type. */
  owners(): Readonly<Partial<Record<MessageType, string>>>;
  /**
   * One message through the table: unknown types, senders the policy does not allow and payloads
   * that do not match are refused before any handler runs.
   */
  route(message: unknown, sender: Sender, selfId: string): Promise<RouteResult>;
};

/** The background's message table, filled by each feature's background part (components/features/<f>/background.ts). */
export function createRouter(): Router {
  const handlers: Handlers = {};
  const owners: Partial<Record<MessageType, string>> = {};
  return {
    add(owner, more) {
      for (const [type, handler] of Object.entries(more) as [MessageType, Handler][]) {
        const previous = owners[type];
        if (previous) throw new DuplicateHandlerError(type, [previous, owner]);
        owners[type] = owner;
        (handlers as Record<string, Handler>)[type] = handler;
      }
    },
    owners: () => ({ ...owners }),
    async route(message, sender, selfId) {
      const caller = classifySender(sender, { id: selfId });
      const checked: Checked = checkMessage(message, caller);
      if (!checked.ok || !caller) {
        return { answered: false, refusal: checked.ok ? { refused: 'sender' } : checked.refusal };
      }
      const handler = handlers[checked.type] as Handler | undefined;
      if (!handler) return { answered: false, refusal: { refused: 'unknown' } };
      return { answered: true, value: await handler(checked.payload as never, sender, caller) };
    },
  };
}
