import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import panel from './vite.panel.config';

// The Firefox extension's panel: one module, its tabs inlined. In Firefox ESR, a navigation that
// cuts short a content script's dynamic import while the imported module's own imports load crashes
// the tab (README, « Firefox »); with one module and nothing to import, it was not seen to. The
// widget and the Chromium build keep the lazy chunks. wxt.config.ts puts it in place of panel/.
export default mergeConfig(panel, {
  build: {
    outDir: fileURLToPath(new URL('../dist/panel-firefox', import.meta.url)),
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
