import { definePanelFeature } from '../define';

export const speech = definePanelFeature({
  id: 'speech',
  labelKey: 'feature.speech',
  messages: {
    fr: { 'feature.speech': 'Lecture à voix haute' },
    en: { 'feature.speech': 'Read aloud' },
    ar: { 'feature.speech': 'القراءة بصوت عالٍ' },
  },
  icon: 'M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
  order: 40,
  // Reading needs the page itself: not in the side panel, which has no page.
  contexts: ['page', 'widget'],
  loadTab: () => import('./SpeechTab'),
  // The popup's "read the page aloud": the panel opens on this tab, which reads the page.
  command: async (command, ctx) => {
    if ((command as { action?: unknown } | null)?.action !== 'read-page' || !ctx.speechRequest)
      throw new Error('Unknown speech command');
    ctx.show?.('speech');
    ctx.speechRequest.value = 'page';
    return { ok: true };
  },
});
