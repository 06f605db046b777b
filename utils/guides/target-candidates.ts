/**
 * The clues side of finding a step's element (target.ts): what each clue of the target wants, the
 * candidates' side of each (their texts, read once per page and cached), and the page's texts that
 * nominate candidates. target.ts scores them and decides.
 */
import {
  cellLabelOf,
  clean,
  type FieldKind,
  formOf,
  groupOf,
  headingBefore,
  headingsIn,
  hintOf,
  kindOf,
  kindOfClues,
  labelCellBefore,
  labelIndex,
  labelText,
  leadingText,
  legendsAround,
  ownText,
  type Position,
  pathOf,
  positionsIn,
  quickAccessibleName,
  visibleLabel,
} from './clues.ts';
import type { Target, TargetClues } from './format.ts';
import {
  controlOfLabel,
  isShown,
  LEGACY_CONTROLS,
  matchesSafe,
  query,
  queryAll,
  type Scope,
  type TargetScope,
} from './target-dom.ts';
import { toWords, type Words, wordsSimilarity } from './words.ts';

export type ClueKey =
  | 'id'
  | 'name'
  | 'autocomplete'
  | 'label'
  | 'accessibleName'
  | 'aria'
  | 'hint'
  | 'group'
  | 'dsfrGroup'
  | 'heading'
  | 'type'
  | 'position'
  | 'path'
  | 'selector';

// Weights of captured clues. An exact id or name is strong but sites rename them; the label is
// what a person goes by; the rest confirm a candidate and never find one alone.
const CAPTURED_WEIGHTS: Record<ClueKey, number> = {
  id: 3,
  name: 3,
  label: 4,
  accessibleName: 2,
  aria: 2,
  selector: 1,
  dsfrGroup: 1.5,
  autocomplete: 1,
  hint: 1.5,
  group: 1.5,
  heading: 1,
  type: 0.5,
  position: 0.75,
  path: 0.5,
};
// Hand-written clues, in the documented order of robustness.
const HAND_WEIGHTS: Partial<Record<ClueKey, number>> = {
  id: 1,
  name: 0.75,
  label: 0.55,
  aria: 0.55,
  dsfrGroup: 0.5,
  selector: 0.45,
};

const DSFR_GROUPS =
  '.fr-input-group, .fr-select-group, .fr-upload-group, .fr-fieldset, .fr-checkbox-group, .fr-radio-group, .fr-toggle, .fr-password, .fr-range-group';
const CAPTIONED =
  'button, a[href], input[type="submit"], input[type="button"], input[type="reset"], input[type="image"], [role="button"], [role="link"]';

// ---------------------------------------------------------------------------------------------
// The clues wanted, and the candidates' side of each

export type Wanted = {
  key: ClueKey;
  weight: number;
  /** Finds candidates by itself; the others only confirm. */
  nominates: boolean;
  words?: Words;
  value?: string;
  position?: Position;
  kind?: FieldKind;
};

const TEXT_KEYS = new Set<ClueKey>([
  'label',
  'accessibleName',
  'aria',
  'hint',
  'group',
  'dsfrGroup',
  'heading',
]);

export function wantedClues(target: Target, captured: boolean): Wanted[] {
  const out: Wanted[] = [];
  const weights = captured ? CAPTURED_WEIGHTS : HAND_WEIGHTS;
  const add = (key: ClueKey, raw: string | undefined, nominates: boolean) => {
    const value = clean(raw);
    const weight = weights[key];
    if (!value || weight === undefined || out.some((w) => w.key === key)) return;
    if (TEXT_KEYS.has(key)) {
      const words = toWords(value);
      if (words.list.length === 0) return;
      out.push({ key, weight, nominates, words });
    } else out.push({ key, weight, nominates, value });
  };
  const clues: TargetClues = target.clues ?? {};
  add('id', clues.id ?? target.id, true);
  add('name', clues.name ?? target.name, true);
  add('selector', target.selector, true);
  add('label', clues.label ?? target.label, true);
  add('accessibleName', clues.accessibleName, true);
  add('aria', target.aria, true);
  add('dsfrGroup', target.dsfrGroup, true);
  if (captured) {
    add('autocomplete', clues.autocomplete?.toLowerCase(), false);
    add('hint', clues.hint, false);
    add('group', clues.group, false);
    add('heading', clues.heading, false);
    add('path', clues.path, false);
    const kind = kindOfClues(clues);
    if (kind)
      out.push({
        key: 'type',
        weight: CAPTURED_WEIGHTS.type,
        nominates: false,
        kind,
        value: clues.type ?? '',
      });
    if (clues.position)
      out.push({
        key: 'position',
        weight: CAPTURED_WEIGHTS.position,
        nominates: false,
        position: clues.position,
      });
  }
  return out;
}

