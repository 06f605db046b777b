/** The administrative glossary: format, matching, marking in a page, and merging with guides' terms. */
export { type MarkedTerm, type MarkOptions, markTerms } from './mark.ts';
export {
  type CompiledGlossary,
  compileGlossary,
  findTerms,
  type GlossaryInput,
  type TermMatch,
  toCompiled,
} from './match.ts';
export { mergeGlossary } from './merge.ts';
export {
  GlossaryError,
  type GlossaryFile,
  GlossaryFileSchema,
  type GlossaryTerm,
  GlossaryTermSchema,
  parseGlossaryFile,
  parseGlossaryTerms,
} from './schema.ts';
