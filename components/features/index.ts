import type { ComponentType } from 'preact';
import { createRegistry, memoLoader } from '../../utils/plugins/registry';
import type { PanelServices } from '../app/services';
import { ICONS } from '../panel/icons';

/** A tab (or options section) module default-exports its component; it gets the rest from PanelServices. */
export type TabModule = { default: ComponentType };

/**
 * The feature plugins, one folder each under components/features/. A feature declares here its
 * tab, its page work (`setup`), the commands our extension pages send it on the page
 * (`command`) and its options section: adding a feature is one entry here plus its folder; the
 * panel, the page script and the options page need no change.
 */
export const features = createRegistry<TabModule, PanelServices>();

features.register({
  id: 'comfort',
  labelKey: 'feature.comfort',
  icon: ICONS.comfort,
  order: 30,
  contexts: ['page', 'sidepanel', 'widget'],
  loadTab: memoLoader(() => import('./comfort/ComfortTab')),
  loadOptions: () => import('./comfort/ComfortOptions'),
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
  // The side panel's guide runs on the page: its moves arrive here as commands.
  command: (command, ctx) =>
    import('./guides/remote-host').then((m) => m.guideCommand(command, ctx.lang.value)),
  loadOptions: () => import('./guides/GuidesOptions').then((m) => ({ default: m.GuidesOptions })),
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
  // Our reading screens (ocr.html, the side panel) ask the page for its fields, fill it, hide our panel.
  command: (command) => import('./ocr/page').then((m): unknown => m.pageCommand(command)),
});

features.register({
  id: 'progress',
  labelKey: 'feature.progress',
  icon: ICONS.progress,
  order: 60,
  // "Mes démarches" needs no page: also in the side panel. Autosave on the page starts from mountPanel.
  contexts: ['page', 'widget', 'sidepanel'],
  loadTab: memoLoader(() => import('./progress/ProgressTab')),
  // On the page: autosave and the offer to resume (its own lazy chunk).
  setup: (ctx, signal) =>
    import('./progress/start').then((m) => {
      const stop = m.startOnPage(ctx, { publicComputer: ctx.publicComputer });
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    }),
  loadOptions: () =>
    import('./progress/PublicComputerOptions').then((m) => ({ default: m.PublicComputerOptions })),
});
