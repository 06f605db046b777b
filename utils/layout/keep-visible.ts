/**
 * Where the panel goes so it never hides the field the person is filling: pure geometry, in CSS
 * pixels of the viewport, tested in Node. The DOM side (components/panel/fit.ts) measures and obeys.
 *
 * - On a narrow or zoomed screen (a phone, 200 % zoom of a laptop) the panel is a sheet at the
 *   bottom; while a field of the page has focus it shrinks to a bar, and the page scrolls so the
 *   field, its label and its hint stand above the bar.
 * - On a wide screen the panel floats on one side; when the focused field would be under it, it
 *   moves to the other side; when both sides would cover it, it shrinks to the bar as on a phone.
 */

export type Box = { top: number; left: number; bottom: number; right: number };
export type Size = { width: number; height: number };
export type Side = 'right' | 'left';

/**
 * Below these sizes (CSS px) a floating panel leaves too little of the page: 360 px phones, and a
 * 1280 × 900 laptop at 200 % zoom (640 × 450 CSS px). A 768 px tablet keeps the floating panel.
 */
export const SHEET_MAX_WIDTH = 720;
export const SHEET_MAX_HEIGHT = 520;

/** Space kept between the field's area and our UI, and from the top of the screen. */
export const MARGIN = 12;

export function isSheetViewport(viewport: Size): boolean {
  return viewport.width <= SHEET_MAX_WIDTH || viewport.height <= SHEET_MAX_HEIGHT;
}

export function union(boxes: readonly Box[]): Box | null {
  const real = boxes.filter((b) => b.right > b.left || b.bottom > b.top);
  if (real.length === 0) return null;
  return {
    top: Math.min(...real.map((b) => b.top)),
    left: Math.min(...real.map((b) => b.left)),
    bottom: Math.max(...real.map((b) => b.bottom)),
    right: Math.max(...real.map((b) => b.right)),
  };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The same box on the other side of the viewport (the panel moved across). */
export function mirrored(box: Box, viewportWidth: number): Box {
  return { ...box, left: viewportWidth - box.right, right: viewportWidth - box.left };
}

/**
 * Wide screens: the side the panel (with its launcher: `ours`, measured on `current` side) should
 * take so it leaves `area` (the field with its label and hint) uncovered. `bar` when neither side
 * does: the panel shrinks to the bar.
 */
export function sideFor(area: Box, ours: Box, current: Side, viewportWidth: number): Side | 'bar' {
  const grown = { ...area, left: area.left - MARGIN / 2, right: area.right + MARGIN / 2 };
  if (!overlaps(grown, ours)) return current;
  const other: Side = current === 'right' ? 'left' : 'right';
  if (!overlaps(grown, mirrored(ours, viewportWidth))) return other;
  return 'bar';
}

/**
 * How far to scroll the page (positive: down) so `area` shows between `top` and `bottom` (the
 * top of our bar). When the area is taller than the room, the field itself shows whole, with as
 * much of its label and hint above it as fits. 0 when it already shows.
 */
export function scrollToShow(area: Box, field: Box, room: { top: number; bottom: number }): number {
  const top = room.top + MARGIN;
  const bottom = room.bottom - MARGIN;
  if (bottom <= top) return 0;
  if (area.bottom - area.top <= bottom - top) {
    if (area.top < top) return area.top - top;
    if (area.bottom > bottom) return area.bottom - bottom;
    return 0;
  }
  // Too tall: the field's bottom at the bottom of the room leaves the most of its label above it.
  return field.bottom - field.top <= bottom - top ? field.bottom - bottom : field.top - top;
}
