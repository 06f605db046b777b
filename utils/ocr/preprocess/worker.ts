/**
 * Web Worker entry that runs `preprocess` off the main thread (a 12 MP photo takes seconds on a cheap
 * phone). Bundle it as its own file (`new Worker(new URL('…/worker.ts', import.meta.url), { type: 'module' })`
 * with Vite/WXT): MV3 forbids blob workers. Talk to it with `preprocessInWorker` (in-worker.ts).
 */
import type { RgbaImage } from './image.ts';
import { type PreprocessOptions, preprocess } from './index.ts';

type Request = { id: number; image: RgbaImage; opts: PreprocessOptions };

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, image, opts } = e.data;
  try {
    const out = preprocess(image, opts);
    scope.postMessage({ id, ok: true, result: out }, [out.image.data.buffer]);
  } catch (error) {
    const err = error as { name?: string; code?: string; message?: string };
    scope.postMessage({ id, ok: false, error: { name: err.name, code: err.code, message: err.message } }, []);
  }
};