/** What one resolution knows of the page: computed once, shared by every candidate. */
export class PageMemo {
  private positions = new Map<ParentNode, Map<Element, Position>>();
  private headings = new Map<Scope, Element[]>();
  private texts = new Map<string, WeakMap<Element, Words>>();
  private labelIndexes = new Map<Node, (el: Element) => Element[]>();
  /** A control's labels, from one index of its page's labels (el.labels scans the page each time). */
  labelsOf = (el: Element): Element[] => {
    const root = el.getRootNode();
    let index = this.labelIndexes.get(root);
    if (!index) {
      index = labelIndex(root as ParentNode);
      this.labelIndexes.set(root, index);
    }
    return index(el);
  };
  /** The words of an element's text, read once per resolution whatever asks for them. */
  words(node: Element, kind: string, read: () => string): Words {
    let map = this.texts.get(kind);
    if (!map) {
      map = new WeakMap();
      this.texts.set(kind, map);
    }
    let words = map.get(node);
    if (!words) {
      words = toWords(read());
      map.set(node, words);
    }
    return words;
  }
  position(el: Element): Position | undefined {
    const form = formOf(el);
    let map = this.positions.get(form);
    if (!map) {
      map = positionsIn(form);
      this.positions.set(form, map);
    }
    return map.get(el);
  }
  heading(el: Element): string {
    const root = el.getRootNode() as Scope;
    let list = this.headings.get(root);
    if (!list) {
      list = headingsIn(root);
      this.headings.set(root, list);
    }
    const heading = headingBefore(el, list);
    return heading ? ownText(heading) : '';
  }
}

/** One element under consideration; what it offers for each clue is read once, when first asked. */
export class Candidate {
  readonly sims = new Map<ClueKey, number>();
  kind: FieldKind | null;
  shown: boolean | undefined;
  private cache: Map<string, unknown> | null = null;
  private votes: Partial<Record<ClueKey, number>> = {};
  constructor(
    readonly el: Element,
    readonly scope: Scope,
    readonly where: TargetScope,
    readonly order: number,
    readonly page: PageMemo,
  ) {
    this.kind = kindOf(el);
  }
  /** A text clue's similarity with one of the element's texts: the best one counts. */
  vote(key: ClueKey, sim: number) {
    if (sim > (this.votes[key] ?? 0)) this.votes[key] = sim;
  }
  voteOf(key: ClueKey): number {
    return this.votes[key] ?? 0;
  }
  private memo<T>(key: string, make: () => T): T {
    this.cache ??= new Map();
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = make();
    this.cache.set(key, value);
    return value;
  }
  isShown(): boolean {
    if (this.shown === undefined) this.shown = isShown(this.el);
    return this.shown;
  }
  labelWords(): Words[] {
    return this.memo('label', () => {
      const texts: string[] = [];
      for (const label of this.page.labelsOf(this.el)) {
        texts.push(labelText(label));
        if (label.childElementCount > 0) texts.push(leadingText(label));
      }
      const labelledBy = this.el.hasAttribute('aria-labelledby')
        ? visibleLabel(this.el, this.kind, this.page.labelsOf)
        : '';
      if (labelledBy) texts.push(labelledBy);
      if (this.kind === 'button' || this.kind === 'link')
        texts.push(visibleLabel(this.el, this.kind, this.page.labelsOf));
      // A layout table's cell is its label only when nothing else names it (as when recorded).
      else if (texts.length === 0) texts.push(cellLabelOf(this.el));
      return texts.filter(Boolean).map(toWords);
    });
  }
  ariaWords(): Words[] {
    return this.memo('aria', () => {
      const texts = [clean(this.el.getAttribute('aria-label'))];
      if (this.el.hasAttribute('aria-labelledby'))
        texts.push(visibleLabel(this.el, this.kind, this.page.labelsOf));
      return texts.filter(Boolean).map(toWords);
    });
  }
  accessibleWords(): Words {
    return this.memo('acc', () => toWords(quickAccessibleName(this.el, this.kind, this.page.labelsOf)));
  }
  /** Labels and legends of the DSFR groups (or fieldsets) this element is the first control of. */
  dsfrGroupWords(): Words[] {
    return this.memo('dsfr', () => {
      const out: Words[] = [];
      for (
        let node = this.el.parentElement, depth = 0;
        node && depth < 8;
        node = node.parentElement, depth++
      ) {
        if (!matchesSafe(node, `${DSFR_GROUPS}, fieldset`)) continue;
        if (query(node, LEGACY_CONTROLS) !== this.el) break;
        for (const child of Array.from(node.children))
          if (child.localName === 'label' || child.localName === 'legend')
            out.push(toWords(labelText(child)));
      }
      return out;
    });
  }
  hintWords(): Words {
    return this.memo('hint', () => toWords(hintOf(this.el, this.page.labelsOf)));
  }
  /** The legends of every fieldset around it: a fieldset the site added inside keeps the old one. */
  legendWords(): Words[] {
    return this.memo('legends', () => legendsAround(this.el).map(toWords));
  }
  groupWords(): Words {
    return this.memo('group', () => toWords(groupOf(this.el)));
  }
  headingWords(page: PageMemo): Words {
    return this.memo('heading', () => toWords(page.heading(this.el)));
  }
  path(): string {
    return this.memo('path', () => pathOf(this.el));
  }
}

