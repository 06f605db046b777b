import type { PickAnswer } from '../../../utils/guides/studio';
import type { SigningKeyInfo } from '../../../utils/guides/studio/signing-key';

type Background = (message: unknown) => Promise<unknown>;
export type Answer<V> = ({ ok: true } & V) | { ok: false; code?: string } | null;

/**
 * The studio's requests to the background (utils/messaging/protocol.ts checks them there): the
 * picking mode in a tab, signing with the mediator's key, installing. A failed request answers
 * null, never throws, so every control can say in words that it did not work.
 */
export function studioClient(background: Background) {
  const ask = <A>(message: unknown) => background(message).catch(() => null) as Promise<A>;
  return {
    pick: (tabId: number, hint: string) =>
      ask<PickAnswer | null>({ type: 'pasapas:studio-page', action: 'pick', tabId, hint }),
    /** Moves, chooses or stops the picking under way in that tab; nobody waits for its answer. */
    tell(tabId: number, action: 'move' | 'choose' | 'cancel', delta?: number) {
      void ask({ type: 'pasapas:studio-page', action, tabId, delta });
    },
    sign: (text: string) => ask<Answer<{ text: string }>>({ type: 'pasapas:studio-sign', text }),
    install: (text: string) => ask<Answer<object>>({ type: 'pasapas:studio-install', text }),
    keyStatus: () =>
      ask<Answer<{ key: SigningKeyInfo | null }>>({ type: 'pasapas:studio-key', action: 'status' }),
    createKey: () => ask<Answer<{ key: SigningKeyInfo }>>({ type: 'pasapas:studio-key', action: 'create' }),
  };
}

export type StudioClient = ReturnType<typeof studioClient>;
