/**
 * The recap the person takes home: what the procedure was, what is done, what is left, the papers
 * still to send, what happens next and where to get help, in the person's language. Pure: the tab
 * gathers the state (steps done, papers sent, numbers the person chose to show) and prints this.
 * Sensitive numbers are left out unless the person ticked each one: a paper recap travels.
 */
import { type Guide, localize, publisherName } from '../guides/schema.ts';
import type { Lang } from '../i18n/index.ts';
import { markdownToText, parseSafeMarkdown } from '../markdown/parse.ts';
import type { ValidatorId } from '../validators/index.ts';

/** Numbers that identify the person or give access to money: never on paper by default. */
export const SENSITIVE_KINDS: ReadonlySet<ValidatorId> = new Set([
  'iban',
  'bic',
  'nir',
  'fiscal-number',
  'caf-number',
  'phone',
  'email',
]);

/** A number typed during the procedure, known to this page only (never stored by the recap). */
export type KnownNumber = { stepId: string; kind: ValidatorId; value: string };

export type RecapInput = {
  guide: Guide;
  lang: Lang;
  date: Date;
  done: ReadonlySet<string>;
  finished: boolean;
  /** Documents the person says are already sent (ticked in the recap). */
  sent: ReadonlySet<string>;
  numbers: readonly KnownNumber[];
  /** Steps whose number the person chose to print, one by one. */
  shown: ReadonlySet<string>;
};

export type RecapLine = { id: string; title: string };
export type Recap = {
  title: string;
  date: string;
  publisher: string;
  finished: boolean;
  done: RecapLine[];
  left: RecapLine[];
  documents: (RecapLine & { where: string })[];
  next: (RecapLine & { body: string; delay?: string })[];
  deadlines: (RecapLine & { deadline: string })[];
  helplines: (RecapLine & { phone?: string; url?: string; hours?: string; cost?: string })[];
  /** Only the ticked ones, with the step's title as label. */
  numbers: (RecapLine & { value: string })[];
  /** Numbers known but left out: the paper says how many, never which. */
  numbersLeftOut: number;
};

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar' };

export function formatRecapDate(date: Date, lang: Lang): string {
  try {
    return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** The step numbers a recap may offer: sensitive kinds only, the last value per step. */
export function sensitiveNumbers(guide: Guide, numbers: readonly KnownNumber[]): KnownNumber[] {
  const steps = new Set(guide.steps.map((s) => s.id));
  const byStep = new Map<string, KnownNumber>();
  for (const n of numbers)
    if (steps.has(n.stepId) && SENSITIVE_KINDS.has(n.kind) && n.value.trim()) byStep.set(n.stepId, n);
  return guide.steps.flatMap((s) => {
    const n = byStep.get(s.id);
    return n ? [n] : [];
  });
}

export function buildRecap(input: RecapInput): Recap {
  const { guide, lang } = input;
  const l = (text: Parameters<typeof localize>[0]) => localize(text, lang);
  const line = (id: string, title: Parameters<typeof localize>[0]): RecapLine => ({ id, title: l(title) });
  const offered = sensitiveNumbers(guide, input.numbers);
  const shown = offered.filter((n) => input.shown.has(n.stepId));
  const titleOf = (stepId: string) => {
    const step = guide.steps.find((s) => s.id === stepId);
    return step ? l(step.title) : stepId;
  };
  const after = guide.afterSteps ?? [];
  return {
    title: l(guide.title),
    date: formatRecapDate(input.date, lang),
    publisher: publisherName(guide, lang),
    finished: input.finished,
    done: guide.steps.filter((s) => input.done.has(s.id)).map((s) => line(s.id, s.title)),
    // A finished procedure has nothing left, even when some steps were passed over.
    left: input.finished
      ? []
      : guide.steps.filter((s) => !input.done.has(s.id)).map((s) => line(s.id, s.title)),
    documents: guide.documents
      .filter((d) => !input.sent.has(d.id))
      .map((d) => ({ ...line(d.id, d.name), where: l(d.where) })),
    next: after.map((a) => {
      const item: Recap['next'][number] = {
        ...line(a.id, a.title),
        body: markdownToText(parseSafeMarkdown(l(a.body))),
      };
      if (a.delay) item.delay = l(a.delay);
      return item;
    }),
    deadlines: after.flatMap((a) =>
      a.deadline ? [{ ...line(a.id, a.title), deadline: l(a.deadline) }] : [],
    ),
    helplines: (guide.help?.helplines ?? []).map((h) => {
      const item: Recap['helplines'][number] = line(h.id, h.name);
      if (h.phone) item.phone = h.phone;
      if (h.url) item.url = h.url;
      if (h.hours) item.hours = l(h.hours);
      if (h.cost) item.cost = l(h.cost);
      return item;
    }),
    numbers: shown.map((n) => ({ id: n.stepId, title: titleOf(n.stepId), value: n.value })),
    numbersLeftOut: offered.length - shown.length,
  };
}
