/** Readable mode's framework-free core: extraction, sanitizing, messages. */
export { ReadableError, type ReadableErrorCode } from './errors.ts';
export {
  extractReadable,
  type GlossaryHit,
  isProbablyReadable,
  type PageForm,
  type ReadableOptions,
  type ReadableResult,
  type ReadableSection,
  readPageForm,
} from './extract.ts';
export { assertReadableSize, measurePage, type PageSize, READABLE_LIMITS } from './limits.ts';
export { catalogs, label, message } from './messages.ts';
export {
  type Purifier,
  READABLE_PURIFY_CONFIG,
  sanitizeHtml,
  sanitizeInPlace,
  sanitizeToFragment,
} from './sanitize.ts';
