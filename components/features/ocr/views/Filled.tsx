/** After « Remplir »: what was filled, what could not be, and the kept image with « Oublier ». */
import type { Lang } from '../../../../utils/i18n';
import { fieldLabel } from '../../../../utils/ocr/extract/index';
import type { FillReport } from '../../../../utils/ocr/fill/index';
import type { GrayImage } from '../../../../utils/ocr/index';
import type { Row } from '../../../../utils/ocr/reading-flow';
import { DocImage } from './DocImage';
import { Heading, type T, useFocusOnShow } from './parts';

export function Filled(props: {
  t: T;
  lang: Lang;
  report: FillReport;
  rows: Row[];
  image: GrayImage | null;
  forgotten: boolean;
  onForget: () => void;
  onAgain: () => void;
  onClose?: () => void;
  /** « Voir les cases remplies »: where our screen covers the page (the widget, our frame in the panel). */
  onShowPage?: () => void;
}) {
  const { t, report } = props;
  const heading = useFocusOnShow('done');
  const failedLabels = report.failed
    .map((f) => {
      const row = props.rows.find((r) => r.targetKey === f.targetKey);
      return row ? fieldLabel(props.lang, row.field) : f.targetKey;
    })
    .join(', ');
  return (
    <>
      <Heading hRef={heading}>{t('ocr.resultTitle')}</Heading>
      <p class="pp-message" role="status" data-testid="ocr-filled">
        {t('ocr.filled', { count: report.filled.length })}
      </p>
      {props.onShowPage && (
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="ocr-show-page"
          onClick={props.onShowPage}
        >
          {t('ocr.showPage')}
        </button>
      )}
      {report.failed.length > 0 && (
        <p class="pp-message pp-message--error" role="alert">
          {t('ocr.fillFailed', { labels: failedLabels })}
        </p>
      )}
      {props.forgotten && (
        <p class="pp-message" role="status" data-testid="ocr-forgotten">
          {t('ocr.forgotten')}
        </p>
      )}
      {props.image && (
        <>
          <DocImage t={t} image={props.image} rows={props.rows} />
          <button type="button" class="pp-button" data-action="ocr-forget" onClick={props.onForget}>
            {t('ocr.forget')}
          </button>
        </>
      )}
      <div class="pp-row">
        <button type="button" class="pp-button" data-action="ocr-again" onClick={props.onAgain}>
          {t('ocr.another')}
        </button>
        {props.onClose && (
          <button type="button" class="pp-button" data-action="ocr-close" onClick={props.onClose}>
            {t('ocr.closeWindow')}
          </button>
        )}
      </div>
    </>
  );
}
