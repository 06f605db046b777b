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
 * One request from our extension to this page, whoever relays it (the background's messages for the ocr.html
 * frame, the page script's handle for the side panel): the same fields, the same fill. Unknown: undefined.
 */
export function pageCommand(command: unknown): PageTargets | FillReport | Promise<{ ok: true }> | undefined {
  shared ??= pageSide();
  const m = command as { action?: unknown; items?: unknown } | null;
  if (m?.action === 'targets') return shared.targets();
  if (m?.action === 'fill') return shared.fill(parseFillItems(m.items));
  if (m?.action === 'hide' || m?.action === 'show') return setOursHidden(m.action === 'hide');
  return undefined;
}

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
  const actions = new Map<unknown, string>([
    [OCR_MESSAGES.pageTargets, 'targets'],
    [OCR_MESSAGES.pageFill, 'fill'],
    [OCR_MESSAGES.pageHide, 'hide'],
    [OCR_MESSAGES.pageShow, 'show'],
  ]);
  const listener = (
    message: unknown,
    sender: { id?: string; tab?: unknown },
    reply: (r: unknown) => void,
  ) => {
    if (sender.id !== runtime.id || sender.tab) return undefined;
    const m = message as { type?: string; items?: unknown } | null;
    const action = actions.get(m?.type);
    if (!action) return undefined;
    const answer = pageCommand({ action, items: m?.items });
    if (answer instanceof Promise) {
      void answer.then(reply);
      return true;
    }
    reply(answer);
    return false;
  };
  runtime.onMessage.addListener(listener);
}
