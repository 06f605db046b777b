/**
 * The reading screen's flow, without Preact or the DOM: `step(state, event) → state`.
 *
 *   choosing ──start──▶ reading (preparing, pdf, loading, recognizing + progress) ──read──▶ result
 *      ▲  ▲                 │ cancel / read-failed (bad file, too large, locked PDF…)        │ confirm
 *      │  └─────────────────┘                                                                 ▼
 *      │          result ◀── fill-refused (nothing chosen, the side panel's tab check) ── filling
 *      └────── again ────── filled ◀── fill-done / fill-failed ────────────────────────────────┘
 *
 * `camera` is the in-panel camera, between choosing and reading. The two effects are described in the
 * state itself: a `reading` phase carries the document to read (its `run` tells a late answer from a
 * cancelled or replaced reading apart), and a `filling` phase carries the confirmed values to fill. Only
 * the `confirm` event (the person's press on « Remplir ») enters `filling`: nothing is filled otherwise.
 */

import type { MrzReading } from '../mrz/read.ts';
import { OcrCancelledError } from './engine/types.ts';
import type { ExtractedField } from './extract/types.ts';
import type { FillItem, FillReport, FillTarget, StepHint } from './fill/index.ts';
import { recheckValue, suggestTargets, valueForTarget } from './fill/index.ts';
import type { FrontTabCode } from './front-tab/index.ts';
import { FrontTabError } from './front-tab/index.ts';
import type { DocumentReading } from './index.ts';
import type { GrayImage, RgbaImage } from './preprocess/image.ts';
import { OcrImageError } from './preprocess/image.ts';
import { groupOf, pageFirst, type RowGroup } from './result-groups.ts';
import type { CodeOutcome } from './with-code.ts';

/** Where the reading is, for the progress screen. */
export type Stage = { stage: 'preparing' | 'pdf' | 'loading' | 'recognizing'; progress: number };

/**
 * What a reading gives the screen: the fields and the preprocessed image their boxes refer to, and the
 * document's signed 2D-Doc when it has one (its values are already in the fields).
 */
export type Read = {
  reading: DocumentReading;
  image: GrayImage | null;
  pdfPages: number;
  code?: CodeOutcome | null;
  /** The machine-readable zone of an identity document, read again and checked (its values are in the fields). */
  mrz?: MrzReading | null;
};

/** The fields of the page that can receive a value, and the guide's current step if any. */
export type PageTargets = { targets: FillTarget[]; step?: StepHint };

/** A file the browser could not open, or a PDF that asks for a password. */
export class ReadInputError extends Error {
  readonly code: 'bad-file' | 'pdf-locked';
  constructor(code: 'bad-file' | 'pdf-locked', options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'ReadInputError';
    this.code = code;
  }
}

/** The document to read: a file (picker, paste, clipboard button, tab capture) or a camera shot. */
export type ReadingSource = { kind: 'file'; file: Blob } | { kind: 'pixels'; pixels: RgbaImage };

/** One value found, as the person checks and corrects it. */
export type Row = {
  /** 1-based, the number drawn on the image. */
  n: number;
  field: ExtractedField;
  value: string;
  valid: boolean;
  /** '' = do not fill. */
  targetKey: string;
  /** Shown first (a field of this page fits it) or folded with the others (result-groups.ts). */
  group: RowGroup;
};

/** Why the person is back on the choosing screen (with `error: false` for their own cancel). */
export type ChooseProblem =
  | 'cancelled'
  | 'failed'
  | 'bad-file'
  | 'pdf-locked'
  | 'image-too-large'
  | 'paste-empty'
  | 'capture-failed'
  | 'camera-unavailable';
export type ChooseNotice = { problem: ChooseProblem; error: boolean };

/** Why nothing was filled after « Remplir »: a new object each time, so it is announced again. */
export type ResultNotice = { kind: 'nothing-chosen' } | { kind: 'front-tab'; code: FrontTabCode };

