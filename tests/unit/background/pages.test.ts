/**
 * "Mes démarches" (every site's procedures, export, import) opens in an extension tab at the page
 * panel's request, never inside the web page (components/features/progress/background-demarches.ts), on the fake
 * browser's tabs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import 'fake-indexeddb/auto';
import { contentSender, EXTENSION, pageSender, send, startBackground } from './senders';

// The progress feature's background part owns this message (components/features/progress/background.ts).
startBackground(['progress']);

const DEMARCHES = `${EXTENSION}/demarches.html`;
const OPEN = { type: 'pasapas:open-demarches' };
const demarchesTabs = () => fakeBrowser.tabs.query({ url: DEMARCHES });

describe('pasapas:open-demarches', () => {
  beforeEach(async () => {
    // The fake browser's tabs only (this module's listeners are none).
    fakeBrowser.tabs.resetState();
  });

  it('from a content script opens demarches.html once, then brings that tab back', async () => {
    const page = (await fakeBrowser.tabs.create({ url: 'https://www.caf.fr/aides', active: true })) as {
      id: number;
    };
    const sender = contentSender('https://www.caf.fr/aides', page.id);
    expect(await demarchesTabs()).toEqual([]);

    expect(await send(OPEN, sender)).toEqual({ opened: true });
    const [opened, ...more] = await demarchesTabs();
    expect(more).toEqual([]);
    expect(opened?.url).toBe(DEMARCHES);

    // The person goes back to the site and asks again: the same tab comes to the front.
    await fakeBrowser.tabs.update(page.id, { active: true });
    expect(await send(OPEN, sender)).toEqual({ opened: true });
    expect((await demarchesTabs()).map((t) => [t.id, t.active])).toEqual([[opened?.id, true]]);
  });

  it('is refused to anyone but our page script', async () => {
    for (const sender of [
      { ...contentSender('https://www.caf.fr/', 1), id: 'another-extension' },
      contentSender('https://www.caf.fr/', 1, { frameId: 3 }),
      pageSender('/ocr.html', { tabId: 1, frameId: 3 }),
      pageSender('/session.html', { tabId: 1, frameId: 3 }),
    ]) {
      expect(await send(OPEN, sender)).toEqual({ refused: 'sender' });
    }
    expect(await demarchesTabs()).toEqual([]);
    // A field the table does not know is dropped by its schema: no address to open rides along.
    expect(await send({ ...OPEN, url: 'https://evil.example' }, contentSender('https://a.fr/', 1))).toEqual({
      opened: true,
    });
    expect((await demarchesTabs()).map((t) => t.url)).toEqual([DEMARCHES]);
  });
});
