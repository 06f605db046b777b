/**
 * What the background tells our extension pages (runtime.sendMessage reaches every one of them),
 * as opposed to protocol.ts, what they ask of it. A broadcast carries no data: it only says
 * « ask again ».
 */

/** The mediator's installed guides changed (installed from the studio or the options page, removed). */
export const GUIDES_CHANGED = 'pasapas:guides-changed';

/**
 * A broadcast of ours: from this extension and from no tab (our script on a web page has one, so a
 * page can never make our pages hear it).
 */
export function isBroadcast(
  message: unknown,
  type: string,
  sender: { id?: string; tab?: unknown },
  selfId: string,
): boolean {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as { type?: unknown }).type === type &&
    sender.id === selfId &&
    !sender.tab
  );
}
