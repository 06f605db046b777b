import { describe, expect, it } from 'vitest';
import { OCR_MESSAGES } from '../../../components/features/ocr/protocol';
import {
  checkMessage,
  PROTOCOL,
  SESSION_PAGE,
  SITE_METHODS,
  TRUSTED_PAGES,
} from '../../../utils/messaging/protocol';
import { type Caller, classifySender, type RawSender } from '../../../utils/messaging/sender';
import { PROGRESS_METHODS } from '../../../utils/progress/types';

const SELF = { id: 'ourid' };
const EXT = 'chrome-extension://ourid';
const content = (url: string, extra: Partial<RawSender> = {}): RawSender => ({
  id: 'ourid',
  url,
  frameId: 0,
  tab: { id: 7, url, windowId: 1 },
  ...extra,
});

describe('classifySender', () => {
  it('reads our page script on a web page as that page origin, and nothing more', () => {
    expect(classifySender(content('https://www.caf.fr/aides/logement?x=1#y'), SELF)).toEqual({
      kind: 'content',
      tabId: 7,
      frameId: 0,
      origin: 'https://www.caf.fr',
    });
  });

  it('refuses another extension, a sub-frame, a sender without tab, an odd scheme', () => {
    expect(classifySender({ ...content('https://a.fr/'), id: 'otherid' }, SELF)).toBeNull();
    expect(classifySender(content('https://a.fr/', { frameId: 3 }), SELF)).toBeNull();
    expect(classifySender({ id: 'ourid', url: 'https://a.fr/', frameId: 0 }, SELF)).toBeNull();
    expect(classifySender(content('javascript:alert(1)'), SELF)).toBeNull();
    expect(classifySender(content('data:text/html,hi'), SELF)).toBeNull();
    expect(classifySender({ id: 'ourid' }, SELF)).toBeNull();
  });

  it('reads our extension pages by path, with their tab and frame when they have one', () => {
    expect(classifySender({ id: 'ourid', url: `${EXT}/sidepanel.html` }, SELF)).toEqual({
      kind: 'page',
      path: '/sidepanel.html',
    });
    expect(
      classifySender(
        { id: 'ourid', url: `${EXT}/session.html?view=tab`, frameId: 5, tab: { id: 9, windowId: 2 } },
        SELF,
      ),
    ).toEqual({ kind: 'page', path: '/session.html', tabId: 9, windowId: 2, frameId: 5 });
    // A per-session dynamic host (use_dynamic_url): still ours, by the browser-filled id.
    expect(classifySender({ id: 'ourid', url: 'chrome-extension://d1n4m1c/ocr.html' }, SELF)).toMatchObject({
      kind: 'page',
      path: '/ocr.html',
    });
  });
});

