/**
 * When the page script loads the panel before the person opens it (closed), for features' page
 * work that must not miss the page: the background publishes, in the extension's storage, the
 * sites where answers are kept and the address patterns of the guides (utils/progress/procedure-sites.ts);
 * the page script reads them with the settings it reads anyway, one storage read per page load.
 */
import { PROCEDURE_SITES_KEY, parseProcedureSites, procedureSiteKind } from '../progress/procedure-sites';

/** The storage key the page script reads. */
export const EARLY_LOAD_KEY = PROCEDURE_SITES_KEY;

/**
 * `idle`: something is kept for this site (a return can be offered as soon as the page is there).
 * `first-edit`: a guide knows the page (at the person's first edit, or a quiet moment after load).
 * Until the background has published its list (the first moments after install), any page may be one.
 */
export function earlyLoadFor(stored: unknown, url: string): 'idle' | 'first-edit' | null {
  const sites = parseProcedureSites(stored);
  const kind = sites ? procedureSiteKind(sites, url) : 'saved';
  return kind === 'saved' ? 'idle' : kind === 'guided' ? 'first-edit' : null;
}
