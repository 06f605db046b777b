#!/usr/bin/env node
// Copies the files we ship from npm packages into public/ (gitignored): fonts from @fontsource,
// and the OCR engine and language data when scripts/copy-ocr-assets.js is present. No CDN at run time.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fontsOut = join(root, 'public', 'fonts');
mkdirSync(fontsOut, { recursive: true });
const fonts = [
  ['@fontsource/atkinson-hyperlegible', 'atkinson-hyperlegible-latin-400-normal.woff2'],
  ['@fontsource/atkinson-hyperlegible', 'atkinson-hyperlegible-latin-700-normal.woff2'],
  ['@fontsource/opendyslexic', 'opendyslexic-latin-400-normal.woff2'],
  ['@fontsource/opendyslexic', 'opendyslexic-latin-700-normal.woff2'],
];
for (const [pkg, file] of fonts) {
  const from = join(dirname(require.resolve(`${pkg}/package.json`)), 'files', file);
  copyFileSync(from, join(fontsOut, file));
  console.log(`fonts: ${file} (${Math.round(statSync(from).size / 1024)} KB)`);
}
const ocr = join(root, 'scripts', 'copy-ocr-assets.js');
if (existsSync(ocr)) await import(pathToFileURL(ocr).href);
