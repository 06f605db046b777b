/**
 * Finding a step's element on a live page, framework-free, by scoring. Every clue of the target
 * votes for the elements it matches (text clues compared as a person reads them: words.ts); the
 * best element is used only when its score passes a threshold and clearly beats the runner-up.
 * Otherwise the decision is `ambiguous` or `missing`, and nothing is pointed at: a step that
 * cannot tell the field says so rather than show a wrong one. Steps whose answer is sensitive
 * (IBAN, NIR, numéro fiscal, CAF number) ask for more.
 *
 * Two kinds of targets. Captured clues (`target.clues`, from the recorder) were all seen on the
 * same element: each adds its weight, and the score is the share of the target's total weight.
 * Hand-written clues (id, name, label, aria, dsfrGroup, selector) are alternatives written by a
 * person, most robust first: their weights follow that order and the score is counted against
 * the strongest clue that finds anything on the page, so one clue is enough, as before.
 *
 * Looks in the page, its open shadow roots and its same-origin iframes (target-dom.ts). Never
 * throws. No `instanceof` checks: elements of an iframe belong to another window. What each clue
 * wants and the candidates' texts are in target-candidates.ts (this file scores and decides);
 * waiting for a target to appear is in target-wait.ts; following a single-page app's route, in
 * route-watch.ts.
 */
import { clean, type FieldKind, kindOfClues, kindsCompatible } from './clues.ts';
import type { Target } from './format.ts';
import {
  Candidate,
  type ClueKey,
  PageMemo,
  rawFilter,
  SOURCES_OF,
  similarity,
  textEntries,
  type Wanted,
  wantedClues,
} from './target-candidates.ts';
import {
  byId,
  byName,
  collectScopes,
  frameDocument,
  query,
  queryAll,
  type Scope,
  type TargetScope,
} from './target-dom.ts';
import { toWords, type Words, wordsSimilarity } from './words.ts';

export type { ClueKey } from './target-candidates.ts';
export { isShown, type TargetScope } from './target-dom.ts';

export type TargetStrategy = 'id' | 'name' | 'label' | 'aria' | 'dsfrGroup' | 'selector';
export type ResolvedTarget = {
  element: Element;
  /** The strongest of the target's clues that matched the element. */
  strategy: TargetStrategy;
  scope: TargetScope;
  decision: TargetDecision;
};

export type CandidateScore = {
  element: Element;
  scope: TargetScope;
  /** 0 to 1. */
  score: number;
  matched: ClueKey[];
  shown: boolean;
};

export type TargetDecision = {
  status: 'found' | 'ambiguous' | 'missing';
  /** Only when found. */
  element?: Element;
  scope?: TargetScope;
  strategy?: TargetStrategy;
  /** The best candidate's score (0 to 1), found or not. */
  score: number;
  /**
   * The best other candidate's score among those read. Candidates that could not come within the
   * margin are not read in full (a lower bound), and when an exact clue (id, name) settles the
   * decision the page's texts are not read at all (0).
   */
  runnerUp: number;
  /** The clues that matched the best candidate. */
  matchedClues: ClueKey[];
  /**
   * The id or name this page gave to another field (setAsideReassigned): counted neither for nor
   * against any element, as if renamed everywhere.
   */
  setAside: ClueKey[];
  /** The best candidates, best first (at most 5). */
  candidates: CandidateScore[];
  mode: 'captured' | 'hand-written';
  /** Candidates as good as the one found, set aside by page order (hand-written, not sensitive). */
  ties: number;
  strict: boolean;
  threshold: number;
  margin: number;
};

export type DecideOptions = {
  /** The step's answer is sensitive (see isStrictValidator): higher threshold and margin. */
  strict?: boolean;
  /** Our own UI (the panel, its shadow root): never a candidate, never searched. */
  ignore?: (node: Node) => boolean;
};

