/**
 * The messaging client and its handler. The content script (the web page's origin) and the
 * extension pages send `{ type: 'progress:call', method, args }` to the background, which runs
 * the direct client and answers `{ ok, value }` or `{ ok: false, error }` (plain data).
 */
import { ProgressError, RemoteError, toWire, type WireError } from './errors.ts';
import { PROGRESS_METHODS, type ProgressClient, type ProgressMethod } from './types.ts';

/** Our extension pages: every method. */
export const CALL = 'progress:call';
/** Our page script on a web page: its own origin's procedures only (site-scope.ts). */
export const SITE_CALL = 'progress:site';

export type CallMessage = { type: typeof CALL | typeof SITE_CALL; method: ProgressMethod; args: unknown[] };
export type CallAnswer = { ok: true; value: unknown } | { ok: false; error: WireError };

export function createRemoteClient(
  send: (message: CallMessage) => Promise<unknown>,
  type: CallMessage['type'] = CALL,
): ProgressClient {
  const call = async (method: ProgressMethod, args: unknown[]) => {
    let answer: CallAnswer | { refused: string } | undefined;
    try {
      answer = (await send({ type, method, args })) as CallAnswer | undefined;
    } catch (cause) {
      // The background did not answer (extension updated or reloaded under the page).
      throw new ProgressError('unavailable', { cause });
    }
    if (!answer || typeof answer !== 'object') throw new ProgressError('unavailable');
    // The background's router refused the sender or the payload (utils/messaging/protocol.ts).
    if ('refused' in answer) throw new ProgressError('forbidden');
    if (!answer.ok) throw new RemoteError(answer.error);
    return answer.value;
  };
  const client = {} as Record<ProgressMethod, (...args: unknown[]) => Promise<unknown>>;
  for (const method of PROGRESS_METHODS) client[method] = (...args) => call(method, args);
  return client as unknown as ProgressClient;
}

function isMethod(value: unknown): value is ProgressMethod {
  return typeof value === 'string' && (PROGRESS_METHODS as readonly string[]).includes(value);
}

/** Background side: runs one call on the direct client. Never throws; errors travel as data. */
export async function answerCall(
  client: Partial<ProgressClient>,
  message: { method?: unknown; args?: unknown },
): Promise<CallAnswer> {
  const { method, args } = message;
  const fn = isMethod(method)
    ? (client[method] as ((...a: unknown[]) => Promise<unknown>) | undefined)
    : undefined;
  if (!fn || !Array.isArray(args)) return { ok: false, error: toWire(new ProgressError('bad-call')) };
  try {
    const value = await fn(...args);
    // Through JSON: what the browser's messaging would do anyway, so tests see the same thing.
    return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    return { ok: false, error: toWire(error) };
  }
}
