/**
 * Glue between the person's document (file, paste, camera, tab capture) and the OCR core. The engine is
 * created on first use and its files come from our own `ocr/` folder; pdf.js loads only for a PDF.
 */
import { createBrowserOcr } from '../../../utils/ocr/engine/browser';
import { checkImageSize } from '../../../utils/ocr/image-size';
import type { GrayImage, OcrEngine, OcrLine, OcrProgress, RgbaImage } from '../../../utils/ocr/index';
import { OcrCancelledError, readDocument } from '../../../utils/ocr/index';
import { preprocessInWorker } from '../../../utils/ocr/preprocess/in-worker';
import {
  type AnyImage,
  OcrImageError,
  type Preprocessed,
  type PreprocessOptions,
  preprocess,
} from '../../../utils/ocr/preprocess/index';
import { type Read, ReadInputError, type ReadingSource, type Stage } from '../../../utils/ocr/reading-flow';
import { withCode } from '../../../utils/ocr/with-code';
import { readMrzZone, withMrz } from '../../../utils/ocr/with-mrz';
import { TwoDDocError } from '../../../utils/twoddoc/errors';
import type { TwoDDocReading } from '../../../utils/twoddoc/read';

export type { Read, Stage } from '../../../utils/ocr/reading-flow';
export { ReadInputError };

let engine: OcrEngine | null = null;
let engineBase = '';
let onStage: ((s: Stage) => void) | null = null;

function engineFor(assetsBase: string): OcrEngine {
  if (!engine || engineBase !== assetsBase) {
    void engine?.terminate();
    engineBase = assetsBase;
    engine = createBrowserOcr({
      assetsBase,
      onProgress: (p: OcrProgress) => onStage?.({ stage: p.stage, progress: p.progress }),
    });
  }
  return engine;
}

/** Frees the engine's worker (about 100 MB) when the tab closes; the next reading starts it again. */
export function releaseEngine(): void {
  void engine?.terminate();
  engine = null;
  worker?.terminate();
  worker = null;
}

