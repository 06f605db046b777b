/** The page side of OCR filling: the page's fields, the guide step's field, and filling them. */
import {
  discoverTargets,
  type FillItem,
  type FillReport,
  fillValues,
  parseFillItems,
  type StepHint,
} from '../../../utils/ocr/fill/index';
import { currentSession, isOurs } from '../guides/live';
import { preprocessWorker } from './preprocess-worker';
import type { OcrBridge, PageTargets } from './protocol';

/** The page's fields and the guide step's, from inside the page (widget panel or content script). */
function pageSide() {
  let elements = new Map<string, Element>();
  return {
    targets(): PageTargets {
      const found = discoverTargets(document, (el) => isOurs(el));
      elements = found.elements;
      const view = currentSession()?.view();
      const stepEl = view?.element;
      const stepKey = stepEl ? [...elements].find(([, el]) => el === stepEl)?.[0] : undefined;
      const validator = view?.state.step?.field?.validator;
      const step: StepHint | undefined = stepKey ? { targetKey: stepKey } : undefined;
      if (step && validator) step.validator = validator;
      return step ? { targets: found.targets, step } : { targets: found.targets };
    },
    fill(items: FillItem[]): FillReport {
      // Keys are stable across re-renders: a page that redrew its form since the reading is looked at again.
      if (items.some((i) => !elements.get(i.targetKey)?.isConnected))
        elements = discoverTargets(document, (el) => isOurs(el)).elements;
      return fillValues(items, elements);
    },
  };
}

/**
 * The widget: everything happens in the page. Preprocessing runs in a worker, a file of the panel build next
 * to its chunks (resolved from this module's URL, so it follows the widget's folder). A page whose CSP or
 * origin refuses it gets preprocessing on its own thread (reading.ts falls back).
 */
export function inPageBridge(assetsBase: string): OcrBridge {
  const side = pageSide();
  return {
    assetsBase,
    targets: async () => side.targets(),
    fill: async (items) => side.fill(items),
    preprocessWorker,
  };
}

let shared: ReturnType<typeof pageSide> | undefined;

/** Hides (or shows again) everything of ours on the page; resolves once the page has been painted so. */
function setOursHidden(hide: boolean): Promise<{ ok: true }> {
  for (const host of document.querySelectorAll<HTMLElement>('[data-pasapas-host]'))
    host.style.visibility = hide ? 'hidden' : '';
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ok: true }))),
  );
}

/**
 * One request from our extension to this page (from ocr.html or the side panel, relayed by the background
 * through the page script and the panel's handle): the page's fields, the fill, hiding ours for a capture.
 */
export function pageCommand(command: unknown): PageTargets | FillReport | Promise<{ ok: true }> | undefined {
  shared ??= pageSide();
  const m = command as { action?: unknown; items?: unknown } | null;
  if (m?.action === 'targets') return shared.targets();
  if (m?.action === 'fill') return shared.fill(parseFillItems(m.items));
  if (m?.action === 'hide' || m?.action === 'show') return setOursHidden(m.action === 'hide');
  return undefined;
}
