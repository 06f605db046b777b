/**
 * The recorder's picking mode on the page, framework-free (any DOM, jsdom included): the author
 * points at a field with the mouse, or moves through the page's fields with Tab or the arrow keys
 * and picks one with Enter (Escape stops). The page's own handlers do not see these keys and
 * clicks while picking, so nothing is submitted or opened. What comes back is `captureClues` of
 * the picked element and the page's address without its query: never a value.
 */
import {
  type CapturedClues,
  CONTROL_SELECTOR,
  captureClues,
  type FieldKind,
  headingBefore,
  headingsIn,
} from '../clues.ts';
import { isShown } from '../target.ts';
import type { PickedPage } from './propose.ts';

export type PickOutcome =
  | { ok: true; clues: CapturedClues & { inputmode?: string }; kind: FieldKind; page: PickedPage }
  | { ok: false; reason: 'sensitive' | 'not-a-target' | 'cancelled' };

/** Where the injected picking script (entrypoints/studio-picker.ts) keeps its handle, in the isolated world. */
export const STUDIO_HANDLE = '__pasapasStudio';

/** What the background asks of the picking script in a tab. */
export type StudioHandle = {
  /** Starts picking (or joins the pick under way); `hint` is the highlight's words. */
  pick(hint: string): Promise<PickOutcome>;
  move(delta: number): boolean;
  choose(): boolean;
  cancel(): boolean;
};

export type PickerOptions = {
  doc: Document;
  /** Our own UI (the highlight): never a candidate. */
  isOurs?: (node: Node) => boolean;
  /** The element now shown to the author (null: none), its place and how many there are. */
  show?: (el: Element | null, index: number, count: number) => void;
  /** The outcome, and the element picked (the field a pointed label names), if any. */
  done: (outcome: PickOutcome, element: Element | null) => void;
};

export type Picker = {
  move(delta: number): Element | null;
  /** Shows the field after this one (the next to record after the last pick), else the first. */
  showAfter(el: Element | null): Element | null;
  choose(): void;
  cancel(): void;
  current(): Element | null;
  candidates(): Element[];
};

/** A same-origin frame's document; null for another origin's frame (reading it throws or gives null). */
export function frameDocument(el: Element): Document | null {
  if (el.localName !== 'iframe' && el.localName !== 'frame') return null;
  try {
    const inner = (el as HTMLIFrameElement).contentDocument;
    // A frame still on about:blank has nothing of the procedure yet.
    return inner?.documentElement ? inner : null;
  } catch {
    return null;
  }
}

/**
 * The fields and buttons a person can see on the page, in its open shadow roots and its
 * same-origin iframes, in page order (the resolver, target.ts, looks in the same places).
 */
export function pickableIn(doc: Document, isOurs: (node: Node) => boolean = () => false): Element[] {
  const out: Element[] = [];
  const visit = (root: Document | ShadowRoot, depth: number) => {
    if (depth > 8) return;
    let all: Element[];
    try {
      all = Array.from(root.querySelectorAll('*'));
    } catch {
      return;
    }
    for (const el of all) {
      if (isOurs(el)) continue;
      const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (el.matches(CONTROL_SELECTOR) && isShown(el)) out.push(el);
      if (shadow) visit(shadow, depth + 1);
      const inner = frameDocument(el);
      if (inner && isShown(el)) visit(inner, depth + 1);
    }
  };
  visit(doc, 0);
  return out;
}

/** The page and its same-origin iframes' documents, where the picker listens. */
export function documentsIn(doc: Document, isOurs: (node: Node) => boolean = () => false): Document[] {
  const out = [doc];
  for (let i = 0; i < out.length && out.length < 32; i++) {
    const current = out[i] as Document;
    let frames: Element[];
    try {
      frames = Array.from(current.querySelectorAll('iframe, frame'));
    } catch {
      continue;
    }
    for (const frame of frames) {
      if (isOurs(frame)) continue;
      const inner = frameDocument(frame);
      if (inner && !out.includes(inner)) out.push(inner);
    }
  }
  return out;
}

