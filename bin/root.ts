import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The project's folder (public/, node_modules/…), whether the command line runs from its sources
 * (bin/commands/) or built (dist/cli/, or the tests' private build): the nearest folder above this file
 * whose package.json is Pas à pas's.
 */
export function packageRoot(): string {
  if (found) return found;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; ) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'pasapas') {
      found = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pasapas: dossier du projet introuvable (package.json)');
    dir = parent;
  }
}
