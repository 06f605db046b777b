/** Bench only: what the target bench injects into Chromium (bundled by esbuild as an IIFE). */
export { captureClues } from '../../utils/guides/clues.ts';
export { decideTarget } from '../../utils/guides/target.ts';
export { resolveFirstMatch } from './first-match.ts';
