import { definePanelFeature } from '../define';

export const comfort = definePanelFeature({
  id: 'comfort',
  labelKey: 'feature.comfort',
  messages: {
    fr: { 'feature.comfort': 'Confort de lecture' },
    en: { 'feature.comfort': 'Reading comfort' },
    ar: { 'feature.comfort': 'راحة القراءة' },
  },
  icon: 'M9 4v3h5v12h3V7h5V4H9zm-6 8h3v7h3v-7h3V9H3v3z',
  order: 30,
  contexts: ['page', 'sidepanel', 'widget'],
  loadTab: () => import('./ComfortTab'),
  loadOptions: () => import('./ComfortOptions'),
  permissions: ['storage'],
});
