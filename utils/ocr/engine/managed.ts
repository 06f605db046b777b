import { pageToResult, toEngineBytes } from './convert.ts';
import { OcrCancelledError, type OcrEngine, OcrError, type OcrImage, type OcrResult } from './types.ts';

/** The part of a tesseract.js worker we use (kept narrow so tests can check the wiring). */
export type TessWorker = {
  recognize(image: Uint8Array, options: object, output: object): Promise<{ data: unknown }>;
  setParameters?(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
};

/**
 * One worker, created on first use and re-created after a cancel. Aborting terminates the worker at once
 * (tesseract cannot stop mid-page otherwise) and rejects with OcrCancelledError.
 */
export function managedEngine(spawn: () => Promise<TessWorker>, engineSignal?: AbortSignal): OcrEngine {
  let worker: Promise<TessWorker> | null = null;

  const kill = async () => {
    const w = worker;
    worker = null;
    if (w) await w.then((x) => x.terminate()).catch(() => undefined);
  };

  const withAbort = <T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> => {
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        void kill();
        reject(new OcrCancelledError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? new OcrCancelledError() : e);
        },
      );
    });
  };

  const getWorker = (): Promise<TessWorker> => {
    if (!worker) {
      worker = spawn().catch((cause) => {
        worker = null;
        throw new OcrError('engine-load-failed', `OCR engine failed to load: ${String(cause)}`, { cause });
      });
    }
    return worker;
  };

  engineSignal?.addEventListener('abort', () => void kill(), { once: true });

  return {
    async recognize(image: OcrImage, opts = {}): Promise<OcrResult> {
      const signals = [opts.signal, engineSignal].filter((s): s is AbortSignal => !!s);
      const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
      // Already cancelled: do not even start (or load) the worker.
      if (signal?.aborted) throw new OcrCancelledError();
      const bytes = toEngineBytes(image);
      const started = performance.now();
      const current = getWorker();
      const run = current.then(async (w) => {
        // Cancelled while the worker was loading: it is being terminated, do not post to it.
        if (worker !== current) throw new OcrCancelledError();
        try {
          if (!opts.charWhitelist) return await w.recognize(bytes, {}, { text: true, blocks: true });
          // Tesseract keeps parameters between calls: set for this page only, then cleared.
          await w.setParameters?.({ tessedit_char_whitelist: opts.charWhitelist });
          try {
            return await w.recognize(bytes, {}, { text: true, blocks: true });
          } finally {
            await w.setParameters?.({ tessedit_char_whitelist: '' });
          }
        } catch (cause) {
          if (cause instanceof OcrError) throw cause;
          throw new OcrError('recognize-failed', `OCR failed: ${String(cause)}`, { cause });
        }
      });
      const res = await withAbort(signal, run);
      return pageToResult(res.data as Parameters<typeof pageToResult>[0], performance.now() - started);
    },
    terminate: kill,
  };
}
