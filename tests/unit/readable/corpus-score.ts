/**
 * Scores what `pasapas readable --json` (bin/readable-engine.ts, the shared extraction) makes of the
 * pages of tests/fixtures/pages/forms/ against their answer keys (`<page>.json` beside each page),
 * per pattern of issue 14. Every check of a field counts for the patterns its key lists (`p`), or
 * for "base" when it lists none; the error summary counts for 2, scripted fields for 8, the title,
 * text and glossary checks for 9. Beyond the issue's nine: 10 checkbox groups' own hint and error,
 * 11 multi-select lists, 12 fields inside open shadow roots.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ReadablePage, readPage } from '../../../bin/readable-engine.ts';

export const CORPUS = join(process.cwd(), 'tests/fixtures/pages/forms');

type KeyField = {
  key: string;
  label: string;
  hint: string | null;
  error: string | null;
  required: boolean;
  options?: string[];
  /** The options chosen when the page was saved, by their labels. */
  selected?: string[];
  /** Several options can be chosen (`select[multiple]`, `aria-multiselectable`). */
  multiple?: boolean;
  /** The field's group as a person sees it: its legend, and its hint and error said once. */
  group?: { legend: string; hint: string | null; error: string | null };
  p?: number[];
};

export type AnswerKey = {
  style: string;
  lang: string;
  fields: KeyField[];
  summary?: { title: string; items: { text: string; field: string | null }[] };
  dynamic?: string[];
  title?: string;
  text?: { has?: string[]; not?: string[] };
  terms?: { has?: string[]; not?: string[] };
};

export type Check = {
  page: string;
  pattern: string;
  what: string;
  ok: boolean;
  got?: unknown;
  want?: unknown;
};

type Field = ReadablePage['fields'][number];

function findField(fields: Field[], key: string): Field | undefined {
  return fields.find((f) => f.id === key || f.group?.id === key) ?? fields.find((f) => f.name === key);
}

function same(a: unknown, b: unknown): boolean {
  // `undefined` is "not there", never equal to a key's null ("no hint").
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b ?? null);
}

export function scorePage(page: string, html: string, key: AnswerKey, glossary: unknown): Check[] {
  const checks: Check[] = [];
  const add = (pattern: string, what: string, got: unknown, want: unknown) =>
    checks.push({ page, pattern, what, ok: same(got, want), got, want });
  const result = readPage(html, { url: 'https://example.test/', glossary });
  const matched = new Set<Field>();
  for (const k of key.fields) {
    const patterns = k.p && k.p.length > 0 ? k.p.map(String) : ['base'];
    const field = findField(result.fields, k.key);
    if (field) matched.add(field);
    for (const pattern of patterns) {
      // A missing field fails all its checks, so totals are the same whatever the code finds.
      add(pattern, `${k.key}: found`, field !== undefined, true);
      add(pattern, `${k.key}: label`, field?.label, k.label);
      add(pattern, `${k.key}: hint`, field ? (field.hint ?? null) : undefined, k.hint);
      add(pattern, `${k.key}: error`, field ? (field.error ?? null) : undefined, k.error);
      add(pattern, `${k.key}: required`, field?.required, k.required);
      if (k.options)
        add(
          pattern,
          `${k.key}: options`,
          field?.options?.map((o) => o.label),
          k.options,
        );
      if (k.selected)
        add(
          pattern,
          `${k.key}: selected`,
          field?.options?.filter((o) => o.selected).map((o) => o.label),
          k.selected,
        );
      if (k.multiple !== undefined)
        add(
          pattern,
          `${k.key}: multiple`,
          field ? field.constraints.multiple === true : undefined,
          k.multiple,
        );
      if (k.group) {
        add(pattern, `${k.key}: group legend`, field?.group?.legend, k.group.legend);
        add(pattern, `${k.key}: group hint`, field ? (field.group?.hint ?? null) : undefined, k.group.hint);
        add(
          pattern,
          `${k.key}: group error`,
          field ? (field.group?.error ?? null) : undefined,
          k.group.error,
        );
      }
    }
  }
  // Every field under the heading before it, in page order (shadow-root fields at their host's place).
  add(
    key.fields.some((k) => k.p?.includes(12)) ? '12' : 'base',
    'every field in its section, in page order',
    result.sections.flatMap((s) => s.fieldKeys),
    result.fields.map((f) => f.key),
  );
  // No field that does not exist.
  add(
    'base',
    'no extra field',
    result.fields.filter((f) => !matched.has(f)).map((f) => f.key),
    [],
  );
  if (key.summary) {
    const summary = result.errorSummary;
    add('2', 'summary: title', summary?.title ?? null, key.summary.title);
    const keyOf = (id: string | null) =>
      id === null ? null : (findField(result.fields, id)?.key ?? `?${id}`);
    add(
      '2',
      'summary: items',
      summary?.items.map((i) => ({ text: i.text, field: i.fieldKey ?? null })) ?? null,
      key.summary.items.map((i) => ({ text: i.text, field: keyOf(i.field) })),
    );
  } else {
    // A page without a summary gets none.
    add('2', 'no summary', result.errorSummary ?? null, null);
  }
  if (key.dynamic) {
    const dynamic = result.dynamic;
    add('8', 'dynamic', dynamic?.map((d) => d.widget) ?? null, key.dynamic);
  }
  if (key.title !== undefined) add('9', 'title', result.title, key.title);
  for (const has of key.text?.has ?? [])
    add('9', `text has ${JSON.stringify(has)}`, result.text.includes(has), true);
  for (const not of key.text?.not ?? [])
    add('9', `text lacks ${JSON.stringify(not)}`, result.text.includes(not), false);
  const terms = result.glossaryMatches.map((m) => m.id);
  for (const has of key.terms?.has ?? []) add('9', `term ${has}`, terms.includes(has), true);
  for (const not of key.terms?.not ?? []) add('9', `no term ${not}`, terms.includes(not), false);
  return checks;
}

export function corpusPages(): { page: string; html: string; key: AnswerKey }[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      page: f,
      html: readFileSync(join(CORPUS, f), 'utf8'),
      key: JSON.parse(readFileSync(join(CORPUS, f.replace(/\.html$/, '.json')), 'utf8')) as AnswerKey,
    }));
}

export type PatternScore = { pattern: string; passed: number; total: number };

export function perPattern(checks: Check[]): PatternScore[] {
  const scores = new Map<string, PatternScore>();
  for (const check of checks) {
    const score = scores.get(check.pattern) ?? { pattern: check.pattern, passed: 0, total: 0 };
    score.total += 1;
    if (check.ok) score.passed += 1;
    scores.set(check.pattern, score);
  }
  const order = (p: string) => (p === 'base' ? 0 : Number(p));
  return [...scores.values()].sort((a, b) => order(a.pattern) - order(b.pattern));
}