describe('the protocol table', () => {
  const site: Caller = { kind: 'content', tabId: 7, frameId: 0, origin: 'https://a.fr' };
  const page = (path: string): Caller => ({ kind: 'page', path });

  it('gives our page script its own site’s progress, never the whole-computer methods', () => {
    expect(checkMessage({ type: 'progress:site', method: 'saveMany', args: [[]] }, site).ok).toBe(true);
    for (const method of [
      'list',
      'exportFile',
      'importFile',
      'wipe',
      'choosePin',
      'unlock',
      'setPublicComputer',
    ]) {
      const asSite = checkMessage({ type: 'progress:site', method, args: [] }, site);
      // `list` is allowed but scoped (site-scope.ts); the rest are not site methods at all.
      if (method === 'list') expect(asSite.ok).toBe(true);
      else expect(asSite).toEqual({ ok: false, refusal: { refused: 'payload' } });
      expect(checkMessage({ type: 'progress:call', method, args: [] }, site)).toEqual({
        ok: false,
        refusal: { refused: 'sender' },
      });
    }
  });

  it('gives every progress method to our trusted pages and the PIN frame, none to another page', () => {
    for (const path of [...TRUSTED_PAGES, SESSION_PAGE]) {
      expect(checkMessage({ type: 'progress:call', method: 'exportFile', args: ['x'] }, page(path)).ok).toBe(
        true,
      );
    }
    expect(checkMessage({ type: 'progress:call', method: 'list', args: [] }, page('/ocr.html')).ok).toBe(
      false,
    );
    expect(checkMessage({ type: 'progress:site', method: 'list', args: [] }, page('/options.html')).ok).toBe(
      false,
    );
  });

  it('refuses unknown types, null callers, inherited keys and oversized payloads', () => {
    expect(checkMessage({ type: 'progress:nope' }, site)).toEqual({
      ok: false,
      refusal: { refused: 'unknown' },
    });
    expect(checkMessage({ type: 'toString' }, site)).toEqual({ ok: false, refusal: { refused: 'unknown' } });
    expect(checkMessage({ type: 'progress:site', method: 'mode', args: [] }, null)).toEqual({
      ok: false,
      refusal: { refused: 'sender' },
    });
    expect(checkMessage({ type: 'progress:site', method: 'mode', args: [1, 2, 3, 4, 5] }, site)).toEqual({
      ok: false,
      refusal: { refused: 'payload' },
    });
    expect(checkMessage({ type: 'progress:site', method: 'mode' }, site).ok).toBe(false);
    const items = Array.from({ length: 201 }, () => ({}));
    expect(checkMessage({ type: 'pasapas:ocr-fill', items }, page('/ocr.html')).ok).toBe(false);
  });

  it('has a policy for every message our code sends, and site methods are progress methods', () => {
    for (const type of Object.values(OCR_MESSAGES)) expect(Object.hasOwn(PROTOCOL, type)).toBe(true);
    for (const method of SITE_METHODS) expect(PROGRESS_METHODS).toContain(method);
    for (const [type, entry] of Object.entries(PROTOCOL)) {
      const from = entry.from as { content?: boolean; pages?: readonly string[] };
      expect(from.content === true || (from.pages?.length ?? 0) > 0, type).toBe(true);
    }
  });

  it('« Mes informations » from a reading: only our OCR frame, only the kinds it names, add or replace', () => {
    const claim = 'a'.repeat(32);
    const entries = {
      type: 'progress:infos-from-reading',
      action: 'entries',
      kinds: ['fiscal-number'],
      claim,
    };
    const put = {
      type: 'progress:infos-from-reading',
      action: 'put',
      input: { kind: 'fiscal-number', value: '3023217600053', source: { kind: '2ddoc' } },
      id: 'x',
      claim,
    };
    expect(checkMessage(entries, page('/ocr.html')).ok).toBe(true);
    expect(checkMessage(put, page('/ocr.html')).ok).toBe(true);
    // A web page's script, or our other pages (they have the whole file through progress:call).
    expect(checkMessage(entries, site).ok).toBe(false);
    expect(checkMessage(entries, page('/session.html')).ok).toBe(false);
    // No other action (a delete, an export), no unknown kind, no frame without its token.
    expect(checkMessage({ ...entries, action: 'remove' }, page('/ocr.html')).ok).toBe(false);
    expect(checkMessage({ ...entries, kinds: ['password'] }, page('/ocr.html')).ok).toBe(false);
    expect(checkMessage({ ...entries, claim: undefined }, page('/ocr.html')).ok).toBe(false);
    expect(
      checkMessage({ ...put, input: { ...put.input, source: { kind: 'signed-by-me' } } }, page('/ocr.html'))
        .ok,
    ).toBe(false);
  });

  it('only our OCR frame relays to the page, only the side panel reads for the tab in front', () => {
    expect(checkMessage({ type: 'pasapas:ocr-capture' }, site).ok).toBe(false);
    expect(checkMessage({ type: 'pasapas:ocr-capture' }, page('/ocr.html')).ok).toBe(true);
    expect(checkMessage({ type: 'pasapas:ocr-side', action: 'capture' }, page('/popup.html')).ok).toBe(false);
    expect(checkMessage({ type: 'pasapas:ocr-side', action: 'capture' }, page('/sidepanel.html')).ok).toBe(
      true,
    );
    expect(
      checkMessage({ type: 'pasapas:ocr-side', action: 'format-disk' }, page('/sidepanel.html')).ok,
    ).toBe(false);
  });
});
