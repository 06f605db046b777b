/**
 * OCR on the fictitious documents rendered in Chromium (clean and degraded like phone photos):
 * per image, our pipeline (preprocessing + tesseract.js, Sauvola) beside the same pipeline with Otsu
 * and beside the native `tesseract` command (one thread) on the same image file, all in this run.
 * Time, peak memory (RSS delta, sampled), character error rate against the document's known text, and
 * the share of expected fields found with the right value and valid.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { cer, READABLE_VARIANTS, type Rendered, renderDocs } from '../tests/fixtures/ocr-docs/render.ts';
import { decodeImage } from '../utils/ocr/engine/decode-node.ts';
import { createNodeOcr } from '../utils/ocr/engine/node.ts';
import type { OcrEngine } from '../utils/ocr/engine/types.ts';
import { extractFields } from '../utils/ocr/extract/index.ts';
import { readDocument } from '../utils/ocr/index.ts';

const run = promisify(execFile);
const MB = 1024 * 1024;

/** Samples the process RSS every 10 ms while `fn` runs; returns the peak above the starting RSS. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; absMb: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: Math.round(((peak - start) / MB) * 10) / 10, absMb: Math.round(peak / MB) };
  } finally {
    clearInterval(timer);
  }
}

function fieldScore(r: Rendered, fields: Array<{ kind: string; value: string; valid: boolean }>) {
  const right = r.doc.fields.filter((want) =>
    fields.some((f) => f.kind === want.kind && f.value === want.value && f.valid),
  );
  return { right: right.length, total: r.doc.fields.length };
}

async function nativeAvailable(): Promise<string | null> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--version']);
    return (stdout || stderr).split('\n')[0] ?? 'tesseract';
  } catch {
    return null;
  }
}

/** Native tesseract, one thread (its OpenMP default is slower on 2 shared cores), max RSS from GNU time. */
async function native(path: string) {
  const started = performance.now();
  const { stdout, stderr } = await run(
    '/usr/bin/time',
    ['-f', 'MAXRSS %M', 'tesseract', path, 'stdout', '-l', 'fra'],
    {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      maxBuffer: 10 * MB,
    },
  );
  const ms = Math.round(performance.now() - started);
  const kb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { text: stdout, ms, rssMb: Math.round((kb / 1024) * 10) / 10 };
}

