/**
 * Which values read from a document the result screen shows first (issue 13, problem 7). A tax notice
 * gives a dozen values (dates, amounts, the addressee's name, address and postcode…) while the page
 * being filled asks for two or three of them; each value with its own « Dans quelle case de la page ? »
 * made a list longer than the screen, the useful values lost among the others.
 *
 * - `page`: a field of this page fits the value (it is pre-selected, or fits well but is uncertain or
 *   another value took that field): shown first, each with its field to choose.
 * - `other`: no field of this page fits it: folded under « N autres informations lues », still there
 *   to correct, to send to a field by hand, or to keep in « Mes informations ».
 *
 * A page with no field at all folds nothing (there is nothing to sort by), and neither does a reading
 * where nothing fits the page: the list is then the reading itself.
 */
import { SUGGEST_THRESHOLD, type Suggestion } from './fill/suggest.ts';

export type RowGroup = 'page' | 'other';

/**
 * The group of one value, from its suggestion on this page (`hasTargets`: the page has fields). What
 * belongs to a letter's sender (the tax office's address) is never the person's own: folded.
 */
export function groupOf(suggestion: Suggestion | undefined, hasTargets: boolean, meaning?: string): RowGroup {
  if (!hasTargets) return 'page';
  if (meaning === 'expediteur') return 'other';
  if (suggestion?.targetKey) return 'page';
  return (suggestion?.ranked[0]?.score ?? 0) >= SUGGEST_THRESHOLD ? 'page' : 'other';
}

/** The values in the order shown: the page's first, each group in reading order. */
export function pageFirst<T extends { group: RowGroup }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => r.group === 'page'), ...rows.filter((r) => r.group === 'other')];
}

/**
 * What the screen shows: `shown` always, `folded` behind its disclosure. Nothing is folded when no value
 * goes to this page (the folded list would be the whole reading behind a closed door).
 */
export function splitRows<T extends { group: RowGroup }>(rows: readonly T[]): { shown: T[]; folded: T[] } {
  const shown = rows.filter((r) => r.group === 'page');
  if (shown.length === 0) return { shown: [...rows], folded: [] };
  return { shown, folded: rows.filter((r) => r.group === 'other') };
}
