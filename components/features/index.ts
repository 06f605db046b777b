import { createRegistry } from '../../utils/plugins/registry';
import type { PanelServices } from '../app/services';
import type { TabModule } from './define';
import * as registered from './list';

export type { PanelFeature, TabModule } from './define';

/** The id of a registered feature: whatever list.ts registers, nothing else. */
export type FeatureId = (typeof registered)[keyof typeof registered]['id'];

/** The feature plugins, one folder each under components/features/, registered in list.ts. */
export const features = createRegistry<FeatureId, TabModule, PanelServices>(Object.values(registered));
