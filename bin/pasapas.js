#!/usr/bin/env node
// The command line, built to plain JavaScript by `npm run build` (bin/vite.cli.config.ts → dist/cli/):
// no TypeScript compiler at run time, and each command loads only what it needs when it runs.
// PASAPAS_CLI_BUILD points to another build of it (the tests run a fresh private one).
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = process.env.PASAPAS_CLI_BUILD || fileURLToPath(new URL('../dist/cli', import.meta.url));
const entry = join(dir, 'cli.js');
if (!existsSync(entry)) {
  console.error(
    `pasapas : la ligne de commande n’est pas construite (${entry} manque).\n` +
      'Lancez « npm run build » (ou seulement « npm run build:cli ») dans le dossier du projet.',
  );
  process.exit(1);
}
// V8 keeps the compiled code of the modules it loads (ours, jsdom's…) so the next runs skip most of the
// parsing and compiling: in the project's own node_modules/.cache, not the shared /tmp that any local
// user could fill first (NODE_DISABLE_COMPILE_CACHE=1 turns it off; unwritable folder: no cache).
nodeModule.enableCompileCache?.(
  fileURLToPath(new URL('../node_modules/.cache/pasapas-cli', import.meta.url)),
);
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
