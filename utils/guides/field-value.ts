/**
 * A field on the live page: the control(s) behind a step's target, what the person entered, and
 * whether it satisfies the step (the step's validator or date rule), in plain words.
 */
import type { Lang } from '../i18n/index.ts';
import { type ValidationResult, validationMessage } from '../validators/index.ts';
import type { Step } from './format.ts';
import { validateStepField } from './run.ts';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const CONTROL_SELECTOR = 'input:not([type="hidden"]), select, textarea';

function isControl(el: Element | null | undefined): el is Control {
  const name = el?.localName;
  return name === 'input' || name === 'select' || name === 'textarea';
}

/** The control(s) behind a target: the element itself, its radio group, or the controls in a group. */
export function controlsOf(el: Element): Control[] {
  if (isControl(el)) {
    const input = el as HTMLInputElement;
    if (input.type === 'radio' && input.name) {
      const root = (input.form ?? input.getRootNode()) as ParentNode;
      const group = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter(
        (r) => r.name === input.name,
      );
      return group.length > 0 ? group : [input];
    }
    return [el];
  }
  return Array.from(el.querySelectorAll<Control>(CONTROL_SELECTOR));
}

/** What the person entered: a text, the chosen radio or option, "on" for a ticked box, file names. */
export function readValue(el: Element): string {
  const controls = controlsOf(el);
  const first = controls[0];
  if (!first) return '';
  const kind = (first as HTMLInputElement).type;
  if (first.localName === 'input' && (kind === 'radio' || kind === 'checkbox')) {
    const ticked = (controls as HTMLInputElement[]).filter((c) => c.checked);
    return ticked.map((c) => c.value || 'on').join(',');
  }
  if (first.localName === 'input' && kind === 'file') {
    const files = (first as HTMLInputElement).files;
    return files ? Array.from(files, (f) => f.name).join(',') : '';
  }
  return first.value ?? '';
}

export type FieldCheck = {
  value: string;
  empty: boolean;
  /** Only for steps with a validator or a date rule. */
  result?: ValidationResult;
  /** True when the value satisfies the step (filled, or valid for a validator). */
  ok: boolean;
};

export function checkField(step: Step | undefined, value: string): FieldCheck {
  const empty = value.trim() === '';
  if (!step?.field || empty) return { value, empty, ok: !empty && !hasValidator(step) };
  let result: ValidationResult | null;
  try {
    result = validateStepField(step, value);
  } catch {
    result = { valid: false, code: 'bad-format' };
  }
  if (!result) return { value, empty, ok: true };
  return { value, empty, result, ok: result.valid };
}

function hasValidator(step: Step | undefined): boolean {
  return Boolean(step?.field?.validator ?? step?.field?.dateRule);
}

/** The plain sentence for a check ("Il manque 2 chiffres"), or '' when there is nothing to say. */
export function checkMessage(lang: Lang, step: Step | undefined, check: FieldCheck | undefined): string {
  if (!check?.result || check.empty) return '';
  const validator = step?.field?.validator ?? 'date';
  return validationMessage(lang, validator, check.result);
}

/** The control to give focus to: the ticked radio, else the first control, else the element. */
export function focusableOf(el: Element): HTMLElement {
  const controls = controlsOf(el);
  const ticked = (controls as HTMLInputElement[]).find((c) => c.type === 'radio' && c.checked);
  return (ticked ?? controls[0] ?? el) as HTMLElement;
}

/** Typed text: the browser fires "change" only when the person commits it (leaves the field, Enter). */
const TEXT_TYPES = new Set(['text', 'email', 'tel', 'search', 'url', 'password', '']);
const BUTTON_TYPES = new Set(['submit', 'button', 'reset', 'image']);

/**
 * When a value given in this control counts as the person's answer. 'change': typed text (the
 * browser fires change only on commit) and files (chosen through a dialog). 'leave': controls whose
 * value already changes while the person browses with the keyboard (a list's Down arrow, a radio
 * group's arrows, a box's Space, a date's or a number's arrows): the answer is given when focus
 * leaves the control (or the person confirms), never on the keystroke itself.
 */
export function commitsOn(el: Element): 'change' | 'leave' {
  if (el.localName === 'textarea') return 'change';
  if (el.localName === 'select') return 'leave';
  // Anything else (an editable area, a site's own widget) tells by its own events.
  if (el.localName !== 'input') return 'change';
  const type = (el as HTMLInputElement).type;
  return TEXT_TYPES.has(type) || type === 'file' || BUTTON_TYPES.has(type) ? 'change' : 'leave';
}

/** What the person does with a step's element: the words of the panel follow it. */
export type AnswerKind = 'write' | 'choose' | 'file' | 'button' | 'link';

/**
 * Typed in, chosen (radio, box, list), a file to join, a button or a link to press. Without the
 * element (not found yet), a "clicked" step is a button and any other a field to write in.
 */
export function answerKind(el: Element | null, doneKind?: string): AnswerKind {
  if (!el) return doneKind === 'clicked' ? 'button' : 'write';
  if (el.localName === 'a' || el.getAttribute('role') === 'link') return 'link';
  const type = (el as HTMLInputElement).type;
  if (
    el.localName === 'button' ||
    el.getAttribute('role') === 'button' ||
    (el.localName === 'input' && BUTTON_TYPES.has(type))
  )
    return 'button';
  const first = controlsOf(el)[0];
  if (!first) return doneKind === 'clicked' ? 'button' : 'write';
  if (first.localName === 'select') return 'choose';
  const kind = (first as HTMLInputElement).type;
  if (first.localName === 'input' && (kind === 'radio' || kind === 'checkbox')) return 'choose';
  if (first.localName === 'input' && kind === 'file') return 'file';
  return 'write';
}
