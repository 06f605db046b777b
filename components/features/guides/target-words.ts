/**
 * The step's field in words, for a person when the guide cannot point at it with certainty:
 * "la case « Numéro fiscal », sous « Vos revenus »". The words come from utils/guides/target.ts
 * (describeTarget); the sentences from the guides messages, in the person's language.
 */
import type { TargetDescription } from '../../../utils/guides/target';
import type { Params } from '../../../utils/i18n';

type T = (key: string, params?: Params) => string;

export function targetInWords(description: TargetDescription | null, t: T): string {
  if (!description) return '';
  const what = t(`guides.what.${description.kind ?? 'any'}`, { label: description.label });
  const placed = description.under ? t('guides.what.under', { what, under: description.under }) : what;
  return t('guides.lookFor', { what: placed });
}
