/**
 * The reading screen's flow (utils/ocr/reading-flow.ts), event by event: every transition, what each
 * problem turns into, the answers of a cancelled or replaced reading ignored, and no fill without « Remplir ».
 */
import { describe, expect, it } from 'vitest';
import { OcrCancelledError } from '../../../utils/ocr/engine/types.ts';
import type { ExtractedField, FieldKind } from '../../../utils/ocr/extract/types.ts';
import type { FillTarget } from '../../../utils/ocr/fill/index.ts';
import { FrontTabError } from '../../../utils/ocr/front-tab/index.ts';
import { OcrImageError } from '../../../utils/ocr/preprocess/image.ts';
import {
  acceptsDocument,
  type FlowEvent,
  type FlowState,
  fillItems,
  fillProblem,
  initialFlow,
  type PageTargets,
  type Phase,
  type Read,
  ReadInputError,
  readProblem,
  step,
} from '../../../utils/ocr/reading-flow.ts';

const IBAN = 'FR7630006000011234567890189';

const field = (kind: FieldKind, value: string, valid = true): ExtractedField => ({
  kind,
  value,
  raw: value,
  valid,
  confidence: valid ? 0.9 : 0.3,
});

const target = (name: string, label: string, type = 'text'): FillTarget => ({
  key: `k-${name}`,
  label,
  name,
  type,
  dsfr: true,
});

const PAGE: PageTargets = {
  targets: [target('iban', 'IBAN'), target('date_naissance', 'Date de naissance', 'date')],
};

function readOf(fields: ExtractedField[], image = true): Read {
  return {
    reading: {
      text: '',
      rawText: '',
      confidence: 90,
      documentType: { type: 'rib', confidence: 1, labelKey: 'rib' },
      fields,
      lines: [],
      quality: null,
    } as unknown as Read['reading'],
    image: image ? { width: 1, height: 1, channels: 1, data: new Uint8ClampedArray(1) } : null,
    pdfPages: 0,
  } as Read;
}

const FILE = { kind: 'file', file: new Blob(['x']) } as const;

function run(events: FlowEvent[], from: FlowState = initialFlow()): FlowState {
  return events.reduce(step, from);
}

/** Chose a file, the reading gave an IBAN (valid) and a birth date (uncertain) on the bank page. */
function atResult(fields = [field('iban', IBAN), field('date', '02/03/1990', false)]): FlowState {
  const s = run([{ type: 'start', source: FILE }]);
  return step(s, { type: 'read', run: s.run, read: readOf(fields), page: PAGE });
}

const kind = (s: FlowState): Phase['k'] => s.phase.k;

describe('reading flow: start and reading', () => {
  it('starts on choosing, or on the camera for the camera window', () => {
    expect(initialFlow().phase).toEqual({ k: 'choosing' });
    expect(initialFlow(true).phase).toEqual({ k: 'camera' });
    expect(initialFlow()).toMatchObject({ read: null, rows: [], keep: false, forgotten: false, run: 0 });
  });

  it('a document starts a reading at « preparing », with a new run each time', () => {
    const s = run([{ type: 'start', source: FILE }]);
    expect(s.phase).toEqual({
      k: 'reading',
      run: 1,
      source: FILE,
      stage: { stage: 'preparing', progress: 0 },
    });
    const again = run([{ type: 'cancel' }, { type: 'start', source: FILE }], s);
    expect(again.run).toBe(2);
  });

  it('follows the stages and progress of the current reading only', () => {
    let s = run([{ type: 'start', source: FILE }]);
    s = step(s, { type: 'stage', run: 1, stage: { stage: 'pdf', progress: 0 } });
    s = step(s, { type: 'stage', run: 1, stage: { stage: 'recognizing', progress: 0.4 } });
    expect(s.phase).toMatchObject({ k: 'reading', stage: { stage: 'recognizing', progress: 0.4 } });
    expect(step(s, { type: 'stage', run: 0, stage: { stage: 'loading', progress: 1 } })).toBe(s);
  });

  it('a reading done shows the values, each with its suggested target; uncertain ones get none', () => {
    const s = atResult();
    expect(s.phase).toEqual({ k: 'result' });
    expect(s.page).toBe(PAGE);
    expect(s.read?.image).not.toBeNull();
    expect(s.rows.map((r) => [r.n, r.value, r.valid, r.targetKey])).toEqual([
      [1, IBAN, true, 'k-iban'],
      [2, '02/03/1990', false, ''],
    ]);
  });

  it('the camera: opened from choosing, closed by the person or because it is unavailable, its shot read', () => {
    const cam = step(initialFlow(), { type: 'camera' });
    expect(kind(cam)).toBe('camera');
    expect(step(cam, { type: 'camera-closed' }).phase).toEqual({ k: 'choosing', notice: undefined });
    expect(step(cam, { type: 'camera-closed', unavailable: true }).phase).toEqual({
      k: 'choosing',
      notice: { problem: 'camera-unavailable', error: true },
    });
    const pixels = { width: 1, height: 1, data: new Uint8ClampedArray(4) } as unknown as ImageData;
    expect(step(cam, { type: 'start', source: { kind: 'pixels', pixels } }).phase).toMatchObject({
      k: 'reading',
      source: { kind: 'pixels', pixels },
    });
    // Not from elsewhere.
    expect(step(atResult(), { type: 'camera' }).phase.k).toBe('result');
    expect(step(initialFlow(), { type: 'camera-closed' })).toEqual(initialFlow());
  });
});

