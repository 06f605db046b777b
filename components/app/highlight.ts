import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { fieldAreaElements, fieldGroup } from '../../utils/forms/field-area';
import { dir, type Lang } from '../../utils/i18n';
import { type Box, union } from '../../utils/layout/keep-visible';
import { attachOurShadow } from './shadow-root';

/**
 * The box drawn around the field to fill, on the real page. It lives in its own shadow host
 * (marked `data-pasapas-host`) so the page's CSS cannot hide it and comfort CSS leaves it alone;
 * it never takes clicks. Floating UI keeps the label next to the box while the page scrolls.
 */
export type Highlight = {
  /** `lang`: the label's language when it is not the page's (the widget's panel in Arabic). */
  show(element: Element, label: string, lang?: Lang): void;
  /**
   * The person's contrast theme (« Jaune sur noir »…): the box and its label take its colours, or
   * ours on `null`. Set on our own elements in the closed root, where the page cannot change them.
   */
  setColors(colors: { accent: string; bg: string } | null): void;
  hide(): void;
  dispose(): void;
  readonly host: HTMLElement;
};

const CSS = `
:host {
  all: initial !important; display: block !important; position: fixed !important;
  inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; margin: 0 !important;
  padding: 0 !important; border: 0 !important; overflow: visible !important; background: transparent !important;
  z-index: 2147483646 !important; visibility: visible !important; opacity: 1 !important;
  pointer-events: none !important; transform: none !important; filter: none !important; contain: none !important;
}
.box, .label { position: fixed; top: 0; left: 0; pointer-events: none; box-sizing: border-box; }
.box {
  border: 4px solid var(--pp-hl, #000091); border-radius: 6px;
  box-shadow: 0 0 0 3px var(--pp-hl-on, #ffffff), 0 0 0 6px var(--pp-hl-halo, rgba(0, 0, 145, 0.35));
}
.label {
  background: var(--pp-hl, #000091); color: var(--pp-hl-on, #ffffff); padding: 3px 10px; border-radius: 6px;
  font: 700 15px/1.3 system-ui, sans-serif; width: max-content; max-width: calc(100vw - 8px);
  overflow-wrap: anywhere;
}
[hidden] { display: none !important; }
:host([hidden]) { display: none !important; }
@media (prefers-reduced-motion: no-preference) { .box { transition: opacity 120ms; } }
@media (forced-colors: active) { .box { border-color: Highlight; } .label { forced-color-adjust: none; background: Highlight; color: HighlightText; } }
`;

/** Where to draw: a radio or box is shown with its whole group, so the choices are all inside. */
export const highlightArea: (element: Element) => Element = fieldGroup;

/** The element's box in the top page's viewport, across same-origin iframes. */
function viewportRect(element: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  let win = element.ownerDocument.defaultView;
  while (win && win !== win.parent) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      break;
    }
    if (!frame) break;
    const outer = frame.getBoundingClientRect();
    x += outer.left + (frame as HTMLElement).clientLeft;
    y += outer.top + (frame as HTMLElement).clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}

/**
 * The field with its label, hint and messages, in the top page's viewport: the label « À remplir
 * ici » goes outside it, never over the site's own hint (issue 13, problem 5).
 */
function areaRect(element: Element, box: DOMRect): DOMRect {
  const height = element.ownerDocument.defaultView?.innerHeight ?? 800;
  const boxes: Box[] = [box];
  for (const el of fieldAreaElements(element)) {
    const r = viewportRect(el);
    // Shown, and near the field (not a form title far above).
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom < box.top - height / 2 || r.top > box.bottom + height / 2) continue;
    boxes.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
  }
  const all = union(boxes) ?? box;
  return new DOMRect(all.left, all.top, all.right - all.left, all.bottom - all.top);
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export type HighlightOptions = {
  /**
   * Our own boxes on the page (the widget's panel and launcher): the label is never placed under
   * them, and is placed again when they change size (the panel docked or shrunk to the bar).
   */
  avoid?: () => Element[];
  /**
   * Alone on its page while shown: the other highlights there wait hidden (the studio's picking:
   * the guide's own box and label, on another field, overlapped its label).
   */
  alone?: boolean;
};

/** The highlights drawn on each page, so one shown `alone` hides the others until it hides. */
type Drawn = { doc: Document; alone: boolean; shown: boolean; apply(): void };
const drawn = new Set<Drawn>();
const redraw = (doc: Document) => {
  for (const d of drawn) if (d.doc === doc) d.apply();
};

