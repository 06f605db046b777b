import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The panel itself is built once by widgets/vite.panel.config.ts into public/panel/
// and shared by the extension and the widget; WXT only builds the thin entrypoints.
export default defineConfig({
  manifestVersion: 3,
  imports: false,
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Pas à pas',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    web_accessible_resources: [
      {
        resources: ['panel/*', 'fonts/*', 'glossary/*', 'guides/*', 'ocr.html', 'ocr/*'],
        matches: ['<all_urls>'],
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'pasapas@example.org', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});
