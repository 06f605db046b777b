import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createTranslator } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { useServices } from '../../app/services';
import { ocrConfig } from './config';
import { ocrMessages } from './messages';
import ocrCss from './ocr.css?inline';
import { answerOcrFrame, inPageBridge } from './page';
import { Reader } from './Reader';

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
  useEffect(() => answerOcrFrame(), []);
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
      allow="camera; clipboard-read"
      data-testid="ocr-frame"
    />
  );
}

export default function OcrTab() {
  const { lang } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const config = ocrConfig();
  useLayoutEffect(() => adoptStyles(ref.current), []);
  const bridge = useMemo(() => (config.base ? inPageBridge(config.base) : null), [config.base]);
  return (
    <div ref={ref}>
      {config.page ? (
        <OcrFrame page={config.page} />
      ) : bridge ? (
        <Reader bridge={bridge} lang={lang.value} />
      ) : (
        <p class="pp-message">{translate(lang.value, 'ocr.unavailable')}</p>
      )}
    </div>
  );
}
