/**
 * Checking a value before it is kept: the project's validators for numbers, dates, e-mails and
 * phones; length and control characters for free text. A bad value is refused with a typed error
 * carrying the validator's plain message; the caller keeps what the person typed.
 */
import type { Lang } from '../i18n/index.ts';
import { type ValidationResult, validate, validationMessage } from '../validators/index.ts';
import { type InfoKind, isInfoKind, KIND_SPECS } from './kinds.ts';
import { infoMessage } from './messages.ts';

export type InfoCheck =
  | { ok: true; value: string }
  | {
      ok: false;
      /** The validator's code ('bad-checksum'…), or 'empty', 'too-long', 'bad-chars', 'unknown-kind'. */
      code: string;
      /** The plain sentence for the person. */
      message: (lang: Lang) => string;
    };

// Control characters never belong in a name or an address (and would travel into forms).
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkInfo(kind: InfoKind, raw: string): InfoCheck {
  if (!isInfoKind(kind))
    return { ok: false, code: 'unknown-kind', message: (l) => infoMessage(l, 'infos.error.kind') };
  if (typeof raw !== 'string')
    return { ok: false, code: 'empty', message: (l) => infoMessage(l, 'infos.error.empty') };
  const spec = KIND_SPECS[kind];
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, code: 'empty', message: (l) => infoMessage(l, 'infos.error.empty') };
  if (spec.validator) {
    const id = spec.validator;
    const result: ValidationResult = validate(id, text, spec.dateRule);
    if (!result.valid)
      return { ok: false, code: result.code, message: (l) => validationMessage(l, id, result) };
    return { ok: true, value: result.normalized ?? text };
  }
  if (CONTROL.test(raw))
    return { ok: false, code: 'bad-chars', message: (l) => infoMessage(l, 'infos.error.chars') };
  if ([...text].length > spec.maxLength)
    return {
      ok: false,
      code: 'too-long',
      message: (l) => infoMessage(l, 'infos.error.long', { max: spec.maxLength }),
    };
  return { ok: true, value: text };
}
