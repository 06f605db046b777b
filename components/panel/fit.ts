/**
 * The floating panel's place on the page, so it never hides the field the person fills (the rules
 * are in utils/layout/keep-visible.ts; this measures and applies them):
 *
 * - `sheet`: a narrow or zoomed screen; the panel is a sheet at the bottom showing the step.
 * - `bar`: a field of the page has focus and the panel would cover it (always, on a narrow screen):
 *   the panel shrinks to a bar at the bottom, and the page scrolls so the field with its label and
 *   hint stands above the bar.
 * - `wide`: the panel floats on `side`, moved to the other side when the focused field is under it.
 * - `dock`: a wide screen where both sides would cover the field (a form as wide as the page): the
 *   whole panel sits low along the bottom, the page scrolls the field above it.
 *
 * « Voir l'aide » on the bar brings the sheet back. Only the page's scroll position changes on the page.
 */

import { effect, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { fieldAreaElements } from '../../utils/forms/field-area';
import {
  type Box,
  isSheetViewport,
  mirrored,
  type Side,
  scrollToShow,
  sideFor,
  union,
} from '../../utils/layout/keep-visible';

export type Fit = 'wide' | 'sheet' | 'bar' | 'dock';

/** The height of the guide's label over a field (highlight.ts), kept free above the field's label. */
const LABEL_ROOM = 32;

export type PanelFit = {
  fit: ReadonlySignal<Fit>;
  side: ReadonlySignal<Side>;
  /**
   * Set when the panel should put focus on its main content once the active tab shows it: it
   * reopened by itself on a new page of the procedure (`resumed`), or the person opened the bar
   * (`expanded`). The tab that lands clears it.
   */
  land: Signal<'resumed' | 'expanded' | 'late' | null>;
  /** The bar grows back into the sheet (its button), focus then goes to the step. */
  expand(): void;
  /**
   * The panel reopens by itself while the person already types in `field` of the page (it arrived
   * late): it comes as the bar, at every size, and focus stays in the field (utils/layout/page-focus.ts)
   * until the person asks for more (« Voir l'aide », which clears it). `land` is 'late': the tab says
   * the help goes on without taking focus.
   */
  arriveLate(field: Element): void;
  /**
   * The page's element the panel shows the person while focus stays with us (the studio's picking,
   * components/features/studio): kept clear of the panel as a field with focus is (the panel moves
   * across, docks or shrinks to the bar, and the page scrolls). `null` when it shows nothing.
   */
  showing(element: Element | null): void;
  dispose(): void;
};

export const FitContext = createContext<PanelFit | null>(null);

/** The panel's fit, or none (the docked side panel, a test rendering a tab alone). */
export function useFit(): PanelFit | null {
  return useContext(FitContext);
}

const boxOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
};

const shown = (el: Element | null): el is Element => {
  if (!el?.isConnected) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};

/** The field and what explains it, each only where it shows and near the field (not a far form title). */
function fieldArea(element: Element, viewportHeight: number): { area: Box; field: Box } | null {
  const [group, ...rest] = fieldAreaElements(element);
  if (!group || !shown(group)) return null;
  const field = boxOf(group);
  const near = rest
    .filter(shown)
    .map(boxOf)
    .filter((b) => b.bottom > field.top - viewportHeight / 2 && b.top < field.bottom + viewportHeight / 2);
  return { area: union([field, ...near]) ?? field, field };
}

