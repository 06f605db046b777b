/**
 * Readable view's small rules, kept out of the components so they are tested in Node: which big
 * control stands for a real one, dates typed as text, grouping fields, and cleaning the sanitized
 * content of form remnants (Readability keeps labels and fieldsets without their controls).
 */
import type { SubmitControl } from '../../../utils/forms/mirror';
import type { FieldConstraints, FieldInfo } from '../../../utils/forms/types';
import type { ErrorSummary } from '../../../utils/readable/summary';

export type ControlKind =
  | 'text'
  | 'email'
  | 'tel'
  | 'number'
  | 'date'
  | 'password'
  | 'select'
  | 'multi'
  | 'radio'
  | 'checkbox'
  | 'textarea'
  | 'file';

const TEXT_TYPES = new Set([
  'text',
  'search',
  'url',
  'textbox',
  'combobox',
  'month',
  'week',
  'time',
  'datetime-local',
]);

/**
 * The big control that stands for a real field. Dates are typed as text: native date pickers are hard
 * to use. A list where several options can be chosen (`select[multiple]`, an ARIA listbox with
 * `aria-multiselectable`) becomes one box per option: a multiple select needs Ctrl-click, which few
 * people know, and an ARIA listbox has no native look-alike at all; a single-choice listbox is a select.
 */
export function controlKind(
  field: Pick<FieldInfo, 'type' | 'tag' | 'sensitive'> & { constraints?: Pick<FieldConstraints, 'multiple'> },
): ControlKind {
  const type = field.type.toLowerCase();
  if (type === 'select' || type === 'listbox') return field.constraints?.multiple ? 'multi' : 'select';
  if (type === 'password') return 'password';
  if (type === 'email' || type === 'tel' || type === 'number' || type === 'select' || type === 'textarea')
    return type;
  if (type === 'date') return 'date';
  if (type === 'radio') return 'radio';
  if (type === 'checkbox' || type === 'switch') return 'checkbox';
  if (type === 'file') return 'file';
  if (TEXT_TYPES.has(type)) return 'text';
  return 'text';
}

/** Attributes that help typing on phones, copied from the real control (never `pattern`: the site checks). */
export function inputModeOf(field: Pick<FieldInfo, 'constraints' | 'type'>): string | undefined {
  if (field.constraints.inputMode) return field.constraints.inputMode;
  if (field.type === 'number') return 'numeric';
  if (field.type === 'date') return 'numeric';
  return undefined;
}

/** "25/12/1980" (or 25-12-1980, 25.12.1980, 25 12 1980) → "1980-12-25"; null when it is not a real date. */
export function frenchDateToIso(text: string): string | null {
  const match = /^\s*(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "1980-12-25" → "25/12/1980"; anything else is returned as it is. */
export function isoDateToFrench(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * What to write into the real control for what the person typed. A native date input only takes
 * ISO dates: a French date is converted, and an unfinished one clears the real field (the site then
 * says it is missing) rather than leaving an old value there.
 */
export function valueForReal(kind: ControlKind, realType: string, typed: string): string {
  if (kind === 'date' && realType === 'date') return frenchDateToIso(typed) ?? '';
  return typed;
}

/** What to show in the big control for the real control's value. */
export function valueFromReal(kind: ControlKind, realType: string, value: string): string {
  if (kind === 'date' && realType === 'date') return isoDateToFrench(value);
  return value;
}

export type FieldBlock =
  | { kind: 'field'; field: FieldInfo }
  | { kind: 'group'; id: string; legend: string; hint?: string; error?: string; fields: FieldInfo[] };

/** Fields in page order, with the boxes of one checkbox group kept together under their legend. */
export function groupFields(fields: readonly FieldInfo[]): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  for (const field of fields) {
    const group = field.group;
    if (group?.kind !== 'checkbox-group' || !group.legend) {
      blocks.push({ kind: 'field', field });
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'group' && last.id === group.id) last.fields.push(field);
    else
      blocks.push({
        kind: 'group',
        id: group.id,
        legend: group.legend,
        hint: group.hint,
        error: group.error,
        fields: [field],
      });
  }
  return blocks;
}

// Remnants of the page's form that Readability keeps without their controls, and attributes that
// point at ids of the page (they would be broken references in our view).
const FORM_REMNANTS =
  'fieldset, label, legend, .fr-messages-group, .fr-error-text, .fr-hint-text, [data-field]';
const PAGE_REFERENCES = [
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  'aria-errormessage',
  'aria-details',
  'aria-flowto',
  'aria-live',
  'aria-hidden',
  'role',
  'for',
  'headers',
];

/** Removes form remnants and page ARIA from sanitized content; the fields are shown by us instead. */
export function cleanContent(root: ParentNode): void {
  for (const el of [...root.querySelectorAll(FORM_REMNANTS)]) el.remove();
  for (const el of root.querySelectorAll('*')) {
    for (const name of PAGE_REFERENCES) el.removeAttribute(name);
  }
  // Glossary marks inside links stay plain text: a button inside a link cannot be used.
  for (const mark of [...root.querySelectorAll('a [data-term-id]')]) mark.replaceWith(...mark.childNodes);
  // Headings start at h2 under the view's title (its only h1) and never skip a level.
  const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  // The page's levels still open above each heading: its depth, whatever numbers the page used.
  const open: number[] = [];
  for (const h of headings) {
    const original = Number(h.localName[1]);
    while (open.length > 0 && (open[open.length - 1] ?? 0) >= original) open.pop();
    const level = Math.min(6, open.length + 2);
    open.push(original);
    if (h.localName === `h${level}`) continue;
    const next = h.ownerDocument.createElement(`h${level}`);
    for (const attr of h.attributes) next.setAttribute(attr.name, attr.value);
    next.append(...h.childNodes);
    h.replaceWith(next);
  }
  // Empty wrappers left behind add nothing but noise for screen readers.
  for (const el of [...root.querySelectorAll('div, span, p, section, li, ul, ol')].reverse()) {
    if (!el.textContent?.trim() && !el.querySelector('img, hr, br, table')) el.remove();
  }
}

/** Keys of fields the site reports in error, in page order. */
export function fieldsInError(
  states: ReadonlyMap<string, { error?: string; invalid: boolean }>,
  fields: readonly FieldInfo[],
): string[] {
  return fields
    .filter((f) => {
      const s = states.get(f.key);
      return s ? Boolean(s.error) || s.invalid : false;
    })
    .map((f) => f.key);
}

/** Same fields, on the same elements, saying the same: nothing to redraw. */
export function sameFields(a: readonly FieldInfo[], b: readonly FieldInfo[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i];
      return (
        g !== undefined &&
        f.key === g.key &&
        f.element === g.element &&
        f.label === g.label &&
        f.group?.hint === g.group?.hint &&
        f.group?.error === g.group?.error &&
        f.type === g.type &&
        f.disabled === g.disabled &&
        (f.options ?? []).map((o) => `${o.value}\u0000${o.label}`).join('\u0001') ===
          (g.options ?? []).map((o) => `${o.value}\u0000${o.label}`).join('\u0001')
      );
    })
  );
}

