/**
 * The forms corpus (issue 14): pages written in DSFR, GOV.UK, USWDS, Bootstrap, WET/Canada.ca and
 * plain HTML styles, each with an answer key, scored against the shared extraction. Prints the
 * per-pattern scores; every check must pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Check, corpusPages, perPattern, scorePage } from './corpus-score.ts';

const glossary = JSON.parse(readFileSync(join(process.cwd(), 'public/glossary/fr.json'), 'utf8'));

describe('forms corpus (issue 14)', () => {
  const pages = corpusPages();

  it('has at least 20 pages in six markup styles, French and English, each with an answer key', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(new Set(pages.map((p) => p.key.style))).toEqual(
      new Set(['dsfr', 'govuk', 'uswds', 'bootstrap', 'wet', 'plain']),
    );
    const langs = new Set(pages.map((p) => p.key.lang));
    expect(langs.has('fr') && langs.has('en')).toBe(true);
    for (const { key } of pages) expect(key.fields.length).toBeGreaterThan(0);
  });

  it('reads every page as its answer key says, pattern by pattern', () => {
    const checks: Check[] = pages.flatMap(({ page, html, key }) => scorePage(page, html, key, glossary));
    const table = perPattern(checks)
      .map((s) => `  pattern ${s.pattern.padEnd(4)} ${String(s.passed).padStart(3)}/${s.total}`)
      .join('\n');
    console.log(`forms corpus, ${pages.length} pages, checks passed per pattern:\n${table}`);
    const failed = checks.filter((c) => !c.ok);
    for (const c of failed)
      console.log(
        `  ✗ [${c.pattern}] ${c.page} ${c.what}: got ${JSON.stringify(c.got)}, want ${JSON.stringify(c.want)}`,
      );
    expect(failed.map((c) => `${c.page} ${c.what}`)).toEqual([]);
  });
});
