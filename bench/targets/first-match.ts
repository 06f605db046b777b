/**
 * REFERENCE ONLY (bench): the resolver as it was before scoring (commit b1f8169), kept unchanged so
 * the robustness bench measures today's "first strategy that finds something wins" in the same run.
 *
 * Finding a step's element on a live page, framework-free. Clues are tried from the most
 * robust (id) to the most fragile (CSS selector), in the page, its open shadow roots and its
 * same-origin iframes. Never throws: a page that changed since the guide was written gives null.
 * No `instanceof` checks: elements of an iframe belong to another window.
 */
import type { Target } from '../../utils/guides/format.ts';
import { normalizeText, textScore } from '../../utils/guides/text.ts';

export type TargetStrategy = 'id' | 'name' | 'label' | 'aria' | 'dsfrGroup' | 'selector';
export type ResolvedTarget = {
  element: Element;
  strategy: TargetStrategy;
  scope: 'document' | 'shadow' | 'frame';
};
type Scope = Document | ShadowRoot;

const STRATEGIES: TargetStrategy[] = ['id', 'name', 'label', 'aria', 'dsfrGroup', 'selector'];
const CONTROLS =
  'input:not([type="hidden"]), select, textarea, button, [contenteditable="true"], [role="textbox"]';
const DSFR_GROUPS =
  '.fr-input-group, .fr-select-group, .fr-upload-group, .fr-fieldset, .fr-checkbox-group, .fr-radio-group, .fr-toggle, .fr-password, .fr-range-group';
const MAX_SCOPES = 200;

function query(scope: ParentNode, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    return null;
  }
}

function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

function byId(scope: Scope, id: string): Element | null {
  const get = (scope as { getElementById?: (id: string) => Element | null }).getElementById;
  if (typeof get === 'function') return get.call(scope, id);
  return query(scope, `[id=${quote(id)}]`);
}

/** A label's own words: hints and "required" marks inside it are left out. */
function labelText(label: Element): string {
  if (label.childElementCount === 0) return normalizeText(label.textContent);
  const clone = label.cloneNode(true) as Element;
  for (const extra of queryAll(
    clone,
    '.fr-hint-text, .fr-message, [aria-hidden="true"], abbr[title], .required',
  )) {
    extra.remove();
  }
  return normalizeText(clone.textContent);
}

function controlOfLabel(label: Element, scope: Scope): Element | null {
  const htmlFor = label.getAttribute('for');
  if (htmlFor) {
    const el = byId(scope, htmlFor);
    if (el) return el;
  }
  return query(label, CONTROLS);
}

/**
 * Whether the element is shown. Sites often keep hidden copies of a form (mobile and desktop);
 * a shown candidate wins over a hidden one of the same quality. Uses checkVisibility() where the
 * browser has it, else the hidden attribute, aria-hidden and inline styles.
 */
export function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') {
    try {
      return check.call(el);
    } catch {
      // fall through to the attribute checks
    }
  }
  if (el.closest('[hidden], [aria-hidden="true"]')) return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = node.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  }
  return true;
}

/** Among the candidates of the best score (> 0), the first shown one, else the first. */
function pickBest(candidates: Array<{ el: Element; score: number }>): Element | null {
  let top = 0;
  for (const c of candidates) if (c.score > top) top = c.score;
  if (top === 0) return null;
  const tier = candidates.filter((c) => c.score === top).map((c) => c.el);
  return tier.find(isShown) ?? tier[0] ?? null;
}

function preferShown(elements: Element[]): Element | null {
  return elements.find(isShown) ?? elements[0] ?? null;
}