function bestOf(wanted: Words, texts: Words[]): number {
  let best = 0;
  for (const text of texts) {
    const sim = wordsSimilarity(wanted, text);
    if (sim > best) best = sim;
  }
  return best;
}

function pathSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = a.split(' > ');
  const y = b.split(' > ');
  let same = 0;
  while (same < x.length && same < y.length && x[x.length - 1 - same] === y[y.length - 1 - same]) same++;
  return same / Math.max(x.length, y.length);
}

/** How well the candidate matches one clue, 0 to 1. */
export function similarity(w: Wanted, c: Candidate, page: PageMemo): number {
  const el = c.el;
  switch (w.key) {
    case 'id':
      return el.getAttribute('id') === w.value ? 1 : 0;
    case 'name':
      return el.getAttribute('name') === w.value ? 1 : 0;
    case 'selector':
      return w.value && matchesSafe(el, w.value) ? 1 : 0;
    case 'autocomplete': {
      const mine = clean(el.getAttribute('autocomplete')).toLowerCase();
      return mine && mine === w.value ? 1 : 0;
    }
    case 'label':
      return bestOf(w.words as Words, c.labelWords());
    case 'aria':
      return bestOf(w.words as Words, c.ariaWords());
    case 'accessibleName':
      return wordsSimilarity(w.words as Words, c.accessibleWords());
    case 'dsfrGroup':
      return bestOf(w.words as Words, c.dsfrGroupWords());
    case 'hint':
      return wordsSimilarity(w.words as Words, c.hintWords());
    case 'group':
      return wordsSimilarity(w.words as Words, c.groupWords());
    case 'heading':
      return wordsSimilarity(w.words as Words, c.headingWords(page));
    case 'type': {
      if (!c.kind || !w.kind) return 0;
      if (c.kind !== w.kind) return 0.5;
      return (el.getAttribute('type') ?? '').toLowerCase() === w.value ? 1 : 0.75;
    }
    case 'position': {
      const mine = page.position(el);
      return mine && w.position && mine.index === w.position.index ? 1 : 0;
    }
    case 'path':
      return pathSimilarity(w.value ?? '', c.path());
  }
}

// ---------------------------------------------------------------------------------------------
// Finding candidates

type TextSource = 'label' | 'labelledby' | 'aria' | 'caption' | 'placeholder' | 'legend' | 'cell';
export const SOURCES_OF: Partial<Record<ClueKey, TextSource[]>> = {
  label: ['label', 'labelledby', 'caption', 'cell'],
  aria: ['aria', 'labelledby'],
  accessibleName: ['label', 'labelledby', 'aria', 'caption', 'placeholder'],
  dsfrGroup: ['legend'],
};

const CELL_FIELDS = 'td input, td select, td textarea, th input, th select, th textarea';

export type TextEntry = {
  el: Element;
  source: TextSource;
  raw: string;
  node: Element;
  text: () => string;
  /** Which reading of the node this is, for the words kept per resolution. */
  reading?: string;
};

