/**
 * One panel per page: how the administration's widget and the person's extension agree, only where
 * a widget is. Nothing is written to pages without a widget (the extension used to mark every page's
 * `<html>`, which told every site that the person uses it).
 *
 * - The widget, when it starts (and on each `PasAPas.mount`), dispatches a cancelable event on the
 *   document; the extension's page script, whose listener is registered at document_start before
 *   any page script runs, cancels it: `dispatchEvent` returns false, and the widget stands aside.
 * - The page script, when it starts, dispatches the other event: a widget that already started
 *   (a tab opened before the extension was installed, where Firefox injects the page script late)
 *   steps aside then.
 *
 * Honest limit: a page that imitates the widget (dispatches the same event) still learns that the
 * extension is there, and our launcher is in its DOM anyway. The point is that ordinary pages, which
 * never ask, see no marker.
 */

/** Widget → extension: "is the extension's page script here?" Cancelled means yes. */
export const WIDGET_ASKS = 'pasapas:widget-asks';
/** Extension → widget: "the extension's page script just arrived." */
export const EXTENSION_ARRIVES = 'pasapas:extension-arrives';

/** Widget side: true when the extension's page script answered. Synchronous. */
export function extensionAnswers(doc: Document): boolean {
  return !doc.dispatchEvent(new CustomEvent(WIDGET_ASKS, { cancelable: true }));
}

/** Extension side, at document_start, before any await: answer every widget that asks. */
export function answerWidgets(doc: Document): void {
  doc.addEventListener(WIDGET_ASKS, (e) => e.preventDefault());
}

/** Extension side: tells a widget already running that the extension arrived. True if one answered. */
export function announceExtension(doc: Document): boolean {
  return !doc.dispatchEvent(new CustomEvent(EXTENSION_ARRIVES, { cancelable: true }));
}

/** Widget side: runs `stepAside` when the extension's page script arrives after the widget started. */
export function onExtensionArrival(doc: Document, stepAside: () => void): void {
  doc.addEventListener(EXTENSION_ARRIVES, (e) => {
    e.preventDefault();
    stepAside();
  });
}
