/** Small readers for widget options, shared by the shell's and the features' configuration schemas. */

/** A list from an array, or from a string separated by commas or spaces (a `data-*` attribute). */
export function toList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value))
    return value
      .map(String)
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [String(value)];
}

/** An http(s) address, absolute or relative to the page. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value, 'https://example.invalid/');
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
