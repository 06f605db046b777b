/** Checks that need the whole guide: unique ids, references, match patterns, safe text. */
import { checkSafeMarkdown } from '../markdown/parse.ts';
import type { Guide, LText, PageCondition, Target } from './format.ts';
import type { PathKey } from './json-path.ts';
import { coversWholeWeb, MAX_PATTERN_WILDCARDS, parseMatchPattern, wildcardCount } from './match-pattern.ts';
import { sensitiveTargetClue } from './sensitive-target.ts';

export type SemanticProblem = { path: PathKey[]; code: string; params?: Record<string, string | number> };

const TARGET_CLUES = ['label', 'name', 'id', 'aria', 'dsfrGroup', 'selector'] as const;

// Captured clues that can tell a field by themselves (the others only confirm a candidate).
const IDENTIFYING_CLUES = ['id', 'name', 'label', 'accessibleName'] as const;

export function targetHasClue(target: Target): boolean {
  if (TARGET_CLUES.some((key) => typeof target[key] === 'string' && target[key] !== '')) return true;
  const clues = target.clues;
  return !!clues && IDENTIFYING_CLUES.some((key) => typeof clues[key] === 'string' && clues[key] !== '');
}

/**
 * Problems that a signature by a key the mediator trusts lifts: `parseGuide(json, { trusted })`
 * leaves them out. Everything else is refused whoever signed it.
 */
export const NEEDS_TRUST: ReadonlySet<string> = new Set(['match-pattern-whole-web']);

export function checkGuideSemantics(guide: Guide): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const add = (path: PathKey[], code: string, params?: Record<string, string | number>) =>
    problems.push(params ? { path, code, params } : { path, code });

  const checkText = (value: string | undefined, path: PathKey[], markdown: boolean) => {
    if (value === undefined) return;
    for (const problem of checkSafeMarkdown(value, { markdown }))
      add(path, problem.code, { excerpt: problem.excerpt });
  };
  const checkLText = (value: LText, path: PathKey[], markdown = false) => {
    checkText(value.fr, [...path, 'fr'], markdown);
    checkText(value.en, [...path, 'en'], markdown);
    checkText(value.ar, [...path, 'ar'], markdown);
  };
  const checkPattern = (pattern: string, path: PathKey[], claimsSites = false) => {
    const shown = pattern.slice(0, 80);
    if (wildcardCount(pattern) > MAX_PATTERN_WILDCARDS)
      add(path, 'match-pattern-wildcards', { pattern: shown, max: MAX_PATTERN_WILDCARDS });
    else if (!parseMatchPattern(pattern)) add(path, 'bad-match-pattern', { pattern: shown });
    // Only the guide's own addresses claim sites: a step's condition is looked at once it matched.
    else if (claimsSites && coversWholeWeb(pattern)) add(path, 'match-pattern-whole-web', { pattern: shown });
  };
  const checkCondition = (condition: PageCondition | undefined, path: PathKey[]) => {
    if (condition?.urlPattern !== undefined) checkPattern(condition.urlPattern, [...path, 'urlPattern']);
    checkText(condition?.headingText, [...path, 'headingText'], false);
  };

  checkLText(guide.title, ['title']);
  checkLText(guide.summary, ['summary'], true);
  const publisher = guide.publisher.name;
  if (typeof publisher === 'string') checkText(publisher, ['publisher', 'name'], false);
  else checkLText(publisher, ['publisher', 'name']);
  if (guide.publisher.url !== undefined && !/^https?:\/\//i.test(guide.publisher.url)) {
    add(['publisher', 'url'], 'bad-url');
  }
  const contact = guide.publisher.contact;
  if (contact !== undefined && !isContact(contact)) add(['publisher', 'contact'], 'bad-contact');
  guide.matches.urls.forEach((pattern, i) => {
    checkPattern(pattern, ['matches', 'urls', i], true);
  });
  checkCondition(guide.matches.page, ['matches', 'page']);

  const documentIds = new Set<string>();
  guide.documents.forEach((doc, i) => {
    if (documentIds.has(doc.id)) add(['documents', i, 'id'], 'duplicate-id', { id: doc.id });
    documentIds.add(doc.id);
    checkLText(doc.name, ['documents', i, 'name']);
    checkLText(doc.why, ['documents', i, 'why'], true);
    checkLText(doc.where, ['documents', i, 'where'], true);
  });
  guide.glossary.forEach((entry, i) => {
    checkLText(entry.term, ['glossary', i, 'term']);
    checkLText(entry.definition, ['glossary', i, 'definition'], true);
  });

  const stepIds = new Set<string>();
  guide.steps.forEach((step, i) => {
    const at = (...rest: PathKey[]): PathKey[] => ['steps', i, ...rest];
    if (stepIds.has(step.id)) add(at('id'), 'duplicate-id', { id: step.id });
    stepIds.add(step.id);
    checkCondition(step.when, at('when'));
    checkLText(step.title, at('title'));
    checkLText(step.body, at('body'), true);
    if (step.target && !targetHasClue(step.target)) add(at('target'), 'target-empty');
    const secret = step.target ? sensitiveTargetClue(step.target) : null;
    if (secret) add(at('target', secret), 'target-sensitive');
    const kind = step.done.kind;
    if ((kind === 'field-filled' || kind === 'field-valid' || kind === 'clicked') && !step.target) {
      add(at('target'), 'done-needs-target');
    }
    if (kind === 'field-valid' && !step.field?.validator && !step.field?.dateRule)
      add(at('field'), 'done-needs-field');
    const field = step.field;
    if (field) {
      checkLText(field.describe, at('field', 'describe'), true);
      checkText(field.example, at('field', 'example'), false);
      if (field.dateRule && field.validator !== undefined && field.validator !== 'date') {
        add(at('field', 'dateRule'), 'date-rule-needs-date');
      }
      if (field.fromDocument !== undefined && !documentIds.has(field.fromDocument)) {
        add(at('field', 'fromDocument'), 'unknown-document', { id: field.fromDocument });
      }
    }
  });
  const afterIds = new Set<string>();
  guide.afterSteps?.forEach((after, i) => {
    const at = (...rest: PathKey[]): PathKey[] => ['afterSteps', i, ...rest];
    if (afterIds.has(after.id)) add(at('id'), 'duplicate-id', { id: after.id });
    afterIds.add(after.id);
    checkLText(after.title, at('title'));
    checkLText(after.body, at('body'), true);
    if (after.delay) checkLText(after.delay, at('delay'));
    if (after.deadline) checkLText(after.deadline, at('deadline'));
  });
  const lineIds = new Set<string>();
  guide.help?.helplines?.forEach((line, i) => {
    const at = (...rest: PathKey[]): PathKey[] => ['help', 'helplines', i, ...rest];
    if (lineIds.has(line.id)) add(at('id'), 'duplicate-id', { id: line.id });
    lineIds.add(line.id);
    checkLText(line.name, at('name'));
    if (line.hours) checkLText(line.hours, at('hours'));
    if (line.cost) checkLText(line.cost, at('cost'));
    if (line.url !== undefined && !/^https:\/\//i.test(line.url)) add(at('url'), 'bad-url');
    if (line.phone === undefined && line.url === undefined) add(at('phone'), 'helpline-empty');
  });
  for (const [i, service] of (guide.help?.services ?? []).entries())
    checkText(service, ['help', 'services', i], false);
  return problems;
}

/** An e-mail address, or an https address (a form on the publisher's site). */
function isContact(value: string): boolean {
  if (/^https:\/\/[^\s]+$/i.test(value)) return true;
  return /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i.test(value);
}
