#!/usr/bin/env node
// Copies the OCR engine and its language data into public/ocr/ so the extension and the widget serve
// them from their own files (no CDN). Run by the build; public/ocr/ is gitignored.
//   public/ocr/worker.min.js          tesseract.js worker (a file: MV3 forbids blob workers)
//   public/ocr/core/*-lstm.wasm.js    the core variants the loader may pick for our LSTM-only engine:
//                                     relaxed-SIMD, SIMD and plain. Each .wasm.js embeds its WebAssembly, so
//                                     the separate .wasm files are not needed; the "full" (legacy engine)
//                                     variants are only loaded for OEM 0/2, which we never use: set
//                                     PASAPAS_OCR_FULL_CORE=1 to ship them anyway (+13 MB).
//   public/ocr/lang/<l>.traineddata.gz  LSTM-only "best_int" data (fra 0.7 MB)
//   public/ocr/pdf.worker.min.mjs, standard_fonts/  pdf.js worker and fonts, for PDF uploads
//   public/ocr/zxing_reader.wasm      zxing-wasm's DataMatrix reader (the signed 2D-Doc code), which
//                                     would otherwise be fetched from a CDN
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// PASAPAS_OCR_OUT lets tests copy into a temporary folder instead.
const out = process.env.PASAPAS_OCR_OUT ?? join(root, 'public', 'ocr');
const DATA_VARIANT = '4.0.0_best_int';
const LANGS = (process.env.PASAPAS_OCR_LANGS ?? 'fra,eng').split(',');

const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));
const copied = [];
rmSync(out, { recursive: true, force: true });
const copy = (from, to) => {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  copied.push([to.startsWith(root) ? to.slice(root.length + 1) : to, statSync(to).size]);
};

copy(join(pkgDir('tesseract.js'), 'dist', 'worker.min.js'), join(out, 'worker.min.js'));
const core = pkgDir('tesseract.js-core');
const full = process.env.PASAPAS_OCR_FULL_CORE === '1';
for (const file of readdirSync(core).filter((f) =>
  (full ? /^tesseract-core.*\.wasm\.js$/ : /-lstm\.wasm\.js$/).test(f),
)) {
  copy(join(core, file), join(out, 'core', file));
}
for (const lang of LANGS) {
  copy(
    join(pkgDir(`@tesseract.js-data/${lang}`), DATA_VARIANT, `${lang}.traineddata.gz`),
    join(out, 'lang', `${lang}.traineddata.gz`),
  );
}

const pdfjs = pkgDir('pdfjs-dist');
copy(join(pdfjs, 'build', 'pdf.worker.min.mjs'), join(out, 'pdf.worker.min.mjs'));
for (const file of readdirSync(join(pdfjs, 'standard_fonts'))) {
  copy(join(pdfjs, 'standard_fonts', file), join(out, 'standard_fonts', file));
}

copy(require.resolve('zxing-wasm/reader/zxing_reader.wasm'), join(out, 'zxing_reader.wasm'));

const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
for (const [file, size] of copied) console.log(`${mb(size).padStart(9)}  ${file}`);
console.log(`${mb(copied.reduce((s, [, n]) => s + n, 0)).padStart(9)}  total in ${out}`);
