/**
 * The extension's reading page, framed inside the panel (web-accessible `ocr.html`). The document, the
 * engine and the image stay in the extension's origin; only the values the person confirmed go to the
 * page, through the background and the content script (browser.runtime messaging).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ocrMessages } from '../../components/features/ocr/messages';
import { preprocessWorker } from '../../components/features/ocr/preprocess-worker';
import { OCR_MESSAGES, type OcrBridge, type PageTargets } from '../../components/features/ocr/protocol';
import { Reader } from '../../components/features/ocr/Reader';
import '../../components/styles/panel.css';
import '../../components/features/ocr/ocr.css';
import { THEMES } from '../../utils/comfort/settings';
import { createTranslator, dir, isLang, type Lang } from '../../utils/i18n';
import type { FillReport } from '../../utils/ocr/fill/index';

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

const send = (message: Record<string, unknown>) => browser.runtime.sendMessage(message) as Promise<unknown>;

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
    const answer = (await send({ type: OCR_MESSAGES.capture })) as { dataUrl?: string } | undefined;
    if (!answer?.dataUrl) throw new Error('capture failed');
    return answer.dataUrl;
  };
}

const root = document.getElementById('app');
if (root)
  render(
    <div
      class="pp-root pp-ocr-page"
      lang={lang}
      dir={dir(lang)}
      data-theme={theme ?? undefined}
      style={{ '--pp-scale': String(scale) }}
    >
      <h1 class="pp-sr-only">{translate(lang, 'ocr.frameTitle')}</h1>
      <Reader bridge={bridge} lang={lang} level={2} camera={cameraWindow} />
    </div>,
    root,
  );
