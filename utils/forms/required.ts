/**
 * "Required" shown only to the eye: a star after the label, a `required` class that draws one, or a
 * group class such as `form-group-required`. Such a mark means "required" only where the page says
 * so in a note ("Les champs marqués d'une * sont obligatoires", "Required fields are marked with an
 * asterisk"); elsewhere a star may be a footnote. "Sauf mention contraire, tous les champs sont
 * obligatoires" (the DSFR's wording) makes every field required but those marked optional.
 */
import { cleanText } from './text.ts';

export type RequiredConvention = 'marked' | 'all' | null;

const MARK = String.raw`(\*|ast[ée]risque|asterisk|asterisco|sternchen)`;
const NEEDED = String.raw`(obligatoires?|requis|required|mandatory|obligatori[oa]s?|erforderlich|pflicht\w*|richiest[oi]|doivent [êe]tre (renseign|rempli|complét)\w*|must be (filled|completed|answered))`;
const MARKED_NOTE = new RegExp(`${MARK}[^.!?\\n]{0,80}?${NEEDED}|${NEEDED}[^.!?\\n]{0,80}?${MARK}`, 'i');
const ALL_NOTE =
  /(tous les champs|toutes les (rubriques|questions)|all (the )?(fields|questions)|todos los campos|alle felder|tutti i campi)[^.!?\n]{0,30}?(sont |are |son |sind |sono )?(obligatoires|required|mandatory|obligatorios|pflichtfelder|erforderlich|obbligatori)/i;

const NOTE_WORDS =
  /obligatoire|requis|required|mandatory|obligatori|erforderlich|pflicht|richiest|renseign|rempli|complét|must be/i;

/**
 * The page's convention for marking required fields, read once from its notes: short blocks of
 * text outside labels (a label's own "(required)" next to a footnote star is no convention).
 */
export function requiredConvention(doc: Document): RequiredConvention {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const seen = new Set<Element>();
  let found: RequiredConvention = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || seen.has(parent) || !NOTE_WORDS.test(node.nodeValue ?? '')) continue;
    // The sentence may be split by a star in its own element: read the enclosing block.
    const block = parent.closest('p, div, li, span, small, em, strong, td, dd, section, form') ?? parent;
    seen.add(parent);
    if (block.closest('label, legend, option, script, style, template')) continue;
    const text = cleanText(block.textContent);
    if (text.length > 300) continue;
    if (ALL_NOTE.test(text)) return 'all';
    if (MARKED_NOTE.test(text)) found = 'marked';
  }
  return found;
}

const EXPLICIT = /\s*\(\s*(champ )?(obligatoire|requis|required|obligatori[oa]|pflichtfeld)\s*\)\s*$/i;
const STAR = /\s*\*+\s*$/;
const OPTIONAL = /\((facultati(f|ve)|optionnel(le)?|optional|opcional|facoltativo|freiwillig)\)/i;
const REQUIRED_CLASS = /(^|[\s_-])(required|obligatoire|requis|mandatory)([\s_-]|$)/i;
const GROUP_STOP = new Set(['form', 'fieldset', 'body', 'main', 'table']);

export type RequiredRead = { label: string; required: boolean };

/**
 * A label without its trailing "(obligatoire)" or star: the mark is not the field's name. The
 * guides' clues read labels the same way (utils/guides/clues.ts).
 */
export function withoutRequiredMark(label: string): string {
  return EXPLICIT.test(label) ? label.replace(EXPLICIT, '') : label.replace(STAR, '');
}

/**
 * The label without its star or "(obligatoire)", and whether the field is required: by its
 * markup (`required`, `aria-required`), by the words of its label, or by a visual mark the page's
 * convention explains.
 */
export function readRequired(
  label: string,
  options: {
    marked: boolean;
    labelElements: Element[];
    near: Element;
    toggle: boolean;
    convention: () => RequiredConvention;
  },
): RequiredRead {
  if (EXPLICIT.test(label)) return { label: withoutRequiredMark(label), required: true };
  const out = withoutRequiredMark(label);
  let visual = out !== label;
  if (options.marked) return { label: out, required: true };
  if (!visual) visual = options.labelElements.some((l) => REQUIRED_CLASS.test(l.getAttribute('class') ?? ''));
  if (!visual) {
    let node = options.near.parentElement;
    for (
      let depth = 0;
      node && depth < 3 && !GROUP_STOP.has(node.localName);
      depth++, node = node.parentElement
    ) {
      if (REQUIRED_CLASS.test(node.getAttribute('class') ?? '')) {
        visual = true;
        break;
      }
    }
  }
  const convention = visual || !options.toggle ? options.convention() : null;
  if (visual && convention !== null) return { label: out, required: true };
  if (convention === 'all' && !options.toggle && !OPTIONAL.test(out)) return { label: out, required: true };
  return { label: out, required: false };
}
