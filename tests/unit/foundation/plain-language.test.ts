/**
 * Plain French in every string table (FALC spirit): short sentences, no "(s)" or "(e)" forms, no
 * abbreviations a person may not know, counts written through plural forms (Intl.PluralRules),
 * dates through Intl.DateTimeFormat. The tables are found on disk (utils/ and components/: every
 * messages.ts, *-messages.ts and utils/i18n/ui.ts), so a new table is checked without being listed.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalog, dateParams, LANGS, translate } from '../../../utils/i18n/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function tableFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) tableFiles(file, out);
    else if (/(^|-)messages\.ts$/.test(name) || file.endsWith(path.join('utils', 'i18n', 'ui.ts')))
      out.push(file);
  }
  return out;
}

type Table = { name: string; fr: Catalog; all: Record<string, Catalog | undefined> };

async function loadTables(): Promise<Table[]> {
  const tables: Table[] = [];
  for (const file of [
    ...tableFiles(path.join(ROOT, 'utils')),
    ...tableFiles(path.join(ROOT, 'components')),
  ]) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(mod)) {
      const fr = (value as { fr?: unknown } | null)?.fr;
      if (!fr || typeof fr !== 'object') continue;
      tables.push({
        name: `${path.relative(ROOT, file)}#${exported}`,
        fr: fr as Catalog,
        all: value as Record<string, Catalog | undefined>,
      });
    }
  }
  return tables;
}

/** Longest sentence, in words: FALC asks for short sentences with one idea each. */
const MAX_WORDS = 15;

/** Forms a person who reads with difficulty stumbles on, and words we chose to avoid. */
const FORBIDDEN: [RegExp, string][] = [
  [/\((?:s|e|es|x|ne|le)\)/i, 'inclusive or plural form in brackets: write both words, or use plural forms'],
  [/\p{L}·\p{L}/u, 'middle dot form'],
  [/\bN°|\bn°/, '"N°": write "numéro"'],
  [/sans le superflu/i, 'uncommon word'],
  [/\betc\.?(?=\s|$)/i, '"etc."'],
  [/\bci-(?:dessus|dessous)\b/i, '"ci-dessus" / "ci-dessous": say where'],
  [/\bcf\./i, '"cf."'],
  [/\bvia\b/i, '"via"'],
  [/\bà \{(?:date|time)\}/, 'a date after "à": write "le {date} à {time}"'],
];

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:…])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}{]/u.test(w)).length;

describe('plain French in every string table', async () => {
  const tables = await loadTables();

  it('finds the string tables', () => {
    expect(tables.length).toBeGreaterThanOrEqual(12);
    expect(tables.reduce((n, t) => n + Object.keys(t.fr).length, 0)).toBeGreaterThan(500);
  });

  it(`keeps every French sentence to ${MAX_WORDS} words at most`, () => {
    const long = tables.flatMap((t) =>
      Object.entries(t.fr).flatMap(([key, text]) =>
        sentences(text)
          .filter((s) => words(s) > MAX_WORDS)
          .map((s) => `${t.name} ${key}: (${words(s)}) ${s}`),
      ),
    );
    expect(long).toEqual([]);
  });

  it('uses none of the forbidden forms', () => {
    const found = tables.flatMap((t) =>
      Object.entries(t.fr).flatMap(([key, text]) =>
        FORBIDDEN.filter(([re]) => re.test(text)).map(([, why]) => `${t.name} ${key}: ${why}: ${text}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('writes a counted noun through plural forms, never as a fixed plural', () => {
    // "{count} réponses" reads "1 réponses" when count is 1: such keys need .one and .other.
    const fixed = tables.flatMap((t) =>
      Object.entries(t.fr)
        .filter(([key, text]) => !/\.(?:other|many)$/.test(key) && /\{count\}\s+\p{L}+s\b/u.test(text))
        .map(([key, text]) => `${t.name} ${key}: ${text}`),
    );
    expect(fixed).toEqual([]);
  });

  it('gives every plural key its "other" form in every language', () => {
    const missing: string[] = [];
    for (const t of tables) {
      const bases = new Set(
        Object.keys(t.fr)
          .filter((k) => /\.(?:zero|one|two|few|many|other)$/.test(k))
          .map((k) => k.replace(/\.[a-z]+$/, '')),
      );
      for (const base of bases)
        for (const lang of LANGS) {
          const catalog = t.all[lang];
          if (catalog && !(`${base}.other` in catalog)) missing.push(`${t.name} ${base} (${lang})`);
        }
    }
    expect(missing).toEqual([]);
  });
});

describe('plurals and dates through Intl', () => {
  const catalogs = {
    fr: { 'n.one': '{count} case remplie', 'n.other': '{count} cases remplies', plain: 'Texte' },
    en: { 'n.one': '{count} box filled in', 'n.other': '{count} boxes filled in' },
    ar: {
      'n.zero': 'لا شيء',
      'n.one': 'خانة واحدة',
      'n.two': 'خانتان',
      'n.few': '{count} خانات',
      'n.other': '{count} خانة',
    },
  };

  it('chooses the plural form with Intl.PluralRules in fr, en and ar', () => {
    expect([0, 1, 2, 1500].map((count) => translate(catalogs, 'fr', 'n', { count }))).toEqual([
      '0 case remplie',
      '1 case remplie',
      '2 cases remplies',
      '1\u202f500 cases remplies',
    ]);
    expect([1, 2].map((count) => translate(catalogs, 'en', 'n', { count }))).toEqual([
      '1 box filled in',
      '2 boxes filled in',
    ]);
    // Arabic has six categories; "many" (11) falls back to "other".
    expect([0, 1, 2, 3, 11].map((count) => translate(catalogs, 'ar', 'n', { count }))).toEqual([
      'لا شيء',
      'خانة واحدة',
      'خانتان',
      `${new Intl.NumberFormat('ar').format(3)} خانات`,
      `${new Intl.NumberFormat('ar').format(11)} خانة`,
    ]);
    // A key without plural forms, and a language without the key, still work.
    expect(translate(catalogs, 'en', 'plain', { count: 2 })).toBe('Texte');
  });

  it('formats the day and the hour apart, in the language, for « le {date} à {time} »', () => {
    const at = new Date(2026, 11, 2, 14, 4);
    expect(dateParams('fr', at)).toEqual({ date: '2 décembre 2026', time: '14:04' });
    expect(dateParams('en', at).date).toBe('December 2, 2026');
    expect(dateParams('ar', at)).toEqual({
      date: new Intl.DateTimeFormat('ar', { dateStyle: 'long' }).format(at),
      time: new Intl.DateTimeFormat('ar', { timeStyle: 'short' }).format(at),
    });
    expect(dateParams('fr', Number.NaN)).toEqual({ date: '', time: '' });
  });
});
