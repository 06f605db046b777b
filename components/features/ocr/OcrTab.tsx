import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createTranslator } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { useServices } from '../../app/services';
import { ocrConfig } from './config';
import { ocrMessages } from './messages';
import ocrCss from './ocr.css?inline';
import { inPageBridge } from './page';
import type { OcrBridge } from './protocol';

const translate = createTranslator(uiMessages, ocrMessages);

let sheet: CSSStyleSheet | undefined;
/** Our rules join the panel's shadow root once. */
function adoptStyles(node: Node | null) {
  const root = node?.getRootNode() as ShadowRoot | Document | undefined;
  if (!root || !('adoptedStyleSheets' in root)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(ocrCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The extension: the reading happens in our own page, framed here; this side only fills the page. */
function OcrFrame({ page }: { page: string }) {
  const { lang, settings } = useServices();
  // No camera or clipboard permission is delegated to the frame: Chrome would grant it to the page's site.
  // Fixed when the tab opens: a new src would reload the frame and lose the reading in progress.
  const [src] = useState(() => {
    const comfort = settings.value.comfort;
    return `${page}?${new URLSearchParams({
      lang: lang.value,
      theme: comfort.theme,
      scale: String(comfort.textScale),
    })}`;
  });
  return (
    <iframe
      class="pp-ocr-iframe"
      src={src}
      title={translate(lang.value, 'ocr.frameTitle')}
      data-testid="ocr-frame"
    />
  );
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

const makers = new Map<string, () => OcrBridge>();
/** One stable maker per base, so the bridge is made once. */
function inPage(base: string): () => OcrBridge {
  let make = makers.get(base);
  if (!make) {
    make = () => inPageBridge(base);
    makers.set(base, make);
  }
  return make;
}

export default function OcrTab() {
  const { lang } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const config = ocrConfig();
  useLayoutEffect(() => adoptStyles(ref.current), []);
  return (
    <div ref={ref}>
      {config.bridge ? (
        <InPage make={config.bridge} />
      ) : config.page ? (
        <OcrFrame page={config.page} />
      ) : config.base ? (
        <InPage make={inPage(config.base)} />
      ) : (
        <p class="pp-message">{translate(lang.value, 'ocr.unavailable')}</p>
      )}
    </div>
  );
}
