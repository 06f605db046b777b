/** Guides bring their own terms: they are validated, then added to (or override) the built-in ones. */
import { type GlossaryFile, type GlossaryTerm, parseGlossaryTerms } from './schema.ts';

/**
 * The base terms plus the guide's. A guide term with an existing id replaces its explanations and
 * adds its variants; new ids are appended. Invalid guide terms throw GlossaryError('invalid-term')
 * and leave the base untouched.
 */
export function mergeGlossary(
  base: readonly GlossaryTerm[] | GlossaryFile,
  guideTerms: unknown,
): GlossaryTerm[] {
  const extra = parseGlossaryTerms(guideTerms);
  const terms = Array.isArray(base) ? base : (base as GlossaryFile).terms;
  const merged = new Map<string, GlossaryTerm>();
  for (const term of terms) merged.set(term.id, term);
  for (const term of extra) {
    const existing = merged.get(term.id);
    if (!existing) {
      merged.set(term.id, term);
      continue;
    }
    const variants = [...new Set([...existing.variants, ...term.variants])].filter((v) => v !== term.term);
    merged.set(term.id, { ...existing, ...term, variants });
  }
  return [...merged.values()];
}
