/**
 * Finding and decoding the DataMatrix in an image with zxing-wasm (ZXing-C++ built to WebAssembly).
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise: we always tell it, with the bytes
 * (`wasmBinary`, Node and tests) or the URL of our own copy (`wasmUrl`, the `ocr/` folder of the
 * extension and the widget). No request ever leaves the device for it.
 */
import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import { TwoDDocError } from './errors.ts';

export type ZxingWasm = { wasmBinary: ArrayBuffer } | { wasmUrl: string };
export type PixelImage = { width: number; height: number; data: Uint8ClampedArray };

let prepared: { key: unknown; ready: Promise<unknown> } | null = null;

function prepare(wasm: ZxingWasm): Promise<unknown> {
  const key = 'wasmBinary' in wasm ? wasm.wasmBinary : wasm.wasmUrl;
  if (prepared?.key !== key) {
    const overrides =
      'wasmBinary' in wasm
        ? { wasmBinary: wasm.wasmBinary }
        : // Every file the module asks for is ours; there is only the one .wasm.
          { locateFile: (path: string) => (path.endsWith('.wasm') ? wasm.wasmUrl : path) };
    const ready = prepareZXingModule({ overrides, fireImmediately: true }).catch((cause: unknown) => {
      prepared = null;
      throw new TwoDDocError('reader-unavailable', undefined, { cause });
    });
    prepared = { key, ready };
  }
  return prepared.ready;
}

const OPTIONS: ReaderOptions = {
  formats: ['DataMatrix'],
  // Photos: tilted, small in a big page, sometimes light on dark.
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 4,
};

/** The byte string of a symbol (2D-Doc text is single-byte; control characters kept as they are). */
function byteString(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The texts of every DataMatrix found, best first; [] when none. RGBA pixels (an ImageData). */
export async function readDataMatrix(image: PixelImage, wasm: ZxingWasm): Promise<string[]> {
  await prepare(wasm);
  // zxing reads any { width, height, data } of RGBA pixels; its type asks for a real ImageData.
  const results = await readBarcodes(image as ImageData, OPTIONS);
  return results.filter((r) => r.isValid).map((r) => byteString(r.bytes));
}

/** The first DataMatrix that is a 2D-Doc (« DC » marker), or null. */
export async function findTwoDDocText(image: PixelImage, wasm: ZxingWasm): Promise<string | null> {
  const texts = await readDataMatrix(image, wasm);
  return texts.find((t) => t.startsWith('DC')) ?? null;
}
