import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export type Aside = 'help' | 'recap';

/**
 * « Je n'y arrive pas » or « Mon récapitulatif », shown in the step's place (the page's panel and the
 * side panel alike). Closing gives focus back to the button that opened it once the step is drawn
 * again (an effect runs after the render); if that button is gone meanwhile (the panel got short on a
 * turned phone or a zoom), to `fallback()` — the step's title — never to nothing.
 */
export function useAside(fallback: () => HTMLElement | null) {
  const [aside, setAside] = useState<Aside | null>(null);
  const helpButton = useRef<HTMLButtonElement>(null);
  const recapButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Aside | null>(null);
  useEffect(() => {
    if (aside !== null || !returnTo.current) return;
    const button = (returnTo.current === 'help' ? helpButton : recapButton).current;
    (button ?? fallback())?.focus();
    returnTo.current = null;
  }, [aside]);
  return {
    aside,
    open: (kind: Aside) => setAside(kind),
    close: () => {
      returnTo.current = aside;
      setAside(null);
    },
    helpButton: helpButton as RefObject<HTMLButtonElement>,
    recapButton: recapButton as RefObject<HTMLButtonElement>,
  };
}
