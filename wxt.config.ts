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
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The page script already runs on every site (content_scripts below): the same sites let our
    // pages talk to it (scripting), read a tab on request (OCR capture) and fetch guide catalogs.
    host_permissions: ['<all_urls>'],
    // entrypoints/every-page.ts: a plain script, declared here rather than through WXT's content
    // script wrapper, whose set-up costs about a millisecond on every page load.
    content_scripts: [
      { matches: ['<all_urls>'], js: ['every-page.js'], run_at: 'document_start', all_frames: false },
    ],
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
