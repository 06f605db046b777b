/**
 * Fields the page's scripts build after load, which a reading of the static page cannot see:
 * custom elements that take part in a form (a `name`, or form-associated once defined: date
 * pickers, address finders) and markup a widget library turns into controls (WET's
 * `wb-fieldflow` becomes a select). The command line says they exist; in the browser the
 * readable view re-reads the live page when they appear.
 */
import { cleanText } from './text.ts';

export type DynamicField = { widget: string; name?: string; label?: string };

const SCRIPT_WIDGETS: Array<[selector: string, widget: string]> = [
  ['.wb-fieldflow, [data-wb-fieldflow]', 'wb-fieldflow'],
];

function formAssociated(el: Element): boolean {
  const registry = el.ownerDocument.defaultView?.customElements;
  const ctor = registry?.get(el.localName) as { formAssociated?: boolean } | undefined;
  return ctor?.formAssociated === true;
}

export function findDynamicFields(root: Document | Element): DynamicField[] {
  const out: DynamicField[] = [];
  const seen = new Set<Element>();
  // Our own widget element is never the page's field.
  const custom = [...root.querySelectorAll('[name], form *')].filter(
    (el) => el.localName.includes('-') && !el.localName.startsWith('pasapas-'),
  );
  for (const el of custom) {
    if (seen.has(el)) continue;
    seen.add(el);
    const name = el.getAttribute('name') ?? undefined;
    // Inside a form, an unnamed custom element counts only once the page defined it as a form field.
    if (!name && !formAssociated(el)) continue;
    // Already rendered into real controls (a live page): discovery sees those.
    if (
      el.querySelector('input, select, textarea') ||
      el.shadowRoot?.querySelector('input, select, textarea')
    )
      continue;
    const entry: DynamicField = { widget: el.localName };
    if (name) entry.name = name;
    const label = cleanText(
      el.getAttribute('label') ?? el.getAttribute('data-label') ?? el.getAttribute('aria-label'),
    );
    if (label) entry.label = label;
    out.push(entry);
  }
  for (const [selector, widget] of SCRIPT_WIDGETS) {
    for (const el of root.querySelectorAll(selector)) {
      if (el.querySelector('select, input')) continue;
      out.push({ widget });
    }
  }
  return out;
}
