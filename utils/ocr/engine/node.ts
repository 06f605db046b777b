/**
 * The OCR engine in Node (command line, tests, bench): tesseract.js with the language data read from
 * node_modules, fully offline (no CDN, no cache written).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { managedEngine, type TessWorker } from './managed.ts';
import { type OcrEngine, THRESHOLDING_METHOD, type Thresholding } from './types.ts';

/** LSTM-only integer models: 0.7 MB (fra) instead of 6.3 MB, as fast and as accurate on our documents. */
export const DATA_VARIANT = '4.0.0_best_int';

const require = createRequire(import.meta.url);

/**
 * tesseract.js reads every language from one folder, but each @tesseract.js-data package has its own:
 * gather the files in one folder under the tmp dir (copied once, a few MB).
 */
export function nodeLangPath(langs: string[]): string {
  const dir = join(tmpdir(), `pasapas-ocr-lang-${DATA_VARIANT}`);
  mkdirSync(dir, { recursive: true });
  for (const lang of langs) {
    const file = `${lang}.traineddata.gz`;
    const target = join(dir, file);
    if (existsSync(target)) continue;
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    // Copy under a temporary name, then rename: a concurrent process never reads half a file.
    copyFileSync(join(pkg, DATA_VARIANT, file), `${target}.${process.pid}.tmp`);
    renameSync(`${target}.${process.pid}.tmp`, target);
  }
  return dir;
}

export type NodeOcrOptions = {
  langs?: string;
  thresholding?: Thresholding;
  /** Folder holding `<lang>.traineddata.gz`; by default the data packages in node_modules. */
  langPath?: string;
  signal?: AbortSignal;
};

export function createNodeOcr(opts: NodeOcrOptions = {}): OcrEngine {
  const langs = opts.langs ?? 'fra+eng';
  const spawn = async (): Promise<TessWorker> => {
    const langPath = opts.langPath ?? nodeLangPath(langs.split('+'));
    // Options go third: passed second, tesseract.js ignores them and falls back to its CDN.
    const worker = await createWorker(langs, OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true });
    await worker.setParameters({
      thresholding_method: THRESHOLDING_METHOD[opts.thresholding ?? 'sauvola'],
      // Our pages are ~200 dpi; saying so avoids tesseract guessing from the (missing) image metadata.
      user_defined_dpi: '200',
    });
    return worker as unknown as TessWorker;
  };
  return managedEngine(spawn, opts.signal);
}
