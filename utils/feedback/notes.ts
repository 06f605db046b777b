/**
 * "Cette étape n'est pas claire": notes kept on this computer, per guide and step, exported by the
 * mediator (JSON and CSV) for the guide's publisher, and read back by the guide studio. A note
 * holds the guide, its version, the step, the day (not the time) and a comment already stripped of
 * personal numbers (strip.ts). Framework-free.
 */
import * as v from 'valibot';
import { MAX_COMMENT, stripPersonal } from './strip.ts';

export const FEEDBACK_FORMAT = 'pasapas-feedback' as const;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/));
export const FeedbackNoteSchema = v.object({
  guideId: id,
  guideVersion: v.pipe(v.string(), v.maxLength(64)),
  stepId: id,
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  comment: v.pipe(v.string(), v.maxLength(MAX_COMMENT)),
});
export type FeedbackNote = v.InferOutput<typeof FeedbackNoteSchema>;

export const FeedbackFileSchema = v.object({
  format: v.literal(FEEDBACK_FORMAT),
  version: v.literal(1),
  guideId: id,
  guideVersion: v.pipe(v.string(), v.maxLength(64)),
  contact: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  notes: v.pipe(v.array(FeedbackNoteSchema), v.maxLength(10_000)),
});
export type FeedbackFile = v.InferOutput<typeof FeedbackFileSchema>;

export class FeedbackFileError extends Error {
  constructor(
    readonly code: 'not-json' | 'not-feedback' | 'too-large',
    readonly detail = '',
  ) {
    super(`feedback file: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'FeedbackFileError';
  }
}

/** A new note: the comment is stripped here, whatever the caller did. */
export function makeNote(input: {
  guideId: string;
  guideVersion: string;
  stepId: string;
  comment: string;
  date: Date;
}): { note: FeedbackNote; removed: number } {
  const { text, removed } = stripPersonal(input.comment);
  const note = v.parse(FeedbackNoteSchema, {
    guideId: input.guideId,
    guideVersion: input.guideVersion,
    stepId: input.stepId,
    day: input.date.toISOString().slice(0, 10),
    comment: text,
  });
  return { note, removed };
}

export function feedbackFile(
  guide: { id: string; version: string; contact?: string },
  notes: readonly FeedbackNote[],
): FeedbackFile {
  const file: FeedbackFile = {
    format: FEEDBACK_FORMAT,
    version: 1,
    guideId: guide.id,
    guideVersion: guide.version,
    notes: notes.filter((n) => n.guideId === guide.id),
  };
  if (guide.contact) file.contact = guide.contact;
  return file;
}

export function feedbackJson(file: FeedbackFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

const CSV_COLUMNS = ['guideId', 'guideVersion', 'stepId', 'day', 'comment'] as const;

function csvCell(value: string): string {
  // A cell starting with = + - @ is a formula in spreadsheets: quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function feedbackCsv(file: FeedbackFile): string {
  const rows = file.notes.map((n) => CSV_COLUMNS.map((c) => csvCell(n[c])).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Reads an exported JSON file back (the studio's import); comments are stripped again. */
export function parseFeedbackFile(text: string): FeedbackFile {
  if (text.length > 4 * 1024 * 1024) throw new FeedbackFileError('too-large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FeedbackFileError('not-json');
  }
  const parsed = v.safeParse(FeedbackFileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new FeedbackFileError('not-feedback', path);
  }
  const file = parsed.output;
  return {
    ...file,
    notes: file.notes
      .filter((n) => n.guideId === file.guideId)
      .map((n) => ({ ...n, comment: stripPersonal(n.comment).text })),
  };
}

/** The notes of each step, for the studio: by step id, in the order of the file. */
export function notesByStep(notes: readonly FeedbackNote[]): Map<string, FeedbackNote[]> {
  const map = new Map<string, FeedbackNote[]>();
  for (const n of notes) map.set(n.stepId, [...(map.get(n.stepId) ?? []), n]);
  return map;
}
