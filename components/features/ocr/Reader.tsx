/**
 * The reading screen, the same in the widget (in the page) and in the extension (in our own ocr.html
 * frame, the side panel and the camera window): choose a document, follow the reading (cancellable), check
 * and correct each value, choose where it goes, then "Remplir". Nothing is filled before that press;
 * uncertain values are never pre-selected.
 *
 * The flow itself is utils/ocr/reading-flow.ts (no Preact); its effects are in use-reading.ts; each screen
 * is in views/. This file wires them to the person's inputs: file picker, paste, clipboard button, tab
 * capture and camera.
 */
import { useReducer, useRef } from 'preact/hooks';
import { createTranslator, type Lang } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { ocrQualityCatalogs } from '../../../utils/ocr/index';
import { acceptsDocument, initialFlow, type ReadingSource, step } from '../../../utils/ocr/reading-flow';
import { ocrMessages } from './messages';
import type { OcrBridge } from './protocol';
import { useReadingEffects } from './use-reading';
import { Camera } from './views/Camera';
import { Choose } from './views/Choose';
import { Filled } from './views/Filled';
import { LevelContext, type T } from './views/parts';
import { Reading } from './views/Reading';
import { Result } from './views/Result';

const translate = createTranslator(uiMessages, ocrQualityCatalogs, ocrMessages);

/** `level`: the heading level of the screens (3 inside the panel's tab, 2 in ocr.html under its h1). */
export function Reader({
  bridge,
  lang,
  level = 3,
  camera = false,
}: {
  bridge: OcrBridge;
  lang: Lang;
  level?: 2 | 3;
  /** Start with the camera on (the extension's camera window). */
  camera?: boolean;
}) {
  const t: T = (key, params) => translate(lang, key, params);
  const [state, dispatch] = useReducer(step, camera, initialFlow);
  const fileRef = useRef<HTMLInputElement>(null);
  useReadingEffects(bridge, state, dispatch);
  const { phase } = state;

  const start = (source: ReadingSource) => dispatch({ type: 'start', source });
  const startFile = (file: Blob) => start({ kind: 'file', file });

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) startFile(file);
  };

  const onPaste = (e: ClipboardEvent) => {
    if (!acceptsDocument(state)) return;
    const item = [...(e.clipboardData?.items ?? [])].find((i) => i.type.startsWith('image/'));
    const file = item?.getAsFile();
    if (!file) return;
    e.preventDefault();
    startFile(file);
  };

  const pasteButton = async () => {
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((x) => x.startsWith('image/'));
        if (type) {
          startFile(await item.getType(type));
          return;
        }
      }
    } catch {
      // Refused or not supported: same plain message.
    }
    dispatch({ type: 'input-failed', problem: 'paste-empty' });
  };

  const captureTab = async () => {
    if (!bridge.captureTab) return;
    try {
      const url = await bridge.captureTab();
      startFile(await (await fetch(url)).blob());
    } catch {
      dispatch({ type: 'input-failed', problem: 'capture-failed' });
    }
  };

  const openCamera = () => {
    if (bridge.openCamera)
      bridge.openCamera().catch(() => dispatch({ type: 'input-failed', problem: 'camera-unavailable' }));
    else dispatch({ type: 'camera' });
  };

  const again = () => dispatch({ type: 'again' });

  return (
    <LevelContext.Provider value={level}>
      <div class="pp-stack pp-ocr" data-testid="ocr-tab" onPaste={onPaste}>
        {phase.k === 'choosing' && (
          <Choose
            t={t}
            notice={phase.notice}
            fileRef={fileRef}
            onFile={onFile}
            onCamera={openCamera}
            onPasteButton={bridge.pasteButton === false ? undefined : pasteButton}
            onCapture={bridge.captureTab ? captureTab : undefined}
          />
        )}
        {phase.k === 'camera' && (
          <Camera
            t={t}
            onShot={(pixels) => start({ kind: 'pixels', pixels })}
            onCancel={(unavailable) => dispatch({ type: 'camera-closed', unavailable })}
          />
        )}
        {phase.k === 'reading' && (
          <Reading t={t} stage={phase.stage} onCancel={() => dispatch({ type: 'cancel' })} />
        )}
        {(phase.k === 'result' || phase.k === 'filling') && state.read && (
          <Result
            t={t}
            lang={lang}
            read={state.read}
            rows={state.rows}
            page={state.page}
            keep={state.keep}
            notice={phase.k === 'result' ? phase.notice : undefined}
            onKeep={(keep) => dispatch({ type: 'keep', keep })}
            onEdit={(n, value) => dispatch({ type: 'edit', n, value })}
            onTarget={(n, targetKey) => dispatch({ type: 'target', n, targetKey })}
            onFill={() => dispatch({ type: 'confirm' })}
            onAgain={again}
            {...(bridge.infos ? { infos: bridge.infos } : {})}
          />
        )}
        {phase.k === 'filled' && (
          <Filled
            t={t}
            lang={lang}
            report={phase.report}
            rows={state.rows}
            image={state.keep ? (state.read?.image ?? null) : null}
            forgotten={state.forgotten}
            onForget={() => dispatch({ type: 'forget' })}
            onAgain={again}
            onClose={bridge.close}
            {...(bridge.showOnPage && phase.report.filled.length > 0
              ? { onShowPage: () => void bridge.showOnPage?.(phase.report.filled).catch(() => undefined) }
              : {})}
          />
        )}
      </div>
    </LevelContext.Provider>
  );
}
