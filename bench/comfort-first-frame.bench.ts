import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = process.env.PASAPAS_EXT ?? join(ROOT, '.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Does the person's comfort setting show on a new page's first frame, or does the page flash in its
 * own colours first? The page script reads the settings from storage at document_start, which the
 * browser does not wait for: a race, so it is measured here rather than asserted in a test. Each
 * load records, in the page, when the root's style changed to ours and when the first animation
 * frame ran (before the first paint); the reference is the same page's first frame with the
 * extension left at its default settings, in the same run.
 */
export default async function comfortFirstFrame() {
  const { startDemoServer } = await import('../demo/server.js');
  const demo = await startDemoServer({ port: 0 });
  const tmp = mkdtempSync(join(tmpdir(), 'pasapas-bench-'));
  const context = await chromium.launchPersistentContext(tmp, {
    executablePath: process.env.PASAPAS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const setComfort = (comfort: Record<string, unknown>) =>
    worker.evaluate(
      (c) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
          }
        ).chrome.storage.local.set({ 'pasapas:settings': { comfort: c } }),
      comfort,
    );
  await context.addInitScript(() => {
    const w = window as unknown as { ppApplied?: number; ppFrame?: number };
    new MutationObserver(() => {
      w.ppApplied ??= performance.now();
    }).observe(document.documentElement, { attributes: true });
    requestAnimationFrame(() => {
      w.ppFrame = performance.now();
    });
  });
  const url = `${demo.url}/aide-logement/identite.html?widget=0`;
  const sample = async () => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const read = () =>
      page.evaluate(() => {
        const w = window as unknown as { ppApplied?: number; ppFrame?: number };
        return { applied: w.ppApplied, frame: w.ppFrame };
      });
    let r = await read();
    while (r.frame === undefined) r = await read();
    await page.close();
    return r;
  };
  const runs = async () => {
    await sample(); // warms the caches, not counted
    const out: { applied?: number; frame?: number }[] = [];
    for (let i = 0; i < RUNS; i++) out.push(await sample());
    return out;
  };
  await setComfort({});
  const plain = await runs();
  await setComfort({ textScale: 1.25, theme: 'yellow-black' });
  const ours = await runs();
  await context.close();
  await demo.close();
  rmSync(tmp, { recursive: true, force: true });

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const early = ours.filter((r) => r.applied !== undefined && r.frame !== undefined && r.applied <= r.frame);
  return {
    title: `Comfort settings on a new page’s first frame (demo procedure page, ${RUNS} loads)`,
    rows: [
      {
        measure: 'first frame, default settings (reference)',
        median: ms(median(plain.map((r) => r.frame ?? Number.NaN))),
        'loads with settings before the first frame': '—',
      },
      {
        measure: 'first frame, larger text + yellow on black',
        median: ms(median(ours.map((r) => r.frame ?? Number.NaN))),
        'loads with settings before the first frame': `${early.length}/${ours.length}`,
      },
      {
        measure: 'settings applied (root style changed)',
        median: ms(median(ours.map((r) => r.applied ?? Number.NaN))),
        'loads with settings before the first frame': '',
      },
    ],
    notes: [
      'Times are from the navigation start (performance.now()) in the page.',
      'A load whose settings come after its first frame shows the site’s own colours for one frame.',
    ],
  };
}
