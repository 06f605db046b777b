import { SAVED_HINT_KEY } from '../../../utils/storage/saved-hint';
import { definePanelFeature } from '../define';

export const progress = definePanelFeature({
  id: 'progress',
  labelKey: 'feature.progress',
  messages: {
    fr: { 'feature.progress': 'Mes démarches' },
    en: { 'feature.progress': 'My procedures' },
    ar: { 'feature.progress': 'إجراءاتي' },
  },
  icon: 'M19 3h-4.2A3 3 0 0 0 12 1a3 3 0 0 0-2.8 2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm-7 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm-2 14-4-4 1.4-1.4 2.6 2.6 6.6-6.6L18 9l-8 8z',
  order: 60,
  // "Mes démarches" needs no page: also in the side panel.
  contexts: ['page', 'widget', 'sidepanel'],
  // The widget loads the panel early where answers are kept, and at the first keystroke, so typing is kept.
  preload: { hintKey: SAVED_HINT_KEY, firstInput: true },
  loadTab: () => import('./ProgressTab'),
  // On the page: autosave and the offer to resume (its own lazy chunk).
  setup: (ctx, signal) =>
    import('./start').then((m) => {
      const stop = m.startOnPage(ctx);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    }),
  loadOptions: () => import('./PublicComputerOptions').then((m) => ({ default: m.PublicComputerOptions })),
  // Every site's procedures in their own extension tab; the PIN in our frame on a web page.
  pages: { demarches: () => import('./DemarchesView'), session: () => import('./SessionView') },
});
