/** Which elements are controls a person fills: native ones and ARIA widgets. Shared by discovery and
 * by the reading of one field's messages (a field's own group is the block around it holding no
 * other control). */

const SKIPPED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
export const ARIA_ROLES = ['textbox', 'combobox', 'checkbox', 'radio', 'switch', 'listbox'];
// Simple selectors (complex ones are slow in jsdom); ARIA roles are checked in code. ARIA radios
// often have no tabindex (roving focus: only the checked one is in the tab order).
export const CONTROL_SELECTOR = 'input, textarea, select, [role][tabindex], [role="radio"]';

export function isNative(el: Element): boolean {
  return el.localName === 'input' || el.localName === 'select' || el.localName === 'textarea';
}

export function isControl(el: Element): boolean {
  if (el.localName === 'input') return !SKIPPED_INPUT_TYPES.has((el as HTMLInputElement).type);
  if (el.localName === 'textarea' || el.localName === 'select') return true;
  const role = el.getAttribute('role') ?? '';
  if (!ARIA_ROLES.includes(role)) return false;
  if (role === 'radio' && !el.hasAttribute('tabindex') && !el.closest('[role="radiogroup"]')) return false;
  // ARIA widgets, but not their native look-alikes (an <input role="combobox"> is already an input),
  // nor an ARIA wrapper around a native control (the ARIA 1.1 combobox).
  if (el.closest('input, select, textarea, button')) return false;
  return el.querySelector('input, select, textarea') === null;
}

/** Controls under each ancestor, counted once for a whole page (see `ownGroup`). */
export type ControlCounts = Map<Element, number>;

const GROUP_DEPTH = 4;
// A field's group never reaches past these: they hold a whole form or a question of several fields.
const GROUP_STOP = new Set([
  'form',
  'fieldset',
  'body',
  'html',
  'table',
  'main',
  'section',
  'article',
  'dialog',
]);

export function countControls(controls: Iterable<Element>): ControlCounts {
  const counts: ControlCounts = new Map();
  for (const el of controls) {
    let node = el.parentElement;
    for (let depth = 0; node && depth <= GROUP_DEPTH; depth++, node = node.parentElement) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
  }
  return counts;
}

function controlsUnder(node: Element, counts?: ControlCounts): number {
  if (counts) return counts.get(node) ?? 0;
  let n = 0;
  for (const el of node.querySelectorAll(CONTROL_SELECTOR)) if (isControl(el)) n++;
  return n;
}

/**
 * The largest block around `el` that holds no other control (its form group, a table row), or
 * null when even its parent holds another one (labels, hints and fields side by side in the form).
 */
export function ownGroup(el: Element, counts?: ControlCounts): Element | null {
  let group: Element | null = null;
  let node = el.parentElement;
  for (let depth = 0; node && depth < GROUP_DEPTH; depth++, node = node.parentElement) {
    if (GROUP_STOP.has(node.localName)) break;
    const role = node.getAttribute('role');
    if (role === 'group' || role === 'radiogroup') break;
    if (controlsUnder(node, counts) > 1) break;
    group = node;
  }
  return group;
}

/** The value of an ARIA option or radio: its `data-value` or `value`, else its id, else its text. */
export function ariaValue(el: Element): string {
  return (
    el.getAttribute('data-value') ??
    el.getAttribute('value') ??
    (el.getAttribute('role') === 'option' && el.id
      ? el.id
      : (el.textContent ?? '').replace(/\s+/g, ' ').trim())
  );
}
