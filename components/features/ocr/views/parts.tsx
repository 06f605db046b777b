/** What every screen of the reading shares: the translator's shape, the heading level, focus on show. */
import { type ComponentChildren, createContext, type Ref } from 'preact';
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import type { Params } from '../../../../utils/i18n';

export type T = (key: string, params?: Params) => string;

/** 3 inside the panel's tab, 2 in ocr.html and the side panel under their h1. */
export const LevelContext = createContext<2 | 3>(3);

/** A screen's title; focused when the screen appears. */
export function Heading({ hRef, children }: { hRef: Ref<HTMLHeadingElement>; children: ComponentChildren }) {
  const Tag = useContext(LevelContext) === 2 ? 'h2' : 'h3';
  return (
    <Tag class="pp-ocr-title" tabIndex={-1} ref={hRef}>
      {children}
    </Tag>
  );
}

/**
 * Focuses the heading of a screen when it appears, so keyboard and screen reader users follow. In the
 * same commit that removes the last screen (a layout effect, not after paint): focus is never left on
 * the page's body in between, where a guide's step done by the fill took it to the page's next field and
 * folded the panel into the bar over « N cases sont remplies » (seen at 360 px under load).
 */
export function useFocusOnShow(key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
