/**
 * The guide of a page seen from elsewhere (the extension's side panel): commands sent to the page,
 * and a plain-data snapshot of where the person stands, safe to pass through extension messages.
 * The session itself (targets, highlight, checks) always runs in the page.
 */
import type { Lang } from '../i18n/index.ts';
import { type AnswerKind, answerKind, checkMessage } from './field-value.ts';
import type { Guide } from './format.ts';
import type { SessionView } from './session.ts';
import type { TrustState } from './sources.ts';
import type { TargetDescription } from './target.ts';

export type GuideCommand =
  | { action: 'state' }
  | { action: 'next' }
  | { action: 'previous' }
  | { action: 'confirm' }
  | { action: 'focus' }
  | { action: 'goTo'; index: number }
  | { action: 'start'; guideId: string };

export type RemoteGuide = { guide: Guide; trust: TrustState };

export type RemoteSnapshot = {
  status: 'ready' | 'unavailable' | 'error';
  /** Guides written for this page (more than one: the person chooses). */
  matching: RemoteGuide[];
  current: null | {
    guideId: string;
    index: number;
    total: number;
    finished: boolean;
    done: string[];
    target: SessionView['target'];
    /** The step's field in words when it is not found with certainty (ambiguous or missing). */
    description?: TargetDescription | null;
    check: null | { ok: boolean; text: string };
    /** What the person does with the step's element (write, choose, a button, a link): the panel's words follow it. */
    answer?: AnswerKind;
  };
  /** After 'focus': false when the field is not on the page. */
  focused?: boolean;
};

const ACTIONS = new Set(['state', 'next', 'previous', 'confirm', 'focus', 'goTo', 'start']);

/** Messages come from our own extension, but are still checked before use. */
export function parseGuideCommand(value: unknown): GuideCommand | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (typeof c.action !== 'string' || !ACTIONS.has(c.action)) return null;
  if (c.action === 'goTo')
    return Number.isInteger(c.index) && (c.index as number) >= 0
      ? { action: 'goTo', index: c.index as number }
      : null;
  if (c.action === 'start')
    return typeof c.guideId === 'string' ? { action: 'start', guideId: c.guideId } : null;
  return { action: c.action } as GuideCommand;
}

/** The current step's state as plain data; the check's words are in the side panel's language. */
export function currentOf(
  guideId: string,
  view: SessionView,
  lang: Lang,
): NonNullable<RemoteSnapshot['current']> {
  const { state, check } = view;
  const text = check?.result && !check.empty ? (check.ok ? '' : checkMessage(lang, state.step, check)) : '';
  return {
    guideId,
    index: state.index,
    total: state.total,
    finished: state.finished,
    done: [...state.done],
    target: view.target,
    description: view.description ? { ...view.description } : null,
    check: check?.result && !check.empty ? { ok: check.ok, text } : null,
    answer: answerKind(view.element, state.step?.done.kind),
  };
}
