/**
 * What a guide tells progress: which procedure a page belongs to, and what is still missing
 * (the guide's steps that ask for a field, not yet filled or marked done).
 */
import type { Guide } from '../guides/format.ts';
import { localize } from '../guides/schema.ts';
import type { Lang } from '../i18n/index.ts';
import type { GuideRequirements, ProcedureSummary, RequiredField } from '../storage/index.ts';

/** Guide id for a procedure the person chose to keep on a site no guide knows. */
export const SITE_GUIDE_ID = 'site';

export function requirementsOf(guide: Guide, lang: Lang): GuideRequirements {
  const fields: RequiredField[] = [];
  for (const step of guide.steps) {
    // Only the steps that ask the person to fill something: buttons and pages are not "missing".
    const name = step.target?.name;
    const label = step.target?.label;
    if (!step.field || (!name && !label)) continue;
    const field: RequiredField = {
      formIndex: -1,
      position: -1,
      path: '*',
      title: localize(step.title, lang),
    };
    if (name) field.name = name;
    if (label) field.label = label;
    fields.push(field);
  }
  return { fields, steps: [], documents: [] };
}

export function requirementsByGuide(guides: readonly Guide[], lang: Lang): Record<string, GuideRequirements> {
  return Object.fromEntries(guides.map((g) => [g.id, requirementsOf(g, lang)]));
}

/** Titles of the guide's field steps still to do, in the guide's order. null: unknown guide. */
export function missingSteps(summary: ProcedureSummary): string[] | null {
  if (!summary.missing) return null;
  return summary.missing.fields.map((f) => f.title ?? f.label ?? f.name ?? '');
}
