import { describe, expect, it } from 'vitest';
import {
  type Box,
  isSheetViewport,
  MARGIN,
  mirrored,
  overlaps,
  scrollToShow,
  sideFor,
  union,
} from '../../../utils/layout/keep-visible';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('which screens get the bottom sheet', () => {
  it('a 360 px phone and a 1280 × 900 laptop at 200 % zoom (640 × 450 CSS px)', () => {
    expect(isSheetViewport({ width: 360, height: 740 })).toBe(true);
    expect(isSheetViewport({ width: 640, height: 450 })).toBe(true);
    // 200 % of a 1920 × 1080 screen: wide enough, but too low for a floating panel and the field.
    expect(isSheetViewport({ width: 960, height: 540 - 60 })).toBe(true);
  });
  it('not a laptop, nor a tablet held upright', () => {
    expect(isSheetViewport({ width: 1280, height: 900 })).toBe(false);
    expect(isSheetViewport({ width: 1366, height: 657 })).toBe(false);
    expect(isSheetViewport({ width: 768, height: 1024 })).toBe(false);
  });
});

describe('boxes', () => {
  it('unites the boxes that have a size', () => {
    expect(union([box(10, 10, 10, 10), box(40, 5, 10, 10), box(0, 0, 0, 0)])).toEqual({
      left: 10,
      top: 5,
      right: 50,
      bottom: 20,
    });
    expect(union([])).toBeNull();
  });
  it('touching is not covering', () => {
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(false);
    expect(overlaps(box(0, 0, 10, 10), box(9, 9, 10, 10))).toBe(true);
  });
  it('mirrors across the viewport', () => {
    expect(mirrored(box(800, 20, 464, 700), 1280)).toEqual(box(16, 20, 464, 700));
  });
});

describe('the side of the floating panel', () => {
  const panelRight = box(816, 16, 448, 800);
  it('stays where it is when the field is clear of it', () => {
    expect(sideFor(box(100, 300, 400, 40), panelRight, 'right', 1280)).toBe('right');
  });
  it('moves across when the field is under it', () => {
    expect(sideFor(box(700, 300, 400, 40), panelRight, 'right', 1280)).toBe('left');
    expect(sideFor(box(100, 300, 300, 40), mirrored(panelRight, 1280), 'left', 1280)).toBe('right');
  });
  it('becomes the bar when both sides would cover the field', () => {
    expect(sideFor(box(300, 300, 700, 40), panelRight, 'right', 1280)).toBe('bar');
  });
  it('a field a few pixels from the panel counts as under it', () => {
    // 3 px from the panel on the right, MARGIN / 2 from where it would be on the left.
    expect(sideFor(box(470, 300, 343, 40), panelRight, 'right', 1280)).toBe('left');
    // A little wider: a few pixels from both places.
    expect(sideFor(box(470 - MARGIN / 2 + 1, 300, 347, 40), panelRight, 'right', 1280)).toBe('bar');
  });
});

describe('scrolling the field above the bar', () => {
  const room = { top: 0, bottom: 640 };
  it('does nothing when the field, its label and hint show', () => {
    expect(scrollToShow(box(0, 100, 300, 120), box(0, 170, 300, 50), room)).toBe(0);
  });
  it('scrolls down when they are under the bar', () => {
    const area = box(0, 600, 300, 120);
    expect(scrollToShow(area, box(0, 670, 300, 50), room)).toBe(720 - (640 - MARGIN));
  });
  it('scrolls up when the label is above the screen', () => {
    expect(scrollToShow(box(0, -40, 300, 120), box(0, 30, 300, 50), room)).toBe(-40 - MARGIN);
  });
  it('with too little room, shows the whole field and as much as fits of its label', () => {
    const tight = { top: 0, bottom: 150 };
    const area = box(0, 400, 300, 300);
    const field = box(0, 600, 300, 100);
    const delta = scrollToShow(area, field, tight);
    expect(field.bottom - delta).toBe(150 - MARGIN);
    expect(field.top - delta).toBeGreaterThanOrEqual(MARGIN);
  });
  it('a field taller than the room shows from its top', () => {
    expect(scrollToShow(box(0, 400, 300, 500), box(0, 450, 300, 400), { top: 0, bottom: 200 })).toBe(
      450 - MARGIN,
    );
  });
});
