/**
 * Catalog completeness with plural forms (utils/i18n: `key.<category>`, chosen by Intl.PluralRules):
 * each language has its own categories (Arabic adds zero, two, few), so a plural form absent from
 * French is not an extra key, and a form may leave out `{count}` ("خانة واحدة", "one box").
 */
const PLURAL = /\.(?:zero|one|two|few|many|other)$/;

/** The keys of `other`, without the plural forms of a base French writes as plural. */
export function withoutExtraPluralForms(fr: Record<string, string>, other: Record<string, string>): string[] {
  const bases = new Set(
    Object.keys(fr)
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, '')),
  );
  return Object.keys(other).filter((k) => k in fr || !(PLURAL.test(k) && bases.has(k.replace(PLURAL, ''))));
}

/** The placeholders a text must keep; a plural form may say the number in words instead of `{count}`. */
export function placeholdersOf(key: string, text: string): string[] {
  const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return (PLURAL.test(key) ? names.filter((n) => n !== 'count') : names).sort();
}
