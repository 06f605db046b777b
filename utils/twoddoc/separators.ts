/** ASCII control characters of the 2D-Doc message (ANTS specification). */
export const GS = '\x1d'; // ends a variable-length field
export const RS = '\x1e'; // ends a variable-length field that was truncated
export const US = '\x1f'; // the signature follows

/**
 * The same characters as they appear in logs, documentation or a reader's human-readable text (zxing
 * writes « <GS> »): turned back into the control characters before parsing.
 */
export function normalizeSeparators(text: string): string {
  return text
    .replace(/<GS>|␝/g, GS)
    .replace(/<RS>|␞/g, RS)
    .replace(/<US>|␟/g, US);
}
