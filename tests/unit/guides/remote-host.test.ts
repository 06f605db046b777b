// @vitest-environment jsdom
/**
 * The page's side of the side panel, on a copy of the demo's identity page: the documents
 * checklist ticked by the side panel is the page's own, bad ticks are ignored, and a held
 * 'watch' is answered when the in-page tab ticks a document.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checklist } from '../../../components/features/guides/page-sync';
import { guideCommand } from '../../../components/features/guides/remote-host';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';
import { testServices } from '../panel-services';
import { httpGet } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BASE = `${location.origin}/pasapas/guides/`;
const GUIDE_ID = JSON.parse(readFileSync(path.join(ROOT, 'public/guides/fr.demo.aide-logement.json'), 'utf8'))
  .id as string;

let server: DemoServer;
/** The panel's context on this page: the bundled guides only. */
const ctx = testServices({ guideSources: { base: BASE } });
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  const html = await httpGet(`${server.url}/aide-logement/identite.html?widget=0`);
  vi.stubGlobal('fetch', async (input: string) => {
    const url = String(input);
    if (!url.startsWith(BASE)) return new Response('', { status: 404 });
    try {
      return new Response(readFileSync(path.join(ROOT, 'public/guides', url.slice(BASE.length)), 'utf8'));
    } catch {
      return new Response('', { status: 404 });
    }
  });
  history.replaceState(null, '', '/aide-logement/identite.html');
  document.body.innerHTML = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
});
afterAll(async () => {
  (await ctx.guideService()).dispose();
  vi.unstubAllGlobals();
  await server.close();
});
afterEach(() => {
  for (const id of checklist.get(GUIDE_ID)) checklist.set(GUIDE_ID, id, false);
});

describe('guideCommand (page side)', () => {
  it('ticks the followed guide’s documents in the page’s own checklist, and ignores anything else', async () => {
    const first = await guideCommand({ action: 'state' }, ctx);
    expect(first.current?.guideId).toBe(GUIDE_ID);
    expect(first.ticked).toEqual([]);
    expect(first.key).not.toBe('');

    const ticked = await guideCommand(
      { action: 'tick', guideId: GUIDE_ID, documentId: 'rib', ticked: true },
      ctx,
    );
    expect(ticked.ticked).toEqual(['rib']);
    expect([...checklist.get(GUIDE_ID)]).toEqual(['rib']);
    expect(ticked.key).not.toBe(first.key);

    for (const bad of [
      { action: 'tick', guideId: GUIDE_ID, documentId: 'passeport', ticked: true },
      { action: 'tick', guideId: 'fr.autre.guide', documentId: 'rib', ticked: true },
      { action: 'tick', guideId: GUIDE_ID, documentId: 'rib', ticked: 'non' },
      { action: 'tick', guideId: GUIDE_ID, documentId: 'avis-impot' },
    ]) {
      const answer = await guideCommand(bad, ctx);
      expect(answer.status).toBe('ready');
      expect(answer.ticked).toEqual(['rib']);
    }
    expect(checklist.get('fr.autre.guide').size).toBe(0);
  });

  it('holds a watch until the in-page tab ticks a document, answers a stale one at once', async () => {
    const shown = await guideCommand({ action: 'state' }, ctx);
    let answered: Awaited<ReturnType<typeof guideCommand>> | undefined;
    const subscribe = vi.spyOn(checklist, 'subscribe');
    const watching = guideCommand({ action: 'watch', since: shown.key }, ctx).then((a) => {
      answered = a;
      return a;
    });
    // The watch has looked at the page, found nothing new and now listens to the checklist: it is held.
    await vi.waitFor(() => expect(subscribe).toHaveBeenCalled(), { timeout: 10_000 });
    subscribe.mockRestore();
    expect(answered).toBeUndefined();
    // The in-page tab's checkbox writes the same checklist.
    checklist.set(GUIDE_ID, 'avis-impot', true);
    const answer = await watching;
    expect(answer.ticked).toEqual(['avis-impot']);
    expect(answer.current?.index).toBe(shown.current?.index);

    const stale = await guideCommand({ action: 'watch', since: shown.key }, ctx);
    expect(stale.key).toBe(answer.key);
  });
});
