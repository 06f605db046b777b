import { definePanelFeature } from '../define';

/**
 * The mediator's side of an accompaniment on a shared computer: its section of the options page
 * (the help places file, the activity report). No panel tab (no context): "Terminer ma session"
 * stays in "Mes démarches", its summary in its own page; the guides ask for the places by message.
 */
export const accompaniment = definePanelFeature({
  id: 'accompaniment',
  labelKey: 'feature.accompaniment',
  messages: {
    fr: { 'feature.accompaniment': 'Accompagnement' },
    en: { 'feature.accompaniment': 'Accompaniment' },
    ar: { 'feature.accompaniment': 'المرافقة' },
  },
  icon: 'M16 11a3 3 0 1 0-3-3 3 3 0 0 0 3 3zm-8 0a3 3 0 1 0-3-3 3 3 0 0 0 3 3zm0 2c-2.3 0-7 1.2-7 3.5V19h14v-2.5C15 14.2 10.3 13 8 13zm8 0h-1a4.2 4.2 0 0 1 2 3.5V19h6v-2.5c0-2.3-4.7-3.5-7-3.5z',
  order: 90,
  contexts: [],
  // Never opened (no context); the registry requires a tab module.
  loadTab: () => import('./ActivityOptions'),
  loadOptions: () => import('./AccompanimentOptions'),
});