function findByLabel(scope: Scope, text: string): Element | null {
  const wanted = normalizeText(text);
  const candidates: Array<{ el: Element; score: number }> = [];
  for (const label of queryAll(scope, 'label')) {
    // Cheap test on the whole text first: a label's own words are part of it.
    if (!normalizeText(label.textContent).includes(wanted)) continue;
    const score = textScore(labelText(label), wanted);
    if (score === 0) continue;
    const control = controlOfLabel(label, scope);
    if (control) candidates.push({ el: control, score });
  }
  const found = pickBest(candidates);
  if (found) return found;
  // aria-labelledby: the label is another element, referenced by id.
  return pickBest(
    queryAll(scope, '[aria-labelledby]').map((el) => {
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const words = ids.map((id) => byId(scope, id)?.textContent ?? '').join(' ');
      return { el, score: textScore(normalizeText(words), wanted) };
    }),
  );
}

function findByAria(scope: Scope, text: string): Element | null {
  const wanted = normalizeText(text);
  return pickBest(
    queryAll(scope, '[aria-label]').map((el) => ({
      el,
      score: textScore(normalizeText(el.getAttribute('aria-label')), wanted),
    })),
  );
}

/** A DSFR group (fr-input-group, fr-fieldset…) found by its own label or legend; gives its control. */
function findByDsfrGroup(scope: Scope, text: string): Element | null {
  const wanted = normalizeText(text);
  // Start from labels and legends (one pass), not from groups: far cheaper on big pages.
  const candidates: Array<{ el: Element; score: number }> = [];
  for (const el of queryAll(scope, 'label, legend')) {
    if (!normalizeText(el.textContent).includes(wanted)) continue;
    const group = el.parentElement;
    if (!group || !matchesSafe(group, DSFR_GROUPS)) continue;
    const score = textScore(labelText(el), wanted);
    if (score > 0) candidates.push({ el: query(group, CONTROLS) ?? group, score });
  }
  return pickBest(candidates);
}

function matchesSafe(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function findInScope(target: Target, scope: Scope, strategy: TargetStrategy): Element | null {
  switch (strategy) {
    case 'id':
      return target.id ? byId(scope, target.id) : null;
    case 'name':
      return target.name
        ? (preferShown(queryAll(scope, `[name=${quote(target.name)}]:not([type="hidden"])`)) ??
            query(scope, `[name=${quote(target.name)}]`))
        : null;
    case 'label':
      return target.label ? findByLabel(scope, target.label) : null;
    case 'aria':
      return target.aria ? findByAria(scope, target.aria) : null;
    case 'dsfrGroup':
      return target.dsfrGroup ? findByDsfrGroup(scope, target.dsfrGroup) : null;
    case 'selector':
      return target.selector ? preferShown(queryAll(scope, target.selector)) : null;
  }
}

function frameDocument(frame: Element): Document | null {
  try {
    // Cross-origin frames give null or throw: they are out of reach, by design.
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** Every place to look, page first, then open shadow roots and same-origin iframes (depth-first). */
function* scopes(
  root: Scope,
  kind: ResolvedTarget['scope'],
  budget: { left: number },
): Generator<[Scope, ResolvedTarget['scope']]> {
  if (budget.left-- <= 0) return;
  yield [root, kind];
  const nested: Array<[Scope, ResolvedTarget['scope']]> = [];
  for (const el of queryAll(root, '*')) {
    const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (shadow) nested.push([shadow, 'shadow']);
    if (el.localName === 'iframe' || el.localName === 'frame') {
      const doc = frameDocument(el);
      if (doc) nested.push([doc, 'frame']);
    }
  }
  for (const [scope, k] of nested) yield* scopes(scope, kind === 'frame' ? 'frame' : k, budget);
}

function resolveIn(target: Target, root: Scope, kind: ResolvedTarget['scope']): ResolvedTarget | null {
  for (const [scope, where] of scopes(root, kind, { left: MAX_SCOPES })) {
    for (const strategy of STRATEGIES) {
      const element = findInScope(target, scope, strategy);
      if (element) return { element, strategy, scope: where };
    }
  }
  return null;
}

export function resolveFirstMatch(target: Target, root: Document): ResolvedTarget | null {
  try {
    let scope: Scope = root;
    let kind: ResolvedTarget['scope'] = 'document';
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
    return resolveIn(target, scope, kind);
  } catch {
    return null;
  }
}
