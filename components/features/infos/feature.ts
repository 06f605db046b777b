import { definePanelFeature } from '../define';

export const infos = definePanelFeature({
  id: 'infos',
  labelKey: 'feature.infos',
  messages: {
    fr: { 'feature.infos': 'Mes informations' },
    en: { 'feature.infos': 'My information' },
    ar: { 'feature.infos': 'معلوماتي' },
  },
  icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4z',
  order: 65,
  // The file spans sites: read and shown in our own pages (side panel) and in the widget (the
  // administration's own site); on a web page's panel only the fields and the fill, by command.
  contexts: ['page', 'widget', 'sidepanel'],
  loadTab: () => import('./InfosTab'),
  command: (command, ctx) => import('./page').then((m): unknown => m.pageCommand(command, ctx)),
});
