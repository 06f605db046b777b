/**
 * When the person's extension is installed, an administration's widget does not show its own panel:
 * it hands its options over (`pasapas:widget-config` event, JSON in `detail`). The page script only
 * keeps them as a plain object, with no dependency, so it stays tiny; each feature's own schema
 * checks its options when the panel mounts (FeatureDefinition.config): the page wrote them, they
 * are never trusted.
 */
export const WIDGET_CONFIG_EVENT = 'pasapas:widget-config';

/** Enough for any real configuration. */
const MAX_LENGTH = 64 * 1024;

export function parseHandedOptions(detail: unknown): Record<string, unknown> | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_LENGTH) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return undefined;
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
