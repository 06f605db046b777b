/**
 * The guide the studio is recording, before it is a guide: every text editable in French, English
 * and Arabic (empty until written), steps that carry the clues the recorder captured, documents,
 * glossary terms. Plain data, changed only by the pure functions below (each returns a new
 * draft), so the side panel can keep it in storage and tests can replay an author's edits.
 */
import type { FieldKind } from '../clues.ts';
import type { DoneKind, GuideValidatorId, PageCondition, TargetClues } from '../format.ts';

export type DraftText = { fr: string; en: string; ar: string };
export type DraftLang = keyof DraftText;
export const DRAFT_LANGS: readonly DraftLang[] = ['fr', 'en', 'ar'];

export type DraftStep = {
  /** Stable while the draft lives (reorder, edit); the guide's step id comes from `id`. */
  key: string;
  id: string;
  title: DraftText;
  body: DraftText;
  /** Null for a "confirmed" step with nothing to point at ("Préparez vos papiers"). */
  target: { clues: TargetClues; kind: FieldKind | null } | null;
  /** What the person should type, said in words (the guide's `field.describe`); empty: none. */
  describe: DraftText;
  example: string;
  validator: GuideValidatorId | null;
  dateRule: 'past' | 'future' | null;
  fromDocument: string | null;
  done: DoneKind;
  when: PageCondition | null;
};

export type DraftDocument = { key: string; id: string; name: DraftText; why: DraftText; where: DraftText };
export type DraftTerm = { key: string; term: DraftText; definition: DraftText };

export type Draft = {
  id: string;
  version: string;
  title: DraftText;
  summary: DraftText;
  publisher: string;
  /** Where the guide applies (match patterns), drafted from the pages the steps were recorded on. */
  urls: string[];
  documents: DraftDocument[];
  glossary: DraftTerm[];
  steps: DraftStep[];
  /** The next free key number: keys are never reused in one draft. */
  nextKey: number;
};

export const emptyText = (fr = ''): DraftText => ({ fr, en: '', ar: '' });

export function newDraft(init: { title?: string; publisher?: string; url?: string } = {}): Draft {
  const draft: Draft = {
    id: '',
    version: '1.0.0',
    title: emptyText(init.title ?? ''),
    summary: emptyText(),
    publisher: init.publisher ?? '',
    urls: [],
    documents: [],
    glossary: [],
    steps: [],
    nextKey: 1,
  };
  return init.url ? addUrlOf(draft, init.url) : draft;
}

/** Lower-case ASCII words joined by dashes: "Numéro de sécurité sociale" → "numero-de-securite-sociale". */
export function slug(text: string, max = 40): string {
  const out = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return out;
}

/** An id no other item of the list has: `nom`, then `nom-2`, `nom-3`… */
export function uniqueId(wanted: string, taken: Iterable<string>, fallback = 'etape'): string {
  const used = new Set(taken);
  let base = (slug(wanted, 56) || fallback).replace(/^[^a-z0-9]+/, '') || fallback;
  if (!used.has(base)) return base;
  // "nom-2" taken: the next is "nom-3", not "nom-2-2".
  base = base.replace(/-\d+$/, '') || base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The match pattern of the folder a page is in: `https://www.caf.fr/allocataires/aides/logement.html`
 * → `https://www.caf.fr/allocataires/aides/*`. No port (a pattern without one matches any), no query.
 */
export function folderPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const folder = parsed.pathname.replace(/[^/]*$/, '');
  return `${parsed.protocol}//${parsed.hostname}${folder}*`;
}

/** The draft with the folder of this page among its addresses (once). */
export function addUrlOf(draft: Draft, url: string): Draft {
  const pattern = folderPattern(url);
  if (!pattern || draft.urls.includes(pattern)) return draft;
  // A pattern already covering this folder (a parent folder) is enough.
  const covered = draft.urls.some((p) => p.endsWith('*') && pattern.startsWith(p.slice(0, -1)));
  return covered ? draft : { ...draft, urls: [...draft.urls, pattern] };
}

export type StepProposal = Omit<DraftStep, 'key' | 'id'> & { id?: string };

