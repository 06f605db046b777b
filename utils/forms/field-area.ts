/**
 * What the person must see of a field while filling it: the field itself (a radio or box with its
 * whole group), its labels, and the texts it points to (hint, error). The DSFR puts the hint inside
 * the label; other sites use `aria-describedby`. Used to keep that area clear of our panel.
 */
import { idRefs } from './describe.ts';

/** A radio or a box is shown with its group: the question and every choice. */
export function fieldGroup(element: Element): Element {
  const input = element as HTMLInputElement;
  if (element.localName === 'input' && (input.type === 'radio' || input.type === 'checkbox')) {
    return (
      element.closest('fieldset, [role="radiogroup"]') ??
      element.closest('.fr-fieldset, .fr-radio-group, .fr-checkbox-group') ??
      element
    );
  }
  return element;
}

/** The field's group first, then its labels and described-by texts, each once. */
export function fieldAreaElements(element: Element): Element[] {
  const group = fieldGroup(element);
  const out: Element[] = [group];
  const add = (el: Element | null | undefined) => {
    if (!el || out.includes(el) || out.some((o) => o.contains(el))) return;
    out.push(el);
  };
  const labels = (element as HTMLInputElement).labels;
  if (labels) for (const label of Array.from(labels)) add(label);
  if (group !== element) {
    add(group.querySelector(':scope > legend'));
    for (const id of ['aria-labelledby', 'aria-describedby']) for (const ref of idRefs(group, id)) add(ref);
  }
  for (const id of ['aria-labelledby', 'aria-describedby']) for (const ref of idRefs(element, id)) add(ref);
  return out;
}
