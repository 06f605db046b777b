/**
 * The draft as a guide file: the same document `pasapas guide validate` and the extension read,
 * checked here by the same `parseGuide`. What the author left empty gets a plain default (a
 * summary, a publisher), texts are cut to the format's limits and markup that looks like HTML is
 * defused, so a recorded draft exports without an edit.
 */
import {
  GUIDE_FORMAT_VERSION,
  GUIDE_ID_PATTERN,
  type Guide,
  LIMITS,
  type LText,
  type Step,
} from '../format.ts';
import { type GuideError, parseGuide } from '../schema.ts';
import { type Draft, type DraftStep, type DraftText, folderPattern, slug } from './draft.ts';

export type ExportResult =
  | { ok: true; guide: Guide; text: string; fileName: string }
  | { ok: false; errors: GuideError[]; guide: unknown };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A text safe for the format: no control characters, nothing an HTML check would take for a tag. */
export function safeText(text: string, max: number): string {
  return text
    .replace(CONTROL, '')
    .replace(/<(?=[A-Za-z/!])/g, '‹')
    .trim()
    .slice(0, max)
    .trim();
}

function ltext(text: DraftText, max: number, fallback: string): LText {
  const out: LText = { fr: safeText(text.fr, max) || fallback };
  const en = safeText(text.en, max);
  const ar = safeText(text.ar, max);
  if (en) out.en = en;
  if (ar) out.ar = ar;
  return out;
}

function hasText(text: DraftText): boolean {
  return [text.fr, text.en, text.ar].some((t) => t.trim() !== '');
}

/** The guide's id: the author's, else one drafted from the site and the title (`local.site.titre`). */
export function guideIdOf(draft: Draft): string {
  if (GUIDE_ID_PATTERN.test(draft.id)) return draft.id;
  let host = '';
  const first = draft.urls[0] ?? '';
  const m = /^[a-z]+:\/\/([^/]+)/.exec(first);
  if (m) host = slug((m[1] ?? '').replace(/^\*\./, ''), 40);
  const title = slug(draft.title.fr, 60) || 'guide';
  return ['local', host, title].filter(Boolean).join('.');
}

function exportStep(step: DraftStep, documentIds: Set<string>): Step {
  const title = ltext(step.title, LIMITS.shortText, 'Étape');
  const out: Step = {
    id: step.id,
    title,
    body: ltext(step.body, LIMITS.longText, title.fr),
    done: { kind: step.done },
  };
  if (step.when && Object.keys(step.when).length > 0) {
    const when: NonNullable<Step['when']> = {};
    if (step.when.urlPattern) when.urlPattern = step.when.urlPattern.slice(0, LIMITS.url);
    const heading = step.when.headingText ? safeText(step.when.headingText, LIMITS.shortText) : '';
    if (heading) when.headingText = heading;
    if (step.when.hasSelector) when.hasSelector = step.when.hasSelector;
    if (step.when.hasForm !== undefined) when.hasForm = step.when.hasForm;
    if (Object.keys(when).length > 0) out.when = when;
  }
  if (step.target) out.target = { clues: step.target.clues };
  const validator = step.validator ?? undefined;
  const linked = step.fromDocument && documentIds.has(step.fromDocument) ? step.fromDocument : undefined;
  if (step.target && (validator || hasText(step.describe) || step.example.trim() || linked)) {
    const field: NonNullable<Step['field']> = {
      describe: ltext(step.describe, LIMITS.mediumText, title.fr),
    };
    const example = safeText(step.example, LIMITS.example);
    if (example) field.example = example;
    if (validator) field.validator = validator;
    if (validator === 'date' && step.dateRule) field.dateRule = { rule: step.dateRule };
    if (linked) field.fromDocument = linked;
    out.field = field;
  }
  // A done kind the step cannot meet becomes the nearest one it can.
  if (!step.target && out.done.kind !== 'page-changed') out.done = { kind: 'confirmed' };
  if (out.done.kind === 'field-valid' && !out.field?.validator) out.done = { kind: 'field-filled' };
  return out;
}

/** The guide document of a draft, not yet checked. */
export function draftToGuide(draft: Draft): Guide {
  const urls = [...draft.urls];
  for (const step of draft.steps) {
    const pattern = step.when?.urlPattern ? folderPattern(step.when.urlPattern.replace(/\*$/, '')) : null;
    if (pattern && !urls.some((u) => u.endsWith('*') && pattern.startsWith(u.slice(0, -1))))
      urls.push(pattern);
  }
  const documentIds = new Set(draft.documents.map((d) => d.id));
  const title = ltext(draft.title, LIMITS.shortText, 'Guide de démarche');
  const count = draft.steps.length;
  const summary = hasText(draft.summary)
    ? ltext(draft.summary, LIMITS.mediumText, title.fr)
    : {
        fr: `Ce guide vous aide pas à pas : ${title.fr}. Il a ${count} ${count > 1 ? 'étapes' : 'étape'}.`,
        en: `This guide helps you step by step: ${title.en ?? title.fr}. It has ${count} ${count > 1 ? 'steps' : 'step'}.`,
      };
  return {
    formatVersion: GUIDE_FORMAT_VERSION,
    id: guideIdOf({ ...draft, urls }),
    version: draft.version,
    title,
    summary: { ...summary, fr: summary.fr.slice(0, LIMITS.mediumText) },
    publisher: { name: safeText(draft.publisher, LIMITS.shortText) || 'Médiateur numérique' },
    matches: { urls },
    documents: draft.documents.map((d) => {
      const name = ltext(d.name, LIMITS.shortText, 'Document');
      return {
        id: d.id,
        name,
        why: ltext(d.why, LIMITS.mediumText, name.fr),
        where: ltext(d.where, LIMITS.mediumText, name.fr),
      };
    }),
    glossary: draft.glossary
      .filter((g) => g.term.fr.trim() && g.definition.fr.trim())
      .map((g) => ({
        term: ltext(g.term, LIMITS.shortText, ''),
        definition: ltext(g.definition, LIMITS.mediumText, ''),
      })),
    steps: draft.steps.map((s) => exportStep(s, documentIds)),
  };
}

/** The guide, checked by the same reading as `pasapas guide validate`; its file text and name. */
export function exportGuide(draft: Draft): ExportResult {
  const guide = draftToGuide(draft);
  const checked = parseGuide(guide);
  if (!checked.ok) return { ok: false, errors: checked.errors, guide };
  return {
    ok: true,
    guide: checked.guide,
    text: `${JSON.stringify(checked.guide, null, 2)}\n`,
    fileName: `${checked.guide.id}.json`,
  };
}
