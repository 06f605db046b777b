import { describe, expect, it } from 'vitest';
import { GUIDES_CHANGED, isBroadcast } from '../../../utils/messaging/broadcasts';

describe('broadcasts to our extension pages', () => {
  it('are heard from our background only: not from a tab (our page script), another extension or another type', () => {
    const message = { type: GUIDES_CHANGED };
    expect(isBroadcast(message, GUIDES_CHANGED, { id: 'self' }, 'self')).toBe(true);
    expect(isBroadcast(message, GUIDES_CHANGED, { id: 'self', tab: { id: 3 } }, 'self')).toBe(false);
    expect(isBroadcast(message, GUIDES_CHANGED, { id: 'other' }, 'self')).toBe(false);
    expect(isBroadcast({ type: 'pasapas:other' }, GUIDES_CHANGED, { id: 'self' }, 'self')).toBe(false);
    for (const bad of [null, undefined, 'pasapas:guides-changed', 42])
      expect(isBroadcast(bad, GUIDES_CHANGED, { id: 'self' }, 'self')).toBe(false);
  });
});
