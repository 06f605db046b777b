/**
 * The page side of "Mes informations": the page's fillable fields with what they hold now, and the
 * filling of one field the person confirmed. No entry of the file ever comes here unless confirmed.
 */
import {
  discoverTargets,
  type FillItem,
  type FillReport,
  type FillTarget,
  fillValues,
  parseFillItems,
} from '../../../utils/ocr/fill/index';
import type { PanelServices } from '../../app/services';

export type InfosTargets = { targets: FillTarget[]; current: Array<[string, string]> };

export type InfosPage = { targets(): InfosTargets; fill(items: FillItem[]): FillReport };

export function pageSide(ctx: Pick<PanelServices, 'isOurs'>): InfosPage {
  let elements = new Map<string, Element>();
  return {
    targets() {
      const found = discoverTargets(document, (el) => ctx.isOurs(el));
      elements = found.elements;
      const current: Array<[string, string]> = [];
      for (const [key, el] of elements) {
        const value = (el as HTMLInputElement).value;
        if (typeof value === 'string' && value !== '') current.push([key, value.slice(0, 500)]);
      }
      return { targets: found.targets, current };
    },
    fill(items) {
      if (items.some((i) => !elements.get(i.targetKey)?.isConnected))
        elements = discoverTargets(document, (el) => ctx.isOurs(el)).elements;
      return fillValues(items, elements);
    },
  };
}

const sides = new WeakMap<PanelServices, InfosPage>();

/** A request from our side panel, relayed by the background to this page's panel. */
export function pageCommand(command: unknown, ctx: PanelServices): InfosTargets | FillReport | undefined {
  let side = sides.get(ctx);
  if (!side) {
    side = pageSide(ctx);
    sides.set(ctx, side);
  }
  const m = command as { action?: unknown; items?: unknown } | null;
  if (m?.action === 'targets') return side.targets();
  // One field per confirmation: a request for more is refused.
  if (m?.action === 'fill') {
    const items = parseFillItems(m.items);
    return items.length === 1 ? side.fill(items) : { filled: [], failed: [] };
  }
  return undefined;
}
