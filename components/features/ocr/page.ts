/** The page side of OCR filling: the page's fields, the guide step's field, and filling them. */
import {
  discoverTargets,
  type FillItem,
  type FillReport,
  fillValues,
  parseFillItems,
  type StepHint,
} from '../../../utils/ocr/fill/index';
import type { PanelServices } from '../../app/services';
import { preprocessWorker } from './preprocess-worker';
import type { OcrBridge, PageTargets } from './protocol';
import { infosAccessOf } from './save-infos';

/** The page's fields and the guide step's, from inside the page (widget panel or content script). */
function pageSide(ctx: PanelServices) {
  let elements = new Map<string, Element>();
  return {
    async targets(): Promise<PageTargets> {
      const found = discoverTargets(document, (el) => ctx.isOurs(el));
      elements = found.elements;
      // The step the person is at, when a guide is followed here (the panel's guide service).
      const view = (await ctx.guides()).current()?.view();
      const stepEl = view?.element;
      const stepKey = stepEl ? [...elements].find(([, el]) => el === stepEl)?.[0] : undefined;
      const validator = view?.state.step?.field?.validator;
      const step: StepHint | undefined = stepKey ? { targetKey: stepKey } : undefined;
      if (step && validator) step.validator = validator;
      return step ? { targets: found.targets, step } : { targets: found.targets };
    },
    /** The first of these fields still on the page gets focus: the panel's fit makes room for it. */
    showFilled(keys: readonly string[]): { ok: boolean } {
      const el = keys.map((k) => elements.get(k)).find((e) => e?.isConnected);
      if (!(el instanceof HTMLElement)) return { ok: false };
      el.focus();
      return { ok: true };
    },
    fill(items: FillItem[]): FillReport {
      // Keys are stable across re-renders: a page that redrew its form since the reading is looked at again.
      if (items.some((i) => !elements.get(i.targetKey)?.isConnected))
        elements = discoverTargets(document, (el) => ctx.isOurs(el)).elements;
      return fillValues(items, elements);
    },
  };
}

/**
 * The widget: everything happens in the page. Preprocessing runs in a worker, a file of the panel build next
 * to its chunks (resolved from this module's URL, so it follows the widget's folder). A page whose CSP or
 * origin refuses it gets preprocessing on its own thread (reading.ts falls back).
 */
export function inPageBridge(assetsBase: string, ctx: PanelServices, demoKey = false): OcrBridge {
  const side = pageSide(ctx);
  const infos = infosAccessOf(ctx);
  return {
    assetsBase,
    demoKey,
    ...(infos ? { infos } : {}),
    targets: () => side.targets(),
    fill: async (items) => side.fill(items),
    showOnPage: async (keys) => {
      side.showFilled(keys);
    },
    preprocessWorker,
  };
}

/** One page side per panel: `fill` uses the elements its `targets` found. */
const sides = new WeakMap<PanelServices, ReturnType<typeof pageSide>>();

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
export function pageCommand(
  command: unknown,
  ctx: PanelServices,
): Promise<PageTargets> | FillReport | Promise<{ ok: true }> | { ok: boolean } | undefined {
  let shared = sides.get(ctx);
  if (!shared) {
    shared = pageSide(ctx);
    sides.set(ctx, shared);
  }
  const m = command as { action?: unknown; items?: unknown; keys?: unknown } | null;
  if (m?.action === 'targets') return shared.targets();
  if (m?.action === 'fill') return shared.fill(parseFillItems(m.items));
  if (m?.action === 'show-filled' && Array.isArray(m.keys))
    return shared.showFilled(m.keys.filter((k): k is string => typeof k === 'string').slice(0, 50));
  if (m?.action === 'hide' || m?.action === 'show') return setOursHidden(m.action === 'hide');
  return undefined;
}