export default async function ocrBench() {
  const rendered = await renderDocs({ variants: READABLE_VARIANTS });
  const sauvola = createNodeOcr({ thresholding: 'sauvola' });
  const otsu = createNodeOcr({ thresholding: 'otsu' });
  const nativeVersion = await nativeAvailable();
  const notes: string[] = [];

  // Engine start (worker + WASM + fra/eng data), measured once on the first page.
  const warm = async (engine: OcrEngine) => {
    const first = rendered[0];
    if (!first) return 0;
    const t = performance.now();
    await engine.recognize(decodeImage(readFileSync(first.path)).image);
    return Math.round(performance.now() - t);
  };
  const startMs = await warm(sauvola);
  await warm(otsu);

  const rows: Array<Record<string, string | number>> = [];
  const agg = {
    ours: {
      clean: [] as number[],
      degraded: [] as number[],
      fields: { clean: { right: 0, total: 0 }, degraded: { right: 0, total: 0 } },
      ms: [] as number[],
    },
    otsu: {
      clean: [] as number[],
      degraded: [] as number[],
      fields: { clean: { right: 0, total: 0 }, degraded: { right: 0, total: 0 } },
      ms: [] as number[],
    },
    native: {
      clean: [] as number[],
      degraded: [] as number[],
      fields: { clean: { right: 0, total: 0 }, degraded: { right: 0, total: 0 } },
      ms: [] as number[],
    },
  };
  const add = (
    key: keyof typeof agg,
    r: Rendered,
    errorRate: number,
    f: { right: number; total: number },
    ms: number,
  ) => {
    const a = agg[key];
    const group = r.variant === 'clean' ? 'clean' : 'degraded';
    a[group].push(errorRate);
    a.fields[group].right += f.right;
    a.fields[group].total += f.total;
    a.ms.push(ms);
  };

  for (const r of rendered) {
    const image = decodeImage(readFileSync(r.path));
    const ours = await withPeakRss(() =>
      readDocument({ image: image.image, orientation: image.orientation }, sauvola),
    );
    const oursCer = cer(r.text, ours.value.text);
    const oursFields = fieldScore(r, ours.value.fields);
    add('ours', r, oursCer, oursFields, ours.value.durationMs);
    const withOtsu = await readDocument({ image: image.image, orientation: image.orientation }, otsu);
    const otsuCer = cer(r.text, withOtsu.text);
    const otsuFields = fieldScore(r, withOtsu.fields);
    add('otsu', r, otsuCer, otsuFields, withOtsu.durationMs);
    const row: Record<string, string | number> = {
      document: r.doc.id,
      variant: r.variant,
      'ours ms': ours.value.durationMs,
      'ours RSS Δ MB': ours.peakMb,
      'ours RSS MB': ours.absMb,
      'ours CER %': +(oursCer * 100).toFixed(2),
      'ours fields': `${oursFields.right}/${oursFields.total}`,
      'otsu ms': withOtsu.durationMs,
      'otsu CER %': +(otsuCer * 100).toFixed(2),
      'otsu fields': `${otsuFields.right}/${otsuFields.total}`,
    };
    if (nativeVersion) {
      const n = await native(r.path);
      const nCer = cer(r.text, n.text);
      const nFields = fieldScore(r, extractFields({ text: n.text }));
      add('native', r, nCer, nFields, n.ms);
      Object.assign(row, {
        'native ms': n.ms,
        'native max RSS MB': n.rssMb,
        'native CER %': +(nCer * 100).toFixed(2),
        'native fields': `${nFields.right}/${nFields.total}`,
      });
    }
    rows.push(row);
  }
  await sauvola.terminate();
  await otsu.terminate();

  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  const fieldsPct = ({ right, total }: { right: number; total: number }) =>
    `${((right / (total || 1)) * 100).toFixed(0)} % (${right}/${total})`;
  for (const [name, a] of Object.entries(agg)) {
    if (a.ms.length === 0) continue;
    notes.push(
      `${name}: mean ${Math.round(mean(a.ms))} ms/page (max ${Math.max(...a.ms)}), CER clean ${pct(mean(a.clean))}, ` +
        `degraded ${pct(mean(a.degraded))} (worst ${pct(Math.max(...a.degraded))}); fields right clean ${fieldsPct(a.fields.clean)}, degraded ${fieldsPct(a.fields.degraded)}`,
    );
  }
  notes.push(
    `ours = preprocessing (grey, percentile stretch, downscale ≤2400 px, deskew) + tesseract.js 7 (LSTM, fra+eng best_int, Sauvola); "ms" includes preprocessing and extraction. Engine start: ${startMs} ms (first page, included once, not in the rows).`,
    '"ours RSS Δ" is the peak rise of the whole Node process (main thread + tesseract worker thread) during the page, sampled every 10 ms; "ours RSS" is that peak in absolute terms, with two engines (Sauvola and Otsu) loaded. Native max RSS is GNU time\'s for the whole tesseract process.',
    "otsu = the same pipeline with tesseract's default global (Otsu) binarisation.",
    nativeVersion
      ? `native = \`OMP_THREAD_LIMIT=1 tesseract img stdout -l fra\` (${nativeVersion}) on the same file, no preprocessing, fields by the same extractor on its text; its time includes process start and data loading for every page.`
      : 'native tesseract not installed: column skipped (apt-get install tesseract-ocr tesseract-ocr-fra).',
    'Targets: ≤ 3 s per A4 page, CER ≤ 1 % on clean renders, all fields right on clean, ≥ 90 % on degraded. Pages are A4 at ~200 dpi (1667×2358). The machine is shared (2 cores, other jobs running): times vary between runs.',
  );
  return { title: 'OCR: our pipeline vs Otsu vs native tesseract, per page', rows, notes };
}
