import { comfortCss } from './css';
import type { ComfortSettings } from './settings';

const MARKER = 'data-pasapas-comfort';

/**
 * Applies comfort settings to a document, reversibly. A constructed stylesheet is used first
 * because it is not blocked by a page's Content-Security-Policy (style-src); a <style> element
 * is the fallback where adoptedStyleSheets is not writable (some content-script worlds).
 */
export function applyComfort(doc: Document, settings: ComfortSettings, fontBase: string): void {
  const css = comfortCss(settings, fontBase);
  const root = doc.documentElement;
  // The default settings leave the page untouched, with no mark of ours: the page script runs on
  // every site, and a mark would tell each one that the person uses the extension.
  if (!css) {
    removeComfort(doc);
    return;
  }
  root.setAttribute(MARKER, [settings.theme, settings.font, String(settings.textScale)].join(' '));
  const state = sheetState(doc);
  try {
    state.sheet ??= new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
    state.sheet.replaceSync(css);
    if (!doc.adoptedStyleSheets.includes(state.sheet)) {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, state.sheet];
    }
    return;
  } catch {
    state.sheet = undefined;
  }
  let style = doc.getElementById('pasapas-comfort-style');
  if (!style) {
    style = doc.createElement('style');
    style.id = 'pasapas-comfort-style';
    (doc.head ?? root).append(style);
  }
  style.textContent = css;
}

export function removeComfort(doc: Document): void {
  const state = sheetState(doc);
  if (state.sheet) {
    const sheet = state.sheet;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    state.sheet = undefined;
  }
  doc.getElementById('pasapas-comfort-style')?.remove();
  doc.documentElement.removeAttribute(MARKER);
}

const states = new WeakMap<Document, { sheet?: CSSStyleSheet }>();
function sheetState(doc: Document): { sheet?: CSSStyleSheet } {
  let state = states.get(doc);
  if (!state) {
    state = {};
    states.set(doc, state);
  }
  return state;
}
