import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createTranslator } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { type OcrConfig, ocrConfigOf } from './config';
import { ocrMessages } from './messages';
import ocrCss from './ocr.css?inline';
import { inPageBridge } from './page';
import { OCR_CLAIM_POST, OCR_FRAME_READY, type OcrBridge } from './protocol';

const translate = createTranslator(uiMessages, ocrMessages);

/** The iframe's own rules: it sits in a shadow root of its own, where the panel's sheet does not reach. */
const FRAME_STYLE = 'display:block;width:100%;height:min(75vh,46em);border:0';

/**
 * The extension: the reading happens in our own page, framed here; this side only fills the page.
 * The frame sits in a *closed* shadow root of its own (the panel's root is open: the page could swap the
 * frame's address), and before it loads the background arms it: when the frame says it listens, the
 * token reaches it by `postMessage` to our origin only, and the background honours only the frame that
 * claims with it.
 */
function OcrFrame({ page, arm }: { page: string; arm: () => Promise<string> }) {
  const { lang, settings, env } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    const comfort = settings.value.comfort;
    // Fixed when the tab opens: a new src would reload the frame and lose the reading in progress.
    const src = `${page}?${new URLSearchParams({
      lang: lang.value,
      theme: comfort.theme,
      scale: String(comfort.textScale),
    })}`;
    const shadow = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.setAttribute('style', FRAME_STYLE);
    frame.title = translate(lang.value, 'ocr.frameTitle');
    frame.setAttribute('data-testid', 'ocr-frame');
    // No camera or clipboard permission is delegated to the frame: Chrome would grant it to the page's site.
    let alive = true;
    let token: string | undefined;
    // The frame says when it listens (its `load` event may come before its script does, in Chromium):
    // only then does it get the token, once, to our origin only, and only from our frame's own window.
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow || !token) return;
      if ((e.data as { type?: unknown } | null)?.type !== OCR_FRAME_READY) return;
      // Our origin, not the address: with use_dynamic_url the frame lands on the extension's own origin.
      const origin = new URL(env.asset('')).origin;
      frame.contentWindow?.postMessage({ type: OCR_CLAIM_POST, token }, origin);
      // One claim per arm: a document the frame is later navigated to has nothing to gain from it.
      token = undefined;
    };
    window.addEventListener('message', onMessage);
    arm().then(
      (armed) => {
        if (!alive) return;
        token = armed;
        frame.src = src;
        shadow.append(frame);
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
      window.removeEventListener('message', onMessage);
      frame.remove();
    };
  }, []);
  if (failed) return <p class="pp-message pp-message--error">{translate(lang.value, 'ocr.failed')}</p>;
  return <div ref={ref} class="pp-ocr-frame-host" />;
}

type ReaderModule = typeof import('./Reader');
let readerModule: Promise<ReaderModule> | undefined;

/**
 * The widget and the extension's side panel: the reading screen and the engine wrapper load only here (the
 * extension's page panel frames its own page instead).
 */
function InPage({ make }: { make: () => OcrBridge }) {
  const { lang } = useServices();
  const bridge = useMemo(make, [make]);
  const [mod, setMod] = useState<ReaderModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    readerModule ??= import('./Reader');
    readerModule.then(
      (m) => alive && setMod(m),
      () => {
        readerModule = undefined;
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  if (failed) return <p class="pp-message pp-message--error">{translate(lang.value, 'ocr.failed')}</p>;
  if (!mod) return <p class="pp-loading">{translate(lang.value, 'ocr.stage.preparing')}</p>;
  return <mod.Reader bridge={bridge} lang={lang.value} />;
}

export default function OcrTab() {
  const services = useServices();
  const { lang } = services;
  const ref = useRef<HTMLDivElement>(null);
  const config: OcrConfig = useMemo(() => ocrConfigOf(services), [services]);
  // One stable maker per panel, so the bridge is made once.
  const inPage = useMemo(() => {
    const base = config.base;
    return base ? () => inPageBridge(base, services, config.demoKey === true) : undefined;
  }, [config, services]);
  useAdoptedSheet(ocrCss, ref);
  return (
    <div ref={ref}>
      {config.bridge ? (
        <InPage make={config.bridge} />
      ) : config.page && config.arm ? (
        <OcrFrame page={config.page} arm={config.arm} />
      ) : inPage ? (
        <InPage make={inPage} />
      ) : (
        <p class="pp-message">{translate(lang.value, 'ocr.unavailable')}</p>
      )}
    </div>
  );
}