/** Score needed, and lead over the runner-up. */
export const DECISION_RULES = {
  normal: { threshold: 0.6, margin: 0.2 },
  strict: { threshold: 0.7, margin: 0.3 },
} as const;

export const STRICT_VALIDATORS: ReadonlySet<string> = new Set(['iban', 'nir', 'fiscal-number', 'caf-number']);

/** Steps whose answer is an IBAN, NIR, numéro fiscal or CAF number: a wrong field there costs most. */
export function isStrictValidator(validator: string | undefined | null): boolean {
  return !!validator && STRICT_VALIDATORS.has(validator);
}

/** A captured target's candidate needs one of these to be found (an anchor), not only context. */
const ANCHOR_TEXT = 0.8;
// A legend reworded a little (« Vos revenus » → « Revenus du foyer ») still agrees.
const GROUP_AGREES = 0.5;
// A hidden copy (mobile menu, closed tab) counts a little less than the shown field.
const HIDDEN_FACTOR = 0.95;
const STRATEGY_ORDER: Array<[TargetStrategy, ClueKey[]]> = [
  ['id', ['id']],
  ['name', ['name']],
  ['label', ['label']],
  ['aria', ['aria', 'accessibleName']],
  ['dsfrGroup', ['dsfrGroup', 'group']],
  ['selector', ['selector']],
];
const MAX_CANDIDATES = 2000;
const MIN_FULLY_SCORED = 3;

// ---------------------------------------------------------------------------------------------
// Scoring and deciding

type Run = {
  target: Target;
  captured: boolean;
  wanted: Wanted[];
  wantedKind: FieldKind | null;
  page: PageMemo;
  candidates: Map<Element, Candidate>;
  order: number;
  ignore: ((node: Node) => boolean) | undefined;
  /** Scopes whose texts were all read: there, a text clue's votes are exactly the recorded ones. */
  scanned: Set<Scope>;
  /** Exact clues set aside on this page (setAsideReassigned). */
  setAside: ClueKey[];
};

function nominate(run: Run, el: Element, scope: Scope, where: TargetScope): Candidate | null {
  let c = run.candidates.get(el);
  if (c) return c;
  if (run.candidates.size >= MAX_CANDIDATES) return null;
  if (run.ignore?.(el)) return null;
  c = new Candidate(el, scope, where, run.order++, run.page);
  // A captured target knows what it points at: a button is never a text box.
  if (run.wantedKind && (!c.kind || !kindsCompatible(run.wantedKind, c.kind))) return null;
  run.candidates.set(el, c);
  return c;
}

const isExact = (w: Wanted) => w.key === 'id' || w.key === 'name' || w.key === 'selector';

/** Candidates from exact clues: id, name, selector. Cheap (the page's own indexes). */
function nominateExact(run: Run, scopes: Array<[Scope, TargetScope]>) {
  for (const w of run.wanted) {
    if (!w.value || !isExact(w)) continue;
    for (const [scope, where] of scopes) {
      if (w.key === 'id') {
        const el = byId(scope, w.value);
        if (el) nominate(run, el, scope, where);
      } else if (w.key === 'name') {
        for (const el of byName(scope, w.value)) nominate(run, el, scope, where);
      } else for (const el of queryAll(scope, w.value)) nominate(run, el, scope, where);
    }
  }
}

/**
 * Candidates from text clues: every label, legend, caption… that shares a word with a clue. Its
 * similarity is recorded on the candidate as that clue's vote (the best over the element's texts).
 */
