/**
 * Filling from the signed 2D-Doc versus from OCR, on the fictitious tax notice with a code we sign
 * (tests/fixtures/twoddoc), clean and degraded like phone photos (the OCR bench's degradations), in the
 * same run: time to the values (code: find + decode + parse + verify; OCR: preprocessing + tesseract +
 * extraction) and the expected fields right (value right and valid; from the code, only when verified).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCS, docWithStamp, READABLE_VARIANTS, renderHtml } from '../tests/fixtures/ocr-docs/render.ts';
import {
  codeSvg,
  PRINTED_TAX_NOTICE_FIELDS,
  readerWasm,
  signedCode,
} from '../tests/fixtures/twoddoc/make.ts';
import { decodeImage } from '../utils/ocr/engine/decode-node.ts';
import { createNodeOcr } from '../utils/ocr/engine/node.ts';
import { readDocument } from '../utils/ocr/index.ts';
import { readTwoDDoc } from '../utils/twoddoc/read.ts';
import { TRUST_LIST, withDemoKey } from '../utils/twoddoc/trust.ts';

type Field = { kind: string; value: string; valid: boolean };
const expected = DOCS.find((d) => d.id === 'avis-imposition')?.fields ?? [];
const right = (fields: Field[]) =>
  expected.filter((w) => fields.some((f) => f.kind === w.kind && f.value === w.value && f.valid)).length;

/** The tax notice with its signed code, clean and degraded like the OCR bench's phone photos. */
async function renderVariants(dir: string) {
  const html = docWithStamp('avis-imposition', await codeSvg(await signedCode(PRINTED_TAX_NOTICE_FIELDS)));
  return renderHtml(html, { dir, name: 'avis', variants: READABLE_VARIANTS });
}

export default async function twoDDocBench() {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-2ddoc-bench-'));
  const wasm = readerWasm();
  // The documents are signed with the demo key: the benchmark runs with the demo configuration's list.
  const trust = withDemoKey(TRUST_LIST);
  const engine = createNodeOcr();
  try {
    const images = await renderVariants(dir);
    // Both warmed on the clean page first: engine start is not what is compared.
    const first = decodeImage(readFileSync(images[0]?.path ?? '')).image;
    await engine.recognize(first);
    await readTwoDDoc(first, { wasm, trust });
    const rows: Array<Record<string, string | number>> = [];
    const sum = { codeMs: 0, ocrMs: 0, codeRight: 0, ocrRight: 0, n: 0 };
    for (const { variant, path } of images) {
      const decoded = decodeImage(readFileSync(path));
      const t = performance.now();
      const code = await readTwoDDoc(decoded.image, { wasm, trust });
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
