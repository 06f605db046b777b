/**
 * The photo preparation worker, a file of the build next to this module (MV3 forbids blob workers; the
 * widget's copy follows its folder). One factory for the widget, the side panel and ocr.html.
 */
export const preprocessWorker = (): Worker =>
  new Worker(new URL('../../../utils/ocr/preprocess/worker.ts', import.meta.url), { type: 'module' });
