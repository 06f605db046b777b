/**
 * « Qui tient la souris ? »: the mediator's switch, on a shared computer only. The panel's words
 * follow it (utils/activity/doer.ts); the background counts it in the activity report, if kept.
 */
import { useEffect, useState } from 'preact/hooks';
import { DOERS, type Doer, isDoer } from '../../../utils/activity/doer';
import type { PanelEnv } from '../../app/services';

/** The way asked of the background (none in the widget: never shown there). */
export function useDoer(env: PanelEnv) {
  const [state, setState] = useState<{ shown: boolean; doer: Doer }>({ shown: false, doer: 'person' });
  useEffect(() => {
    let alive = true;
    env
      .background?.({ type: 'pasapas:doer' })
      .then((answer) => {
        const a = answer as { shown?: unknown; doer?: unknown } | undefined;
        if (alive && a && isDoer(a.doer)) setState({ shown: a.shown === true, doer: a.doer });
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  const choose = (doer: Doer) => {
    setState((s) => ({ ...s, doer }));
    void env.background?.({ type: 'pasapas:doer', doer }).catch(() => undefined);
  };
  return { ...state, choose };
}

export function DoerSwitch({
  doer,
  onChoose,
  t,
}: {
  doer: Doer;
  onChoose: (doer: Doer) => void;
  t: (key: string) => string;
}) {
  // "With the person" first: the mediator reads the panel and turns it on.
  const ways = [...DOERS].reverse();
  return (
    <fieldset class="pp-stack pp-doer" data-testid="doer-switch" data-doer={doer}>
      <legend>{t('doer.legend')}</legend>
      {ways.map((way) => (
        <label key={way} class="pp-choice">
          <input
            type="radio"
            id={`pp-doer-${way}`}
            name="pp-doer"
            value={way}
            checked={doer === way}
            onChange={() => onChoose(way)}
          />
          <span>{t(`doer.${way}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
