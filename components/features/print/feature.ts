import { definePanelFeature } from '../define';

export const print = definePanelFeature({
  id: 'print',
  labelKey: 'feature.print',
  // Only its label here: the rest of its strings (messages.ts) load with its tab.
  messages: {
    fr: { 'feature.print': 'Imprimer en grands caractères' },
    en: { 'feature.print': 'Print in large type' },
    ar: { 'feature.print': 'الطباعة بحروف كبيرة' },
  },
  icon: 'M19 8H5a3 3 0 0 0-3 3v6h4v4h12v-4h4v-6a3 3 0 0 0-3-3zm-3 11H8v-5h8v5zm3-7a1 1 0 1 1 0-2 1 1 0 0 1 0 2zM18 3H6v4h12V3z',
  order: 70,
  // It prints the page: not in the side panel, which has no page.
  contexts: ['page', 'widget'],
  loadTab: () => import('./PrintTab'),
});
