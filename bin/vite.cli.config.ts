import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/** The version of the package a resolved file belongs to (its nearest package.json with a name). */
function packageVersion(file: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name) return `${pkg.name}@${pkg.version}`;
    } catch {
      // no package.json here: one folder up
    }
  }
  return undefined;
}
const sameVersion = (a: string, b: string) => a !== '' && packageVersion(a) === packageVersion(b);

/**
 * readable's engine (bin/readable-engine.ts: jsdom, DOMPurify, Readability and our core) as one
 * CommonJS file beside the chunks, which bin/cached-bundle.ts loads with a code cache. esbuild, not
 * Vite's bundler: jsdom picks its CSS rule classes with a require of a template string, which esbuild
 * bundles as the set of files it can match and Rolldown leaves as a require that fails at run time.
 * The file name is the one bin/commands/readable.ts looks for.
 */
function readableEngineBundle(): Plugin {
  let outDir = '';
  return {
    name: 'pasapas-readable-engine',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const outfile = join(outDir, 'readable-engine.cjs');
      const result = await esbuild({
        entryPoints: [fileURLToPath(new URL('./readable-engine.ts', import.meta.url))],
        outfile,
        write: false,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        logLevel: 'warning',
        // Every run reads the whole file before V8 takes its cached code: without comments and
        // spaces it is 7.7 MB instead of 11 (names are kept, for stack traces); licences go beside it.
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'external',
        plugins: [
          {
            name: 'jsdom-in-the-command-line',
            setup(b) {
              // jsdom draws <canvas> with @napi-rs/canvas when installed (pdfjs-dist brings it): a
              // native library of tens of MB that readable never uses. Absent, jsdom's canvas is inert.
              b.onResolve({ filter: /^@napi-rs\/canvas$/ }, () => ({
                path: 'canvas',
                namespace: 'no-canvas',
              }));
              b.onLoad({ filter: /.*/, namespace: 'no-canvas' }, () => ({
                contents: 'throw new Error("no canvas in the command line");',
              }));
              // undici is jsdom's network (subresources, fetch, XHR, WebSocket): readable loads no
              // subresource and runs no page script, so it never asks the network. Its ~1 MB was the
              // biggest part of the engine's start-up after jsdom itself (module set-up at each run);
              // jsdom only needs its classes to exist, and a request would fail plainly.
              b.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'no-network' }));
              b.onLoad({ filter: /.*/, namespace: 'no-network' }, () => ({
                contents: [
                  "const { EventEmitter } = require('node:events');",
                  "const none = () => { throw new Error('pasapas readable: no network'); };",
                  'class Dispatcher extends EventEmitter { dispatch() { none(); } }',
                  'class DecoratorHandler { constructor(handler) { this.handler = handler; } }',
                  'class WebSocket { constructor() { none(); } }',
                  'module.exports = { Dispatcher, DecoratorHandler, WebSocket, getGlobalDispatcher: () => new Dispatcher() };',
                ].join('\n'),
                loader: 'js',
              }));
              // data-urls keeps its own copies of whatwg-url and tr46 (with tr46's Unicode tables),
              // the same versions as jsdom's: one copy is read and set up, not two (checked below).
              b.onResolve({ filter: /^(whatwg-url|tr46|webidl-conversions)(\/.*)?$/ }, async (args) => {
                if (!args.importer.includes(`${sep}data-urls${sep}`) || args.pluginData === 'shared') return;
                const jsdom = dirname(createRequire(import.meta.url).resolve('jsdom/package.json'));
                const shared = await b.resolve(args.path, {
                  kind: args.kind,
                  resolveDir: jsdom,
                  pluginData: 'shared',
                });
                const own = await b.resolve(args.path, {
                  kind: args.kind,
                  resolveDir: args.resolveDir,
                  pluginData: 'shared',
                });
                return sameVersion(own.path, shared.path) ? shared : own;
              });
              // Synchronous XHR runs a worker file that loads jsdom from its own folder; page scripts
              // never run here, so the file beside the bundle only says so if it is ever started.
              b.onResolve({ filter: /^\.\/xhr-sync-worker\.js$/ }, () => ({
                path: './xhr-sync-worker.js',
                external: true,
              }));
            },
          },
        ],
      });
      for (const file of result.outputFiles) {
        // esbuild leaves non-ASCII characters in regular expressions (Readability's « » … 广告):
        // one of them makes V8 hold the whole source as two-byte text, twice the memory and slower
        // to read. \uXXXX means the same code unit there, and the same code point with the u flag.
        const text =
          file.path === outfile
            ? file.text.replace(
                /[\u0080-\uffff]/g,
                (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
              )
            : file.text;
        writeFileSync(file.path, text);
      }
      writeFileSync(
        join(outDir, 'xhr-sync-worker.js'),
        'throw new Error("pasapas readable: synchronous XMLHttpRequest is not available (page scripts do not run)");\n',
      );
    },
  };
}

/**
 * The `pasapas` command line, built to plain JavaScript for Node (no TypeScript compiler at run time):
 * bin/cli.ts is the entry, each command (bin/commands/*) a chunk imported only when it runs, so
 * `pasapas --help` loads one small file. npm packages stay external (SSR build): tesseract.js,
 * pdfjs-dist… are loaded from node_modules by the command that needs them, when it runs; readable's
 * jsdom is bundled into one file (see readableEngineBundle).
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [readableEngineBundle()],
  build: {
    ssr: fileURLToPath(new URL('./cli.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../dist/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rollupOptions: {
      // The engine bundle (readableEngineBundle's writeBundle) takes seconds by design: no warning.
      checks: { bundlerTimings: false },
      output: {
        format: 'es',
        entryFileNames: 'cli.js',
        // Flat: every file sits in the same folder, whatever imports it.
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
