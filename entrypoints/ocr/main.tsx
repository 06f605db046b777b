/**
 * The extension's reading page, framed inside the panel (web-accessible `ocr.html`). The document, the
 * engine and the image stay in the extension's origin; only the values the person confirmed go to the
 * page, through the background and the content script (browser.runtime messaging).
 */
import { type ComponentChildren, render } from 'preact';
import { browser } from 'wxt/browser';
import { ocrMessages } from '../../components/features/ocr/messages';
import { preprocessWorker } from '../../components/features/ocr/preprocess-worker';
import {
  OCR_CLAIM_POST,
  OCR_FRAME_READY,
  OCR_MESSAGES,
  type OcrBridge,
  type PageTargets,
} from '../../components/features/ocr/protocol';
import { Reader } from '../../components/features/ocr/Reader';
import '../../components/styles/panel.css';
import '../../components/features/ocr/ocr.css';
import { THEMES } from '../../utils/comfort/settings';
import { createTranslator, dir, isLang, type Lang } from '../../utils/i18n';
import type { InfoEntry } from '../../utils/infos/kinds';
import type { FillReport } from '../../utils/ocr/fill/index';
import { RemoteError } from '../../utils/progress/errors';
import type { CallAnswer } from '../../utils/progress/remote';

const translate = createTranslator(ocrMessages);
const params = new URLSearchParams(location.search);
const lang: Lang = isLang(params.get('lang')) ? (params.get('lang') as Lang) : 'fr';
const theme = (THEMES as readonly string[]).includes(params.get('theme') ?? '')
  ? params.get('theme')
  : undefined;
const scale = Math.min(3, Math.max(0.5, Number(params.get('scale')) || 1));
document.documentElement.lang = lang;
document.documentElement.dir = dir(lang);
document.title = translate(lang, 'ocr.frameTitle');

// The camera window: the page at the top of its own window (the background knows which tab it fills).
const cameraWindow = window.top === window && params.get('camera') === '1';

/** The token this frame claimed with (utils/messaging/frame-claims.ts); the camera window needs none. */
let claim = '';
const send = (message: Record<string, unknown>) =>
  browser.runtime.sendMessage({ ...message, claim }) as Promise<unknown>;

/** One « Mes informations » request: its value, or the file's own error (locked, a refused value…). */
async function infosCall(message: Record<string, unknown>): Promise<unknown> {
  const answer = (await send({ type: OCR_MESSAGES.infos, ...message })) as CallAnswer | undefined;
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) throw new Error('no answer');
  if (!answer.ok) throw new RemoteError(answer.error);
  return answer.value;
}

// "Lire la page affichée" shoots the tab: only from the person's own click (or key), never a script's.
let trustedClick = false;
document.addEventListener(
  'click',
  (e) => {
    trustedClick = e.isTrusted;
  },
  true,
);

const bridge: OcrBridge = {
  assetsBase: browser.runtime.getURL('/ocr/' as '/'),
  preprocessWorker,
  async targets() {
    const answer = (await send({ type: OCR_MESSAGES.targets })) as PageTargets | undefined;
    return answer && Array.isArray(answer.targets) ? answer : { targets: [] };
  },
  async fill(items) {
    const answer = (await send({ type: OCR_MESSAGES.fill, items })) as FillReport | undefined;
    if (!answer || !Array.isArray(answer.filled)) throw new Error('fill failed');
    return answer;
  },
  pasteButton: cameraWindow,
};
if (cameraWindow) bridge.close = () => window.close();
else {
  bridge.showOnPage = async (keys) => {
    await send({ type: OCR_MESSAGES.showFilled, keys });
  };
  // « Enregistrer dans Mes informations »: only this claimed frame is answered (progress/background-infos.ts);
  // the file is found again in the side panel. The camera window gets none: it is no claimed frame.
  bridge.infos = {
    async entries(kinds) {
      return (await infosCall({ action: 'entries', kinds: [...kinds] })) as InfoEntry[];
    },
    async put(input, id) {
      await infosCall({ action: 'put', input, ...(id === undefined ? {} : { id }) });
    },
  };
  bridge.openCamera = async () => {
    const answer = (await send({
      type: OCR_MESSAGES.cameraWindow,
      lang,
      theme: theme ?? 'default',
      scale: String(scale),
    })) as { ok?: boolean } | undefined;
    if (!answer?.ok) throw new Error('no camera window');
  };
  bridge.captureTab = async () => {
    if (!trustedClick) throw new Error('capture without the person’s click');
    trustedClick = false;
    const answer = (await send({ type: OCR_MESSAGES.capture })) as { dataUrl?: string } | undefined;
    if (!answer?.dataUrl) throw new Error('capture failed');
    return answer.dataUrl;
  };
}

/**
 * Framed in a page, this page does nothing until our page script hands it the token it armed (by
 * postMessage, from the parent, in answer to our "ready") and the background accepts the claim. Any other
 * framing (a site that learned our address) gets a plain message and nothing else.
 */
function claimFromParent(timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; token?: unknown } | null;
      if (event.source !== window.parent || data?.type !== OCR_CLAIM_POST || typeof data.token !== 'string')
        return;
      const token = data.token;
      browser.runtime
        .sendMessage({ type: OCR_MESSAGES.claim, token })
        .then((answer: unknown) => {
          if (!(answer as { ok?: unknown } | undefined)?.ok) return;
          claim = token;
          done(true);
        })
        .catch(() => undefined);
    };
    const done = (ok: boolean) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(ok);
    };
    window.addEventListener('message', onMessage);
    // Ready to hear it: the page script answers this with the token, to our origin only (so it does not
    // depend on when the browser fires the frame's load event). The message says nothing else.
    window.parent.postMessage({ type: OCR_FRAME_READY }, '*');
  });
}

const root = document.getElementById('app');
const show = (body: ComponentChildren) =>
  root &&
  render(
    <div
      class="pp-root pp-ocr-page"
      lang={lang}
      dir={dir(lang)}
      data-theme={theme ?? undefined}
      style={{ '--pp-scale': String(scale) }}
    >
      <h1 class="pp-sr-only">{translate(lang, 'ocr.frameTitle')}</h1>
      {body}
    </div>,
    root,
  );

if (cameraWindow) show(<Reader bridge={bridge} lang={lang} level={2} camera />);
else
  void claimFromParent(10_000).then((ok) =>
    show(
      ok ? (
        <Reader bridge={bridge} lang={lang} level={2} camera={false} />
      ) : (
        <p class="pp-message" data-testid="ocr-unclaimed">
          {translate(lang, 'ocr.unclaimed')}
        </p>
      ),
    ),
  );
