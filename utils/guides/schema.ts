/**
 * Reading a guide: `parseGuide(json)` never throws and reports every problem with a JSON path
 * and a plain message. Passes: safe JSON copy → format migration → valibot structure → semantics.
 */
import * as v from 'valibot';
import type { Lang } from '../i18n/index.ts';
import { GUIDE_FORMAT_VERSION, type Guide, GuideSchema, LIMITS, type LText } from './format.ts';
import { formatPath, type PathKey } from './json-path.ts';
import { guideMessage } from './messages.ts';
import { cloneJson } from './safe-json.ts';
import { checkGuideSemantics, NEEDS_TRUST } from './semantics.ts';

export * from './format.ts';

export type GuideError = {
  path: string;
  code: string;
  message: { fr: string; en: string };
  params?: Record<string, string | number>;
};
export type ParseGuideResult = { ok: true; guide: Guide } | { ok: false; errors: GuideError[] };

/** Thrown by code paths that want an exception (CLI helpers, loaders); `parseGuide` never throws. */
export class GuideFormatError extends Error {
  readonly code = 'guide-invalid';
  constructor(readonly errors: GuideError[]) {
    super(errors.map((e) => `${e.path}: ${e.message.en}`).join('\n') || 'invalid guide');
    this.name = 'GuideFormatError';
  }
}

const MAX_ERRORS = 200;

export function guideError(
  path: PathKey[],
  code: string,
  params?: Record<string, string | number>,
): GuideError {
  const error: GuideError = {
    path: formatPath(path),
    code,
    message: { fr: guideMessage('fr', code, params), en: guideMessage('en', code, params) },
  };
  if (params) error.params = params;
  return error;
}

/** The message of an error in any of our languages (Arabic is rebuilt from the code). */
export function guideErrorText(error: GuideError, lang: Lang): string {
  if (lang === 'fr' || lang === 'en') return error.message[lang];
  return guideMessage(lang, error.code, error.params);
}

/**
 * Brings an older guide to the current format. Version 1 is the only one so far: future formats
 * add a step to `MIGRATIONS` (from version n to n + 1) and old guides keep loading.
 */
const MIGRATIONS: Record<number, (guide: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateGuide(
  json: unknown,
): { ok: true; value: unknown; from: number } | { ok: false; errors: GuideError[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [guideError([], 'not-object')] };
  }
  const record = json as Record<string, unknown>;
  const found = record.formatVersion;
  if (found === undefined) return { ok: true, value: json, from: GUIDE_FORMAT_VERSION }; // reported as required later
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    return {
      ok: false,
      errors: [guideError(['formatVersion'], 'format-invalid', { known: GUIDE_FORMAT_VERSION })],
    };
  }
  if (found > GUIDE_FORMAT_VERSION) {
    const shown = found > 1e6 ? '?' : String(found);
    return {
      ok: false,
      errors: [
        guideError(['formatVersion'], 'format-too-new', { found: shown, known: GUIDE_FORMAT_VERSION }),
      ],
    };
  }
  let current = record;
  for (let version = found; version < GUIDE_FORMAT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step) current = { ...step(current), formatVersion: version + 1 };
  }
  return { ok: true, value: current, from: found };
}

function regexCode(path: PathKey[]): string {
  const last = path[path.length - 1];
  if (path.length === 1 && last === 'id') return 'bad-guide-id';
  if (path.length === 1 && last === 'version') return 'bad-semver';
  if (last === 'id' || last === 'fromDocument') return 'bad-item-id';
  return 'bad-format';
}