export function sameControls(a: readonly SubmitControl[], b: readonly SubmitControl[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => b[i]?.element === c.element && b[i]?.label === c.label && b[i]?.disabled === c.disabled)
  );
}

/** The page's error summary says the same, with links to the same fields: nothing to redraw. */
export function sameSummary(a: ErrorSummary | null, b: ErrorSummary | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.title === b.title &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => item.text === b.items[i]?.text && item.fieldKey === b.items[i]?.fieldKey)
  );
}

/**
 * The summary's heading as the page wrote it, or none: a box without a heading gives its whole text
 * as its title, which would only repeat its list.
 */
export function summaryHeading(summary: ErrorSummary): string | null {
  const title = summary.title;
  if (!title) return null;
  if (summary.items.length > 0 && summary.items.every((item) => title.includes(item.text))) return null;
  return title;
}

/**
 * A box's hint or error that its checkbox group already says once, under the legend: not repeated
 * on each box (the DSFR marks every box of a group in error with the group's message).
 */
export function notTheGroups(
  field: FieldInfo,
  which: 'hint' | 'error',
  text: string | undefined,
): string | undefined {
  const group = field.group;
  if (!text || group?.kind !== 'checkbox-group' || !group.legend) return text;
  return group[which]?.includes(text) ? undefined : text;
}

/** The values chosen in a multiple list, from the real control's value (`a,b`), in the options' order. */
export function chosenValues(value: string | undefined, options: readonly { value: string }[]): string[] {
  if (!value) return [];
  const chosen = new Set(value.split(','));
  return options.map((o) => o.value).filter((v) => chosen.has(v));
}

/** Languages written right to left (their primary subtag). */
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The page's own words: their language and the direction they are written in. */
export type PageText = { lang?: string; dir: 'ltr' | 'rtl' | 'auto' };

/**
 * The direction of the page's words, which they keep in a view laid out the other way (a French
 * form in the Arabic view reads and aligns left to right, its labels and hints alike): the page's
 * `dir` if it says one, else its language's, else each text's own first strong letter (`auto`).
 */
export function pageText(dir: string | null, lang: string | null): PageText {
  const out = lang ? { lang } : {};
  if (dir === 'ltr' || dir === 'rtl') return { ...out, dir };
  const base = lang?.toLowerCase().split(/[-_]/)[0];
  if (!base) return { ...out, dir: 'auto' };
  return { ...out, dir: RTL_LANGS.has(base) ? 'rtl' : 'ltr' };
}