export type Phase =
  | { k: 'choosing'; notice?: ChooseNotice }
  | { k: 'camera' }
  | { k: 'reading'; run: number; source: ReadingSource; stage: Stage }
  | { k: 'result'; notice?: ResultNotice }
  | { k: 'filling'; items: FillItem[] }
  | { k: 'filled'; report: FillReport };

export type FlowState = {
  phase: Phase;
  /** The last reading started; answers of any other are ignored. */
  run: number;
  read: Read | null;
  page: PageTargets;
  rows: Row[];
  /** Keep the image after filling (in memory only, for this page). */
  keep: boolean;
  /** The kept image was just forgotten at the person's request. */
  forgotten: boolean;
};

export type FlowEvent =
  /** A document to read: from choosing, the camera, a result or after filling (not while busy). */
  | { type: 'start'; source: ReadingSource }
  | { type: 'stage'; run: number; stage: Stage }
  | { type: 'read'; run: number; read: Read; page: PageTargets }
  | { type: 'read-failed'; run: number; notice: ChooseNotice }
  /** The person's « Annuler » while reading. */
  | { type: 'cancel' }
  /** The camera inside the screen (where there is no camera window). */
  | { type: 'camera' }
  | { type: 'camera-closed'; unavailable?: boolean }
  /** The clipboard, the tab capture or the camera window could not give a document. */
  | { type: 'input-failed'; problem: 'paste-empty' | 'capture-failed' | 'camera-unavailable' }
  | { type: 'edit'; n: number; value: string }
  | { type: 'target'; n: number; targetKey: string }
  | { type: 'keep'; keep: boolean }
  /** « Remplir »: the only way into `filling`. */
  | { type: 'confirm' }
  | { type: 'fill-done'; report: FillReport }
  /** The side panel's tab check refused: nothing was filled, the values stay. */
  | { type: 'fill-refused'; code: FrontTabCode }
  /** The page could not be reached: every value counts as not filled. */
  | { type: 'fill-failed' }
  | { type: 'forget' }
  | { type: 'again' };

export function initialFlow(camera = false): FlowState {
  return {
    phase: camera ? { k: 'camera' } : { k: 'choosing' },
    run: 0,
    read: null,
    page: { targets: [] },
    rows: [],
    keep: false,
    forgotten: false,
  };
}

/** Phases where a pasted image starts a reading (not over the camera, a reading or a fill under way). */
export function acceptsDocument(state: FlowState): boolean {
  const k = state.phase.k;
  return k === 'choosing' || k === 'result' || k === 'filled';
}

/**
 * The rows a reading gives: each value with its suggested target (uncertain ones are never suggested),
 * those this page has a field for first, numbered in that order (the numbers drawn on the image).
 */
export function rowsFor(read: Read, page: PageTargets): Row[] {
  const fields = read.reading.fields;
  const suggestions = suggestTargets(fields, page.targets, page.step);
  const rows = fields.map((field, i) => ({
    n: 0,
    field,
    value: field.value,
    valid: field.valid,
    targetKey: suggestions[i]?.targetKey ?? '',
    group: groupOf(suggestions[i], page.targets.length > 0, field.meaning),
  }));
  return pageFirst(rows).map((r, i) => ({ ...r, n: i + 1 }));
}

/** The values the person chose to send, each in the shape its target expects. */
export function fillItems(rows: readonly Row[], page: PageTargets): FillItem[] {
  const byKey = new Map(page.targets.map((x) => [x.key, x]));
  return rows
    .filter((r) => r.targetKey)
    .map((r) => ({
      targetKey: r.targetKey,
      value: valueForTarget({ kind: r.field.kind, value: r.value }, byKey.get(r.targetKey)),
    }));
}

/** What went wrong with a reading, in the words the choosing screen has for it. */
export function readProblem(error: unknown, aborted = false): ChooseNotice {
  if (error instanceof OcrCancelledError) return { problem: 'cancelled', error: false };
  if (aborted) return { problem: 'cancelled', error: true };
  if (error instanceof ReadInputError) return { problem: error.code, error: true };
  if (error instanceof OcrImageError)
    return { problem: error.code === 'image-too-large' ? 'image-too-large' : 'bad-file', error: true };
  return { problem: 'failed', error: true };
}