function nominateByText(run: Run, scopes: Array<[Scope, TargetScope]>) {
  const textClues = run.wanted.filter((w) => w.nominates && w.words && SOURCES_OF[w.key]);
  const sources = new Set(textClues.flatMap((w) => SOURCES_OF[w.key] ?? []));
  // A recorded field is never named by a button's caption, nor a button by a placeholder; a
  // hand-written label names a field, as it always did (buttons are written with a selector).
  const clickable = run.wantedKind === 'button' || run.wantedKind === 'link';
  // Table cells name fields only for recorded targets (the recorder reads them; a hand-written
  // label was always a label element, and pages of big tables need not pay for it).
  if (!run.captured) sources.delete('cell');
  if (!clickable) sources.delete('caption');
  if (clickable) sources.delete('placeholder');
  const filters = textClues.map((w) => rawFilter(w.words as Words));
  for (const [scope, where] of scopes) {
    for (const entry of textEntries(scope, sources, run.page.labelsOf)) {
      let words: Words | null = null;
      for (let i = 0; i < textClues.length; i++) {
        const w = textClues[i] as Wanted;
        if (!SOURCES_OF[w.key]?.includes(entry.source)) continue;
        if (!(filters[i] as RegExp).test(entry.raw)) continue;
        words ??= run.page.words(entry.node, entry.reading ?? entry.source, entry.text);
        const sim = wordsSimilarity(w.words as Words, words);
        if (sim <= 0) continue;
        const c = nominate(run, entry.el, scope, where);
        if (c) c.vote(w.key, sim);
      }
    }
    run.scanned.add(scope);
  }
}

// The accessible name is compared in full (one string per element), not text by text.
const FROM_VOTES = new Set<ClueKey>(['label', 'aria', 'dsfrGroup']);

function clueSim(run: Run, c: Candidate, w: Wanted): number {
  let sim = c.sims.get(w.key);
  if (sim === undefined) {
    sim = FROM_VOTES.has(w.key) && run.scanned.has(c.scope) ? c.voteOf(w.key) : similarity(w, c, run.page);
    c.sims.set(w.key, sim);
  }
  return sim;
}

/**
 * The clues that count on this page. A hand-written target's clues are alternatives: only the
 * strongest one that finds something counts. A captured target's identifying clue that finds
 * nothing anywhere (the site renamed every id) is silent: neither for nor against any element.
 */
function aliveClues(run: Run, assumeTextAlive: boolean): Set<ClueKey> {
  const alive = new Set<ClueKey>();
  const all = [...run.candidates.values()];
  for (const w of run.wanted) {
    if (!w.nominates) alive.add(w.key);
    else if (!isExact(w) && assumeTextAlive) alive.add(w.key);
    else if (isExact(w) ? all.some((c) => clueSim(run, c, w) > 0) : all.some((c) => c.voteOf(w.key) > 0))
      alive.add(w.key);
  }
  return alive;
}

function denominator(run: Run, alive: ReadonlySet<ClueKey>): number {
  let total = 0;
  for (const w of run.wanted) {
    if (!alive.has(w.key)) continue;
    total = run.captured ? total + w.weight : Math.max(total, w.weight);
  }
  return total;
}

function toScore(sum: number, shown: boolean, denom: number): number {
  if (denom <= 0) return 0;
  return Math.min(1, sum / denom) * (shown ? 1 : HIDDEN_FACTOR);
}

function anchored(run: Run, c: Candidate): boolean {
  if (!run.captured) return true;
  for (const w of run.wanted) {
    const sim = c.sims.get(w.key) ?? 0;
    if (isExact(w) && sim === 1) return true;
    if ((w.key === 'label' || w.key === 'accessibleName' || w.key === 'aria') && sim >= ANCHOR_TEXT)
      return true;
  }
  return false;
}

/**
 * A recorded field whose visible label says something else is not that field, whatever its id or
 * name: sites renumber their fields, and the person reads the label, not the id. A candidate
 * whose own label has other words than the recorded one keeps at most half its score.
 */
function contradiction(run: Run, c: Candidate, alive: ReadonlySet<ClueKey>): number {
  if (!run.captured) return 1;
  return labelAgreement(run, c, alive) * groupAgreement(run, c);
}

