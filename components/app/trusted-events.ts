/**
 * Our roots on web pages are closed (shadow-root.ts), but a page's script may still reach a node
 * of ours (an open root in the widget, a node handed out by an event) and forge events on it:
 * `button.click()`, `dispatchEvent(new KeyboardEvent(…))`.
 * Such events are never the person's: they are stopped at our shadow root, in the capture phase,
 * before any of our handlers runs. Real clicks and keys (and those a test drives through the
 * browser's own input) are trusted and pass. Form edits (`input`, `change`) are not actions and
 * pass: what they change is only what the page could already type into its own fields.
 */
const ACTION_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'submit',
  'reset',
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
] as const;

export function ignoreUntrustedEvents(root: ShadowRoot | Element): () => void {
  const stop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of ACTION_EVENTS) root.addEventListener(type, stop, true);
  return () => {
    for (const type of ACTION_EVENTS) root.removeEventListener(type, stop, true);
  };
}
