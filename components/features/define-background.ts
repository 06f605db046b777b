import type { Handlers } from '../app/background/router';
import type { BackgroundServices } from '../app/background/services';

export type { Handler, Handlers, Sender } from '../app/background/router';
export type { BackgroundServices } from '../app/background/services';

/**
 * A feature's work in the extension's background: `components/features/<feature>/background.ts`
 * default-exports one, and the background entrypoint starts it when list.ts registers the feature
 * (components/features/backgrounds.ts). It runs once per start of the worker, synchronously, so
 * the browser events it listens to are registered before the worker's first event is dispatched;
 * it returns its answers to the messages it owns (their senders and payloads are checked first,
 * by utils/messaging/protocol.ts).
 */
export type BackgroundPart = (services: BackgroundServices) => Handlers;

export function defineBackgroundPart(part: BackgroundPart): BackgroundPart {
  return part;
}
