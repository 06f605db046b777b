import type { GrayImage } from './image.ts';

/**
 * Binary PGM (P5): the simplest format the engine's image reader (Leptonica) accepts, written without any
 * library, so preprocessed pixels go to the engine losslessly in Node and in a worker.
 */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
