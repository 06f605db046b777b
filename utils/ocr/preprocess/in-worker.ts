/** Main-thread side of worker.ts: the same `preprocess`, run in a worker, pixels transferred not copied. */
import { type AnyImage, grayToRgba, isGray, OcrImageError, type RgbaImage } from './image.ts';
import type { Preprocessed, PreprocessOptions } from './index.ts';

type Reply =
  | { id: number; ok: true; result: Preprocessed }
  | { id: number; ok: false; error: { name?: string; code?: string; message?: string } };

let nextId = 1;

export function preprocessInWorker(
  worker: Worker,
  input: AnyImage,
  opts: PreprocessOptions = {},
): Promise<Preprocessed> {
  const id = nextId++;
  // Copy first: the buffer is transferred, and the caller may still show the photo.
  const image: RgbaImage = isGray(input)
    ? grayToRgba(input)
    : { width: input.width, height: input.height, data: new Uint8ClampedArray(input.data) };
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<Reply>) => {
      if (e.data?.id !== id) return;
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (e.data.ok) resolve({ ...e.data.result, image: { ...e.data.result.image, channels: 1 } });
      else if (e.data.error.name === 'OcrImageError') {
        reject(new OcrImageError(e.data.error.code as never, e.data.error.message ?? 'Bad image'));
      } else reject(new Error(e.data.error.message ?? 'Preprocessing failed'));
    };
    const onError = (e: ErrorEvent) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      reject(new Error(`Preprocessing worker failed: ${e.message}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id, image, opts }, [image.data.buffer]);
  });
}
