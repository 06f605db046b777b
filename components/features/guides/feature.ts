import { definePanelFeature } from '../define';
import { guidesOptions } from './options-schema';

export const guides = definePanelFeature({
  id: 'guides',
  labelKey: 'feature.guides',
  messages: {
    fr: { 'feature.guides': 'Guide pas à pas' },
    en: { 'feature.guides': 'Step-by-step guide' },
    ar: { 'feature.guides': 'دليل خطوة بخطوة' },
  },
  icon: 'M14 6l-1-2H5v17h2v-7h5l1 2h7V6h-6zm4 8h-4l-1-2H7V6h5l1 2h5v6z',
  order: 10,
  // A guide follows the page; in the side panel it drives the active tab's page through messages.
  contexts: ['page', 'sidepanel', 'widget'],
  config: guidesOptions,
  loadTab: () => import('./GuidesTab'),
  // On the page: the followed step's field is highlighted, whether the tab is open or not.
  setup: (ctx, signal) => import('./page-work').then((m) => m.drawGuideOnPage(ctx, signal)),
  // The side panel's guide runs on the page: its moves arrive here as commands.
  command: (command, ctx) => import('./remote-host').then((m) => m.guideCommand(command, ctx)),
  loadOptions: () => import('./GuidesOptions').then((m) => ({ default: m.GuidesOptions })),
});
