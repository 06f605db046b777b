/**
 * A flag in the site's `localStorage`, never personal data: something is saved for this site, so the
 * widget loads its panel (closed) as soon as the page is there, to offer the return.
 */
export const SAVED_HINT_KEY = 'pasapas:progress:saved';
