import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isOurs } from '../components/app/is-ours';
import { createHighlight, type Highlight } from '../components/features/guides/highlight';
import {
  type Picker,
  type PickOutcome,
  STUDIO_HANDLE,
  type StudioHandle,
  startPicker,
} from '../utils/guides/studio/picker';

/**
 * The guide studio's picking mode, injected into a tab only when the author asks (components/features/studio/
 * background.ts), in the extension's isolated world: the site's script cannot see or call it. It
 * highlights one field at a time with the guides' own highlight and answers with the picked
 * field's clues (utils/guides/studio/picker.ts), never a value.
 */
export default defineUnlistedScript(() => {
  const holder = globalThis as unknown as Record<string, StudioHandle | undefined>;
  // Injected again for each pick: one handle per page.
  if (holder[STUDIO_HANDLE]) return;
  let picker: Picker | null = null;
  let highlight: Highlight | null = null;
  let pending: Promise<PickOutcome> | null = null;
  // The last field picked: the next pick starts just after it, as a guide follows the page.
  let last: WeakRef<Element> | null = null;

  const handle: StudioHandle = {
    pick(hint) {
      if (pending) return pending;
      if (!highlight) {
        highlight = createHighlight(document);
        // Told apart from the guide's own highlight, which may be on the page too.
        highlight.host.setAttribute('data-pasapas-host', 'studio-highlight');
      }
      const shown = highlight;
      pending = new Promise<PickOutcome>((resolve) => {
        const started = startPicker({
          doc: document,
          isOurs,
          show: (el, index, count) => {
            if (el) {
              shown.show(el, `${index + 1} / ${count} · ${hint}`);
              el.scrollIntoView?.({ block: 'nearest' });
            } else shown.hide();
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
  holder[STUDIO_HANDLE] = handle;
});