/**
 * A recorded field that sat under a legend (« Votre conjoint ») is not the field with the same
 * label under another legend (« Vous »): two « Nom » boxes on one page are told apart by their
 * part, and when the partner's part is gone the other « Nom » is still not the partner's. A
 * candidate in a fieldset whose legend says something else keeps at most half its score; one
 * outside any fieldset (the site removed them) is not contradicted.
 */
function groupAgreement(run: Run, c: Candidate): number {
  const wanted = run.wanted.find((w) => w.key === 'group');
  if (!wanted) return 1;
  const legends = c.legendWords();
  if (legends.length === 0) return 1;
  // Any fieldset around it will do: the site may have added one inside the recorded one.
  return legends.some((l) => wordsSimilarity(wanted.words as Words, l) >= GROUP_AGREES) ? 1 : 0.5;
}

// The same words, in any order or spelling. "Nom de naissance du conjoint" is not "Nom de
// naissance": an extra word is how a site tells two fields apart, however long the label.
const sameWords = (a: Words, b: Words) => a.set.size === b.set.size && [...a.set].every((w) => b.set.has(w));

function labelAgreement(run: Run, c: Candidate, alive: ReadonlySet<ClueKey>): number {
  const wanted = run.wanted.find((w) => w.key === 'label');
  if (!wanted) return 1;
  const labels = c.labelWords();
  if (labels.length === 0) return 1;
  const words = wanted.words as Words;
  // The recorded label is nowhere on the page: the site renamed its labels. A candidate whose own
  // label shares no word with it (« Code postal » is now « Commune ») is still not sure enough.
  if (!alive.has('label')) return labels.some((l) => wordsSimilarity(words, l) > 0) ? 1 : 0.5;
  if (labels.some((l) => sameWords(words, l))) return 1;
  return 0.5 * clueSim(run, c, wanted);
}

/** Whether the candidate's own visible label has the recorded label's words, other words, or none. */
function ownLabel(c: Candidate, words: Words): 'same' | 'other' | 'none' {
  const labels = c.labelWords();
  if (labels.length === 0) return 'none';
  return labels.some((l) => sameWords(words, l)) ? 'same' : 'other';
}

// What a field says and where it sits among the page's parts. A renumbering site changes a
// field's id, name and position among similar fields; it does not change these.
const DESCRIBING = new Set<ClueKey>([
  'accessibleName',
  'hint',
  'group',
  'heading',
  'autocomplete',
  'type',
  'path',
]);

/**
 * Sites that number their fields give a field inserted before ours the id and name ours had
 * (« Nom du parent » becomes `nom-1`, « Nom de l’enfant » `nom-2`). That id now names another
 * field, and counting it would keep the field a person still recognises by its label below the
 * threshold. An id or name is set aside (silent, as if renamed everywhere) only when:
 * - every element it finds has a visible label with other words than the recorded one, and
 * - exactly one other element has the recorded label's very words, and agrees with each
 *   describing clue (accessible name, hint, group, heading, autocomplete, type, path) at least as
 *   well as each of those elements: only what a renumbering changes (id, name, position) speaks
 *   against it.
 * The threshold and margin still decide after that. When two elements have the recorded label,
 * or the only one sits in another part of the page (another legend or heading: a field reworded
 * in place next to a same-label field elsewhere), the id still counts and the step is refused.
 * Sets the clues aside in `alive` and returns them.
 */
