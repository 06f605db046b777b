import type { ComponentType } from 'preact';
import type { FeatureDefinition } from '../../utils/plugins/registry';
import type { PanelServices } from '../app/services';

/** A tab (or options section) module default-exports its component; it gets the rest from PanelServices. */
export type TabModule = { default: ComponentType };

/** A feature of the panel: its tab is a Preact component, its context the panel's services. */
export type PanelFeature<Id extends string = string> = FeatureDefinition<Id, TabModule, PanelServices>;

/**
 * Declares a feature in its own folder (`<folder>/feature.ts`), registered by one line of list.ts.
 * Keep the definition's own imports tiny: the widget loader reads every definition (its ids,
 * options and preload) before any panel code loads; the tab, page work and commands load lazily.
 */
export function definePanelFeature<const Id extends string>(feature: PanelFeature<Id>): PanelFeature<Id> {
  return feature;
}
