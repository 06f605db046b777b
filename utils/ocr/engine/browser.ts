/**
 * The OCR engine in the extension and the widget: every file (worker, WASM core, language data) comes
 * from our own `ocr/` folder (copied there by scripts/copy-ocr-assets.js), never from a CDN.
 * The worker is a real file, not a blob: MV3 pages forbid blob workers. Language data is fetched from
 * our own files each time (`cacheMethod: 'none'`): it is local and fast, and nothing is left in
 * IndexedDB on a shared computer.
 */
import { createWorker, OEM } from 'tesseract.js';
import { managedEngine, type TessWorker } from './managed.ts';
import { type OcrEngine, type OcrProgress, THRESHOLDING_METHOD, type Thresholding } from './types.ts';

export type BrowserOcrOptions = {
  /** URL of our own `ocr/` folder, ending with `/` (e.g. `browser.runtime.getURL('/ocr/')`). */
  assetsBase: string;
  langs?: string;
  thresholding?: Thresholding;
  onProgress?: (p: OcrProgress) => void;
  /** Aborting terminates the worker; a pending recognize rejects with OcrCancelledError. */
  signal?: AbortSignal;
};

/** The three paths tesseract.js needs, all inside `assetsBase`. */
export function browserPaths(assetsBase: string) {
  const base = assetsBase.endsWith('/') ? assetsBase : `${assetsBase}/`;
  return {
    workerPath: `${base}worker.min.js`,
    corePath: `${base}core/`,
    langPath: `${base}lang/`,
  };
}

/** tesseract.js status strings → our two stages. */
export function mapProgress(status: string, progress: number): OcrProgress {
  const stage = status.startsWith('recognizing') ? 'recognizing' : 'loading';
  return { stage, progress: Math.max(0, Math.min(1, Number.isFinite(progress) ? progress : 0)) };
}

export function createBrowserOcr(opts: BrowserOcrOptions): OcrEngine {
  const langs = opts.langs ?? 'fra+eng';
  const spawn = async (): Promise<TessWorker> => {
    const worker = await createWorker(langs, OEM.LSTM_ONLY, {
      ...browserPaths(opts.assetsBase),
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
      logger: (m: { status: string; progress: number }) =>
        opts.onProgress?.(mapProgress(m.status, m.progress)),
    });
    await worker.setParameters({ thresholding_method: THRESHOLDING_METHOD[opts.thresholding ?? 'sauvola'] });
    return worker as unknown as TessWorker;
  };
  return managedEngine(spawn, opts.signal);
}
