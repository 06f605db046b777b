/**
 * PDF reading in the extension/widget: pdf.js with its worker served from our own `ocr/` folder
 * (copied by scripts/copy-ocr-assets.js), scanned pages rendered on an OffscreenCanvas.
 */
import * as pdfjs from 'pdfjs-dist';
import type { RgbaImage } from '../preprocess/image.ts';
import {
  type PageRenderer,
  type PdfjsLike,
  type PdfjsPage,
  type PdfReadOptions,
  readPdfPages,
} from './index.ts';

const offscreenRenderer: PageRenderer = async (page: PdfjsPage, scale: number): Promise<RgbaImage> => {
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const renderable = page as PdfjsPage & {
    render(p: { canvas: unknown; canvasContext: unknown; viewport: unknown; background?: string }): {
      promise: Promise<void>;
    };
  };
  await renderable.render({ canvas, canvasContext: ctx, viewport, background: 'white' }).promise;
  const data = ctx.getImageData(0, 0, width, height).data;
  return { width, height, data };
};

export async function readPdfBrowser(
  bytes: Uint8Array,
  opts: Omit<PdfReadOptions, 'render'> & { assetsBase: string },
) {
  const base = opts.assetsBase.endsWith('/') ? opts.assetsBase : `${opts.assetsBase}/`;
  pdfjs.GlobalWorkerOptions.workerSrc = `${base}pdf.worker.min.mjs`;
  return readPdfPages(pdfjs as unknown as PdfjsLike, bytes, {
    ...opts,
    render: offscreenRenderer,
    documentOptions: {
      standardFontDataUrl: `${base}standard_fonts/`,
      isEvalSupported: false,
      ...opts.documentOptions,
    },
  });
}
