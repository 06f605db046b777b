/** The side panel's protocol: commands checked before use, snapshots of plain data only. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkField } from '../../../utils/guides/field-value.ts';
import type { Guide } from '../../../utils/guides/format.ts';
import { currentOf, parseGuideCommand } from '../../../utils/guides/remote.ts';
import type { SessionView } from '../../../utils/guides/session.ts';

describe('parseGuideCommand', () => {
  it('keeps known commands and refuses anything else', () => {
    expect(parseGuideCommand({ action: 'next' })).toEqual({ action: 'next' });
    expect(parseGuideCommand({ action: 'goTo', index: 3 })).toEqual({ action: 'goTo', index: 3 });
    expect(parseGuideCommand({ action: 'start', guideId: 'fr.a.b' })).toEqual({
      action: 'start',
      guideId: 'fr.a.b',
    });
    for (const bad of [
      null,
      'next',
      {},
      { action: 'eval' },
      { action: 'goTo', index: -1 },
      { action: 'goTo', index: 1.5 },
      { action: 'start' },
    ])
      expect(parseGuideCommand(bad)).toBeNull();
  });
});

describe('currentOf', () => {
  it('gives the step state and the check in the asked language, as plain data', () => {
    const guide = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../public/guides/fr.demo.aide-logement.json', import.meta.url)),
        'utf8',
      ),
    ) as Guide;
    const index = guide.steps.findIndex((s) => s.field?.validator === 'nir');
    const step = guide.steps[index];
    expect(step).toBeDefined();
    const view: SessionView = {
      state: { index, step, done: new Set(['a', 'b']), finished: false, total: guide.steps.length },
      target: 'found',
      element: new JSDOM('<input name="nir">').window.document.querySelector('input'),
      check: checkField(step, '2840575112345'),
      moved: 'manual',
      description: null,
      decision: null,
    };
    const fr = currentOf(guide.id, view, 'fr');
    expect(fr).toMatchObject({
      guideId: guide.id,
      index,
      done: ['a', 'b'],
      target: 'found',
      answer: 'write',
    });
    expect(fr.check?.ok).toBe(false);
    expect(fr.check?.text).toContain('Il manque 2 chiffres');
    expect(currentOf(guide.id, view, 'en').check?.text).not.toBe(fr.check?.text);
    expect(JSON.parse(JSON.stringify(fr))).toEqual(fr);
    const empty = currentOf(guide.id, { ...view, check: checkField(step, '') }, 'fr');
    expect(empty.check).toBeNull();
    expect(fr.description).toBeNull();
    // Ambiguous: the side panel gets the field in words, as the page's own panel shows it.
    const description = { kind: 'field' as const, label: 'Numéro fiscal', under: 'Vos revenus' };
    const ambiguous = currentOf(guide.id, { ...view, target: 'ambiguous', element: null, description }, 'fr');
    expect(ambiguous).toMatchObject({ target: 'ambiguous', description });
    expect(JSON.parse(JSON.stringify(ambiguous))).toEqual(ambiguous);
  });
});