describe('reading flow: problems', () => {
  it('cancel during reading: back to choosing with « cancelled » (not an error), the late answer ignored', () => {
    const reading = run([{ type: 'start', source: FILE }]);
    const cancelled = step(reading, { type: 'cancel' });
    expect(cancelled.phase).toEqual({ k: 'choosing', notice: { problem: 'cancelled', error: false } });
    // The engine's answer arrives after the cancel: nothing changes, nothing is shown.
    expect(step(cancelled, { type: 'read', run: 1, read: readOf([field('iban', IBAN)]), page: PAGE })).toBe(
      cancelled,
    );
    expect(
      step(cancelled, { type: 'read-failed', run: 1, notice: readProblem(new OcrCancelledError()) }),
    ).toBe(cancelled);
    expect(step(cancelled, { type: 'stage', run: 1, stage: { stage: 'loading', progress: 0.5 } })).toBe(
      cancelled,
    );
    // Cancel means nothing elsewhere.
    expect(step(initialFlow(), { type: 'cancel' })).toEqual(initialFlow());
  });

  it('a reading replaced by another: the first one’s answers are ignored', () => {
    let s = run([{ type: 'start', source: FILE }, { type: 'cancel' }, { type: 'start', source: FILE }]);
    expect(s.run).toBe(2);
    s = step(s, { type: 'read', run: 1, read: readOf([]), page: PAGE });
    expect(s.phase).toMatchObject({ k: 'reading', run: 2 });
    s = step(s, { type: 'read', run: 2, read: readOf([field('iban', IBAN)]), page: PAGE });
    expect(s.rows).toHaveLength(1);
  });

  it('each problem of a reading becomes its notice on the choosing screen', () => {
    expect(readProblem(new OcrImageError('image-too-large', 'too large'))).toEqual({
      problem: 'image-too-large',
      error: true,
    });
    expect(readProblem(new OcrImageError('corrupt-image', 'x'))).toEqual({
      problem: 'bad-file',
      error: true,
    });
    expect(readProblem(new OcrImageError('unsupported-format', 'x'))).toEqual({
      problem: 'bad-file',
      error: true,
    });
    expect(readProblem(new ReadInputError('bad-file'))).toEqual({ problem: 'bad-file', error: true });
    expect(readProblem(new ReadInputError('pdf-locked'))).toEqual({ problem: 'pdf-locked', error: true });
    expect(readProblem(new OcrCancelledError())).toEqual({ problem: 'cancelled', error: false });
    expect(readProblem(new Error('worker died'))).toEqual({ problem: 'failed', error: true });
    expect(readProblem(new Error('anything'), true)).toEqual({ problem: 'cancelled', error: true });
  });

  it('image too large or unreadable file: back to choosing with the notice, nothing read kept', () => {
    for (const error of [new OcrImageError('image-too-large', 'x'), new ReadInputError('bad-file')]) {
      const s = run([
        { type: 'start', source: FILE },
        { type: 'read-failed', run: 1, notice: readProblem(error) },
      ]);
      expect(s.phase).toEqual({ k: 'choosing', notice: readProblem(error) });
      expect(s.read).toBeNull();
      expect(s.rows).toEqual([]);
    }
  });

  it('clipboard, tab capture or camera window without a document: an error notice on choosing only', () => {
    for (const problem of ['paste-empty', 'capture-failed', 'camera-unavailable'] as const) {
      expect(step(initialFlow(), { type: 'input-failed', problem }).phase).toEqual({
        k: 'choosing',
        notice: { problem, error: true },
      });
    }
    // A clipboard answering late does not interrupt a reading the person started meanwhile.
    const reading = run([{ type: 'start', source: FILE }]);
    expect(step(reading, { type: 'input-failed', problem: 'paste-empty' })).toBe(reading);
  });
});

