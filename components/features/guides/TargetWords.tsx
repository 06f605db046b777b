/**
 * When a step's field cannot be pointed at with certainty (several look alike, or none fits), the
 * panel says so and describes the field in words, so the person can find it: nothing is
 * highlighted on the page then (the highlight follows only a field found with certainty).
 */
import type { SessionView } from '../../../utils/guides/session';
import type { Params } from '../../../utils/i18n';
import { targetInWords } from './target-words';

type T = (key: string, params?: Params) => string;

export function TargetWords({ view, t }: { view: Pick<SessionView, 'target' | 'description'>; t: T }) {
  if (view.target !== 'ambiguous' && view.target !== 'missing') return null;
  const words = targetInWords(view.description, t);
  return (
    <>
      {view.target === 'ambiguous' && (
        <p class="pp-message" data-testid="guide-ambiguous">
          {t('guides.ambiguous')}
        </p>
      )}
      {words && (
        <p class="pp-message" data-testid="guide-target-words">
          {words}
        </p>
      )}
    </>
  );
}
