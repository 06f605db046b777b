import { useEffect, useRef } from 'preact/hooks';
import { useFit } from '../../panel/fit';
import type { T } from './t';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

function pickingKey(e: KeyboardEvent, tell: (action: 'move' | 'cancel', delta?: number) => void) {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const delta = NEXT.has(e.key) ? 1 : PREVIOUS.has(e.key) ? -1 : 0;
  if (delta) tell('move', delta);
  else if (e.key === 'Escape') tell('cancel');
  else return;
  // Escape stops the picking, not the panel (which Escape closes).
  e.preventDefault();
  e.stopPropagation();
}

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
  const barRef = useRef<HTMLDivElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const pickRef = useRef<HTMLButtonElement>(null);
  const started = useRef(false);
  const onKey = (e: KeyboardEvent) => pickingKey(e, tell);
  // The button pressed is replaced (« Montrer une case » by the picking's moves, and back): focus
  // goes to « Choisir cette case » (Enter picks the field shown, as the page's Enter does), then
  // back to « Montrer une case » for the next step, unless the author is elsewhere by then.
  useEffect(() => {
    if (!started.current) {
      started.current = true;
      return;
    }
    const root = barRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement ?? null;
    const lost = !active || active === document.body || barRef.current?.contains(active);
    if (lost) (picking ? chooseRef : pickRef).current?.focus();
  }, [picking]);
  // The widget's panel docks or shrinks to the bar while a field is shown (fit.showing): the
  // picking's moves stay in its view, above the fold of a short panel.
  const fit = useFit()?.fit.value;
  useEffect(() => {
    if (picking) barRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [picking, fit]);
  return (
    // While picking, the part of the studio the bar shows (studio.css).
    <div class="pp-stack" ref={barRef} data-bar-view={picking ? '' : undefined}>
      {picking ? (
        // The page's keys here too: the label says « Flèches » and « Échap », and focus starts on
        // « Choisir cette case » (the widget's panel, the side panel), where Tab moves through the buttons.
        <div class="pp-row" data-testid="studio-picking">
          <button type="button" class="pp-button" onKeyDown={onKey} onClick={() => tell('move', -1)}>
            {t('studio.previous')}
          </button>
          <button type="button" class="pp-button" onKeyDown={onKey} onClick={() => tell('move', 1)}>
            {t('studio.next')}
          </button>
          <button
            type="button"
            class="pp-button pp-button--primary"
            ref={chooseRef}
            onKeyDown={onKey}
            onClick={() => tell('choose')}
          >
            {t('studio.choose')}
          </button>
          <button type="button" class="pp-button" onKeyDown={onKey} onClick={() => tell('cancel')}>
            {t('studio.stop')}
          </button>
        </div>
      ) : (
        <div class="pp-row">
          <button
            type="button"
            class="pp-button pp-button--primary"
            data-action="studio-pick"
            ref={pickRef}
            onClick={pick}
          >
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
