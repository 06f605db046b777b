/**
 * PDF reading in Node: pdf.js legacy build; scanned pages are rendered with @napi-rs/canvas (pdf.js's
 * own optional dependency) when it is installed, otherwise only text-layer pages can be read.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RgbaImage } from '../preprocess/image.ts';
import {
  type PageRenderer,
  type PdfjsLike,
  type PdfjsPage,
  type PdfReadOptions,
  readPdfPages,
} from './index.ts';

const require = createRequire(import.meta.url);

type NapiCanvas = {
  createCanvas(
    w: number,
    h: number,
  ): {
    getContext(kind: '2d'): {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
};

function loadCanvas(): NapiCanvas | null {
  try {
    return require('@napi-rs/canvas') as NapiCanvas;
  } catch {
    return null;
  }
}

export function nodeCanvasAvailable(): boolean {
  return loadCanvas() !== null;
}

function nodeRenderer(canvasLib: NapiCanvas): PageRenderer {
  return async (page: PdfjsPage, scale: number): Promise<RgbaImage> => {
    const viewport = page.getViewport({ scale });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const canvas = canvasLib.createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    const renderable = page as PdfjsPage & {
      render(p: { canvas: unknown; canvasContext: unknown; viewport: unknown; background?: string }): {
        promise: Promise<void>;
      };
    };
    await renderable.render({ canvas, canvasContext: ctx, viewport, background: 'white' }).promise;
    return { width, height, data: new Uint8ClampedArray(ctx.getImageData(0, 0, width, height).data) };
  };
}

export async function readPdfNode(bytes: Uint8Array, opts: Omit<PdfReadOptions, 'render'> = {}) {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike;
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const canvasLib = loadCanvas();
  return readPdfPages(pdfjs, bytes, {
    ...opts,
    render: canvasLib ? nodeRenderer(canvasLib) : undefined,
    documentOptions: {
      standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
      isEvalSupported: false,
      verbosity: 0,
      ...opts.documentOptions,
    },
  });
}
