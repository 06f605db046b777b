import { definePanelFeature } from '../define';

export const readable = definePanelFeature({
  id: 'readable',
  labelKey: 'feature.readable',
  messages: {
    fr: { 'feature.readable': 'Mode lecture facile' },
    en: { 'feature.readable': 'Easy reading mode' },
    ar: { 'feature.readable': 'وضع القراءة السهلة' },
  },
  icon: 'M21 5c-1.1-.4-2.3-.5-3.5-.5-2 0-4 .4-5.5 1.5-1.5-1.1-3.5-1.5-5.5-1.5S2.5 4.9 1 6v14.6c1.5-1.1 3.5-1.5 5.5-1.5s4 .4 5.5 1.5c1.5-1.1 3.5-1.5 5.5-1.5 1.2 0 2.4.1 3.5.5V5zm0 13.5c-1.1-.3-2.3-.5-3.5-.5-1.7 0-4.2.7-5.5 1.5V8c1.3-.8 3.8-1.5 5.5-1.5 1.2 0 2.4.2 3.5.5v11.5z',
  order: 20,
  // The readable view is drawn over the page: not in the side panel, which has no page.
  contexts: ['page', 'widget'],
  loadTab: () => import('./ReadableTab'),
});
