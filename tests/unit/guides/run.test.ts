import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createGuideRun, isStepDone, validateStepField } from '../../../utils/guides/run.ts';
import { type Guide, parseGuide, type Step } from '../../../utils/guides/schema.ts';
import { demoGuide } from './helpers.ts';

function guide(): Guide {
  const parsed = parseGuide(demoGuide());
  if (!parsed.ok) throw new Error('fixture');
  return parsed.guide;
}

const withKind = (kind: Step['done']['kind']): Step => ({
  id: 's',
  title: { fr: 's' },
  body: { fr: 's' },
  target: { id: 'x' },
  done: { kind },
});

describe('isStepDone', () => {
  it('evaluates each kind of done condition', () => {
    expect(isStepDone(withKind('field-filled'), { fieldValue: '  ' })).toBe(false);
    expect(isStepDone(withKind('field-filled'), { fieldValue: 'Dupont' })).toBe(true);
    expect(isStepDone(withKind('field-valid'), { fieldValue: '123', fieldValid: false })).toBe(false);
    expect(isStepDone(withKind('field-valid'), { fieldValue: '', fieldValid: true })).toBe(false);
    expect(isStepDone(withKind('field-valid'), { fieldValue: '3023217600053', fieldValid: true })).toBe(true);
    expect(isStepDone(withKind('clicked'), {})).toBe(false);
    expect(isStepDone(withKind('clicked'), { clicked: true })).toBe(true);
    expect(isStepDone(withKind('page-changed'), { url: 'http://a/1' }, 'http://a/1')).toBe(false);
    expect(isStepDone(withKind('page-changed'), { url: 'http://a/2' }, 'http://a/1')).toBe(true);
    expect(isStepDone(withKind('page-changed'), { url: 'http://a/2' })).toBe(false);
    expect(isStepDone(withKind('confirmed'), { confirmed: false })).toBe(false);
    expect(isStepDone(withKind('confirmed'), { confirmed: true })).toBe(true);
  });
});

describe('validateStepField', () => {
  it('uses the step validator and date rule from utils/validators', () => {
    const steps = guide().steps;
    const fiscal = steps[1] as Step;
    const birth = steps[2] as Step;
    expect(validateStepField(fiscal, '3023217600053')?.valid).toBe(true);
    expect(validateStepField(fiscal, '3023217600054')?.valid).toBe(false);
    expect(validateStepField(birth, '12/03/1985')?.valid).toBe(true);
    expect(validateStepField(birth, '12/03/2999')?.valid).toBe(false); // rule: past
    expect(validateStepField(steps[0] as Step, 'x')).toBeNull();
    // Without an explicit fieldValid, isStepDone asks the validator itself.
    expect(isStepDone(fiscal, { fieldValue: '3023217600053' })).toBe(true);
    expect(isStepDone(fiscal, { fieldValue: '3023217600054' })).toBe(false);
  });
});

describe('createGuideRun', () => {
  it('moves with next/previous/goTo and stays in bounds', () => {
    const run = createGuideRun(guide());
    expect(run.state().index).toBe(0);
    expect(run.previous().index).toBe(0);
    expect(run.next().index).toBe(1);
    expect(run.goTo('envoyer').index).toBe(3);
    expect(run.goTo('inconnue').index).toBe(3);
    expect(run.goTo(99).index).toBe(3);
    expect(run.next().finished).toBe(true);
    expect(run.goTo(-5).index).toBe(0);
    expect(run.state().finished).toBe(false);
  });

  it('auto-advances when the done condition holds, and tells listeners', () => {
    const run = createGuideRun(guide());
    const indexes: number[] = [];
    const stop = run.subscribe((s) => indexes.push(s.index));
    expect(run.evaluate({ confirmed: false })).toMatchObject({ done: false, advanced: false });
    expect(run.evaluate({ confirmed: true })).toMatchObject({ done: true, advanced: true });
    expect(run.state().step?.id).toBe('numero-fiscal');
    expect(run.evaluate({ fieldValue: '302', fieldValid: false }).done).toBe(false);
    expect(run.evaluate({ fieldValue: '3023217600053', fieldValid: true }).advanced).toBe(true);
    stop();
    run.next();
    expect(indexes).toEqual([1, 2]);
    expect([...run.state().done]).toEqual(['bienvenue', 'numero-fiscal']);
  });

  it('waits for a page change relative to where the step began', () => {
    const json = demoGuide();
    json.steps[0].done.kind = 'page-changed';
    const parsed = parseGuide(json);
    if (!parsed.ok) throw new Error('fixture');
    const run = createGuideRun(parsed.guide);
    expect(run.evaluate({ url: 'http://127.0.0.1/a' }).done).toBe(false);
    expect(run.evaluate({ url: 'http://127.0.0.1/a' }).done).toBe(false);
    expect(run.evaluate({ url: 'http://127.0.0.1/b' }).done).toBe(true);
  });

  it('can leave advancing to the person', () => {
    const run = createGuideRun(guide(), { autoAdvance: false });
    expect(run.evaluate({ confirmed: true })).toMatchObject({ done: true, advanced: false });
    expect(run.state().index).toBe(0);
    expect(run.markDone('envoyer').done.has('envoyer')).toBe(true);
    expect(run.markDone('nope').done.has('nope')).toBe(false);
  });

  it('saves and restores a snapshot, dropping steps that no longer exist', () => {
    const run = createGuideRun(guide());
    run.evaluate({ confirmed: true });
    const snap = run.snapshot();
    expect(snap).toEqual({
      guideId: 'fr.demo.aide-logement',
      version: '1.0.0',
      index: 1,
      done: ['bienvenue'],
    });
    const again = createGuideRun(guide(), { restore: { ...snap, done: [...snap.done, 'ancienne-etape'] } });
    expect(again.state().index).toBe(1);
    expect([...again.state().done]).toEqual(['bienvenue']);
    expect(createGuideRun(guide(), { restore: { index: Number.NaN } }).state().index).toBe(0);
  });

  it('jumps to the step written for the current page', () => {
    const run = createGuideRun(guide());
    run.goTo(2);
    const url = 'http://127.0.0.1/revenus';
    const doc = new JSDOM('<h1>Vos revenus</h1>', { url }).window.document;
    // Step 2 has no page condition, so it still applies: stay.
    expect(run.syncToPage({ url, document: doc }).index).toBe(2);
    run.goTo(1);
    expect(run.syncToPage({ url, document: doc }).index).toBe(1);
  });

  it('keeps going when a listener throws', () => {
    const run = createGuideRun(guide());
    const seen: number[] = [];
    run.subscribe(() => {
      throw new Error('listener');
    });
    run.subscribe((s) => seen.push(s.index));
    run.next();
    expect(seen).toEqual([1]);
  });
});
