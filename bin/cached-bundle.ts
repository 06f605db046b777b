/**
 * Loads one self-contained CommonJS file (all its libraries inside) with a V8 code cache written
 * after it has run. Node's own compile cache (enabled by bin/pasapas.js) keeps each module's code as
 * compiled when it was loaded, not the functions compiled later while it ran, and a library spread
 * over ~900 files (jsdom) still costs a read, a stat and a cache lookup per file; one file with a
 * cache taken after a real run skips both (bench/cli.bench.ts measures it).
 *
 * The cache is on when Node's compile cache is (NODE_DISABLE_COMPILE_CACHE=1 turns both off) and
 * sits beside the bundle, so it goes when the build is replaced; its name carries the Node version
 * and the bundle's size and time of writing, and V8 itself refuses a cache from another V8 or other
 * flags. An unwritable folder only means no cache.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export type CachedBundle<T> = {
  exports: T;
  /** Writes the code cache if there was none or V8 refused it; call after the bundle did its work. */
  saveCache(): void;
};

export function loadCachedBundle<T>(file: string): CachedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const folder = dirname(file);
  const { size, mtimeMs } = statSync(file);
  const prefix = `${basename(file)}.`;
  const key = `${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}`;
  const cacheFile = nodeModule.getCompileCacheDir?.() ? join(folder, `${prefix}${key}.v8cache`) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // First run with this bundle: compiled from source, cached below.
    }
  }
  // CommonJS's own wrapper (what Node's loader puts around a module), on one line so lines keep their numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: T },
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    saveCache() {
      if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
      try {
        // Caches for another Node are dead weight (several MB each). This one's own is replaced by the
        // rename below, never removed first: a process running meanwhile always finds one.
        for (const name of readdirSync(folder)) {
          const other = join(folder, name);
          if (name.startsWith(prefix) && name.endsWith('.v8cache') && other !== cacheFile)
            rmSync(other, { force: true });
        }
        // Written whole then renamed: a process starting meanwhile reads the old file or none.
        const partial = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // An unwritable folder only means no cache.
      }
    },
  };
}
