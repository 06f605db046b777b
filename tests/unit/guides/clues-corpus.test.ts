/**
 * The guides read a field as readable mode does (issue 14: one shared extraction for readable mode,
 * guides, the command line and the OCR fill). A step's target is described by captureClues; here
 * its label, hint and group on the forms corpus (tests/fixtures/pages/forms/) are scored against
 * the same answer keys readable mode is scored against (tests/unit/readable/corpus.test.ts), per
 * pattern. An error message is never part of a target's label or hint: it comes and goes.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { attachDeclarativeShadowRoots } from '../../../utils/forms/shadow.ts';
import { type CapturedClues, captureClues, kindOf } from '../../../utils/guides/clues.ts';
import { type Check, corpusPages, perPattern } from '../readable/corpus-score.ts';

type KeyField = ReturnType<typeof corpusPages>[number]['key']['fields'][number];

/** Every element of the page and of its open shadow roots. */
function allElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** The control a key field names (by id, group id or name), the first of a group. */
function controlOf(elements: Element[], key: string): Element | undefined {
  const control = (el: Element) => {
    const kind = kindOf(el);
    return kind !== null && kind !== 'button' && kind !== 'link';
  };
  const byId = elements.find((el) => el.id === key);
  if (byId && control(byId)) return byId;
  const inside = byId ? elements.find((el) => byId.contains(el) && el !== byId && control(el)) : undefined;
  if (inside) return inside;
  return elements.find((el) => el.getAttribute('name') === key && control(el));
}

function scoreClues(page: string, html: string, fields: KeyField[]): Check[] {
  const dom = new JSDOM(html, { url: 'https://example.test/' });
  attachDeclarativeShadowRoots(dom.window.document);
  const elements = allElements(dom.window.document);
  const checks: Check[] = [];
  for (const k of fields) {
    const patterns = k.p && k.p.length > 0 ? k.p.map(String) : ['base'];
    const el = controlOf(elements, k.key);
    const result = el ? captureClues(el) : undefined;
    // Password fields are never a step's target (the recorder refuses them): nothing to compare.
    if (result?.ok === false && result.reason === 'sensitive') continue;
    const clues: CapturedClues | undefined = result?.ok ? result.clues : undefined;
    // A radio group's key speaks for the group; the target is one of its options.
    const oneOption = (k.options !== undefined && !k.multiple) || k.group !== undefined;
    const add = (what: string, got: unknown, want: unknown) => {
      for (const pattern of patterns)
        checks.push({
          page,
          pattern,
          what: `${k.key}: ${what}`,
          ok: JSON.stringify(got) === JSON.stringify(want),
          got,
          want,
        });
    };
    add('found', clues !== undefined, true);
    if (!clues) continue;
    const words = [clues.label, clues.accessibleName, clues.hint, clues.group].filter(Boolean).join(' ');
    if (k.error) add('no error in its words', words.includes(k.error), false);
    if (!oneOption) {
      // The target keeps the visible label and the accessible name: readable mode's label is one of them.
      add(
        'label',
        [clues.label, clues.accessibleName].includes(k.label) ? k.label : (clues.label ?? null),
        k.label,
      );
      add('hint', clues.hint ?? null, k.hint);
    }
    if (k.group?.legend) add('group', clues.group ?? null, k.group.legend);
  }
  return checks;
}

describe('guides read the forms corpus as readable mode does (issue 14)', () => {
  it('a target’s label, hint and group are the answer key’s, pattern by pattern', () => {
    const checks = corpusPages().flatMap(({ page, html, key }) => scoreClues(page, html, key.fields));
    const table = perPattern(checks)
      .map((s) => `  pattern ${s.pattern.padEnd(4)} ${String(s.passed).padStart(3)}/${s.total}`)
      .join('\n');
    console.log(`guide targets on the forms corpus, checks passed per pattern:\n${table}`);
    const failed = checks.filter((c) => !c.ok);
    for (const c of failed)
      console.log(
        `  ✗ [${c.pattern}] ${c.page} ${c.what}: got ${JSON.stringify(c.got)}, want ${JSON.stringify(c.want)}`,
      );
    expect(failed.map((c) => `${c.page} ${c.what}`)).toEqual([]);
  });
});
