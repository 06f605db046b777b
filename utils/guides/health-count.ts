/**
 * The guides' health as the extension sees it on real pages (issue 12, item 3): for each guide
 * version, for each step, how many times its target was found, ambiguous or missing when the step
 * was shown. Only the guide's id and version, step ids and counts: no address, no value, nothing
 * of the person. Kept on this computer; the mediator may export it for the guide's publisher.
 * Plain data changed by pure functions, so the background stores it and tests replay it.
 */

export type HealthOutcome = 'found' | 'ambiguous' | 'missing';
export const HEALTH_OUTCOMES: readonly HealthOutcome[] = ['found', 'ambiguous', 'missing'];

export type StepHealth = { found: number; ambiguous: number; missing: number; last: HealthOutcome };
export type GuideHealth = {
  guideId: string;
  version: string;
  /** When this version was first counted here (ISO date, day only: nothing finer is needed). */
  since: string;
  steps: Record<string, StepHealth>;
};
/** Every guide counted on this computer, by guide id. */
export type HealthBook = Record<string, GuideHealth>;

/** Bounds: the counts come from pages a hostile site shapes; they never grow without end. */
export const HEALTH_LIMITS = { guides: 200, stepsPerGuide: 500, count: 1_000_000, id: 200 } as const;

const day = (now: Date) => now.toISOString().slice(0, 10);
const isId = (s: unknown): s is string =>
  typeof s === 'string' && s.length > 0 && s.length <= HEALTH_LIMITS.id;

/**
 * The book with one more outcome for a step of a guide. A new version starts its count again
 * (the publisher fixed something: the old counts say nothing of it). Unknown input is ignored.
 */
export function countOutcome(
  book: HealthBook,
  entry: { guideId: string; version: string; stepId: string; outcome: HealthOutcome },
  now: Date,
): HealthBook {
  const { guideId, version, stepId, outcome } = entry;
  if (!isId(guideId) || !isId(version) || !isId(stepId) || !HEALTH_OUTCOMES.includes(outcome)) return book;
  const current = book[guideId];
  const guide: GuideHealth =
    current && current.version === version ? current : { guideId, version, since: day(now), steps: {} };
  if (!current && Object.keys(book).length >= HEALTH_LIMITS.guides) return book;
  const step = guide.steps[stepId];
  if (!step && Object.keys(guide.steps).length >= HEALTH_LIMITS.stepsPerGuide) return book;
  const counts: StepHealth = step ? { ...step } : { found: 0, ambiguous: 0, missing: 0, last: outcome };
  counts[outcome] = Math.min(HEALTH_LIMITS.count, counts[outcome] + 1);
  counts.last = outcome;
  return { ...book, [guideId]: { ...guide, steps: { ...guide.steps, [stepId]: counts } } };
}

/** A book read back from storage: anything malformed is left out, never trusted. */
export function readHealthBook(raw: unknown): HealthBook {
  const out: HealthBook = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>).slice(0, HEALTH_LIMITS.guides)) {
    const g = value as Partial<GuideHealth> | null;
    if (!g || !isId(id) || g.guideId !== id || !isId(g.version) || typeof g.since !== 'string') continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(g.since) || !g.steps || typeof g.steps !== 'object') continue;
    const steps: Record<string, StepHealth> = {};
    for (const [stepId, s] of Object.entries(g.steps).slice(0, HEALTH_LIMITS.stepsPerGuide)) {
      const c = s as Partial<StepHealth> | null;
      const n = (x: unknown) =>
        Number.isSafeInteger(x) && (x as number) >= 0 ? Math.min(x as number, HEALTH_LIMITS.count) : 0;
      if (!isId(stepId) || !c || !HEALTH_OUTCOMES.includes(c.last as HealthOutcome)) continue;
      steps[stepId] = {
        found: n(c.found),
        ambiguous: n(c.ambiguous),
        missing: n(c.missing),
        last: c.last as HealthOutcome,
      };
    }
    out[id] = { guideId: id, version: g.version, since: g.since, steps };
  }
  return out;
}

/**
 * One guide's state in a line: how many steps found their field the last time they were shown,
 * how many hesitated between fields, how many found none.
 */
export function healthSummary(guide: GuideHealth): {
  found: number;
  ambiguous: number;
  missing: number;
  since: string;
} {
  const out = { found: 0, ambiguous: 0, missing: 0, since: guide.since };
  for (const step of Object.values(guide.steps)) out[step.last]++;
  return out;
}

/** The report for the guide's publisher: the guide, the period, each step's counts. No personal data. */
export function healthReport(guide: GuideHealth, now: Date) {
  return {
    kind: 'pasapas-guide-health',
    formatVersion: 1,
    guide: { id: guide.guideId, version: guide.version },
    from: guide.since,
    to: day(now),
    summary: healthSummary(guide),
    steps: Object.entries(guide.steps).map(([id, s]) => ({
      id,
      found: s.found,
      ambiguous: s.ambiguous,
      missing: s.missing,
      last: s.last,
    })),
  };
}
