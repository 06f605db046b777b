import * as v from 'valibot';

/** Comfort settings: what the person changed to read the page comfortably. */
export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;
export const LINE_SPACINGS = ['normal', 'large', 'larger'] as const;
export const LETTER_SPACINGS = ['normal', 'large'] as const;
export const THEMES = ['default', 'high-contrast', 'dark', 'yellow-black'] as const;
export const FONTS = ['default', 'legible', 'dyslexia'] as const;

export type Theme = (typeof THEMES)[number];
export type FontChoice = (typeof FONTS)[number];

export const ComfortSchema = v.object({
  textScale: v.picklist(TEXT_SCALES),
  lineSpacing: v.picklist(LINE_SPACINGS),
  letterSpacing: v.picklist(LETTER_SPACINGS),
  theme: v.picklist(THEMES),
  font: v.picklist(FONTS),
});
export type ComfortSettings = v.InferOutput<typeof ComfortSchema>;

export const DEFAULT_COMFORT: ComfortSettings = {
  textScale: 1,
  lineSpacing: 'normal',
  letterSpacing: 'normal',
  theme: 'default',
  font: 'default',
};

/**
 * Reads stored settings, keeping every valid value and replacing only the broken ones with
 * defaults: a corrupted entry must never lose the person's other choices.
 */
export function parseComfort(raw: unknown): ComfortSettings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_COMFORT };
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_COMFORT };
  for (const [key, schema] of Object.entries(ComfortSchema.entries)) {
    const result = v.safeParse(schema, input[key]);
    if (result.success) out[key] = result.output;
  }
  return out as ComfortSettings;
}

export function isDefaultComfort(settings: ComfortSettings): boolean {
  return (Object.keys(DEFAULT_COMFORT) as (keyof ComfortSettings)[]).every(
    (key) => settings[key] === DEFAULT_COMFORT[key],
  );
}

export function stepTextScale(current: number, direction: 1 | -1): ComfortSettings['textScale'] {
  const index = TEXT_SCALES.indexOf(current as ComfortSettings['textScale']);
  const next = Math.min(TEXT_SCALES.length - 1, Math.max(0, Math.max(0, index) + direction));
  return TEXT_SCALES[next] ?? 1;
}