function setAsideReassigned(run: Run, alive: Set<ClueKey>): ClueKey[] {
  const label = run.wanted.find((w) => w.key === 'label');
  if (!run.captured || !label || !alive.has('label')) return [];
  const words = label.words as Words;
  const describing = run.wanted.filter((w) => DESCRIBING.has(w.key) && alive.has(w.key));
  const all = [...run.candidates.values()];
  const out: ClueKey[] = [];
  for (const w of run.wanted) {
    if ((w.key !== 'id' && w.key !== 'name') || !alive.has(w.key)) continue;
    const holders = all.filter((c) => clueSim(run, c, w) === 1);
    if (holders.length === 0 || holders.some((c) => ownLabel(c, words) !== 'other')) continue;
    const heirs = all.filter(
      (c) =>
        !holders.includes(c) &&
        clueSim(run, c, label) >= ANCHOR_TEXT &&
        ownLabel(c, words) === 'same' &&
        holders.every((h) => describing.every((d) => clueSim(run, c, d) >= clueSim(run, h, d) - 1e-9)),
    );
    if (heirs.length === 1) out.push(w.key);
  }
  for (const key of out) alive.delete(key);
  return out;
}

function radioGroupKey(el: Element): string | null {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  const name = el.getAttribute('name');
  if (el.localName !== 'input' || (type !== 'radio' && type !== 'checkbox') || !name) return null;
  return `${type}:${name}`;
}

type Scored = { c: Candidate; score: number; full: boolean };

// Confirming clues, cheapest first: a candidate stops being read as soon as it cannot matter.
const CONFIRM_ORDER: ClueKey[] = [
  'autocomplete',
  'type',
  'path',
  'position',
  'accessibleName',
  'group',
  'heading',
  'hint',
];

/**
 * Scores the candidates, fully only where it can change the decision: a candidate whose best
 * possible score (what it has so far plus every clue not read yet) stays a margin below the
 * leader, and cannot pass the threshold while the leader does not, can neither lead nor come
 * close. The first few candidates are always read in full, so the runner-up is exact.
 */
function scoreAll(run: Run, rules: { threshold: number; margin: number }, alive: ReadonlySet<ClueKey>) {
  const denom = denominator(run, alive);
  const counted = run.wanted.filter((w) => alive.has(w.key));
  const first = counted.filter((w) => w.nominates && w.key !== 'accessibleName');
  const rest = counted
    .filter((w) => !first.includes(w))
    .sort((a, b) => CONFIRM_ORDER.indexOf(a.key) - CONFIRM_ORDER.indexOf(b.key));
  const restWeight = rest.reduce((sum, w) => sum + w.weight, 0);
  const partial = [...run.candidates.values()].map((c) => {
    let sum = 0;
    for (const w of first) sum += w.weight * clueSim(run, c, w);
    return { c, sum };
  });
  // Best first; ties in page order (the first of equals wins, as a person reads).
  partial.sort((a, b) => b.sum - a.sum || a.c.order - b.c.order);
  const scored: Scored[] = [];
  let leader = 0;
  const hopeless = (bound: number) =>
    bound <= leader - rules.margin && (leader >= rules.threshold || bound < rules.threshold);
  for (const [i, { c, sum }] of partial.entries()) {
    let known = sum;
    let unknown = restWeight;
    let full = true;
    for (let k = 0; k <= rest.length; k++) {
      if (i >= MIN_FULLY_SCORED && hopeless(toScore(known + unknown, true, denom))) {
        full = false;
        break;
      }
      const w = rest[k];
      if (!w) break;
      known += w.weight * clueSim(run, c, w);
      unknown -= w.weight;
    }
    // Whether a hopeless candidate is shown does not matter (and asking costs a style lookup).
    const score =
      toScore(known, full ? c.isShown() : true, denom) * (full ? contradiction(run, c, alive) : 1);
    if (full && score > leader && anchored(run, c)) leader = score;
    scored.push({ c, score, full });
  }
  scored.sort((a, b) => b.score - a.score || a.c.order - b.c.order);
  return scored;
}

