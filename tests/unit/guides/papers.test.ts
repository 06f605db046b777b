/**
 * A step that lists papers to prepare ("Préparez ces papiers") lists exactly the guide's documents
 * ("Documents à préparer"), in every language: the two lists shown to the person never disagree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../../utils/guides/format.ts';
import { LANGS } from '../../../utils/i18n/index.ts';

const DIRS = ['../../../public/guides/', '../../../demo/site/catalog/guides/'].map((d) =>
  fileURLToPath(new URL(d, import.meta.url)),
);
const guides = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => [f, JSON.parse(readFileSync(dir + f, 'utf8')) as Guide] as const),
);

/** The bullet lists of a Markdown text, each as its items. */
function lists(markdown: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of markdown.split('\n')) {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      current ??= [];
      current.push((item[1] ?? '').trim());
    } else if (current) {
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

describe('papers to prepare', () => {
  it('finds guides that list papers in a step', () => {
    const listing = guides.filter(([, g]) =>
      g.steps.some((s) =>
        lists(s.body.fr).some((l) => l.some((i) => g.documents.some((d) => d.name.fr === i))),
      ),
    );
    expect(listing.length).toBeGreaterThanOrEqual(3);
  });

  it.each(guides)(
    '%s: a list naming one of its documents names them all, in each language',
    (_file, guide) => {
      for (const step of guide.steps) {
        for (const lang of LANGS) {
          const body = step.body[lang];
          if (!body) continue;
          const names = guide.documents.map((d) => d.name[lang] ?? d.name.fr);
          for (const items of lists(body)) {
            if (!items.some((i) => names.includes(i))) continue;
            expect(items, `${step.id} (${lang})`).toEqual(names);
          }
        }
      }
    },
  );
});