export function createHighlight(doc: Document, options: HighlightOptions = {}): Highlight {
  const host = doc.createElement('div');
  host.setAttribute('data-pasapas-host', 'guide-highlight');
  host.setAttribute('aria-hidden', 'true');
  // Closed wherever it is drawn: it has no control, and the site has no business reading it.
  const shadow = attachOurShadow(host, 'closed');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('data-pasapas', 'highlight');
  const label = doc.createElement('div');
  label.className = 'label';
  label.setAttribute('data-pasapas', 'highlight-label');
  shadow.append(box, label);
  const me: Drawn = {
    doc,
    alone: options.alone === true,
    shown: false,
    apply() {
      const waiting = !me.alone && [...drawn].some((d) => d.doc === doc && d.alone && d.shown);
      host.hidden = !me.shown || waiting;
    },
  };
  drawn.add(me);
  host.hidden = true;
  let stop: (() => void) | null = null;
  const ours = () => (options.avoid?.() ?? []).map((el) => el.getBoundingClientRect());
  /** The label's box at (x, y) is clear of our panel. */
  const clearOfUs = (x: number, y: number) => {
    const at = new DOMRect(x, y, label.offsetWidth, label.offsetHeight);
    return !ours().some((r) => r.width > 0 && overlaps(r, at));
  };

  const place = (area: Element, element: Element) => {
    if (!area.isConnected) {
      host.hidden = true;
      return;
    }
    const rect = viewportRect(area);
    const pad = 4;
    box.style.transform = `translate(${Math.round(rect.left - pad)}px, ${Math.round(rect.top - pad)}px)`;
    box.style.width = `${Math.round(rect.width + pad * 2)}px`;
    box.style.height = `${Math.round(rect.height + pad * 2)}px`;
    const padded = new DOMRect(rect.left - pad, rect.top - pad, rect.width + pad * 2, rect.height + pad * 2);
    const around = areaRect(element, padded);
    const reference = { getBoundingClientRect: () => around };
    // Beside the field's group where the screen has room; else just below it when no word or field
    // of the page is there; else above the group (issue 13, problem 5: above it, the label sat on the
    // field before).
    computePosition(reference, label, {
      strategy: 'fixed',
      placement: 'right-start',
      middleware: [offset(8), shift({ padding: 4 })],
    })
      .then(async ({ x, y }) => {
        const w = label.offsetWidth;
        const h = label.offsetHeight;
        const width = element.ownerDocument.documentElement.clientWidth;
        if (x >= around.right && x + w <= width && clearOfUs(x, y)) return { x, y };
        // Below the group, where the next field's label leaves its line's end empty.
        // Kept on screen: a label wider than the group (the studio's) would start left of the screen.
        const left = Math.max(4, Math.min(around.right - w, width - w - 4));
        const below = new DOMRect(left, around.bottom + 4, w, h);
        const page = element.ownerDocument;
        const words = [
          ...page.querySelectorAll(
            'label, legend, .fr-hint-text, input:not([type=hidden]), select, textarea',
          ),
        ]
          .filter((el) => !el.closest('[data-pasapas-host]'))
          .flatMap((el) => {
            if (/^(input|select|textarea)$/.test(el.localName)) return [el.getBoundingClientRect()];
            const range = page.createRange();
            range.selectNodeContents(el);
            return [...range.getClientRects()];
          });
        if (
          below.bottom <= page.documentElement.clientHeight &&
          !words.some((r) => overlaps(r, below)) &&
          clearOfUs(below.x, below.y)
        )
          return { x: below.x, y: below.y };
        const above = await computePosition(reference, label, {
          strategy: 'fixed',
          placement: 'top-end',
          middleware: [offset(4), flip(), shift({ padding: 4 })],
        });
        if (clearOfUs(above.x, above.y)) return above;
        // Above, our panel is there too (it floats beside a field as wide as the page): at the
        // field's other end, away from the panel.
        const start = await computePosition(reference, label, {
          strategy: 'fixed',
          placement: 'top-start',
          middleware: [offset(4), flip(), shift({ padding: 4 })],
        });
        return clearOfUs(start.x, start.y) ? start : above;
      })
      .then(({ x, y }) => {
        label.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      })
      .catch(() => {});
  };

  return {
    host,
    show(element, text, lang) {
      stop?.();
      const area = highlightArea(element);
      label.textContent = text;
      if (lang) {
        label.lang = lang;
        label.dir = dir(lang);
      } else {
        label.removeAttribute('lang');
        label.removeAttribute('dir');
      }
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
      me.shown = true;
      redraw(doc);
      // Not in the top layer: there it would cover our panel, which is. Its z-index keeps it above the page.
      place(area, element);
      const update = () => place(area, element);
      const stopAuto = autoUpdate(area, box, update, { animationFrame: false });
      // Our panel docked, shrunk or grown (components/panel/fit.ts): the label may now be under it.
      const avoided = options.avoid?.() ?? [];
      const resized =
        avoided.length && typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
      for (const el of avoided) resized?.observe(el);
      stop = () => {
        stopAuto();
        resized?.disconnect();
      };
    },
    setColors(colors) {
      for (const el of [box, label]) {
        if (colors) {
          el.style.setProperty('--pp-hl', colors.accent);
          el.style.setProperty('--pp-hl-on', colors.bg);
          el.style.setProperty('--pp-hl-halo', colors.accent);
        } else for (const name of ['--pp-hl', '--pp-hl-on', '--pp-hl-halo']) el.style.removeProperty(name);
      }
    },
    hide() {
      stop?.();
      stop = null;
      me.shown = false;
      redraw(doc);
    },
    dispose() {
      stop?.();
      stop = null;
      me.shown = false;
      drawn.delete(me);
      redraw(doc);
      host.remove();
    },
  };
}
