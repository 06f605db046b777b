/**
 * When the person's extension is installed, an administration's widget does not show its own panel:
 * it hands its configuration over (`pasapas:widget-config` event, JSON in `detail`). The guides part
 * is read here, with no dependency, so the content script stays tiny. Anything malformed is ignored.
 */
export type HandedGuides = { urls: string[]; catalog?: string; trustedKeys: string[] };

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length < 2048).slice(0, 50)
    : [];

export function guidesFromWidgetConfig(detail: unknown): HandedGuides | undefined {
  let config: unknown;
  try {
    config = typeof detail === 'string' ? JSON.parse(detail) : undefined;
  } catch {
    return undefined;
  }
  if (!config || typeof config !== 'object') return undefined;
  const c = config as Record<string, unknown>;
  const handed: HandedGuides = { urls: strings(c.guides), trustedKeys: strings(c.trustedKeys) };
  if (typeof c.catalog === 'string' && c.catalog.length < 2048) handed.catalog = c.catalog;
  return handed.urls.length || handed.catalog ? handed : undefined;
}
