/**
 * Framework-free i18n. French is the reference language: every key exists in French,
 * and a missing English or Arabic string falls back to French rather than to a key.
 * Each module owns its catalog (see `Catalogs`) so features stay one folder each.
 */
export const LANGS = ['fr', 'en', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
export type Catalog = Readonly<Record<string, string>>;
/** French is required; other languages may be partial. */
export type Catalogs = { fr: Catalog } & Partial<Record<Exclude<Lang, 'fr'>, Catalog>>;
export type Params = Readonly<Record<string, string | number>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Picks our language from a BCP 47 tag or a list of them (navigator.languages). */
export function pickLang(tags: readonly string[] | string | undefined | null, fallback: Lang = 'fr'): Lang {
  const list = typeof tags === 'string' ? [tags] : (tags ?? []);
  for (const tag of list) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(base)) return base;
  }
  return fallback;
}

export function dir(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Replaces `{name}` placeholders; a number uses the language's own formatting. */
export function interpolate(text: string, params: Params | undefined, lang: Lang): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}

/**
 * Plural forms are keys `key.<category>` (Intl.PluralRules: fr has one/many/other, ar has
 * zero/one/two/few/many/other), chosen by the `count` parameter; a category a language leaves out
 * falls back to its `key.other`. A language without plural forms for the key uses its plain `key`,
 * and only then French.
 */
function textFor(catalog: Catalog | undefined, lang: Lang, key: string, count: unknown): string | undefined {
  if (!catalog) return undefined;
  if (typeof count === 'number') {
    const plural = catalog[`${key}.${pluralRules(lang).select(count)}`] ?? catalog[`${key}.other`];
    if (plural !== undefined) return plural;
  }
  return catalog[key];
}

const rulesCache = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = rulesCache.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    rulesCache.set(lang, rules);
  }
  return rules;
}

export function translate(catalogs: Catalogs, lang: Lang, key: string, params?: Params): string {
  const count = params?.count;
  const text = textFor(catalogs[lang], lang, key, count) ?? textFor(catalogs.fr, 'fr', key, count);
  if (text === undefined) return key;
  return interpolate(text, params, lang);
}

/** A day in the language's long form: « 2 décembre 2026 », "December 2, 2026", « ٢ ديسمبر ٢٠٢٦ ». */
export function formatDay(lang: Lang, time: number | Date): string {
  return format(lang, time, { dateStyle: 'long' });
}

/** An hour in the language's short form: « 14:04 », "2:04 PM". */
export function formatHour(lang: Lang, time: number | Date): string {
  return format(lang, time, { timeStyle: 'short' });
}

/**
 * A moment as the `{date}` and `{time}` of a sentence that says « le {date} à {time} »: the day and
 * the hour are formatted apart, so each language's sentence puts its own words around them.
 */
export function dateParams(lang: Lang, time: number | Date): { date: string; time: string } {
  return { date: formatDay(lang, time), time: formatHour(lang, time) };
}

function format(lang: Lang, time: number | Date, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(lang, options).format(time);
  } catch {
    // An invalid date: say nothing rather than "Invalid Date".
    return '';
  }
}

/** A translator bound to one or more catalogs merged in order (later wins). */
export function createTranslator(...parts: Catalogs[]) {
  const merged: Catalogs = { fr: {} };
  for (const part of parts) {
    for (const lang of LANGS) {
      const add = part[lang];
      if (add) merged[lang] = { ...(merged[lang] ?? {}), ...add };
    }
  }
  const t = (lang: Lang, key: string, params?: Params) => translate(merged, lang, key, params);
  return Object.assign(t, { catalogs: merged });
}

/** Keys present in French but missing in another language: used by tests to keep catalogs complete. */
export function missingKeys(catalogs: Catalogs, lang: Lang): string[] {
  const target = catalogs[lang] ?? {};
  return Object.keys(catalogs.fr).filter((key) => !(key in target));
}
