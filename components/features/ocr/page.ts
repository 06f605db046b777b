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
import { OCR_MESSAGES, type OcrBridge, type PageTargets } from './protocol';

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
    preprocessWorker: () =>
      new Worker(new URL('../../../utils/ocr/preprocess/worker.ts', import.meta.url), { type: 'module' }),
  };
}

type RuntimeLike = {
  id: string;
  onMessage: {
    addListener(
      l: (m: unknown, sender: { id?: string; tab?: unknown }, reply: (r: unknown) => void) => unknown,
    ): void;
  };
};

let answering = false;

/**
 * The extension's content-script side: answers the background's relays from ocr.html. Only messages from
 * our own extension's background (no tab) are answered. Started when the OCR tab first opens and kept for
 * the page's life: the camera window may fill the page after the panel was closed.
 */
export function answerOcrFrame(): void {
  const runtime = (globalThis as { chrome?: { runtime?: RuntimeLike } }).chrome?.runtime;
  if (answering || !runtime?.onMessage) return;
  answering = true;
  const side = pageSide();
  const listener = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    reply: (r: unknown) => void,
  ) => {
    if (sender.id !== runtime.id || sender.tab) return undefined;
    const m = message as { type?: string; items?: unknown } | null;
    if (m?.type === OCR_MESSAGES.pageTargets) {
      reply(side.targets());
      return false;
    }
    if (m?.type === OCR_MESSAGES.pageFill) {
      reply(side.fill(parseFillItems(m.items)));
      return false;
    }
    if (m?.type === OCR_MESSAGES.pageHide || m?.type === OCR_MESSAGES.pageShow) {
      const hide = m.type === OCR_MESSAGES.pageHide;
      for (const host of document.querySelectorAll<HTMLElement>('[data-pasapas-host]'))
        host.style.visibility = hide ? 'hidden' : '';
      // Answer once the page has been painted without (or with) our panel.
      requestAnimationFrame(() => requestAnimationFrame(() => reply({ ok: true })));
      return true;
    }
    return undefined;
  };
  runtime.onMessage.addListener(listener);
}