/** Adds a step (after the last one, or at `at`), with a fresh key and an id no other step has. */
export function addStep(draft: Draft, proposal: StepProposal, at = draft.steps.length): Draft {
  const key = `s${draft.nextKey}`;
  const id = uniqueId(
    proposal.id ?? proposal.title.fr,
    draft.steps.map((s) => s.id),
  );
  const step: DraftStep = { ...proposal, key, id };
  const steps = [...draft.steps];
  steps.splice(Math.max(0, Math.min(at, steps.length)), 0, step);
  return { ...draft, steps, nextKey: draft.nextKey + 1 };
}

/** A "confirmed" step: nothing to point at, the person says when it is done ("Cochez les jours"). */
export function confirmedStep(title: string, body = ''): StepProposal {
  return {
    title: emptyText(title),
    body: emptyText(body),
    target: null,
    describe: emptyText(),
    example: '',
    validator: null,
    dateRule: null,
    fromDocument: null,
    done: 'confirmed',
    when: null,
  };
}

export function updateStep(draft: Draft, key: string, patch: Partial<Omit<DraftStep, 'key'>>): Draft {
  return {
    ...draft,
    steps: draft.steps.map((s) => {
      if (s.key !== key) return s;
      const next = { ...s, ...patch };
      // A step id stays unique and well formed whatever the author types.
      if (patch.id !== undefined)
        next.id = uniqueId(
          patch.id,
          draft.steps.filter((o) => o.key !== key).map((o) => o.id),
        );
      return next;
    }),
  };
}

export function setStepText(
  draft: Draft,
  key: string,
  part: 'title' | 'body' | 'describe',
  lang: DraftLang,
  value: string,
): Draft {
  const step = draft.steps.find((s) => s.key === key);
  if (!step) return draft;
  return updateStep(draft, key, { [part]: { ...step[part], [lang]: value } });
}

export function removeStep(draft: Draft, key: string): Draft {
  return { ...draft, steps: draft.steps.filter((s) => s.key !== key) };
}

/** Moves a step by `delta` places (−1: up), within bounds. */
export function moveStep(draft: Draft, key: string, delta: number): Draft {
  const from = draft.steps.findIndex((s) => s.key === key);
  if (from < 0) return draft;
  const to = Math.max(0, Math.min(draft.steps.length - 1, from + delta));
  if (to === from) return draft;
  const steps = [...draft.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step as DraftStep);
  return { ...draft, steps };
}

export function addDocument(draft: Draft, name: string, why = '', where = ''): Draft {
  const key = `d${draft.nextKey}`;
  const id = uniqueId(
    name,
    draft.documents.map((d) => d.id),
    'document',
  );
  const doc: DraftDocument = { key, id, name: emptyText(name), why: emptyText(why), where: emptyText(where) };
  return { ...draft, documents: [...draft.documents, doc], nextKey: draft.nextKey + 1 };
}

export function updateDocument(draft: Draft, key: string, patch: Partial<Omit<DraftDocument, 'key' | 'id'>>) {
  return { ...draft, documents: draft.documents.map((d) => (d.key === key ? { ...d, ...patch } : d)) };
}

/** Removes a document, and the steps' links to it. */
export function removeDocument(draft: Draft, key: string): Draft {
  const gone = draft.documents.find((d) => d.key === key);
  if (!gone) return draft;
  return {
    ...draft,
    documents: draft.documents.filter((d) => d.key !== key),
    steps: draft.steps.map((s) => (s.fromDocument === gone.id ? { ...s, fromDocument: null } : s)),
  };
}

export function addTerm(draft: Draft, term: string, definition = ''): Draft {
  const entry: DraftTerm = {
    key: `g${draft.nextKey}`,
    term: emptyText(term),
    definition: emptyText(definition),
  };
  return { ...draft, glossary: [...draft.glossary, entry], nextKey: draft.nextKey + 1 };
}

export function updateTerm(draft: Draft, key: string, patch: Partial<Omit<DraftTerm, 'key'>>): Draft {
  return { ...draft, glossary: draft.glossary.map((g) => (g.key === key ? { ...g, ...patch } : g)) };
}

export function removeTerm(draft: Draft, key: string): Draft {
  return { ...draft, glossary: draft.glossary.filter((g) => g.key !== key) };
}
