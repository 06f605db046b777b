/**
 * What of the person's settings shows on the page itself, before any panel loads (the page script
 * and the widget loader apply it before the first paint): today, the comfort settings.
 */
import { applyComfort, removeComfort } from '../comfort/apply';
import type { Settings } from './settings';

/** `fontBase` is asked only when a font of ours is chosen: finding the extension's address costs a little. */
export function applyToPage(doc: Document, settings: Settings, fontBase: () => string): void {
  const c = settings.comfort;
  applyComfort(doc, c, c.font === 'default' ? '' : fontBase());
}

export function removeFromPage(doc: Document): void {
  removeComfort(doc);
}

/** The text size the person chose, which our launcher follows before the panel loads. */
export function textScaleOf(settings: Settings): number {
  return settings.comfort.textScale;
}

/** The contrast theme the person chose, which our own pages follow. */
export function themeOf(settings: Settings): string {
  return settings.comfort.theme;
}
