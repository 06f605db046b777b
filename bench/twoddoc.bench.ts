/**
 * Filling from the signed 2D-Doc versus from OCR, on the OCR bench's documents with a code we sign
 * (tests/fixtures/twoddoc) added: the tax notice (type 28) and the RIB (type 03, bank details). The
 * CAF attestation, the OCR bench's third document, has no 2D-Doc type in the ANTS specification
 * (utils/twoddoc/fields.ts): it is read by OCR only, and is not in this comparison. Clean and degraded
 * like phone photos (the OCR bench's degradations), in the same run: time to the values (code: find +
 * decode + parse + verify; OCR: preprocessing + tesseract + extraction) and the expected fields right
 * (value right and valid; from the code, only when verified).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

/** The RIB fixture's values (ocr-docs/rib.html) as a bank-details code carries them. */
const PRINTED_RIB_FIELDS: Array<[string, string]> = [
  ['30', 'MME CAMILLE EXEMPLE'],
  ['31', 'FR7630006000011234567890189'],
  ['32', 'AGRIFRPP'],
];

/** Each document of the OCR bench that a 2D-Doc type covers, with the code printed on it. */
const WITH_CODE = [
  { id: 'avis-imposition', docType: '28', fields: PRINTED_TAX_NOTICE_FIELDS },
  { id: 'rib', docType: '03', fields: PRINTED_RIB_FIELDS },
] as const;

const expectedOf = (id: string) => DOCS.find((d) => d.id === id)?.fields ?? [];
/** Spaces aside: the code's IBAN comes grouped by four (the validator's form), the OCR's as printed. */
const same = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');
const right = (expected: ReadonlyArray<{ kind: string; value: string }>, fields: Field[]) =>
  expected.filter((w) => fields.some((f) => f.kind === w.kind && same(f.value, w.value) && f.valid)).length;

/** A document with its signed code, clean and degraded like the OCR bench's phone photos. */
async function renderVariants(dir: string, doc: (typeof WITH_CODE)[number]) {
  const code = await signedCode(doc.fields, { header: { docType: doc.docType } });
  const html = docWithStamp(doc.id, await codeSvg(code));
  return renderHtml(html, { dir, name: doc.id, variants: READABLE_VARIANTS });
}

export default async function twoDDocBench() {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-2ddoc-bench-'));
  const wasm = readerWasm();
  // The documents are signed with the demo key: the benchmark runs with the demo configuration's list.
  const trust = withDemoKey(TRUST_LIST);
  const engine = createNodeOcr();
  const loadAtStart = loadavg()[0]?.toFixed(1) ?? '?';
  try {
    const rows: Array<Record<string, string | number>> = [];
    const total = { codeMs: 0, ocrMs: 0, codeRight: 0, ocrRight: 0, expected: 0, n: 0 };
    for (const doc of WITH_CODE) {
      const expected = expectedOf(doc.id);
      const images = await renderVariants(dir, doc);
      // Both warmed on the clean page first: engine start is not what is compared.
      const first = decodeImage(readFileSync(images[0]?.path ?? '')).image;
      await engine.recognize(first);
      await readTwoDDoc(first, { wasm, trust });
      const sum = { codeMs: 0, ocrMs: 0, codeRight: 0, ocrRight: 0, n: 0 };
      for (const { variant, path } of images) {
        const decoded = decodeImage(readFileSync(path));
        const t = performance.now();
        const code = await readTwoDDoc(decoded.image, { wasm, trust });
        const codeMs = Math.round(performance.now() - t);
        const verified = code?.ok && code.verification.status === 'verified';
        const codeRight = verified && code?.ok ? right(expected, code.fields) : 0;
        const ocr = await readDocument({ image: decoded.image, orientation: decoded.orientation }, engine);
        const ocrRight = right(expected, ocr.fields);
        rows.push({
          document: doc.id,
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
        document: doc.id,
        variant: 'all',
        'code ms': Math.round(sum.codeMs / sum.n),
        'code fields right': `${sum.codeRight}/${sum.n * expected.length}`,
        'OCR ms': Math.round(sum.ocrMs / sum.n),
        'OCR fields right': `${sum.ocrRight}/${sum.n * expected.length}`,
      });
      total.codeMs += sum.codeMs;
      total.ocrMs += sum.ocrMs;
      total.codeRight += sum.codeRight;
      total.ocrRight += sum.ocrRight;
      total.expected += sum.n * expected.length;
      total.n += sum.n;
    }
    rows.push({
      document: 'TOTAL',
      variant: 'all',
      'code ms': Math.round(total.codeMs / total.n),
      'code fields right': `${total.codeRight}/${total.expected}`,
      'OCR ms': Math.round(total.ocrMs / total.n),
      'OCR fields right': `${total.ocrRight}/${total.expected}`,
    });
    return {
      title:
        '2D-Doc code versus OCR on the OCR bench’s documents with a code (time to the values, expected fields right)',
      rows,
      notes: [
        `Same images, same run (machine load ${loadAtStart} when timing started: times move with it, the ratio less); ms are means per image on the "all" rows. The code is found in the whole page (zxing-wasm, tryHarder), parsed and its ECDSA P-256 signature checked with WebCrypto.`,
        'Expected fields (the OCR bench’s): tax notice: numéro fiscal, référence de l’avis, revenu fiscal de référence; RIB: IBAN, BIC. A code value counts only when its signature is verified; values are compared spaces aside (an IBAN grouped by four is the same IBAN).',
        'The CAF attestation has no 2D-Doc type in the ANTS specification (annex 6.1): OCR only, see the OCR bench.',
      ],
    };
  } finally {
    await engine.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
}
