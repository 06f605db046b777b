import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The `pasapas` command line, built to plain JavaScript for Node (no TypeScript compiler at run time):
 * bin/cli.ts is the entry, each command (bin/commands/*) a chunk imported only when it runs, so
 * `pasapas --help` loads one small file. npm packages stay external (SSR build): jsdom, tesseract.js,
 * pdfjs-dist… are loaded from node_modules by the command that needs them, when it runs.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: fileURLToPath(new URL('./cli.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../dist/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'cli.js',
        // Flat: every file sits in the same folder, whatever imports it.
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
