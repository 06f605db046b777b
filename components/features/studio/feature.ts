import { definePanelFeature } from '../define';
import { recorderOn, studioOptions } from './options-schema';

export const studio = definePanelFeature({
  id: 'studio',
  labelKey: 'feature.studio',
  // Only its label here: the rest of its strings (messages.ts) load with its tab.
  messages: {
    fr: { 'feature.studio': 'Créer un guide' },
    en: { 'feature.studio': 'Create a guide' },
    ar: { 'feature.studio': 'إنشاء دليل' },
  },
  icon: 'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z',
  order: 90,
  // For mediators, in the extension's side panel: it drives the tab in front through the background.
  // In the widget, for an administration's own staff, only where its script tag says data-studio="true".
  contexts: ['sidepanel', 'widget'],
  config: studioOptions,
  widgetOptIn: recorderOn,
  permissions: ['scripting'],
  loadTab: () => import('./StudioTab'),
});
