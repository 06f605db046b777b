import { definePanelFeature } from '../define';
import { ocrOptions } from './options-schema';

export const ocr = definePanelFeature({
  id: 'ocr',
  labelKey: 'feature.ocr',
  messages: {
    fr: { 'feature.ocr': 'Lire un document' },
    en: { 'feature.ocr': 'Read a document' },
    ar: { 'feature.ocr': 'قراءة وثيقة' },
  },
  icon: 'M9.4 10.5 7 14h10l-3.2-4.3-2.4 3.2-2-2.4zM20 4h-3.2L15 2H9L7.2 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 14H4V6h4l1.8-2h4.4L16 6h4v12z',
  order: 50,
  // Reads a document to fill the page's form; in the side panel it reads there and fills the tab in front.
  contexts: ['page', 'widget', 'sidepanel'],
  config: ocrOptions,
  loadTab: () => import('./OcrTab'),
  // Our reading screens (ocr.html, the side panel) ask the page for its fields, fill it, hide our panel.
  command: (command, ctx) => import('./page').then((m): unknown => m.pageCommand(command, ctx)),
});
