/**
 * The page's error summary: the box at the top of a form that lists what went wrong, often with
 * links to the fields (GOV.UK `govuk-error-summary`, DSFR `fr-alert--error`, USWDS
 * `usa-alert--error`, Bootstrap `alert-danger`, WET's `alert-danger` section, a plain
 * `role="alert"`). Readability drops it (it removes alerts), so it is read from the original page
 * and shown at the top of the readable view, each link going to its field.
 */
import { cleanText } from '../forms/text.ts';
import type { FieldInfo } from '../forms/types.ts';

export type ErrorSummaryItem = { text: string; href?: string; fieldKey?: string };
export type ErrorSummary = { title: string; items: ErrorSummaryItem[] };

const CANDIDATES =
  '[role="alert"], .govuk-error-summary, .fr-alert--error, .usa-alert--error, .alert-danger, .alert-error, .error-summary, .errorSummary, .message-erreur, .messages--error';
const TITLE =
  'h1, h2, h3, h4, h5, h6, .govuk-error-summary__title, .fr-alert__title, .usa-alert__heading, .alert-heading';

function referencedIds(fields: FieldInfo[]): Set<string> {
  const ids = new Set<string>();
  for (const field of fields) {
    for (const el of field.elements ?? [field.element]) {
      for (const attr of ['aria-describedby', 'aria-errormessage']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/)) if (id) ids.add(id);
      }
    }
  }
  return ids;
}

function fieldFor(target: Element | null, fields: FieldInfo[]): FieldInfo | undefined {
  if (!target) return undefined;
  return (
    fields.find((f) => (f.elements ?? [f.element]).includes(target)) ??
    // A link to a group (a date's wrapper, a fieldset) or to a label goes to its first field.
    fields.find((f) => target.contains(f.element)) ??
    fields.find(
      (f) =>
        target.localName === 'label' &&
        (f.element as HTMLInputElement).labels?.length &&
        [...((f.element as HTMLInputElement).labels ?? [])].includes(target as HTMLLabelElement),
    )
  );
}

/** The summary element of the page, if it shows one. */
export function findSummaryElement(
  doc: Document,
  fields: FieldInfo[],
  isShown: (el: Element) => boolean,
): Element | null {
  const referenced = referencedIds(fields);
  const found = [...doc.querySelectorAll(CANDIDATES)];
  for (const el of found) {
    // The outermost box (GOV.UK nests a role="alert" in its summary).
    if (found.some((other) => other !== el && other.contains(el))) continue;
    if ((el.id && referenced.has(el.id)) || el.querySelector('input, select, textarea')) continue;
    // A field's own message, even untied, is the field's: a summary lists, links or has a title.
    const listsSomething = el.querySelector('a[href^="#"], li, h1, h2, h3, h4, h5, h6') !== null;
    const namedSummary = /summary|sommaire|alert--error|alert-danger/i.test(el.getAttribute('class') ?? '');
    if (!listsSomething && !namedSummary) continue;
    if (!cleanText(el.textContent) || !isShown(el)) continue;
    return el;
  }
  return null;
}

export function readErrorSummary(el: Element, fields: FieldInfo[]): ErrorSummary {
  const doc = el.ownerDocument;
  const heading = el.querySelector(TITLE);
  const title = cleanText((heading ?? el).textContent);
  const items: ErrorSummaryItem[] = [];
  const entries = [...el.querySelectorAll('li')];
  const pieces = entries.length > 0 ? entries : [...el.querySelectorAll('a[href^="#"]')];
  for (const piece of pieces) {
    const text = cleanText(piece.textContent);
    if (!text) continue;
    const link = piece.matches('a[href^="#"]') ? piece : piece.querySelector('a[href^="#"]');
    const item: ErrorSummaryItem = { text };
    const href = link?.getAttribute('href');
    if (href && href.length > 1) {
      item.href = href;
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Keep it as written.
      }
      const field = fieldFor(doc.getElementById(id), fields);
      if (field) item.fieldKey = field.key;
    }
    items.push(item);
  }
  return { title, items };
}
