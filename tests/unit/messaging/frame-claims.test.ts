import { describe, expect, test } from 'vitest';
import { type ClaimStore, createFrameClaims, randomToken } from '../../../utils/messaging/frame-claims';

function memoryStore(): ClaimStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    remove: async (key) => {
      data.delete(key);
    },
  };
}

function setup(ttlMs = 1000) {
  let time = 1_000_000;
  const store = memoryStore();
  const claims = createFrameClaims({ kind: 'ocr', store, ttlMs, now: () => time });
  return { claims, store, advance: (ms: number) => (time += ms) };
}

describe('frame claims', () => {
  test('arm, then the frame with the token claims once; its requests are honoured', async () => {
    const { claims } = setup();
    const token = await claims.arm(7);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(await claims.isClaimed({ tabId: 7, frameId: 3, token })).toBe(false);
    expect(await claims.claim({ tabId: 7, frameId: 3, token })).toBe(true);
    expect(await claims.isClaimed({ tabId: 7, frameId: 3, token })).toBe(true);
  });

  test('a second claim is refused, even with the token, even from the same frame', async () => {
    const { claims } = setup();
    const token = await claims.arm(7);
    expect(await claims.claim({ tabId: 7, frameId: 3, token })).toBe(true);
    expect(await claims.claim({ tabId: 7, frameId: 4, token })).toBe(false);
    expect(await claims.claim({ tabId: 7, frameId: 3, token })).toBe(false);
    expect(await claims.isClaimed({ tabId: 7, frameId: 4, token })).toBe(false);
    expect(await claims.isClaimed({ tabId: 7, frameId: 3, token })).toBe(true);
  });

  test('nothing armed, a wrong token or the wrong tab: refused, and the arm still waits for its frame', async () => {
    const { claims } = setup();
    expect(await claims.claim({ tabId: 7, frameId: 3, token: 'guess' })).toBe(false);
    const token = await claims.arm(7);
    expect(await claims.claim({ tabId: 7, frameId: 5, token: 'guess' })).toBe(false);
    expect(await claims.claim({ tabId: 7, frameId: 5, token: '' })).toBe(false);
    expect(await claims.claim({ tabId: 8, frameId: 3, token })).toBe(false);
    expect(await claims.isClaimed({ tabId: 8, frameId: 3, token })).toBe(false);
    expect(await claims.claim({ tabId: 7, frameId: 3, token })).toBe(true);
  });

  test('an arm expires', async () => {
    const { claims, store, advance } = setup(1000);
    const token = await claims.arm(7);
    advance(1001);
    expect(await claims.claim({ tabId: 7, frameId: 3, token })).toBe(false);
    expect(store.data.size).toBe(0);
  });

  test('a claimed frame keeps its claim past the arm’s expiry; a new arm replaces it', async () => {
    const { claims, advance } = setup(1000);
    const first = await claims.arm(7);
    expect(await claims.claim({ tabId: 7, frameId: 3, token: first })).toBe(true);
    advance(60_000);
    expect(await claims.isClaimed({ tabId: 7, frameId: 3, token: first })).toBe(true);
    const second = await claims.arm(7);
    expect(second).not.toBe(first);
    expect(await claims.isClaimed({ tabId: 7, frameId: 3, token: first })).toBe(false);
    expect(await claims.claim({ tabId: 7, frameId: 9, token: second })).toBe(true);
  });

  test('requests need the same tab, frame and token', async () => {
    const { claims } = setup();
    const token = await claims.arm(7);
    await claims.claim({ tabId: 7, frameId: 3, token });
    expect(await claims.isClaimed({ tabId: 7, frameId: 3 })).toBe(false);
    expect(await claims.isClaimed({ tabId: 7, frameId: 3, token: 'x' })).toBe(false);
    expect(await claims.isClaimed({ tabId: 7, frameId: 0, token })).toBe(false);
    expect(await claims.isClaimed({ tabId: 6, frameId: 3, token })).toBe(false);
  });

  test('kinds are separate, and forget drops a tab', async () => {
    const store = memoryStore();
    const ocr = createFrameClaims({ kind: 'ocr', store });
    const pin = createFrameClaims({ kind: 'pin', store });
    const token = await ocr.arm(7);
    expect(await pin.claim({ tabId: 7, frameId: 3, token })).toBe(false);
    expect(await ocr.claim({ tabId: 7, frameId: 3, token })).toBe(true);
    await ocr.forget(7);
    expect(await ocr.isClaimed({ tabId: 7, frameId: 3, token })).toBe(false);
  });

  test('tokens are random', () => {
    expect(new Set(Array.from({ length: 100 }, randomToken)).size).toBe(100);
  });
});