export function createPanelFit(options: {
  doc: Document;
  open: ReadonlySignal<boolean>;
  preferred: Side;
  isOurs: (node: Node | null) => boolean;
  /** Our visible boxes on the page (the panel, the launcher). */
  ours: () => Element[];
}): PanelFit {
  const { doc, open, isOurs } = options;
  const win = doc.defaultView ?? window;
  const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
  const fit = signal<Fit>(isSheetViewport(viewport()) ? 'sheet' : 'wide');
  const side = signal<Side>(options.preferred);
  const land = signal<'resumed' | 'expanded' | 'late' | null>(null);
  /** Came back by itself while the person typed: the bar until they ask for more (arriveLate). */
  let late = false;
  /** The page's element that has focus, while it is the person's place on the page. */
  let pageFocus: Element | null = null;
  /** The page's element we show the person (fit.showing): it counts before their focus. */
  let showingNow: Element | null = null;
  /** The person's place on the page: what we show them, else their focus. */
  const place = () => (showingNow?.isConnected ? showingNow : pageFocus);
  let frame = 0;
  /** The floating panel's box as last measured, and the side it was on. */
  let floating: Box | null = null;
  let floatingSide: Side = options.preferred;

  const oursBox = (): Box | null => union(options.ours().filter(shown).map(boxOf));

  /**
   * While the panel lies along the bottom (sheet, bar, dock), the page gets as much room at its end,
   * so its last lines (the site's « Suivant ») can still be scrolled above us. Restored after.
   */
  const html = doc.documentElement;
  let reserved: string | null = null;
  let base = '0px';
  const reserve = () => {
    const low = open.value && fit.value !== 'wide';
    const box = low ? oursBox() : null;
    const px = box ? Math.max(0, Math.round(viewport().height - box.top)) : 0;
    if (px > 0) {
      if (reserved === null) {
        reserved = html.style.paddingBottom;
        html.style.paddingBottom = '';
        // The page's own padding (its inline value too), kept under ours.
        base = reserved || win.getComputedStyle(html).paddingBottom || '0px';
      }
      html.style.paddingBottom = base === '0px' ? `${px}px` : `calc(${base} + ${px}px)`;
    } else if (reserved !== null) {
      html.style.paddingBottom = reserved;
      reserved = null;
    }
  };
  const stopReserve = effect(() => {
    fit.value;
    open.value;
    win.requestAnimationFrame(reserve);
  });

  /** Frames left to wait for the bar to be drawn (a panel mounting as the bar: arriveLate). */
  let drawing = 0;
  /** The bar is drawn: the page scrolls so the field shows between the top and the bar. */
  const keepInView = () => {
    reserve();
    const at = place();
    if (!at || (fit.value !== 'bar' && fit.value !== 'dock')) return;
    const vp = viewport();
    const found = fieldArea(at, vp.height);
    const bar = oursBox();
    if (!bar && open.value && drawing > 0) {
      drawing--;
      win.requestAnimationFrame(keepInView);
      return;
    }
    if (!found) return;
    // On a phone the keyboard takes the bottom of the visual viewport.
    const visual = win.visualViewport;
    const visibleBottom = visual ? visual.offsetTop + visual.height : vp.height;
    const bottom = Math.min(bar ? bar.top : vp.height, visibleBottom);
    // Room above for the guide's label (« À remplir ici »), drawn just above the field's label.
    const top = (visual?.offsetTop ?? 0) + LABEL_ROOM;
    const delta = scrollToShow(found.area, found.field, { top, bottom });
    if (Math.abs(delta) >= 1) win.scrollBy({ top: delta, behavior: 'instant' as ScrollBehavior });
  };

  const decide = () => {
    frame = 0;
    if (!open.value) return;
    const vp = viewport();
    const sheet = isSheetViewport(vp);
    if (!pageFocus?.isConnected) pageFocus = null;
    const at = place();
    if (late) {
      // Not asked for: stays small wherever the person goes on the page, at every size.
      fit.value = 'bar';
      win.requestAnimationFrame(keepInView);
      return;
    }
    if (!at) {
      fit.value = sheet ? 'sheet' : 'wide';
      return;
    }
    if (sheet) fit.value = 'bar';
    else {
      // Judged against the floating panel: measured now, or as last seen floating (docked now).
      const found = fieldArea(at, vp.height);
      const measured = fit.value === 'wide' ? oursBox() : null;
      if (measured) {
        floating = measured;
        floatingSide = side.value;
      }
      const box = floating && floatingSide !== side.value ? mirrored(floating, vp.width) : floating;
      if (found && box) {
        const where = sideFor(found.area, box, side.value, vp.width);
        if (where === 'bar') fit.value = 'dock';
        else {
          side.value = where;
          fit.value = 'wide';
        }
      }
    }
    // After the bar is drawn.
    win.requestAnimationFrame(keepInView);
  };
  // A press on the page (a field, the site's « Suivant »): nothing moves before it is released, or
  // the release would land elsewhere and the click be lost. The decision waits for it.
  let pressed = false;
  let waiting = false;
  const schedule = () => {
    if (pressed) waiting = true;
    else if (!frame) frame = win.requestAnimationFrame(decide);
  };
  const onPress = (e: Event) => {
    if (!isOurs(e.target as Node | null)) pressed = true;
  };
  const onRelease = () => {
    if (!pressed) return;
    pressed = false;
    if (!waiting) return;
    waiting = false;
    // After the click that follows the release, in the same task.
    win.setTimeout(schedule, 0);
  };

  const onFocus = (e: FocusEvent) => {
    const target = e.target as Element | null;
    if (!target || target === doc.body || target === doc.documentElement) return;
    if (isOurs(target)) {
      // Into the bar (its « Voir l'aide » or « Fermer »): it stays a bar until the person chooses,
      // else the button they reached would vanish under their finger or their Tab key.
      if (fit.peek() !== 'bar') pageFocus = null;
      return;
    }
    pageFocus = target;
    schedule();
  };
  const onResize = () => schedule();
  let scrolling = 0;
  /** Wide screens: the field may come under the panel as the page scrolls (the guide's own scroll). */
  const onScroll = () => {
    if (fit.value !== 'wide' || !place() || scrolling) return;
    scrolling = win.requestAnimationFrame(() => {
      scrolling = 0;
      decide();
    });
  };

  // Opening moves focus into the panel: it opens as the sheet (or floating), never as the bar.
  const stopOpen = effect(() => {
    if (!open.value) {
      late = false;
      return;
    }
    // Reopened by itself over the person's typing (arriveLate, just before): it stays the bar.
    if (late) return;
    pageFocus = null;
    fit.value = isSheetViewport(viewport()) ? 'sheet' : 'wide';
  });
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('pointerdown', onPress, true);
  doc.addEventListener('pointerup', onRelease, true);
  doc.addEventListener('pointercancel', onRelease, true);
  win.addEventListener('resize', onResize);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.visualViewport?.addEventListener('resize', onResize);

  return {
    fit,
    side,
    land,
    expand() {
      late = false;
      pageFocus = null;
      // Asked for: the whole panel, even while we show a field (the next one shown shrinks it again).
      showingNow = null;
      fit.value = isSheetViewport(viewport()) ? 'sheet' : 'wide';
      land.value = 'expanded';
    },
    arriveLate(field) {
      late = true;
      // The panel may not be drawn yet (it mounts now): the field is kept in view once it is.
      drawing = 60;
      pageFocus = field;
      fit.value = 'bar';
      land.value = 'late';
      schedule();
    },
    showing(element) {
      if (element === showingNow) return;
      showingNow = element;
      schedule();
    },
    dispose() {
      stopOpen();
      stopReserve();
      if (reserved !== null) html.style.paddingBottom = reserved;
      if (frame) win.cancelAnimationFrame(frame);
      if (scrolling) win.cancelAnimationFrame(scrolling);
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('pointerdown', onPress, true);
      doc.removeEventListener('pointerup', onRelease, true);
      doc.removeEventListener('pointercancel', onRelease, true);
      win.removeEventListener('resize', onResize);
      win.removeEventListener('scroll', onScroll);
      win.visualViewport?.removeEventListener('resize', onResize);
    },
  };
}
