/**
 * The shared computer's question comes as the person leaves a field (agent.ts): the page scrolls so the
 * field they typed in and the one they were going to, with their labels and hints, stand above the
 * question, clear of it (the rule is utils/layout/keep-visible.ts). At 1280 px it sat over the right
 * half of « Nom » and « Prénom ». Only the page's scroll position changes.
 */
import { fieldAreaElements } from '../../../utils/forms/field-area';
import { type Box, MARGIN, scrollToShow, union } from '../../../utils/layout/keep-visible';

const boxOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
};
const shown = (el: Element) => {
  const r = el.getBoundingClientRect();
  return el.isConnected && r.width > 0 && r.height > 0;
};

/** Scrolls the page once so `fields` (and what explains them) show above `dialog`. */
export function keepFieldsAbove(dialog: Element, fields: readonly (Element | null | undefined)[]) {
  const win = dialog.ownerDocument.defaultView;
  const real = fields.filter((f): f is Element => !!f && shown(f));
  if (!win || real.length === 0) return;
  const area = union(real.flatMap((f) => fieldAreaElements(f).filter(shown).map(boxOf)));
  const inputs = union(real.map(boxOf));
  if (!area || !inputs) return;
  const room = { top: 0, bottom: dialog.getBoundingClientRect().top + MARGIN };
  const delta = scrollToShow(area, inputs, room);
  if (Math.abs(delta) >= 1) win.scrollBy({ top: delta, behavior: 'instant' as ScrollBehavior });
}

/** While the question shows: kept so as it is drawn and as it changes size (our frame loads in it). */
export function watchAskedFields(
  dialog: Element,
  fields: readonly (Element | null | undefined)[],
): () => void {
  const win = dialog.ownerDocument.defaultView;
  if (!win) return () => {};
  let frame = win.requestAnimationFrame(() => keepFieldsAbove(dialog, fields));
  const observer = new win.ResizeObserver(() => {
    win.cancelAnimationFrame(frame);
    frame = win.requestAnimationFrame(() => keepFieldsAbove(dialog, fields));
  });
  observer.observe(dialog);
  return () => {
    win.cancelAnimationFrame(frame);
    observer.disconnect();
  };
}
