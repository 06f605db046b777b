/**
 * The browser OCR engine in headless Chromium, served like an extension page: every engine file from our
 * own `ocr/` folder (made by scripts/copy-ocr-assets.js), a CSP like MV3's (no eval, no blob workers,
 * 'wasm-unsafe-eval' only), and no request allowed anywhere else.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, cer, renderDocs, renderOne, renderPdfs } from '../../fixtures/ocr-docs/render.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; img-src 'self' data: blob:";
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

let assets = '';
let server: Server;
let origin = '';
let browser: Browser;
let page: Page;
const outside: string[] = [];
const requested: string[] = [];
const files = new Map<string, string>();

beforeAll(async () => {
  assets = mkdtempSync(join(tmpdir(), 'pasapas-ocr-assets-'));
  await promisify(execFile)(process.execPath, [join(root, 'scripts', 'copy-ocr-assets.js')], {
    env: { ...process.env, PASAPAS_OCR_OUT: join(assets, 'ocr') },
  });
  const bundle = await build({
    entryPoints: {
      app: join(import.meta.dirname, 'browser-entry.ts'),
      'preprocess-worker': join(root, 'utils', 'ocr', 'preprocess', 'worker.ts'),
    },
    outdir: '/out',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const bundled = new Map(bundle.outputFiles.map((f) => [`/${f.path.split('/').pop()}`, f.text]));
  const rendered = await renderDocs({ variants: ['clean', 'photo'] });
  for (const r of rendered) files.set(`/docs/${r.doc.id}.${r.variant}${extname(r.path)}`, r.path);
  const pdfs = await renderPdfs();
  files.set('/docs/text.pdf', pdfs.textPdf);
  files.set('/docs/scan.pdf', pdfs.scanPdf);

  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let body: Buffer | string | null = null;
    if (path === '/')
      body =
        '<!doctype html><meta charset="utf-8"><title>ocr</title><script type="module" src="/app.js"></script>';
    else if (bundled.has(path)) body = bundled.get(path) ?? '';
    else if (path.startsWith('/ocr/') && !normalize(path).includes('..')) {
      try {
        body = readFileSync(join(assets, normalize(path)));
      } catch {
        body = null;
      }
    } else if (files.has(path)) body = readFileSync(files.get(path) ?? '');
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': path === '/' ? 'text/html' : (TYPES[extname(path)] ?? 'application/octet-stream'),
      'content-security-policy': CSP,
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext();
  context.on('request', (r) => requested.push(r.url()));
  await context.route('**/*', (r) => {
    const url = r.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return r.continue();
    outside.push(url);
    return r.abort();
  });
  page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/`);
  await page.waitForFunction('window.ocrTest !== undefined');
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (assets) rmSync(assets, { recursive: true, force: true });
});

type ImageResult = {
  text: string;
  confidence: number;
  type: string;
  fields: Array<{ kind: string; value: string; valid: boolean }>;
  firstMs: number;
  secondMs: number;
  stages: string[];
  progressInRange: boolean;
  reachedEnd: boolean;
};

describe('browser OCR engine', () => {
  it.each(['clean', 'photo'])('reads the RIB (%s) with files from our own folder only', async (variant) => {
    const r = (await page.evaluate(
      `window.ocrTest.readImage('/docs/rib.${variant}.${variant === 'photo' ? 'jpg' : 'png'}')`,
    )) as ImageResult;
    const reference = (await renderOne('rib', 'clean')).text;
    expect(cer(reference, r.text)).toBeLessThanOrEqual(variant === 'clean' ? 0.01 : 0.05);
    expect(r.type).toBe('rib');
    expect(r.fields).toContainEqual({ kind: 'iban', value: 'FR7630006000011234567890189', valid: true });
    expect(r.fields).toContainEqual({ kind: 'bic', value: 'AGRIFRPP', valid: true });
    expect(r.stages).toEqual(['loading', 'recognizing']);
    expect(r.progressInRange).toBe(true);
    expect(r.reachedEnd).toBe(true);
    expect(outside).toEqual([]);
    const engineFiles = requested
      .filter((u) => u.startsWith(`${origin}/ocr/`))
      .map((u) => u.slice(origin.length));
    expect(engineFiles).toContain('/ocr/worker.min.js');
    expect(engineFiles).toContain('/ocr/lang/fra.traineddata.gz');
    expect(
      engineFiles.some((f) => /^\/ocr\/core\/tesseract-core-(relaxedsimd-|simd-)?lstm\.wasm\.js$/.test(f)),
    ).toBe(true);
  });

  it('preprocesses a photo in the page (pure JS on ImageData)', async () => {
    const r = (await page.evaluate(`window.ocrTest.preprocessTime('/docs/rib.photo.jpg')`)) as {
      ms: number;
      width: number;
      skew: number;
    };
    expect(r.width).toBe(1667);
    expect(r.skew).toBeCloseTo(-3, 0);
    console.log(`preprocessing in Chromium: ${r.ms} ms for 1667×2358`);
  });

  it('preprocesses in a Web Worker (a file, not a blob) with the same result', async () => {
    const r = (await page.evaluate(`window.ocrTest.readWithWorker('/docs/rib.photo.jpg')`)) as {
      same: boolean;
      skew: number;
      fields: Array<{ kind: string; value: string; valid: boolean }>;
      badImage: string;
    };
    expect(r.same).toBe(true);
    expect(r.skew).toBeCloseTo(-3, 0);
    expect(r.fields).toContainEqual({ kind: 'iban', value: 'FR7630006000011234567890189', valid: true });
    expect(r.badImage).toBe('OcrImageError:bad-dimensions');
    expect(requested).toContain(`${origin}/preprocess-worker.js`);
  });

  it('cancels a reading in progress with OcrCancelledError', async () => {
    const r = (await page.evaluate(`window.ocrTest.cancel('/docs/avis-imposition.clean.png')`)) as {
      error: string | null;
      code?: string;
      ms: number;
    };
    expect(r).toMatchObject({ error: 'OcrCancelledError', code: 'cancelled' });
    expect(r.ms).toBeLessThan(1500);
  });

  it('reads PDFs with the pdf.js worker from our folder: text layer and scanned page', async () => {
    const text = (await page.evaluate(`window.ocrTest.readPdf('/docs/text.pdf')`)) as Array<{
      kind: string;
      fields: Array<{ kind: string; value: string; valid: boolean }>;
    }>;
    expect(text[0]?.kind).toBe('text');
    expect(text[0]?.fields).toContainEqual({ kind: 'fiscal-number', value: '3023217600053', valid: true });
    const scan = (await page.evaluate(`window.ocrTest.readPdf('/docs/scan.pdf')`)) as typeof text;
    expect(scan[0]?.kind).toBe('image');
    expect(scan[0]?.fields).toContainEqual({ kind: 'fiscal-number', value: '3023217600053', valid: true });
    expect(requested.some((u) => u === `${origin}/ocr/pdf.worker.min.mjs`)).toBe(true);
    expect(outside).toEqual([]);
  });
});
