/** The first screen: a file, the camera, the clipboard or the tab; and why the person is back here. */
import { useEffect } from 'preact/hooks';
import type { ChooseNotice, ChooseProblem } from '../../../../utils/ocr/reading-flow';
import type { T } from './parts';

const NOTICE_KEY: Record<ChooseProblem, string> = {
  cancelled: 'ocr.cancelled',
  failed: 'ocr.failed',
  'bad-file': 'ocr.badFile',
  'pdf-locked': 'ocr.pdfLocked',
  // The words for "too large" are shared with the command line (utils/ocr/preprocess/messages.ts).
  'image-too-large': 'ocr.image.image-too-large',
  'paste-empty': 'ocr.pasteEmpty',
  'capture-failed': 'ocr.captureFailed',
  'camera-unavailable': 'ocr.cameraUnavailable',
};

export function Choose(props: {
  t: T;
  notice?: ChooseNotice;
  fileRef: { current: HTMLInputElement | null };
  onFile: (e: Event) => void;
  onCamera: () => void;
  onPasteButton?: () => void;
  onCapture?: () => void;
}) {
  const { t, notice } = props;
  const message = notice && t(NOTICE_KEY[notice.problem]);
  // Back from another screen (cancel, error): keyboard focus returns to the file picker.
  useEffect(() => {
    if (message) props.fileRef.current?.focus();
  }, [message]);
  const hasCamera = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  return (
    <>
      <p>{t('ocr.intro')}</p>
      {message && (
        <p
          class={`pp-message${notice?.error ? ' pp-message--error' : ''}`}
          role="alert"
          data-testid="ocr-message"
        >
          {message}
        </p>
      )}
      <div class="pp-ocr-file">
        <label for="pp-ocr-file">{t('ocr.choose')}</label>
        <span id="pp-ocr-file-hint" class="pp-ocr-hint">
          {t('ocr.chooseHint')}
        </span>
        <input
          ref={props.fileRef}
          id="pp-ocr-file"
          type="file"
          accept="image/*,application/pdf,.pdf"
          aria-describedby="pp-ocr-file-hint"
          data-testid="ocr-file"
          onChange={props.onFile}
        />
      </div>
      <div class="pp-row">
        {hasCamera && (
          <button type="button" class="pp-button" data-action="ocr-camera" onClick={props.onCamera}>
            {t('ocr.camera')}
          </button>
        )}
        {props.onPasteButton && (
          <button type="button" class="pp-button" data-action="ocr-paste" onClick={props.onPasteButton}>
            {t('ocr.pasteButton')}
          </button>
        )}
        {props.onCapture && (
          <button type="button" class="pp-button" data-action="ocr-capture" onClick={props.onCapture}>
            {t('ocr.captureTab')}
          </button>
        )}
      </div>
      <p class="pp-ocr-hint">{t('ocr.paste')}</p>
    </>
  );
}
