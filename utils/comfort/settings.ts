/** Comfort settings: what the person changed to read the page comfortably. */
export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;
export const LINE_SPACINGS = ['normal', 'large', 'larger'] as const;
export const LETTER_SPACINGS = ['normal', 'large'] as const;
export const THEMES = ['default', 'high-contrast', 'dark', 'yellow-black'] as const;
export const FONTS = ['default', 'legible', 'dyslexia'] as const;

export type Theme = (typeof THEMES)[number];
export type FontChoice = (typeof FONTS)[number];

/**
 * The allowed values of each setting. Plain lists rather than a schema library: this module runs in
 * the content script on every page, where each kilobyte and millisecond counts.
 */
export const COMFORT_VALUES = {
  textScale: TEXT_SCALES,
  lineSpacing: LINE_SPACINGS,
  letterSpacing: LETTER_SPACINGS,
  theme: THEMES,
  font: FONTS,
} as const;
export type ComfortSettings = {
  -readonly [K in keyof typeof COMFORT_VALUES]: (typeof COMFORT_VALUES)[K][number];
};

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
  for (const [key, allowed] of Object.entries(COMFORT_VALUES)) {
    if ((allowed as readonly unknown[]).includes(input[key])) out[key] = input[key];
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