/** What a failed fill means: a refusal of the tab check (nothing filled), or a page out of reach. */
export function fillProblem(error: unknown): FlowEvent {
  return error instanceof FrontTabError
    ? { type: 'fill-refused', code: error.code }
    : { type: 'fill-failed' };
}

const inResult = (s: FlowState) => s.phase.k === 'result' || s.phase.k === 'filling';

export function step(state: FlowState, event: FlowEvent): FlowState {
  const { phase } = state;
  switch (event.type) {
    case 'start': {
      if (!acceptsDocument(state) && phase.k !== 'camera') return state;
      const run = state.run + 1;
      return {
        ...state,
        run,
        read: null,
        rows: [],
        phase: { k: 'reading', run, source: event.source, stage: { stage: 'preparing', progress: 0 } },
      };
    }
    case 'stage':
      if (phase.k !== 'reading' || phase.run !== event.run) return state;
      return { ...state, phase: { ...phase, stage: event.stage } };
    case 'read':
      if (phase.k !== 'reading' || phase.run !== event.run) return state;
      return {
        ...state,
        read: event.read,
        page: event.page,
        rows: rowsFor(event.read, event.page),
        phase: { k: 'result' },
      };
    case 'read-failed':
      if (phase.k !== 'reading' || phase.run !== event.run) return state;
      return { ...state, phase: { k: 'choosing', notice: event.notice } };
    case 'cancel':
      if (phase.k !== 'reading') return state;
      return { ...state, phase: { k: 'choosing', notice: { problem: 'cancelled', error: false } } };
    case 'camera':
      return phase.k === 'choosing' ? { ...state, phase: { k: 'camera' } } : state;
    case 'camera-closed':
      if (phase.k !== 'camera') return state;
      return {
        ...state,
        phase: {
          k: 'choosing',
          notice: event.unavailable ? { problem: 'camera-unavailable', error: true } : undefined,
        },
      };
    case 'input-failed':
      if (phase.k !== 'choosing') return state;
      return { ...state, phase: { k: 'choosing', notice: { problem: event.problem, error: true } } };
    case 'edit':
      if (!inResult(state)) return state;
      return {
        ...state,
        rows: state.rows.map((r) =>
          r.n === event.n ? { ...r, value: event.value, valid: recheckValue(r.field, event.value) } : r,
        ),
      };
    case 'target':
      if (!inResult(state)) return state;
      return {
        ...state,
        rows: state.rows.map((r) => (r.n === event.n ? { ...r, targetKey: event.targetKey } : r)),
      };
    case 'keep':
      return inResult(state) ? { ...state, keep: event.keep } : state;
    case 'confirm': {
      if (phase.k !== 'result') return state;
      const items = fillItems(state.rows, state.page);
      if (items.length === 0) return { ...state, phase: { k: 'result', notice: { kind: 'nothing-chosen' } } };
      return { ...state, phase: { k: 'filling', items } };
    }
    case 'fill-done':
      if (phase.k !== 'filling') return state;
      // The image goes unless the person asked to keep it.
      return {
        ...state,
        read: !state.keep && state.read ? { ...state.read, image: null } : state.read,
        phase: { k: 'filled', report: event.report },
      };
    case 'fill-refused':
      if (phase.k !== 'filling') return state;
      return { ...state, phase: { k: 'result', notice: { kind: 'front-tab', code: event.code } } };
    case 'fill-failed':
      if (phase.k !== 'filling') return state;
      return step(state, {
        type: 'fill-done',
        report: { filled: [], failed: phase.items.map((i) => ({ targetKey: i.targetKey, code: 'missing' })) },
      });
    case 'forget':
      if (phase.k !== 'filled') return state;
      return {
        ...state,
        read: state.read ? { ...state.read, image: null } : state.read,
        keep: false,
        forgotten: true,
      };
    case 'again':
      if (phase.k !== 'result' && phase.k !== 'filling' && phase.k !== 'filled') return state;
      return {
        ...state,
        forgotten: false,
        read: state.keep ? state.read : null,
        rows: [],
        phase: { k: 'choosing' },
      };
  }
}
