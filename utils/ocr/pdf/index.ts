/**
 * PDF input: the first pages of a PDF, each either as text (when the page has a text layer: exact, no OCR)
 * or as pixels to OCR (scans). pdf.js is passed in, so Node (legacy build) and the browser share this code.
 */
import type { OcrLine, OcrWord } from '../engine/types.ts';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from '../image-size.ts';
import type { RgbaImage } from '../preprocess/image.ts';

export type PdfErrorCode = 'pdf-invalid' | 'pdf-encrypted' | 'pdf-render-unavailable';

export class OcrPdfError extends Error {
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrPdfError';
    this.code = code;
  }
}

export type PdfPageReading =
  | {
      pageNumber: number;
      kind: 'text';
      text: string;
      lines: OcrLine[];
      width: number;
      height: number;
      /** The page drawn too (`drawTextPages`): a downloaded document's 2D-Doc is an image in it. */
      image?: RgbaImage;
    }
  | { pageNumber: number; kind: 'image'; image: RgbaImage };

/** The slice of pdf.js we use (structural, so both builds fit). */
type TextItem = { str: string; transform: number[]; width: number; height: number };
type Viewport = { width: number; height: number; transform: number[] };
export type PdfjsPage = {
  getViewport(p: { scale: number }): Viewport;
  getTextContent(): Promise<{ items: Array<TextItem | { type: string }> }>;
};
export type PdfjsLike = {
  getDocument(src: { data: Uint8Array; [k: string]: unknown }): {
    promise: Promise<{ numPages: number; getPage(n: number): Promise<PdfjsPage> }>;
    destroy(): Promise<void>;
  };
};
/** Renders a page to RGBA pixels at `scale`, or is absent when no canvas is available. */
export type PageRenderer = (page: PdfjsPage, scale: number) => Promise<RgbaImage>;

export type PdfReadOptions = {
  maxPages?: number;
  /** Pixels per PDF point: 200 dpi / 72. */
  scale?: number;
  /** A page whose text layer has fewer letters/digits than this is treated as a scan. */
  minTextChars?: number;
  render?: PageRenderer;
  /** Also draw the pages that have a text layer (with `render`), to look for a 2D-Doc on them. */
  drawTextPages?: boolean;
  /** Extra options for getDocument (worker, fonts…). */
  documentOptions?: Record<string, unknown>;
};

const apply = (m: number[], x: number, y: number): [number, number] => [
  (m[0] ?? 1) * x + (m[2] ?? 0) * y + (m[4] ?? 0),
  (m[1] ?? 0) * x + (m[3] ?? 1) * y + (m[5] ?? 0),
];

/** Groups text items into lines (same baseline) and splits them into words with proportional boxes. */
export function textItemsToLines(items: TextItem[], viewport: Viewport): OcrLine[] {
  type Placed = { str: string; x: number; y: number; w: number; h: number };
  const placed: Placed[] = [];
  const sx = Math.hypot(viewport.transform[0] ?? 1, viewport.transform[1] ?? 0);
  for (const it of items) {
    if (!it.str.trim()) continue;
    const [x, y] = apply(viewport.transform, it.transform[4] ?? 0, it.transform[5] ?? 0);
    const h = Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) * sx || it.height * sx;
    // NFKC turns typographic ligatures (ﬁ, ﬂ) back into letters.
    placed.push({ str: it.str.normalize('NFKC'), x, y, w: it.width * sx, h });
  }
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Placed[][] = [];
  for (const p of placed) {
    const last = groups[groups.length - 1];
    const ref = last?.[0];
    if (last && ref && Math.abs(ref.y - p.y) < Math.max(2, ref.h * 0.4)) last.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const words: OcrWord[] = [];
    let prevEnd = Number.NEGATIVE_INFINITY;
    let prevEndsWithSpace = true;
    for (const p of g) {
      // Split the run on spaces; each word gets the share of the width its characters take.
      const perChar = p.w / Math.max(1, p.str.length);
      // A run that starts right where the previous one ended continues its word: fonts split words
      // into several runs at ligatures (ﬁ) and kerning changes.
      const glued = !prevEndsWithSpace && !/^\s/.test(p.str) && p.x - prevEnd < p.h * 0.15;
      let offset = 0;
      let first = true;
      for (const part of p.str.split(/(\s+)/)) {
        if (part.trim()) {
          const x0 = p.x + offset * perChar;
          const bbox = {
            x0: Math.round(x0),
            y0: Math.round(p.y - p.h),
            x1: Math.round(x0 + part.length * perChar),
            y1: Math.round(p.y + p.h * 0.25),
          };
          const last = words[words.length - 1];
          if (first && glued && last) {
            last.text += part;
            last.bbox = {
              ...last.bbox,
              x1: bbox.x1,
              y0: Math.min(last.bbox.y0, bbox.y0),
              y1: Math.max(last.bbox.y1, bbox.y1),
            };
          } else words.push({ text: part, confidence: 100, bbox });
          first = false;
        }
        offset += part.length;
      }
      prevEnd = p.x + p.w;
      prevEndsWithSpace = /\s$/.test(p.str);
    }
    const bbox = {
      x0: Math.min(...words.map((w) => w.bbox.x0)),
      y0: Math.min(...words.map((w) => w.bbox.y0)),
      x1: Math.max(...words.map((w) => w.bbox.x1)),
      y1: Math.max(...words.map((w) => w.bbox.y1)),
    };
    return { text: words.map((w) => w.text).join(' '), confidence: 100, bbox, words };
  });
}

