import type { ComponentType } from 'preact';
import { createRegistry, memoLoader } from '../../utils/plugins/registry';
import { ICONS } from '../panel/icons';

/** A tab module default-exports its component; it gets everything else from PanelServices. */
export type TabModule = { default: ComponentType };

/**
 * The feature plugins of the panel, one folder each under components/features/.
 * Adding a feature is one entry here plus its folder; the panel needs no change.
 */
export const features = createRegistry<TabModule>();

features.register({
  id: 'comfort',
  labelKey: 'feature.comfort',
  icon: ICONS.comfort,
  order: 30,
  contexts: ['page', 'sidepanel', 'widget'],
  loadTab: memoLoader(() => import('./comfort/ComfortTab')),
  permissions: ['storage'],
});

features.register({
  id: 'speech',
  labelKey: 'feature.speech',
  icon: ICONS.speech,
  order: 40,
  // Reading needs the page itself: not in the side panel, which has no page.
  contexts: ['page', 'widget'],
  loadTab: memoLoader(() => import('./speech/SpeechTab')),
});

features.register({
  id: 'guides',
  labelKey: 'feature.guides',
  icon: ICONS.guides,
  order: 10,
  // A guide follows the page; in the side panel it drives the active tab's page through messages.
  contexts: ['page', 'sidepanel', 'widget'],
  loadTab: memoLoader(() => import('./guides/GuidesTab')),
});

features.register({
  id: 'readable',
  labelKey: 'feature.readable',
  icon: ICONS.readable,
  order: 20,
  // The readable view is drawn over the page: not in the side panel, which has no page.
  contexts: ['page', 'widget'],
  loadTab: memoLoader(() => import('./readable/ReadableTab')),
});

features.register({
  id: 'ocr',
  labelKey: 'feature.ocr',
  icon: ICONS.ocr,
  order: 50,
  // Reads a document to fill the page's form; in the side panel it reads there and fills the tab in front.
  contexts: ['page', 'widget', 'sidepanel'],
  loadTab: memoLoader(() => import('./ocr/OcrTab')),
});

features.register({
  id: 'progress',
  labelKey: 'feature.progress',
  icon: ICONS.progress,
  order: 60,
  // "Mes démarches" needs no page: also in the side panel. Autosave on the page starts from mountPanel.
  contexts: ['page', 'widget', 'sidepanel'],
  loadTab: memoLoader(() => import('./progress/ProgressTab')),
});
