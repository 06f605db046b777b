/** From values read on a document to the page's fields: which field each value fits, then filling them. */
export { recheckValue } from './check.ts';
export {
  type FillFailure,
  type FillItem,
  type FillReport,
  fillValues,
  parseFillItems,
  valueForTarget,
} from './fill.ts';
export {
  type FillCandidate,
  SUGGEST_THRESHOLD,
  type Suggestion,
  scoreTarget,
  suggestTargets,
} from './suggest.ts';
export { type DiscoveredTargets, discoverTargets, type FillTarget, type StepHint } from './targets.ts';
