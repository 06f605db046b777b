import { browser } from 'wxt/browser';
import { extensionEnv } from '../../components/app/extension-env';
import { renderExtensionPage } from '../../components/pages/render-page';
import { SessionPage } from '../../components/pages/SessionPage';
import { createRemoteClient } from '../../utils/progress/remote';
import { createExtensionSettingsStore } from '../../utils/settings/settings';

/**
 * Our PIN frame, placed by the page script in the page's panel. It works only once it has claimed
 * the place the page script armed, with the token the page script handed it (a frame the page
 * made itself has none and stays inert); it tells its page only what happened, never a value.
 */
const store = createExtensionSettingsStore(browser.storage.local, browser.storage.onChanged);
const view = new URLSearchParams(location.search).get('view') === 'banner' ? 'banner' : 'tab';
/** The token comes once, from the window that framed us; waited for a short while only. */
const WAIT_MS = 10_000;

/** With the token, whether the page script gave this frame focus for its form (the PIN was asked). */
type Handed = { token: string; focus: boolean };

function receiveToken(): Promise<Handed | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(undefined), WAIT_MS);
    const done = (handed: Handed | undefined) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(handed);
    };
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { pasapas?: unknown; token?: unknown; focus?: unknown } | null;
      if (e.source !== window.parent || data?.pasapas !== 'session-token') return;
      if (typeof data.token === 'string') done({ token: data.token, focus: data.focus === true });
    };
    window.addEventListener('message', onMessage);
    // Ready to hear it: the page script answers this with the token, to our origin only (so it
    // does not depend on when the browser fires the frame's load event).
    window.parent.postMessage({ pasapas: 'session', ready: true }, '*');
  });
}

/** Every call names the claimed place: the background answers only that frame, with that token. */
type Claimed = {
  client: ReturnType<typeof createRemoteClient>;
  endAll: () => Promise<unknown>;
  focus: boolean;
};

async function claim(): Promise<Claimed | undefined> {
  if (window.parent === window) return undefined;
  const handed = await receiveToken();
  if (!handed) return undefined;
  const { token } = handed;
  const answer = (await browser.runtime
    .sendMessage({ type: 'pasapas:session-claim', view, token })
    .catch(() => undefined)) as { claimed?: unknown } | undefined;
  if (answer?.claimed !== true) return undefined;
  return {
    client: createRemoteClient((message) =>
      browser.runtime.sendMessage({ ...message, frame: { view, token } }),
    ),
    endAll: () => browser.runtime.sendMessage({ type: 'pasapas:session-end', frame: { view, token } }),
    focus: handed.focus,
  };
}

const root = document.getElementById('app');
if (root)
  claim().then((claimed) =>
    renderExtensionPage(
      root,
      {
        store,
        env: extensionEnv(),
        // Unclaimed: the page says so and calls nothing; no client of the extension's own is made.
        storage: () => (claimed ? Promise.resolve(claimed.client) : Promise.reject(new Error('not claimed'))),
      },
      ({ announcement }) => (
        <SessionPage
          view={view}
          claimed={claimed !== undefined}
          takeFocus={claimed?.focus === true}
          announcement={announcement}
          endAll={claimed?.endAll}
        />
      ),
    ),
  );