describe('reading flow: checking, confirming, filling', () => {
  it('edits recheck the value; targets and « keep » change only what they say', () => {
    let s = atResult();
    s = step(s, { type: 'edit', n: 1, value: 'FR76 3000 6000 0112 3456 7890 180' });
    expect(s.rows[0]).toMatchObject({ value: 'FR76 3000 6000 0112 3456 7890 180', valid: false });
    s = step(s, { type: 'edit', n: 1, value: IBAN });
    expect(s.rows[0]?.valid).toBe(true);
    s = step(s, { type: 'target', n: 2, targetKey: 'k-date_naissance' });
    expect(s.rows[1]?.targetKey).toBe('k-date_naissance');
    s = step(s, { type: 'keep', keep: true });
    expect(s.keep).toBe(true);
    expect(s.phase).toEqual({ k: 'result' });
    // Not on other screens.
    expect(step(initialFlow(), { type: 'edit', n: 1, value: 'x' })).toEqual(initialFlow());
    expect(step(initialFlow(), { type: 'keep', keep: true }).keep).toBe(false);
  });

  it('nothing is filled without « Remplir »: no other event reaches filling', () => {
    const events: FlowEvent[] = [
      { type: 'start', source: FILE },
      { type: 'stage', run: 1, stage: { stage: 'recognizing', progress: 1 } },
      { type: 'read', run: 1, read: readOf([field('iban', IBAN)]), page: PAGE },
      { type: 'edit', n: 1, value: IBAN },
      { type: 'target', n: 1, targetKey: 'k-iban' },
      { type: 'keep', keep: true },
      { type: 'fill-done', report: { filled: ['k-iban'], failed: [] } },
      { type: 'fill-failed' },
      { type: 'fill-refused', code: 'tab-changed' },
      { type: 'forget' },
      { type: 'camera' },
      { type: 'input-failed', problem: 'paste-empty' },
    ];
    let s = initialFlow();
    for (const e of events) {
      s = step(s, e);
      expect(s.phase.k).not.toBe('filling');
      expect(s.phase.k).not.toBe('filled');
    }
    expect(s.phase.k).toBe('result');
    // A fill report without a press is ignored.
    expect(step(s, { type: 'fill-done', report: { filled: ['k-iban'], failed: [] } })).toBe(s);
  });

  it('« Remplir » sends the chosen values only, each in its target’s shape', () => {
    let s = atResult();
    s = step(s, { type: 'target', n: 2, targetKey: 'k-date_naissance' });
    s = step(s, { type: 'confirm' });
    expect(s.phase).toEqual({
      k: 'filling',
      items: [
        { targetKey: 'k-iban', value: IBAN },
        { targetKey: 'k-date_naissance', value: '1990-03-02' },
      ],
    });
    expect(fillItems(atResult().rows, PAGE)).toEqual([{ targetKey: 'k-iban', value: IBAN }]);
    // Pressed again while the fill is under way: one fill only.
    expect(step(s, { type: 'confirm' })).toBe(s);
    // A paste during the fill does not start another reading.
    expect(acceptsDocument(s)).toBe(false);
    expect(step(s, { type: 'start', source: FILE })).toBe(s);
  });

  it('« Remplir » with nothing chosen: a notice, a new one at each press, nothing sent', () => {
    let s = atResult();
    s = step(s, { type: 'target', n: 1, targetKey: '' });
    const first = step(s, { type: 'confirm' });
    expect(first.phase).toEqual({ k: 'result', notice: { kind: 'nothing-chosen' } });
    const second = step(first, { type: 'confirm' });
    expect(second.phase).toEqual(first.phase);
    expect(second.phase).not.toBe(first.phase);
  });

  it('filled: the report shown, the image forgotten unless kept', () => {
    const report = { filled: ['k-iban'], failed: [] };
    const done = run([{ type: 'confirm' }, { type: 'fill-done', report }], atResult());
    expect(done.phase).toEqual({ k: 'filled', report });
    expect(done.read?.image).toBeNull();
    expect(done.rows).toHaveLength(2);
    const kept = run(
      [{ type: 'keep', keep: true }, { type: 'confirm' }, { type: 'fill-done', report }],
      atResult(),
    );
    expect(kept.read?.image).not.toBeNull();
    // « Oublier l'image »: gone, and said so.
    const forgot = step(kept, { type: 'forget' });
    expect(forgot).toMatchObject({ keep: false, forgotten: true });
    expect(forgot.read?.image).toBeNull();
    expect(forgot.phase).toBe(kept.phase);
  });

  it('refusal from the side panel’s tab check: back to the values, nothing filled, nothing lost', () => {
    const filling = step(atResult(), { type: 'confirm' });
    const event = fillProblem(new FrontTabError('tab-changed'));
    expect(event).toEqual({ type: 'fill-refused', code: 'tab-changed' });
    const refused = step(filling, event);
    expect(refused.phase).toEqual({ k: 'result', notice: { kind: 'front-tab', code: 'tab-changed' } });
    expect(refused.rows).toEqual(filling.rows);
    expect(refused.read?.image).not.toBeNull();
    // Pressed again: a new refusal object (a new alert), then a fill once the person is back.
    const again = run([{ type: 'confirm' }, fillProblem(new FrontTabError('tab-changed'))], refused);
    expect(again.phase).toEqual(refused.phase);
    expect(again.phase).not.toBe(refused.phase);
    expect(
      run([{ type: 'confirm' }, { type: 'fill-done', report: { filled: ['k-iban'], failed: [] } }], again)
        .phase.k,
    ).toBe('filled');
  });

  it('a page out of reach: every value counts as not filled', () => {
    expect(fillProblem(new Error('no receiver'))).toEqual({ type: 'fill-failed' });
    const s = run([{ type: 'confirm' }, { type: 'fill-failed' }], atResult());
    expect(s.phase).toEqual({
      k: 'filled',
      report: { filled: [], failed: [{ targetKey: 'k-iban', code: 'missing' }] },
    });
    expect(s.read?.image).toBeNull();
  });

  it('« Une autre » goes back to choosing: values dropped, the image only if not kept', () => {
    const fromResult = step(atResult(), { type: 'again' });
    expect(fromResult).toMatchObject({ phase: { k: 'choosing' }, rows: [], read: null, forgotten: false });
    const kept = run(
      [
        { type: 'keep', keep: true },
        { type: 'confirm' },
        { type: 'fill-done', report: { filled: [], failed: [] } },
      ],
      atResult(),
    );
    const back = step(kept, { type: 'again' });
    expect(back.read).toBe(kept.read);
    expect(back.keep).toBe(true);
    const forgotten = run([{ type: 'forget' }, { type: 'again' }], kept);
    expect(forgotten).toMatchObject({ forgotten: false, read: null });
    // A new document from the result or after filling starts a new reading; not over the camera by paste.
    expect(acceptsDocument(atResult())).toBe(true);
    expect(acceptsDocument(kept)).toBe(true);
    expect(acceptsDocument(initialFlow(true))).toBe(false);
    expect(step(initialFlow(), { type: 'again' })).toEqual(initialFlow());
  });
});
