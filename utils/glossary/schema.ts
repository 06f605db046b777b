/**
 * The administrative glossary's format, validated with valibot: the built-in file
 * (public/glossary/fr.json) and the terms guides add go through the same schema.
 */
import * as v from 'valibot';

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const GlossaryTermSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id: lowercase words joined by "-"'),
    v.maxLength(60),
  ),
  term: Text(120),
  variants: v.pipe(
    v.array(Text(120)),
    v.checkItems((item, index, list) => list.indexOf(item) === index, 'duplicate variant'),
  ),
  // One or two short sentences: plain language, no jargon in the definition.
  short_fr: Text(280),
  short_en: Text(280),
});

export const GlossaryFileSchema = v.pipe(
  v.strictObject({
    version: v.literal(1),
    lang: v.literal('fr'),
    terms: v.pipe(
      v.array(GlossaryTermSchema),
      v.checkItems((item, index, list) => list.findIndex((t) => t.id === item.id) === index, 'duplicate id'),
    ),
  }),
);

export type GlossaryTerm = v.InferOutput<typeof GlossaryTermSchema>;
export type GlossaryFile = v.InferOutput<typeof GlossaryFileSchema>;

export type GlossaryErrorCode = 'invalid-glossary' | 'invalid-term';

export class GlossaryError extends Error {
  readonly code: GlossaryErrorCode;
  readonly issues: string[];
  constructor(code: GlossaryErrorCode, issues: string[]) {
    super(`${code}: ${issues.slice(0, 5).join('; ')}`);
    this.name = 'GlossaryError';
    this.code = code;
    this.issues = issues;
  }
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Validates a glossary file; throws GlossaryError('invalid-glossary') with every issue found. */
export function parseGlossaryFile(data: unknown): GlossaryFile {
  const result = v.safeParse(GlossaryFileSchema, data);
  if (!result.success) throw new GlossaryError('invalid-glossary', describeIssues(result.issues));
  return result.output;
}

/** Validates terms brought by a guide; throws GlossaryError('invalid-term'). */
export function parseGlossaryTerms(data: unknown): GlossaryTerm[] {
  const result = v.safeParse(v.array(GlossaryTermSchema), data);
  if (!result.success) throw new GlossaryError('invalid-term', describeIssues(result.issues));
  return result.output;
}
