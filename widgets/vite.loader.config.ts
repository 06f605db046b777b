import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const out = fileURLToPath(new URL('../dist/widget', import.meta.url));
const publicDir = fileURLToPath(new URL('../public', import.meta.url));

/** The folders of public/ copied into dist/widget (README, « Embed the widget », says which can be left out). */
export const WIDGET_ASSET_DIRS = ['panel', 'fonts', 'ocr', 'glossary'] as const;

/**
 * The widget folder an administration copies to its server: loader + panel + fonts + OCR +
 * glossary. No guides: each site gives its own (data-guides, data-catalog); the demo serves its
 * guides itself (demo/server.js, /demo-guides/).
 */
function copyWidgetAssets(): Plugin {
  return {
    name: 'pasapas-widget-assets',
    closeBundle() {
      for (const dir of WIDGET_ASSET_DIRS) {
        const from = `${publicDir}/${dir}`;
        if (existsSync(from)) cpSync(from, `${out}/${dir}`, { recursive: true });
      }
      for (const file of ['guide.schema.json']) {
        const from = `${publicDir}/${file}`;
        if (existsSync(from)) cpSync(from, `${out}/${file}`);
      }
    },
  };
}

/**
 * The loader reads the features' definitions (ids, options, preload) but never loads their parts:
 * those come with the panel. An IIFE cannot split chunks, so every lazy `import()` of a feature's
 * part would be inlined; here each becomes an empty module instead, which the loader never calls.
 */
function leaveFeaturePartsOut(): Plugin {
  const EMPTY = '\0pasapas-not-in-loader';
  const features = fileURLToPath(new URL('../components/features/', import.meta.url));
  return {
    name: 'pasapas-leave-feature-parts-out',
    resolveDynamicImport(_specifier, importer) {
      return importer?.startsWith(features) ? EMPTY : null;
    },
    load: (id) => (id === EMPTY ? 'export {};' : null),
  };
}

// The loader is a classic script (works with a plain <script defer>), so an IIFE without imports.
export default defineConfig({
  publicDir: false,
  plugins: [leaveFeaturePartsOut(), copyWidgetAssets()],
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./loader.ts', import.meta.url)),
      formats: ['iife'],
      name: 'PasAPasLoader',
      fileName: () => 'widget.js',
    },
  },
});
mkdirSync(out, { recursive: true });
