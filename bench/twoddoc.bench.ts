/**
 * Filling from the signed 2D-Doc versus from OCR, on the fictitious tax notice with a code we sign
 * (tests/fixtures/twoddoc), clean and degraded like phone photos (the OCR bench's degradations), in the
 * same run: time to the values (code: find + decode + parse + verify; OCR: preprocessing + tesseract +
 * extraction) and the expected fields right (value right and valid; from the code, only when verified).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, DOCS, READABLE_VARIANTS } from '../tests/fixtures/ocr-docs/render.ts';
import { codeSvg, readerWasm, signedCode } from '../tests/fixtures/twoddoc/make.ts';
import { decodeImage } from '../utils/ocr/engine/decode-node.ts';
import { createNodeOcr } from '../utils/ocr/engine/node.ts';
import { readDocument } from '../utils/ocr/index.ts';
import { readTwoDDoc } from '../utils/twoddoc/read.ts';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures/ocr-docs');
const FIELDS: Array<[string, string]> = [
  ['43', '1,5'],
  ['44', '2675A12345678'],
  ['45', '2025'],
  ['46', 'EXEMPLE CAMILLE'],
  ['4A', '31072026'],
  ['47', '3023217600053'],
  ['41', '24350'],
  ['4V', '1126'],
  ['4Y', '12 RUE DES LILAS 75011 PARIS'],
];

type Field = { kind: string; value: string; valid: boolean };
const expected = DOCS.find((d) => d.id === 'avis-imposition')?.fields ?? [];
const right = (fields: Field[]) =>
  expected.filter((w) => fields.some((f) => f.kind === w.kind && f.value === w.value && f.valid)).length;

async function renderVariants(dir: string): Promise<Array<{ variant: string; path: string }>> {
  const svg = await codeSvg(await signedCode(FIELDS));
  writeFileSync(
    join(dir, 'avis.html'),
    readFileSync(join(FIXTURES, 'avis-imposition.html'), 'utf8').replace(
      '<body>',
      `<body><div style="position:absolute;top:24px;right:32px;width:150px">${svg}</div>`,
    ),
  );
  copyFileSync(join(FIXTURES, 'style.css'), join(dir, 'style.css'));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const out: Array<{ variant: string; path: string }> = [];
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2.1 });
    await page.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    await page.goto(`file://${join(dir, 'avis.html')}`);
    await page.addScriptTag({ path: join(FIXTURES, 'degrade.js') });
    const png = await page.screenshot({ fullPage: true, type: 'png' });
    const src = `data:image/png;base64,${png.toString('base64')}`;
    for (const v of READABLE_VARIANTS) {
      const path = join(dir, `avis.${v}.${v === 'jpeg40' || v === 'photo' ? 'jpg' : 'png'}`);
      if (v === 'clean') writeFileSync(path, png);
      else {
        const url = (await page.evaluate(`degrade(${JSON.stringify(src)}, ${JSON.stringify(v)})`)) as string;
        writeFileSync(path, Buffer.from(url.split(',')[1] ?? '', 'base64'));
      }
      out.push({ variant: v, path });
    }
  } finally {
    await browser.close();
  }
  return out;
}

export default async function twoDDocBench() {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-2ddoc-bench-'));
  const wasm = readerWasm();
  const engine = createNodeOcr();
  try {
    const images = await renderVariants(dir);
    // Both warmed on the clean page first: engine start is not what is compared.
    const first = decodeImage(readFileSync(images[0]?.path ?? '')).image;
    await engine.recognize(first);
    await readTwoDDoc(first, { wasm });
    const rows: Array<Record<string, string | number>> = [];
    const sum = { codeMs: 0, ocrMs: 0, codeRight: 0, ocrRight: 0, n: 0 };
    for (const { variant, path } of images) {
      const decoded = decodeImage(readFileSync(path));
      const t = performance.now();
      const code = await readTwoDDoc(decoded.image, { wasm });
      const codeMs = Math.round(performance.now() - t);
      const verified = code?.ok && code.verification.status === 'verified';
      const codeRight = verified && code?.ok ? right(code.fields) : 0;
      const ocr = await readDocument({ image: decoded.image, orientation: decoded.orientation }, engine);
      const ocrRight = right(ocr.fields);
      rows.push({
        variant,
        'code found': code ? (code.ok ? code.verification.status : code.error) : 'no',
        'code ms': codeMs,
        'code fields right': `${codeRight}/${expected.length}`,
        'OCR ms': ocr.durationMs,
        'OCR fields right': `${ocrRight}/${expected.length}`,
      });
      sum.codeMs += codeMs;
      sum.ocrMs += ocr.durationMs;
      sum.codeRight += codeRight;
      sum.ocrRight += ocrRight;
      sum.n++;
    }
    rows.push({
      variant: 'all',
      'code ms': Math.round(sum.codeMs / sum.n),
      'code fields right': `${sum.codeRight}/${sum.n * expected.length}`,
      'OCR ms': Math.round(sum.ocrMs / sum.n),
      'OCR fields right': `${sum.ocrRight}/${sum.n * expected.length}`,
    });
    return {
      title: '2D-Doc code versus OCR on a tax notice (time to the values, expected fields right)',
      rows,
      notes: [
        'Same images, same run; ms are means per image on the "all" row. The code is found in the whole page (zxing-wasm, tryHarder), parsed and its ECDSA P-256 signature checked with WebCrypto.',
        'Expected fields: numéro fiscal, référence de l’avis, revenu fiscal de référence (the OCR bench’s). A code value counts only when its signature is verified.',
      ],
    };
  } finally {
    await engine.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
}
