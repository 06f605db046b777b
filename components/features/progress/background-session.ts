/**
 * Our PIN frame (`session.html`) on web pages. The page script arms a place for its tab and gets a
 * token; it hands the token to the frame it placed; the frame claims with it. Only the claimed
 * frame, with its token, may choose or type the PIN, lock, or end the session. A `session.html`
 * framed by the page itself knows no token and stays inert (utils/messaging/frame-claims.ts).
 */
import { browser } from 'wxt/browser';
import { createFrameClaims, type FrameClaims } from '../../../utils/messaging/frame-claims';
import type { SESSION_VIEWS } from '../../../utils/messaging/protocol';
import type { Caller } from '../../../utils/messaging/sender';
import type { Handlers } from '../define-background';

type View = (typeof SESSION_VIEWS)[number];

const store = {
  get: async (key: string) => (await browser.storage.session.get(key))[key],
  set: (key: string, value: unknown) => browser.storage.session.set({ [key]: value }),
  remove: (key: string) => browser.storage.session.remove(key),
};
const claims: Record<View, FrameClaims> = {
  banner: createFrameClaims({ kind: 'session-banner', store }),
  tab: createFrameClaims({ kind: 'session-tab', store }),
};

/** The methods our PIN frame may call: nothing that shows or exports anyone's answers. */
export const SESSION_METHODS: ReadonlySet<string> = new Set([
  'mode',
  'choosePin',
  'unlock',
  'lock',
  'wipe',
  'touch',
  'publicComputer',
]);

/** True when the sender is the PIN frame that claimed this place of its tab, with its token. */
export async function isClaimedSessionFrame(
  caller: Caller,
  frame: { view: View; token: string } | undefined,
): Promise<boolean> {
  if (caller.kind !== 'page' || !frame || caller.tabId === undefined || !caller.frameId) return false;
  return claims[frame.view].isClaimed({ tabId: caller.tabId, frameId: caller.frameId, token: frame.token });
}

/** The page script arms our PIN frame's places; the frame claims one. Forgotten with their tab. */
export function sessionFrameHandlers(): Handlers {
  browser.tabs.onRemoved.addListener((tabId) => {
    for (const c of Object.values(claims)) void c.forget(tabId).catch(() => undefined);
  });
  return {
    'pasapas:session-arm': async (message, _sender, caller) => {
      if (caller.kind !== 'content') return {};
      return { token: await claims[message.view].arm(caller.tabId) };
    },
    'pasapas:session-claim': async (message, _sender, caller) => {
      // At the top of a tab (frame 0) it is not in a page: nothing to claim.
      if (caller.kind !== 'page' || caller.tabId === undefined || !caller.frameId) return { claimed: false };
      const claimed = await claims[message.view].claim({
        tabId: caller.tabId,
        frameId: caller.frameId,
        token: message.token,
      });
      return { claimed };
    },
  };
}
