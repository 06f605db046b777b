/**
 * Frame claims: which of our web-accessible pages framed in a web page (the OCR frame today, a PIN
 * frame tomorrow) the background listens to. Such a page can be framed by any site that learns its
 * address, so being "our page in that tab" proves nothing. Instead:
 *
 * 1. our page script asks the background to *arm* one frame for its tab: the background makes a
 *    random token and gives it to the page script only;
 * 2. the page script places the frame (in a closed shadow root) and hands it the token by
 *    `postMessage` to our origin, which the page cannot read;
 * 3. the frame *claims* with that token: the background records its frame id. One claim per arm,
 *    within a short time;
 * 4. every later request is honoured only from that tab and frame, with that token (a frame the
 *    page navigates elsewhere, even to our page again, does not know it).
 *
 * Framework-free: the background passes its storage (`storage.session`, which survives the service
 * worker's restarts) and the sender's tab and frame, which the browser fills, never the message.
 */

export type ClaimStore = {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
};

export type FrameRef = { tabId: number; frameId: number; token: string };

type Record_ =
  | { state: 'armed'; tabId: number; token: string; expires: number }
  | { state: 'claimed'; tabId: number; frameId: number; token: string };

export type FrameClaims = {
  /** A new token for this tab's next frame; forgets any earlier arm or claim of the tab. */
  arm(tabId: number): Promise<string>;
  /** True once: the armed tab, the right token, before expiry. */
  claim(ref: FrameRef): Promise<boolean>;
  /** Whether a request comes from the frame that claimed (same tab, frame and token). */
  isClaimed(ref: Partial<FrameRef>): Promise<boolean>;
  forget(tabId: number): Promise<void>;
};

/** A token the page cannot guess: 128 random bits. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function parse(value: unknown): Record_ | undefined {
  const v = value as Partial<Record<string, unknown>> | undefined;
  if (!v || typeof v.tabId !== 'number' || typeof v.token !== 'string') return undefined;
  if (v.state === 'armed' && typeof v.expires === 'number')
    return { state: 'armed', tabId: v.tabId, token: v.token, expires: v.expires };
  if (v.state === 'claimed' && typeof v.frameId === 'number')
    return { state: 'claimed', tabId: v.tabId, frameId: v.frameId, token: v.token };
  return undefined;
}

export function createFrameClaims(options: {
  /** Names the kind of frame ('ocr', 'pin'): each kind has its own claims. */
  kind: string;
  store: ClaimStore;
  /** How long an arm waits for its frame. The frame claims as soon as it loads: seconds. */
  ttlMs?: number;
  now?: () => number;
  token?: () => string;
}): FrameClaims {
  const { kind, store } = options;
  const ttl = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const makeToken = options.token ?? randomToken;
  const key = (tabId: number) => `pasapas:frame-claim:${kind}:${tabId}`;
  const read = async (tabId: number) => parse(await store.get(key(tabId)));
  const valid = (ref: Partial<FrameRef>): ref is FrameRef =>
    Number.isInteger(ref.tabId) &&
    Number.isInteger(ref.frameId) &&
    typeof ref.token === 'string' &&
    ref.token.length > 0;

  return {
    async arm(tabId) {
      const token = makeToken();
      await store.set(key(tabId), { state: 'armed', tabId, token, expires: now() + ttl });
      return token;
    },
    async claim(ref) {
      if (!valid(ref)) return false;
      const record = await read(ref.tabId);
      if (record?.state !== 'armed' || record.tabId !== ref.tabId || record.token !== ref.token) return false;
      if (now() > record.expires) {
        await store.remove(key(ref.tabId));
        return false;
      }
      await store.set(key(ref.tabId), {
        state: 'claimed',
        tabId: ref.tabId,
        frameId: ref.frameId,
        token: ref.token,
      });
      return true;
    },
    async isClaimed(ref) {
      if (!valid(ref)) return false;
      const record = await read(ref.tabId);
      return (
        record?.state === 'claimed' &&
        record.tabId === ref.tabId &&
        record.frameId === ref.frameId &&
        record.token === ref.token
      );
    },
    forget: (tabId) => store.remove(key(tabId)),
  };
}
