import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
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
  hooks: {
    // Firefox's build gets the panel as one module (widgets/vite.panel-firefox.config.ts), in the same
    // place. `npm run dev` keeps the lazy chunks, which it rebuilds on every change.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox' || wxt.config.command === 'serve') return;
      const single = resolve('dist/panel-firefox');
      if (!existsSync(join(single, 'panel.js')))
        throw new Error('dist/panel-firefox is missing: run `npm run build:panel` first');
      const kept = files.filter((file) => !file.relativeDest.startsWith('panel/'));
      const panel = readdirSync(single, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const absoluteSrc = join(entry.parentPath, entry.name);
          return {
            absoluteSrc,
            relativeDest: ['panel', ...relative(single, absoluteSrc).split(sep)].join('/'),
          };
        });
      files.splice(0, files.length, ...kept, ...panel);
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Pas à pas',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Asked only when the mediator turns public-computer mode on (options page): the end of a
    // session clears the sites' data and the session's history (background/session-end.ts).
    optional_permissions: ['browsingData'],
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
    // What the page script loads into a web page. Chrome: `use_dynamic_url` serves these only at a
    // per-session address that `runtime.getURL` returns, so a site cannot probe the extension's fixed
    // address to learn the person uses it (Firefox ignores the key: its address is random per install).
    // Not the panel's modules: Chromium resolves a module's imports against the fixed address, which
    // is then refused, so the panel and its chunks stay at the fixed address. ocr.html's own engine
    // files (ocr/*) are loaded by ocr.html itself, an extension page: not web-accessible.
    web_accessible_resources: [
      { resources: ['panel/*'], matches: ['<all_urls>'] },
      {
        resources: ['fonts/*', 'glossary/*', 'guides/*', 'ocr.html', 'session.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
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
