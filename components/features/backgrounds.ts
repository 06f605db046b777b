import type { BackgroundPart } from './define-background';

/**
 * The features' background parts: a feature with background work has a `background.ts` in its
 * folder, found here at build time (eager: the worker registers its listeners in its first turn),
 * so the background entrypoint names no feature. Not filtered through the registry at run time:
 * importing list.ts would inline every feature's lazy tab into the worker (its build has no
 * chunks); tests/unit/background/owners.test.ts checks that each folder found is registered.
 */
const modules = import.meta.glob<{ default: BackgroundPart }>('./*/background.ts', { eager: true });

export type FeatureBackground = { id: string; start: BackgroundPart };

export const featureBackgrounds: readonly FeatureBackground[] = Object.entries(modules).map(
  ([path, module]) => ({ id: path.split('/')[1] ?? '', start: module.default }),
);
