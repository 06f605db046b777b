import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// One ES module + lazy chunks (one per feature tab), shared by the extension and the widget.
export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  // Relative: emitted files (the preprocessing worker) resolve from the chunk's own URL, wherever the
  // panel is served from (the extension's panel/, a site's /pasapas/panel/).
  base: './',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../public/panel', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    lib: {
      entry: fileURLToPath(new URL('./panel-entry.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'panel.js',
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
