/**
 * Bundled by browser.test.ts for a plain Chromium page: the browser OCR engine, the browser PDF reader and
 * readDocument, driven from the test through `window.ocrTest`.
 */
import { createBrowserOcr } from '../../../utils/ocr/engine/browser.ts';
import type { OcrProgress } from '../../../utils/ocr/engine/types.ts';
import { readDocument } from '../../../utils/ocr/index.ts';
import { readPdfBrowser } from '../../../utils/ocr/pdf/browser.ts';
import { preprocessInWorker } from '../../../utils/ocr/preprocess/in-worker.ts';
import { preprocess } from '../../../utils/ocr/preprocess/index.ts';

const assetsBase = `${location.origin}/ocr/`;

async function pixels(url: string) {
  const blob = await (await fetch(url)).blob();
  const bmp = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.drawImage(bmp, 0, 0);
  return ctx.getImageData(0, 0, bmp.width, bmp.height);
}

/** Main-thread cost of preprocessing in the page (the UI decides whether to move it to a worker). */
async function preprocessTime(url: string) {
  const img = await pixels(url);
  const started = performance.now();
  const out = preprocess(img);
  return { ms: Math.round(performance.now() - started), width: out.image.width, skew: out.skewAngle };
}

/** readDocument with preprocessing in a worker; compares with the in-page result. */
async function readWithWorker(url: string) {
  const worker = new Worker('/preprocess-worker.js', { type: 'module' });
  const engine = createBrowserOcr({ assetsBase });
  try {
    const img = await pixels(url);
    const inPage = preprocess(img);
    const viaWorker = await preprocessInWorker(worker, img);
    const same =
      viaWorker.image.width === inPage.image.width &&
      viaWorker.image.data.length === inPage.image.data.length &&
      viaWorker.image.data.every((v, i) => v === inPage.image.data[i]);
    const reading = await readDocument(img, engine, {
      preprocessor: (i, o) => preprocessInWorker(worker, i, o),
    });
    let badImage = '';
    await preprocessInWorker(worker, { width: 10, height: 10, data: new Uint8ClampedArray(3) }).catch((e) => {
      badImage = `${e.name}:${e.code}`;
    });
    return {
      same,
      skew: viaWorker.skewAngle,
      fields: reading.fields.map((f) => ({ kind: f.kind, value: f.value, valid: f.valid })),
      badImage,
    };
  } finally {
    worker.terminate();
    await engine.terminate();
  }
}

async function readImage(url: string) {
  const progress: OcrProgress[] = [];
  const engine = createBrowserOcr({ assetsBase, onProgress: (p) => progress.push(p) });
  try {
    const started = performance.now();
    const reading = await readDocument(await pixels(url), engine);
    const again = await readDocument(await pixels(url), engine);
    return {
      text: reading.text,
      confidence: reading.confidence,
      type: reading.documentType.type,
      fields: reading.fields.map((f) => ({ kind: f.kind, value: f.value, valid: f.valid })),
      firstMs: Math.round(performance.now() - started - again.durationMs),
      secondMs: again.durationMs,
      stages: [...new Set(progress.map((p) => p.stage))],
      progressInRange: progress.every((p) => p.progress >= 0 && p.progress <= 1),
      reachedEnd: progress.some((p) => p.stage === 'recognizing' && p.progress === 1),
    };
  } finally {
    await engine.terminate();
  }
}

async function cancel(url: string) {
  const ctrl = new AbortController();
  const engine = createBrowserOcr({ assetsBase, signal: ctrl.signal });
  const img = await pixels(url);
  await engine.recognize(img);
  const started = performance.now();
  const pending = engine.recognize(img);
  setTimeout(() => ctrl.abort(), 150);
  try {
    await pending;
    return { error: null, ms: 0 };
  } catch (e) {
    const err = e as { name: string; code: string };
    return { error: err.name, code: err.code, ms: Math.round(performance.now() - started) };
  }
}

async function readPdf(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const pages = await readPdfBrowser(bytes, { assetsBase });
  const engine = createBrowserOcr({ assetsBase });
  try {
    const out = [];
    for (const p of pages) {
      const reading = await readDocument(
        p.kind === 'text' ? { text: p.text, lines: p.lines } : p.image,
        engine,
      );
      out.push({
        kind: p.kind,
        source: reading.source,
        fields: reading.fields.map((f) => ({ kind: f.kind, value: f.value, valid: f.valid })),
      });
    }
    return out;
  } finally {
    await engine.terminate();
  }
}

(window as unknown as { ocrTest: unknown }).ocrTest = {
  readImage,
  cancel,
  readPdf,
  preprocessTime,
  readWithWorker,
};
