/** PDF input (text layer and scanned pages) and the `pasapas ocr` command, on documents made in Chromium. */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeOcr } from '../../../utils/ocr/engine/node.ts';
import { readDocument } from '../../../utils/ocr/index.ts';
import { readPdfPages } from '../../../utils/ocr/pdf/index.ts';
import { nodeCanvasAvailable, readPdfNode } from '../../../utils/ocr/pdf/node.ts';
import { cer, renderOne, renderPdfs } from '../../fixtures/ocr-docs/render.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const engine = createNodeOcr();
let pdfs: { textPdf: string; scanPdf: string };
let reference = '';

beforeAll(async () => {
  pdfs = await renderPdfs();
  reference = (await renderOne('avis-imposition', 'clean')).text;
});
afterAll(() => engine.terminate());

const fiscal = (fields: Array<{ kind: string; value: string; valid: boolean }>) =>
  fields.find((f) => f.kind === 'fiscal-number' && f.value === '3023217600053' && f.valid);

describe('PDF', () => {
  it('uses the text layer when there is one (exact text, no OCR)', async () => {
    const pages = await readPdfNode(new Uint8Array(readFileSync(pdfs.textPdf)));
    expect(pages).toHaveLength(1);
    const page = pages[0];
    if (page?.kind !== 'text') throw new Error(`expected a text page, got ${page?.kind}`);
    expect(cer(reference, page.text)).toBeLessThan(0.01);
    const reading = await readDocument({ text: page.text, lines: page.lines }, engine);
    expect(reading.source).toBe('text-layer');
    expect(reading.documentType.type).toBe('avis-imposition');
    expect(fiscal(reading.fields)).toBeDefined();
    expect(fiscal(reading.fields)).toHaveProperty('box');
  });

  it('renders a scanned page and reads it with OCR', async () => {
    // @napi-rs/canvas comes with pdfjs-dist as an optional dependency; without it scans cannot be rendered.
    expect(nodeCanvasAvailable()).toBe(true);
    const pages = await readPdfNode(new Uint8Array(readFileSync(pdfs.scanPdf)));
    const page = pages[0];
    if (page?.kind !== 'image') throw new Error(`expected an image page, got ${page?.kind}`);
    expect(page.image.width).toBeGreaterThan(1500);
    const reading = await readDocument(page.image, engine);
    expect(reading.source).toBe('ocr');
    expect(cer(reference, reading.text)).toBeLessThan(0.01);
    expect(fiscal(reading.fields)).toBeDefined();
  });

  it('says when a scan cannot be rendered (no canvas) instead of returning nothing', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await expect(
      readPdfPages(pdfjs as never, new Uint8Array(readFileSync(pdfs.scanPdf)), {
        documentOptions: { verbosity: 0 },
      }),
    ).rejects.toMatchObject({ code: 'pdf-render-unavailable' });
  });

  it('rejects a broken PDF with a typed error', async () => {
    await expect(readPdfNode(new TextEncoder().encode('%PDF-1.7\nnot really'))).rejects.toMatchObject({
      code: 'pdf-invalid',
    });
  });
});

describe('pasapas ocr', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, [join(root, 'bin', 'pasapas.js'), 'ocr', ...args], {
      cwd: root,
      maxBuffer: 20e6,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  it('prints one JSON document for images and PDFs, with fields and boxes', async () => {
    const rib = await renderOne('rib', 'photo');
    const r = await cli(rib.path, pdfs.textPdf, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files).toHaveLength(2);
    const ribFields = out.files[0].pages[0].fields;
    expect(ribFields).toContainEqual(
      expect.objectContaining({ kind: 'iban', value: 'FR7630006000011234567890189', valid: true }),
    );
    expect(out.files[0].pages[0].documentType.type).toBe('rib');
    expect(out.files[0].pages[0].confidence).toBeGreaterThan(80);
    expect(out.files[1].pages[0]).toMatchObject({ page: 1, source: 'text-layer' });
  });

  it('prints text, confidence, type and fields for people, and fails clearly on a bad file', async () => {
    const bad = join(tmpdir(), 'pasapas-not-an-image.txt');
    writeFileSync(bad, 'bonjour');
    const caf = await renderOne('attestation-caf', 'clean');
    const r = await cli(caf.path, bad, join(tmpdir(), 'pasapas-missing.png'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Type de document : attestation-caf/);
    expect(r.stdout).toMatch(/Confiance moyenne : \d+ %/);
    expect(r.stdout).toMatch(/caf-number = 1234567 {2}valide/);
    expect(r.stdout).toMatch(/Numéro allocataire : 1234567/);
    expect(r.stdout).toMatch(
      /Erreur : Ce fichier n’est ni une image PNG ou JPEG, ni un PDF \(unsupported-format\)/,
    );
    expect(r.stdout).toMatch(/Erreur : Fichier introuvable \(not-found\)/);
  });

  it('explains its usage', async () => {
    expect((await cli()).code).toBe(2);
    const bad = await cli('--lang', 'fra;rm', 'x.png');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Langue invalide/);
    const absent = await cli('--lang', 'fra+klingon', 'x.png');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/Langue non installée : klingon/);
    expect((await cli('--help')).stdout).toMatch(/--pages N/);
  });
});
