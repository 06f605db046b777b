#!/usr/bin/env node
/**
 * `npm run dev`: everything a developer edits is rebuilt while it runs.
 * - the panel (widgets/vite.panel.config.ts → public/panel/), rebuilt on every change; WXT sees
 *   public/ change and reloads the extension;
 * - the extension's entrypoints, by WXT's dev server (into .output/<browser>-mv3-dev/), which opens
 *   a browser with the extension installed;
 * - the command line (bin/vite.cli.config.ts → dist/cli/), so `node bin/pasapas.js` runs the sources
 *   as they are.
 * Ctrl+C stops all three. Options: `--no-browser` (build and reload, open nothing: no display, or your
 * own browser loading .output/chrome-mv3-dev), `-b firefox` / `--browser firefox`.
 * The embeddable widget (dist/widget/) is not rebuilt here: `npm run build:widget` after panel changes.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createServer } from 'wxt';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const browserAt = args.findIndex((a) => a === '-b' || a === '--browser');
const browser = browserAt >= 0 ? args[browserAt + 1] : undefined;
const noBrowser = args.includes('--no-browser');
const known = new Set(['-b', '--browser', '--no-browser', browser]);
const unknown = args.filter((a) => !known.has(a));
if (unknown.length > 0 || (browserAt >= 0 && !browser)) {
  console.error(
    `Usage : npm run dev -- [--no-browser] [-b chrome|firefox]  (inconnu : ${unknown.join(' ')})`,
  );
  process.exit(2);
}

/** Starts a Vite build in watch mode; resolves once its first build is written. */
function watch(name, configFile) {
  return new Promise((resolve, reject) => {
    let first = true;
    build({ root, configFile, logLevel: 'warn', build: { watch: {} } }).then((watcher) => {
      watcher.on('event', (event) => {
        if (event.code === 'ERROR') {
          console.error(`[${name}] ${event.error?.message ?? event.error}`);
          if (first) reject(event.error);
        }
        if (event.code === 'BUNDLE_END') event.result?.close?.();
        if (event.code === 'END') {
          console.log(`[${name}] ${first ? 'built' : 'rebuilt'} (${new Date().toLocaleTimeString()})`);
          if (first) resolve(watcher);
          first = false;
        }
      });
    }, reject);
  });
}

const watchers = [];
let server;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([...watchers.map((w) => w.close()), server?.stop()]);
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  // The panel first: WXT copies public/ (panel included) into the extension when it starts.
  watchers.push(await watch('panel', 'widgets/vite.panel.config.ts'));
  watchers.push(await watch('cli', 'bin/vite.cli.config.ts'));
  server = await createServer({ root, browser, ...(noBrowser ? { webExt: { disabled: true } } : {}) });
  await server.start();
  console.log(
    `[dev] ready: panel, command line and extension rebuild on change${noBrowser ? ' (no browser opened)' : ''}; extension pages served by ${server.origin}; Ctrl+C stops.`,
  );
} catch (error) {
  console.error(error);
  await stop(1);
}
