/**
 * The guide studio's messages (utils/messaging/protocol.ts): only the side panel may make the
 * background inject the picking script into a tab, install a guide or sign one; a web page’s script cannot.
 */
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../utils/messaging/protocol.ts';
import type { Caller } from '../../../utils/messaging/sender.ts';

const page = (path: string): Caller => ({ kind: 'page', path });
const site: Caller = { kind: 'content', tabId: 4, frameId: 0, origin: 'https://www.caf.fr' };

describe('studio messages', () => {
  it('picking in a tab: the side panel only, a known action, a bounded payload', () => {
    const pick = { type: 'pasapas:studio-page', action: 'pick', tabId: 7, hint: 'Entrée : choisir' };
    expect(checkMessage(pick, page('/sidepanel.html')).ok).toBe(true);
    expect(checkMessage(pick, site)).toEqual({ ok: false, refusal: { refused: 'sender' } });
    expect(checkMessage(pick, page('/options.html')).ok).toBe(false);
    expect(checkMessage(pick, page('/ocr.html')).ok).toBe(false);
    const side = page('/sidepanel.html');
    expect(checkMessage({ ...pick, action: 'fill' }, side).ok).toBe(false);
    expect(checkMessage({ ...pick, tabId: -1 }, side).ok).toBe(false);
    expect(checkMessage({ ...pick, action: 'move', delta: 5 }, side).ok).toBe(false);
    expect(checkMessage({ ...pick, action: 'move', delta: -1 }, side).ok).toBe(true);
    expect(checkMessage({ ...pick, hint: 'x'.repeat(201) }, side).ok).toBe(false);
  });

  it('installing a recorded guide: the side panel only, a bounded text', () => {
    const install = { type: 'pasapas:studio-install', text: '{"formatVersion":1}' };
    expect(checkMessage(install, page('/sidepanel.html')).ok).toBe(true);
    expect(checkMessage(install, site).ok).toBe(false);
    expect(checkMessage({ ...install, text: 'x'.repeat(512 * 1024 + 1) }, page('/sidepanel.html')).ok).toBe(
      false,
    );
  });

  it('the signing key and signing: the side panel only (a page never gets a guide signed with our key)', () => {
    const key = { type: 'pasapas:studio-key', action: 'create' };
    const sign = { type: 'pasapas:studio-sign', text: '{"formatVersion":1}' };
    const side = page('/sidepanel.html');
    expect(checkMessage(key, side).ok).toBe(true);
    expect(checkMessage({ ...key, action: 'status' }, side).ok).toBe(true);
    expect(checkMessage({ ...key, action: 'export-private' }, side).ok).toBe(false);
    expect(checkMessage(sign, side).ok).toBe(true);
    for (const caller of [site, page('/options.html'), page('/ocr.html'), page('/session.html')]) {
      expect(checkMessage(key, caller).ok).toBe(false);
      expect(checkMessage(sign, caller).ok).toBe(false);
    }
    expect(checkMessage({ ...sign, text: 'x'.repeat(512 * 1024 + 1) }, side).ok).toBe(false);
  });
});
