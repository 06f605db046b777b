/**
 * Vitest global setup (unit and integration projects): builds the command line from the current
 * sources into a private folder and points bin/pasapas.js at it (PASAPAS_CLI_BUILD, inherited by the
 * test workers and the processes they spawn). The tests then run the CLI as shipped — built, not
 * through tsx — yet never a stale or missing dist/cli, and parallel runs do not share a folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..');

export default async function setup(): Promise<() => void> {
  if (process.env.PASAPAS_CLI_BUILD) return () => {};
  // Inside the project, so the build finds node_modules and public/ above it, as dist/cli does.
  const cache = join(ROOT, 'node_modules/.cache');
  const out = mkdtempSync(join(cache, 'pasapas-cli-test-'));
  await build({
    configFile: join(ROOT, 'bin/vite.cli.config.ts'),
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true },
  });
  process.env.PASAPAS_CLI_BUILD = out;
  return () => {
    delete process.env.PASAPAS_CLI_BUILD;
    rmSync(out, { recursive: true, force: true });
  };
}