/** A heading's lead words: its own text nodes ("Votre identité" of "Votre identité <span>Étape 1 sur 6</span>"). */
export function headingLead(heading: Element): string {
  let own = '';
  for (let child = heading.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3) own += child.nodeValue ?? '';
  const text = own.replace(/\s+/g, ' ').trim();
  return text || (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The page part of a pick: the address without query or fragment, and the field's section heading. */
export function pageOf(el: Element, doc: Document): PickedPage {
  const location = doc.location;
  const url = location ? `${location.origin}${location.pathname}` : '';
  // The page's heading before the field: in a shadow root, the page's; in an iframe, the frame's
  // own, else the page's heading before the frame.
  const own = el.ownerDocument;
  let heading = headingBefore(el, headingsIn(own));
  if (!heading && own !== doc) {
    const frame = own.defaultView?.frameElement ?? null;
    if (frame) heading = headingBefore(frame, headingsIn(doc));
  }
  const page: PickedPage = { url };
  const lead = heading ? headingLead(heading).slice(0, 200) : '';
  if (lead) page.heading = lead;
  return page;
}

/** What the author pointed at, as a pick (refusals included). */
export function pickElement(el: Element, doc: Document): PickOutcome {
  const captured = captureClues(el);
  if (!captured.ok) return { ok: false, reason: captured.reason };
  const clues: CapturedClues & { inputmode?: string } = { ...captured.clues };
  // The field's own input mode helps guess its validator (a numeric code, a phone number).
  const control = el.matches(CONTROL_SELECTOR) ? el : el.querySelector(CONTROL_SELECTOR);
  const mode = control?.getAttribute('inputmode');
  if (mode) clues.inputmode = mode.slice(0, 20);
  return { ok: true, clues, kind: captured.kind, page: pageOf(control ?? el, doc) };
}

const NEXT = new Set(['Tab', 'ArrowDown', 'ArrowRight']);
const PRESSES = ['mousedown', 'pointerdown', 'mouseup', 'pointerup'] as const;
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

/** Starts the picking mode on a page; it ends at the first pick or cancel (listeners removed). */
export function startPicker(options: PickerOptions): Picker {
  const { doc, show = () => {}, done } = options;
  const isOurs = options.isOurs ?? (() => false);
  let list = pickableIn(doc, isOurs);
  let index = -1;
  let finished = false;
  const listening = new Set<Document>();

  const refresh = () => {
    // The page may have changed (a field shown, a section opened, a frame loaded): read again.
    const current = list[index];
    list = pickableIn(doc, isOurs);
    index = current ? list.indexOf(current) : -1;
    if (!finished) for (const d of documentsIn(doc, isOurs)) listen(d);
  };
  const highlight = () => show(list[index] ?? null, index, list.length);
  const move = (delta: number): Element | null => {
    refresh();
    if (list.length === 0) {
      index = -1;
    } else if (index < 0) index = delta >= 0 ? 0 : list.length - 1;
    else index = (index + delta + list.length) % list.length;
    highlight();
    return list[index] ?? null;
  };
  const finish = (outcome: PickOutcome, element: Element | null = null) => {
    if (finished) return;
    finished = true;
    for (const d of listening) unlisten(d);
    listening.clear();
    show(null, -1, list.length);
    const picked =
      element?.localName === 'label' ? ((element as HTMLLabelElement).control ?? element) : element;
    done(outcome, picked);
  };
  const choose = () => {
    const el = list[index];
    if (el) finish(pickElement(el, doc), el);
  };
  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Keys in our own UI (the widget's panel is in the same page) move through the panel, not the page.
    const from = e.composedPath()[0];
    if (from && isOurs(from as Node)) return;
    if (NEXT.has(e.key) && !(e.key === 'Tab' && e.shiftKey)) {
      stop(e);
      move(1);
    } else if (PREVIOUS.has(e.key) || (e.key === 'Tab' && e.shiftKey)) {
      stop(e);
      move(-1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      stop(e);
      choose();
    } else if (e.key === 'Escape') {
      stop(e);
      finish({ ok: false, reason: 'cancelled' });
    }
  };
  const targetOf = (e: Event): Element | null => {
    for (const node of e.composedPath()) {
      const el = node as Element;
      if (el.nodeType !== 1) continue;
      if (isOurs(el)) return null;
      if (list.includes(el)) return el;
      // A label names its field: pointing at it picks the field.
      if (el.localName === 'label') return el;
    }
    const first = e.composedPath()[0] as Element | undefined;
    return first?.nodeType === 1 ? first : null;
  };
  const onClick = (e: MouseEvent) => {
    const el = targetOf(e);
    if (!el) return;
    stop(e);
    finish(pickElement(el, doc), el);
  };
  // The page must not react to the press that picks (a button's own mousedown handler, a drag).
  const swallow = (e: Event) => {
    if (targetOf(e)) stop(e);
  };
  // Where the pointer was at its last move: a page scrolled under a still pointer (the keyboard's
  // move, or our panel docking) sends moves too, at the same place, and must not take the field
  // the keyboard chose (seen at 1280 px: from the 10th field back to the 7th, under the pointer).
  let pointer: { x: number; y: number } | null = null;
  const onHover = (e: MouseEvent) => {
    const was = pointer;
    pointer = { x: e.screenX, y: e.screenY };
    if (!was || (was.x === pointer.x && was.y === pointer.y)) return;
    const el = targetOf(e);
    const at = el ? list.indexOf(el) : -1;
    if (at >= 0 && at !== index) {
      index = at;
      highlight();
    }
  };
  // Every document the author may be in: the page and its same-origin iframes (a frame loaded
  // later is reached at the next move, when the list is read again).
  function listen(d: Document) {
    if (listening.has(d)) return;
    listening.add(d);
    const w = d.defaultView;
    d.addEventListener('keydown', onKey, true);
    w?.addEventListener('click', onClick, true);
    d.addEventListener('mousemove', onHover, true);
    for (const type of PRESSES) w?.addEventListener(type, swallow, true);
  }
  function unlisten(d: Document) {
    const w = d.defaultView;
    d.removeEventListener('keydown', onKey, true);
    w?.removeEventListener('click', onClick, true);
    d.removeEventListener('mousemove', onHover, true);
    for (const type of PRESSES) w?.removeEventListener(type, swallow, true);
  }
  for (const d of documentsIn(doc, isOurs)) listen(d);

  return {
    move,
    showAfter(el) {
      refresh();
      index = el ? list.indexOf(el) : -1;
      return move(1);
    },
    choose,
    cancel: () => finish({ ok: false, reason: 'cancelled' }),
    current: () => list[index] ?? null,
    candidates: () => [...list],
  };
}
