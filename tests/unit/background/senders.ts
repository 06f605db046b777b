/**
 * Forged senders and a `route()` caller for the background handler tests. The browser fills
 * `runtime.MessageSender` itself; here we write what it would write for each kind of sender, so
 * the router's table, the classification and the handlers run exactly as in the extension.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type RouteResult, type Sender } from '../../../components/app/background/router';
import { createBackgroundServices } from '../../../components/app/background/services';
import { featureBackgrounds } from '../../../components/features/backgrounds';
import { panelOpenHandlers } from '../../../entrypoints/background/panel';
import type { CallAnswer } from '../../../utils/progress/remote';

let router = createRouter();

/**
 * Starts the background parts a test needs, as the background entrypoint does: registered
 * features by id (their `background.ts`), and `panel`, the shell's own handler.
 */
export function startBackground(owners: readonly string[]): void {
  router = createRouter();
  const services = createBackgroundServices();
  for (const owner of owners) {
    if (owner === 'panel') {
      router.add('panel', panelOpenHandlers());
      continue;
    }
    const feature = featureBackgrounds.find((f) => f.id === owner);
    if (!feature) throw new Error(`No background part for ${owner}`);
    router.add(owner, feature.start(services));
  }
}

/** `fakeBrowser.runtime.id`: what our own senders carry. */
export const SELF = fakeBrowser.runtime.id;
export const EXTENSION = `chrome-extension://${SELF}`;

/** Our page script in the top frame of a web page (tab `tabId`). */
export function contentSender(url: string, tabId: number, extra: Partial<Sender> = {}): Sender {
  return { id: SELF, url, origin: new URL(url).origin, frameId: 0, tab: tab(tabId, url), ...extra };
}

/** One of our extension pages: opened as a tab, in the side panel or popup (no tab), or framed in a web page. */
export function pageSender(
  path: string,
  where: { tabId?: number; frameId?: number; tabUrl?: string } = {},
  extra: Partial<Sender> = {},
): Sender {
  const sender: Sender = { id: SELF, url: `${EXTENSION}${path}`, origin: EXTENSION, ...extra };
  if (where.tabId !== undefined) sender.tab = tab(where.tabId, where.tabUrl ?? `${EXTENSION}${path}`);
  if (where.frameId !== undefined) sender.frameId = where.frameId;
  return sender;
}

function tab(id: number, url: string): NonNullable<Sender['tab']> {
  return {
    id,
    url,
    index: 0,
    windowId: 0,
    active: true,
    highlighted: true,
    pinned: false,
    incognito: false,
    discarded: false,
    autoDiscardable: true,
    groupId: -1,
    frozen: false,
    selected: true,
  } as NonNullable<Sender['tab']>;
}

/** What the sender hears back: the handler's value, or the router's refusal (as index.ts answers). */
export async function send(
  message: Record<string, unknown>,
  sender: Sender,
  selfId = SELF,
): Promise<unknown> {
  const result: RouteResult = await router.route(message, sender, selfId);
  return result.answered ? result.value : result.refusal;
}

/** A progress call; the answer as the router gives it (a CallAnswer, or a refusal). */
export function progress(
  type: 'progress:site' | 'progress:call',
  sender: Sender,
  method: string,
  args: unknown[] = [],
  extra: Record<string, unknown> = {},
): Promise<CallAnswer | { refused: string }> {
  return send({ type, method, args, ...extra }, sender) as Promise<CallAnswer | { refused: string }>;
}

/** The value of a call that must succeed (fails the test with the answer otherwise). */
export function answered<T = unknown>(answer: CallAnswer | { refused: string }): T {
  if ('ok' in answer && answer.ok) return answer.value as T;
  throw new Error(`expected a value, got ${JSON.stringify(answer)}`);
}

/** The error code of a call that failed in the handler (undefined when it succeeded or was refused). */
export function errorCode(answer: CallAnswer | { refused: string }): string | undefined {
  return 'ok' in answer && !answer.ok ? answer.error.code : undefined;
}
