/** The reading under way: its stage and progress, announced by stage only, and « Annuler ». */
import type { Stage } from '../../../../utils/ocr/reading-flow';
import { Heading, type T, useFocusOnShow } from './parts';

export function Reading({ t, stage, onCancel }: { t: T; stage: Stage; onCancel: () => void }) {
  const heading = useFocusOnShow('reading');
  const percent = Math.round(stage.progress * 100);
  const text = t(`ocr.stage.${stage.stage}`, { percent });
  return (
    <>
      <Heading hRef={heading}>{t('ocr.readingTitle')}</Heading>
      <p id="pp-ocr-progress-label" data-testid="ocr-progress">
        {text}
      </p>
      <progress
        class="pp-ocr-progress"
        aria-labelledby="pp-ocr-progress-label"
        max={100}
        value={stage.stage === 'loading' || stage.stage === 'recognizing' ? percent : undefined}
      />
      {/* Stage changes only, not every percent, for screen readers. */}
      <p class="pp-sr-only" role="status">
        {t(`ocr.stage.${stage.stage}`, { percent: '' }).replace(/\s*%$/, '')}
      </p>
      <div class="pp-row">
        <button type="button" class="pp-button" data-action="ocr-cancel" onClick={onCancel}>
          {t('ocr.cancel')}
        </button>
      </div>
    </>
  );
}
