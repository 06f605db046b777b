import type { T } from './t';

/**
 * The recording controls: show a field on the page or add a step without one; while picking, the
 * same moves as the page's keyboard (previous, next, choose, stop) for who works from the panel.
 */
export function PickBar({
  picking,
  status,
  t,
  pick,
  tell,
  addConfirmed,
}: {
  picking: boolean;
  status: string;
  t: T;
  pick(): void;
  tell(action: 'move' | 'choose' | 'cancel', delta?: number): void;
  addConfirmed(): void;
}) {
  return (
    <div class="pp-stack">
      {picking ? (
        <div class="pp-row" data-testid="studio-picking">
          <button type="button" class="pp-button" onClick={() => tell('move', -1)}>
            {t('studio.previous')}
          </button>
          <button type="button" class="pp-button" onClick={() => tell('move', 1)}>
            {t('studio.next')}
          </button>
          <button type="button" class="pp-button pp-button--primary" onClick={() => tell('choose')}>
            {t('studio.choose')}
          </button>
          <button type="button" class="pp-button" onClick={() => tell('cancel')}>
            {t('studio.stop')}
          </button>
        </div>
      ) : (
        <div class="pp-row">
          <button type="button" class="pp-button pp-button--primary" data-action="studio-pick" onClick={pick}>
            {t('studio.pick')}
          </button>
          <button type="button" class="pp-button" data-action="studio-add-confirmed" onClick={addConfirmed}>
            {t('studio.addConfirmed')}
          </button>
        </div>
      )}
      <p class="pp-message" role="status" data-testid="studio-status">
        {status}
      </p>
    </div>
  );
}