function issueToError(issue: v.BaseIssue<unknown>): GuideError {
  const path: PathKey[] = (issue.path ?? []).map((item) => item.key as PathKey);
  const input = issue.input;
  const requirement = issue.requirement;
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      if (issue.expected === 'never') return guideError(path, 'unknown-property');
      if (issue.received === 'undefined' && path.length > 0 && issue.expected?.startsWith('"')) {
        return guideError(path, 'required');
      }
      return guideError(path, 'wrong-type', { expected: 'object' });
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
      if (input === undefined) return guideError(path, 'required');
      return guideError(path, 'wrong-type', { expected: issue.type });
    case 'literal':
    case 'picklist':
      if (input === undefined) return guideError(path, 'required');
      return guideError(path, 'bad-value', {
        expected: String(issue.expected ?? '')
          .replace(/^\(|\)$/g, '')
          .slice(0, 300),
      });
    case 'min_length':
      if (input === '') return guideError(path, 'required');
      if (typeof input === 'string') return guideError(path, 'too-short', { min: Number(requirement) });
      return guideError(path, 'too-few-items', { min: Number(requirement) });
    case 'max_length':
      if (typeof input === 'string') return guideError(path, 'too-long', { max: Number(requirement) });
      return guideError(path, 'too-many-items', { max: Number(requirement) });
    case 'regex':
      return guideError(path, regexCode(path));
    case 'url':
      return guideError(path, 'bad-url');
    case 'integer':
    case 'min_value':
    case 'max_value':
      return guideError(path, 'bad-number', { expected: String(issue.expected ?? '') });
    case 'union': {
      // Wrong for every option (a name as text, or one per language): the option it came closest
      // to, the deepest issue, says why ("publisher.name.fr: required").
      let deepest: v.BaseIssue<unknown> | undefined;
      for (const sub of issue.issues ?? [])
        if (!deepest || (sub.path?.length ?? 0) > (deepest.path?.length ?? 0)) deepest = sub;
      // The option's issues are placed from the union's value: put the union's own path first.
      return deepest
        ? issueToError({
            ...deepest,
            path: [...(issue.path ?? []), ...(deepest.path ?? [])],
          } as v.BaseIssue<unknown>)
        : guideError(path, 'bad-format');
    }
    default:
      return guideError(path, 'bad-format');
  }
}

/** `trusted`: a key the mediator trusts signed the guide, which lifts the NEEDS_TRUST problems. */
export type ParseGuideOptions = { trusted?: boolean };

/** True when every error is one a trusted signature would lift (a pattern covering the whole web). */
export function needsTrustOnly(errors: readonly GuideError[]): boolean {
  return errors.length > 0 && errors.every((e) => NEEDS_TRUST.has(e.code));
}

export function parseGuide(json: unknown, options: ParseGuideOptions = {}): ParseGuideResult {
  try {
    const copy = cloneJson(json, { depth: LIMITS.depth, nodes: LIMITS.nodes, bytes: LIMITS.totalBytes });
    if (!copy.ok)
      return { ok: false, errors: copy.problems.map((p) => guideError(p.path, p.code, p.params)) };
    const migrated = migrateGuide(copy.value);
    if (!migrated.ok) return migrated;
    const parsed = v.safeParse(GuideSchema, migrated.value);
    if (!parsed.success) {
      const errors: GuideError[] = [];
      const seenPaths = new Set<string>();
      for (const issue of parsed.issues) {
        const error = issueToError(issue);
        // One error per place is enough to fix it; pipes may report several.
        if (seenPaths.has(error.path)) continue;
        seenPaths.add(error.path);
        errors.push(error);
        if (errors.length >= MAX_ERRORS) break;
      }
      if (errors.length === 0) errors.push(guideError([], 'internal'));
      return { ok: false, errors };
    }
    const problems = checkGuideSemantics(parsed.output).filter(
      (p) => !(options.trusted && NEEDS_TRUST.has(p.code)),
    );
    if (problems.length > 0) {
      return {
        ok: false,
        errors: problems.slice(0, MAX_ERRORS).map((p) => guideError(p.path, p.code, p.params)),
      };
    }
    return { ok: true, guide: parsed.output };
  } catch {
    // A hostile input (throwing getter, revoked proxy…) must not break the caller.
    return { ok: false, errors: [guideError([], 'internal')] };
  }
}

/** For callers that prefer an exception: the guide, or a GuideFormatError carrying every problem. */
export function assertGuide(json: unknown): Guide {
  const result = parseGuide(json);
  if (!result.ok) throw new GuideFormatError(result.errors);
  return result.guide;
}

/** Parses guide text (a file's content); JSON syntax errors are reported like the others. */
export function parseGuideText(text: string, options: ParseGuideOptions = {}): ParseGuideResult {
  // Each character is at least one byte: no need to parse a text that is already too big.
  if (typeof text === 'string' && text.length > LIMITS.totalBytes) {
    return {
      ok: false,
      errors: [guideError([], 'too-large', { size: text.length, max: LIMITS.totalBytes })],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : '';
    return { ok: false, errors: [guideError([], 'invalid-json', { detail })] };
  }
  return parseGuide(json, options);
}

/** The text in the wanted language, or French when that language is missing. */
/** Who wrote the guide, in the language when the guide gives it (else French, or the one name). */
export function publisherName(guide: Pick<Guide, 'publisher'>, lang: Lang | string): string {
  const name = guide.publisher.name;
  return typeof name === 'string' ? name : localize(name, lang);
}

export function localize(text: LText | undefined, lang: Lang | string): string {
  if (!text) return '';
  const value = (text as Record<string, string | undefined>)[lang];
  return typeof value === 'string' && value.trim() !== '' ? value : text.fr;
}
