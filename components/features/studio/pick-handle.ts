import {
  type Picker,
  type PickOutcome,
  type StudioHandle,
  startPicker,
} from '../../../utils/guides/studio/picker';
import type { Lang } from '../../../utils/i18n';
import { createHighlight, type Highlight, type HighlightOptions } from '../../app/highlight';

export type PickHandleOptions = HighlightOptions & {
  /** The field shown now, null when the picking ends: the widget's panel keeps clear of it (fit.showing). */
  shown?: (el: Element | null) => void;
  /** The panel's language, for the picking's label (right to left in Arabic). */
  lang?: () => Lang;
};

/**
 * The picking mode on a page, with the guides' own highlight: one field shown at a time, the
 * picked field's clues as the answer (utils/guides/studio/picker.ts), never a value. The
 * extension injects it into the tab it records (entrypoints/studio-picker.ts); the widget's
 * recorder runs it in its own page.
 */
export function createPickHandle(
  doc: Document,
  isOurs: (node: Node) => boolean,
  options: PickHandleOptions = {},
): StudioHandle {
  let picker: Picker | null = null;
  let highlight: Highlight | null = null;
  let pending: Promise<PickOutcome> | null = null;
  // The last field picked: the next pick starts just after it, as a guide follows the page.
  let last: WeakRef<Element> | null = null;

  return {
    pick(hint) {
      if (pending) return pending;
      if (!highlight) {
        // Alone: the guide's own box, on the step's field, waits while the author points at another.
        highlight = createHighlight(doc, { ...options, alone: true });
        // Told apart from the guide's own highlight, which may be on the page too.
        highlight.host.setAttribute('data-pasapas-host', 'studio-highlight');
      }
      const shown = highlight;
      pending = new Promise<PickOutcome>((resolve) => {
        const started = startPicker({
          doc,
          isOurs,
          show: (el, index, count) => {
            if (el) {
              // Scrolled first: the box is placed where the field is after the scroll. Placed
              // before it, the box stayed where the field was until the scroll event came (a frame
              // later, more under load), around the next field down.
              el.scrollIntoView?.({ block: 'nearest' });
              shown.show(el, `${index + 1} / ${count} · ${hint}`, options.lang?.());
            } else shown.hide();
            options.shown?.(el);
          },
          done: (outcome, element) => {
            if (outcome.ok && element) last = new WeakRef(element);
            picker = null;
            pending = null;
            resolve(outcome);
          },
        });
        picker = started;
        // A field is shown at once (the one after the last picked, else the first): Enter picks it.
        started.showAfter(last?.deref() ?? null);
      });
      return pending;
    },
    move(delta) {
      return picker?.move(delta) != null;
    },
    choose() {
      if (!picker) return false;
      picker.choose();
      return true;
    },
    cancel() {
      if (!picker) return false;
      picker.cancel();
      return true;
    },
  };
}