/** Pixels of an image file or blob; the browser applies the photo's EXIF orientation. */
export async function imagePixels(source: Blob | HTMLVideoElement): Promise<RgbaImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source);
  } catch (cause) {
    throw new ReadInputError('bad-file', { cause });
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

function isPdf(bytes: Uint8Array, file: Blob): boolean {
  return file.type === 'application/pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44);
}

export type ReadOpts = {
  assetsBase: string;
  /** The demo site's widget: signatures are also checked against the demo's test key. */
  demoKey?: boolean;
  signal: AbortSignal;
  onStage: (s: Stage) => void;
  preprocessWorker?: () => Worker;
};

let worker: Worker | null = null;
let workerFailed = false;

/** Preprocessing in the worker when there is one (started once), else on this thread. */
async function runPreprocess(img: AnyImage, o: PreprocessOptions, opts: ReadOpts): Promise<Preprocessed> {
  if (opts.preprocessWorker && !workerFailed) {
    try {
      worker ??= opts.preprocessWorker();
      return await preprocessInWorker(worker, img, o);
    } catch (error) {
      if (error instanceof OcrImageError) throw error;
      // A worker that cannot start (CSP, old browser): this thread does it from now on.
      workerFailed = true;
      worker?.terminate();
      worker = null;
    }
  }
  return preprocess(img, o);
}

/**
 * The document's 2D-Doc, if it has one: zxing's WebAssembly comes from our own `ocr/` folder (never its
 * CDN default), and loads only here, on the first reading.
 */
async function readCode(pixels: RgbaImage, opts: ReadOpts): Promise<TwoDDocReading | null> {
  const [{ readTwoDDoc }, { TRUST_LIST, withDemoKey }] = await Promise.all([
    import('../../../utils/twoddoc/read'),
    import('../../../utils/twoddoc/trust'),
  ]);
  const { assetsBase } = opts;
  const base = assetsBase.endsWith('/') ? assetsBase : `${assetsBase}/`;
  const trust = opts.demoKey ? withDemoKey(TRUST_LIST) : TRUST_LIST;
  try {
    return await readTwoDDoc(pixels, { wasm: { wasmUrl: `${base}zxing_reader.wasm` }, trust });
  } catch (error) {
    // The reader could not start: say so, and read the text all the same.
    if (error instanceof TwoDDocError) return { ok: false, error: error.code, durationMs: 0 };
    throw error;
  }
}

/** Reads one image: its signed code if any, then preprocessing (kept to draw the boxes on), OCR, fields. */
export async function readImage(pixels: RgbaImage, opts: ReadOpts): Promise<Read> {
  onStage = opts.onStage;
  opts.onStage({ stage: 'preparing', progress: 0 });
  const code = await readCode(pixels, opts);
  if (opts.signal.aborted) throw new OcrCancelledError();
  let image: GrayImage | null = null;
  const reading = await readDocument(pixels, engineFor(opts.assetsBase), {
    signal: opts.signal,
    // The last preprocessed image is the one the boxes refer to (after any rotation).
    preprocessor: async (img, o) => {
      const out = await runPreprocess(img, o, opts);
      image = out.image;
      return out;
    },
  });
  // An identity document: its MRZ read again with the engine tuned for it, every check digit checked.
  const shown = image as GrayImage | null;
  const mrz = shown ? await readMrzZone(shown, reading.lines, engineFor(opts.assetsBase), opts.signal) : null;
  const combined = withCode(withMrz(reading, mrz), code);
  return { reading: combined.reading, image, pdfPages: 0, code: combined.code, mrz };
}

/** A PDF page with a text layer: its text as is (no OCR), and its 2D-Doc when the drawn page has one. */
async function readTextPage(
  page: { text: string; lines: OcrLine[]; image?: RgbaImage },
  opts: ReadOpts,
  pdfPages: number,
): Promise<Read> {
  const code = page.image ? await readCode(page.image, opts) : null;
  const reading = await readDocument({ text: page.text, lines: page.lines }, engineFor(opts.assetsBase));
  const combined = withCode(reading, code);
  return { reading: combined.reading, image: null, pdfPages, code: combined.code };
}

/** A file from the picker or a paste: an image, or the first pages of a PDF (text layer used when present). */
export async function readFile(file: Blob, opts: ReadOpts): Promise<Read> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isPdf(bytes, file)) {
    // The size from the header before the browser decodes anything: an image above the pixel budget
    // (or one whose size cannot be read) never reaches createImageBitmap.
    checkImageSize(bytes);
    return readImage(await imagePixels(file), opts);
  }
  opts.onStage({ stage: 'pdf', progress: 0 });
  const { readPdfBrowser } = await import('../../../utils/ocr/pdf/browser');
  let pages: Awaited<ReturnType<typeof readPdfBrowser>>;
  try {
    // Pages with a text layer are drawn too: a downloaded tax notice's 2D-Doc is an image on it.
    pages = await readPdfBrowser(bytes, { assetsBase: opts.assetsBase, maxPages: 2, drawTextPages: true });
  } catch (cause) {
    const code = (cause as { code?: string }).code === 'pdf-encrypted' ? 'pdf-locked' : 'bad-file';
    throw new ReadInputError(code, { cause });
  }
  let best: Read | null = null;
  for (const page of pages) {
    if (opts.signal.aborted) break;
    const read =
      page.kind === 'text'
        ? await readTextPage(page, opts, pages.length)
        : { ...(await readImage(page.image, opts)), pdfPages: pages.length };
    const score = (r: Read) => r.reading.fields.filter((f) => f.valid).length;
    if (!best || score(read) > score(best)) best = read;
  }
  if (!best) throw new ReadInputError('bad-file');
  return best;
}

/** Reads what the person gave: a file, or the pixels of a camera shot. */
export function readSource(source: ReadingSource, opts: ReadOpts): Promise<Read> {
  return source.kind === 'file' ? readFile(source.file, opts) : readImage(source.pixels, opts);
}
