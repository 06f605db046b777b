/** Our counter counts the steps written for the current page, not the whole guide (issue 13, problem 10). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pagePosition } from '../../../utils/guides/page-count.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';

function housing() {
  const file = fileURLToPath(new URL('../../../public/guides/fr.demo.aide-logement.json', import.meta.url));
  const parsed = parseGuide(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error('the housing guide must parse');
  return parsed.guide;
}

describe('pagePosition', () => {
  const guide = housing();
  const at = (id: string) =>
    pagePosition(
      guide,
      guide.steps.findIndex((s) => s.id === id),
    );

  it('counts the steps of the current page only', () => {
    // The identity page: civilité … the site's "Suivant" button.
    const identity = guide.steps.filter((s) => s.when?.urlPattern?.includes('/identite.html')).length;
    expect(at('civilite')).toEqual({ current: 1, total: identity });
    expect(at('nom')).toEqual({ current: 2, total: identity });
    expect(at('suivant-identite')).toEqual({ current: identity, total: identity });
    // The household page starts again at 1.
    expect(at('situation').current).toBe(1);
    expect(at('situation').total).toBeLessThan(guide.steps.length);
    // The intro page has one step.
    expect(at('bienvenue')).toEqual({ current: 1, total: 1 });
  });

  it('treats a guide without page conditions as one page, and clamps the index', () => {
    const noWhen = { ...guide, steps: guide.steps.slice(1, 4).map(({ when: _when, ...s }) => s) };
    expect(pagePosition(noWhen, 1)).toEqual({ current: 2, total: 3 });
    expect(pagePosition(noWhen, 99)).toEqual({ current: 3, total: 3 });
    expect(pagePosition({ ...guide, steps: [] }, 0)).toEqual({ current: 0, total: 0 });
  });
});