/**
 * The scale a scanned page is rendered at: the one asked for, or smaller so the rendered page fits
 * the same pixel budget as an image file (an A0 poster or a 200-inch page at 200 dpi would need
 * gigabytes). Text stays readable: the preprocessing downscales to 2400 px a side anyway.
 */
export function renderScale(page: PdfjsPage, scale: number): number {
  const { width, height } = page.getViewport({ scale: 1 });
  if (!(width > 0 && height > 0)) return scale;
  const fits = (s: number) => {
    // The renderers round the canvas size up.
    const w = Math.ceil(width * s);
    const h = Math.ceil(height * s);
    return w <= MAX_IMAGE_SIDE && h <= MAX_IMAGE_SIDE && w * h <= MAX_IMAGE_PIXELS;
  };
  let s = Math.min(
    scale,
    Math.sqrt(MAX_IMAGE_PIXELS / (width * height)),
    MAX_IMAGE_SIDE / Math.max(width, height),
  );
  while (!fits(s)) s *= 0.99;
  return s;
}

export async function readPdfPages(
  pdfjs: PdfjsLike,
  bytes: Uint8Array,
  opts: PdfReadOptions = {},
): Promise<PdfPageReading[]> {
  const scale = opts.scale ?? 200 / 72;
  const minChars = opts.minTextChars ?? 30;
  let doc: Awaited<ReturnType<PdfjsLike['getDocument']>['promise']>;
  // pdf.js may take ownership of (detach) the buffer: give it a copy so the caller keeps theirs.
  const task = pdfjs.getDocument({ data: bytes.slice(), ...opts.documentOptions });
  try {
    doc = await task.promise;
  } catch (cause) {
    await task.destroy().catch(() => undefined);
    const name = (cause as { name?: string })?.name;
    if (name === 'PasswordException')
      throw new OcrPdfError('pdf-encrypted', 'The PDF is password protected', { cause });
    throw new OcrPdfError('pdf-invalid', `Cannot open the PDF: ${String(cause)}`, { cause });
  }
  try {
    const pages: PdfPageReading[] = [];
    const count = Math.min(doc.numPages, opts.maxPages ?? 3);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => typeof (i as TextItem).str === 'string');
      const lines = textItemsToLines(items, viewport);
      const text = lines.map((l) => l.text).join('\n');
      if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= minChars) {
        const image =
          opts.drawTextPages && opts.render ? await opts.render(page, renderScale(page, scale)) : undefined;
        pages.push({
          pageNumber: n,
          kind: 'text',
          text,
          lines,
          width: Math.round(viewport.width),
          height: Math.round(viewport.height),
          ...(image ? { image } : {}),
        });
        continue;
      }
      if (!opts.render) {
        throw new OcrPdfError(
          'pdf-render-unavailable',
          `Page ${n} is a scan and no canvas is available to render it`,
        );
      }
      pages.push({ pageNumber: n, kind: 'image', image: await opts.render(page, renderScale(page, scale)) });
    }
    return pages;
  } finally {
    // Frees the pdf.js worker (or fake worker in Node) and its memory.
    await task.destroy();
  }
}