/** Every text that names a control in a scope, for the sources asked: raw text only, read lazily. */
export function* textEntries(
  scope: Scope,
  sources: ReadonlySet<TextSource>,
  labelsOf: (el: Element) => Element[],
): Generator<TextEntry> {
  if (sources.has('label') || sources.has('legend')) {
    for (const label of queryAll(scope, 'label')) {
      const raw = label.textContent ?? '';
      if (!raw.trim()) continue;
      const text = () => labelText(label);
      if (sources.has('label')) {
        const control = controlOfLabel(label, scope);
        if (control) {
          yield { el: control, source: 'label', raw, node: label, text };
          // Its first words too: a hint whose class the site renamed is still not the label.
          if (label.childElementCount > 0)
            yield {
              el: control,
              source: 'label',
              raw,
              node: label,
              text: () => leadingText(label),
              reading: 'lead',
            };
        }
      }
      const parent = label.parentElement;
      if (sources.has('legend') && parent && matchesSafe(parent, DSFR_GROUPS))
        yield { el: query(parent, LEGACY_CONTROLS) ?? parent, source: 'legend', raw, node: label, text };
    }
  }
  if (sources.has('legend')) {
    for (const legend of queryAll(scope, 'legend')) {
      const parent = legend.parentElement;
      if (!parent || !matchesSafe(parent, `${DSFR_GROUPS}, fieldset`)) continue;
      const el = query(parent, LEGACY_CONTROLS) ?? parent;
      yield {
        el,
        source: 'legend',
        raw: legend.textContent ?? '',
        node: legend,
        text: () => labelText(legend),
      };
    }
  }
  if (sources.has('cell')) {
    // Layout tables: the words in the cell before a field's cell (clues.ts cellLabelOf). Read
    // from the fields in cells, not from every cell of the page's tables.
    for (const control of queryAll(scope, CELL_FIELDS)) {
      const cell = control.closest('td, th');
      const before = cell ? labelCellBefore(cell) : null;
      if (!before || cellLabelOf(control) === '') continue;
      yield {
        el: control,
        source: 'cell',
        raw: before.textContent ?? '',
        node: before,
        text: () => labelText(before),
      };
    }
  }
  if (sources.has('labelledby')) {
    for (const el of queryAll(scope, '[aria-labelledby]')) {
      const text = visibleLabel(el, kindOf(el), labelsOf);
      yield { el, source: 'labelledby', raw: text, node: el, text: () => text };
    }
  }
  if (sources.has('aria')) {
    for (const el of queryAll(scope, '[aria-label]')) {
      const raw = el.getAttribute('aria-label') ?? '';
      yield { el, source: 'aria', raw, node: el, text: () => raw };
    }
  }
  if (sources.has('caption')) {
    for (const el of queryAll(scope, CAPTIONED)) {
      const kind = kindOf(el);
      if (kind !== 'button' && kind !== 'link') continue;
      const raw = el.localName === 'input' ? (el.getAttribute('value') ?? '') : (el.textContent ?? '');
      yield { el, source: 'caption', raw, node: el, text: () => visibleLabel(el, kind, labelsOf) };
    }
  }
  if (sources.has('placeholder')) {
    for (const el of queryAll(scope, '[placeholder], [title]')) {
      if (!kindOf(el)) continue;
      const raw = `${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('title') ?? ''}`;
      yield { el, source: 'placeholder', raw, node: el, text: () => raw };
    }
  }
}

const ACCENTS: Record<string, string> = {
  a: '[aàâä]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iîï]',
  o: '[oôö]',
  u: '[uùûü]',
};
const ALSO: Record<string, string> = {
  numero: 'n\\s*[°º]|\\bno\\b|\\bnum\\b',
  email: 'courriel|mail|m[eé]l\\b',
  telephone: 't[eé]l\\b',
};

/** A quick test on raw text: does it hold at least one of the words (any accent, case, plural)? */
export function rawFilter(words: Words): RegExp {
  // Numbers and short words are everywhere on a page: they only count when there is nothing else.
  const telling = words.list.filter((word) => word.length > 2 && !/^\d+$/.test(word));
  const parts = (telling.length > 0 ? telling : words.list).map((word) => {
    const base = word.replace(/[^a-z0-9]/g, '').replace(/[aceiou]/g, (ch) => ACCENTS[ch] ?? ch);
    return ALSO[word] ? `${base}|${ALSO[word]}` : base;
  });
  return new RegExp(parts.join('|'), 'i');
}