function decideFrom(run: Run, scored: Scored[], strict: boolean): TargetDecision {
  const rules = strict ? DECISION_RULES.strict : DECISION_RULES.normal;
  // The options of one radio group that score the same are one field: its first option.
  const seenTies = new Set<string>();
  const ranked = scored.filter(({ c, score }) => {
    if (score <= 0) return false;
    const group = radioGroupKey(c.el);
    if (!group) return true;
    const key = `${group}@${score.toFixed(9)}`;
    if (seenTies.has(key)) return false;
    seenTies.add(key);
    return true;
  });
  const best = ranked.find((s) => anchored(run, s.c)) ?? ranked[0];
  const matched = (s: Scored | undefined): ClueKey[] =>
    s ? run.wanted.filter((w) => (s.c.sims.get(w.key) ?? 0) > 0).map((w) => w.key) : [];
  // The runner-up: the best other candidate, read in order until one counts. A hidden copy of
  // the field (mobile menu, closed tab) is no rival for the shown field. Hand-written guides were
  // written for "the first field with this label" (page first, then shadow roots and frames): on
  // a step that is not sensitive, equals after the first are no rivals either.
  const bestShown = best?.c.isShown() ?? false;
  const tiesAllowed = !run.captured && !strict;
  let ties = 0;
  let runnerUp = 0;
  for (const s of ranked) {
    if (s === best || !best) continue;
    if (bestShown && s.full && !s.c.isShown()) continue;
    if (tiesAllowed && Math.abs(s.score - best.score) <= 1e-9) {
      ties++;
      continue;
    }
    runnerUp = s.score;
    break;
  }
  const candidates: CandidateScore[] = ranked.slice(0, 5).map((s) => ({
    element: s.c.el,
    scope: s.c.where,
    score: round(s.score),
    matched: matched(s),
    shown: s.full ? s.c.isShown() : true,
  }));
  const base = {
    ties,
    score: round(best?.score ?? 0),
    runnerUp: round(runnerUp),
    matchedClues: matched(best),
    setAside: run.setAside,
    candidates,
    mode: run.captured ? ('captured' as const) : ('hand-written' as const),
    strict,
    threshold: rules.threshold,
    margin: rules.margin,
  };
  if (!best || best.score < rules.threshold - 1e-9 || !anchored(run, best.c))
    return { status: 'missing', ...base };
  if (best.score - runnerUp < rules.margin - 1e-9) return { status: 'ambiguous', ...base };
  const strategy =
    STRATEGY_ORDER.find(([, keys]) => keys.some((k) => (best.c.sims.get(k) ?? 0) > 0))?.[0] ?? 'label';
  return { status: 'found', element: best.c.el, scope: best.c.where, strategy, ...base };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function emptyDecision(strict: boolean, captured: boolean): TargetDecision {
  const rules = strict ? DECISION_RULES.strict : DECISION_RULES.normal;
  return {
    status: 'missing',
    ties: 0,
    score: 0,
    runnerUp: 0,
    matchedClues: [],
    setAside: [],
    candidates: [],
    mode: captured ? 'captured' : 'hand-written',
    strict,
    threshold: rules.threshold,
    margin: rules.margin,
  };
}

/** The root to search: the page, or the frame and shadow root the target names. */
function startScope(target: Target, root: Document): [Scope, TargetScope] | null {
  let scope: Scope = root;
  let kind: TargetScope = 'document';
  if (target.frame) {
    const frame = query(root, target.frame);
    const doc = frame ? frameDocument(frame) : null;
    if (!doc) return null;
    scope = doc;
    kind = 'frame';
  }
  if (target.shadowHost) {
    const host = query(scope, target.shadowHost);
    const shadow = (host as (Element & { shadowRoot: ShadowRoot | null }) | null)?.shadowRoot;
    if (!shadow) return null;
    scope = shadow;
    if (kind === 'document') kind = 'shadow';
  }
  return [scope, kind];
}

/** Decides with the scopes read so far plus `scopes`. */
function decideWith(run: Run, scopes: Array<[Scope, TargetScope]>, strict: boolean): TargetDecision {
  const rules = strict ? DECISION_RULES.strict : DECISION_RULES.normal;
  run.setAside = [];
  nominateExact(run, scopes);
  const textClues = run.wanted.filter((w) => w.nominates && !isExact(w));
  if (textClues.length === 0) return decideFrom(run, scoreAll(run, rules, aliveClues(run, false)), strict);
  // Fast path: when the exact clues (id, name, selector) found a clear winner that no element
  // found by its words alone could reach, since it would lack them, the page's texts need not
  // all be read. Hand-written targets take it only when their id or name found something (the
  // strongest clues, so the score's denominator is already known).
  if (run.candidates.size > 0) {
    const alive = aliveClues(run, true);
    if (
      run.captured
        ? run.wanted.some((w) => isExact(w) && alive.has(w.key))
        : alive.has('id') || alive.has('name')
    ) {
      const decision = decideFrom(run, scoreAll(run, rules, alive), strict);
      let others = 0;
      for (const w of run.wanted) if (!isExact(w) && alive.has(w.key)) others += w.weight;
      const bound = toScore(others, true, denominator(run, alive));
      if (
        decision.status === 'found' &&
        decision.score - Math.max(bound, decision.runnerUp) >= rules.margin - 1e-9
      )
        return decision;
    }
  }
  nominateByText(run, scopes);
  const alive = aliveClues(run, false);
  run.setAside = setAsideReassigned(run, alive);
  return decideFrom(run, scoreAll(run, rules, alive), strict);
}

/**
 * The decision for a target on a page: found (and which element), ambiguous or missing, with the
 * score, the runner-up and the clues that matched. The page is read first; its open shadow roots
 * and same-origin frames when the page alone gives no answer. Never throws.
 */
export function decideTarget(target: Target, root: Document, options: DecideOptions = {}): TargetDecision {
  const strict = options.strict === true;
  const captured = !!target.clues;
  try {
    const start = startScope(target, root);
    if (!start) return emptyDecision(strict, captured);
    const wanted = wantedClues(target, captured);
    if (!wanted.some((w) => w.nominates)) return emptyDecision(strict, captured);
    const run: Run = {
      target,
      captured,
      wanted,
      wantedKind: captured ? kindOfClues(target.clues ?? {}) : null,
      page: new PageMemo(),
      candidates: new Map(),
      order: 0,
      ignore: options.ignore,
      scanned: new Set(),
      setAside: [],
    };
    const here = decideWith(run, [start], strict);
    if (here.status === 'found') return here;
    const scopes: Array<[Scope, TargetScope]> = [];
    collectScopes(start[0], start[1], scopes, options.ignore);
    const nested = scopes.slice(1);
    return nested.length === 0 ? here : decideWith(run, nested, strict);
  } catch {
    return emptyDecision(strict, captured);
  }
}

/** The element of a target when it is found with certainty, else null (see decideTarget). */
export function resolveTarget(
  target: Target,
  root: Document,
  options: DecideOptions = {},
): ResolvedTarget | null {
  const decision = decideTarget(target, root, options);
  if (decision.status !== 'found' || !decision.element) return null;
  return {
    element: decision.element,
    strategy: decision.strategy ?? 'label',
    scope: decision.scope ?? 'document',
    decision,
  };
}

/** The field in words, for a person when it is not found: its kind, its label, what it sits under. */
export type TargetDescription = { kind: FieldKind | null; label: string; under?: string };

export function describeTarget(target: Target): TargetDescription | null {
  const clues = target.clues ?? {};
  const label = clean(clues.label || clues.accessibleName || target.label || target.aria || target.dsfrGroup);
  if (!label) return null;
  const kind = target.clues ? kindOfClues(clues) : null;
  const same = (a: string) => toWords(a).joined === toWords(label).joined;
  const candidates = [clues.group, clues.heading, target.dsfrGroup].map((t) => clean(t)).filter(Boolean);
  const under = candidates.find((t) => !same(t));
  return under ? { kind, label, under } : { kind, label };
}
