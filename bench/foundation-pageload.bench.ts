import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = process.env.BENCH_EXT ?? join(ROOT, '.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Main-thread cost of the content script while the demo page loads: the renderer's script and
 * task time (Chrome DevTools Protocol Performance.getMetrics) with the extension, against the
 * same page in the same run without it. Medians of several cold page loads.
 */
export default async function pageLoad() {
  const { startDemoServer } = await import('../demo/server.js');
  const demo = await startDemoServer({ port: 0 });
  const url = `${demo.url}/aide-logement/identite.html?widget=0`;
  const measure = async (withExtension: boolean) => {
    const profile = mkdtempSync(join(tmpdir(), 'pasapas-bench-'));
    const args = [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ];
    if (withExtension) args.push(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.PASAPAS_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args,
    });
    if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const script: number[] = [];
    const task: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      if (withExtension && !process.env.BENCH_EXT) await page.locator('[data-pasapas="launcher"]').waitFor();
      await page.waitForTimeout(150);
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      if (i > 0) {
        // the first load warms caches; not counted
        script.push(get('ScriptDuration'));
        task.push(get('TaskDuration'));
      }
      await page.close();
    }
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    return { script: median(script), task: median(task) };
  };
  const without = await measure(false);
  const withExt = await measure(true);
  await demo.close();
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  return {
    title: `Foundation — page-load main-thread cost of the content script (median of ${RUNS} loads of the demo page)`,
    rows: [
      {
        measure: 'script time',
        'without extension': ms(without.script),
        'with extension': ms(withExt.script),
        overhead: ms(withExt.script - without.script),
        target: '≤ 5 ms',
      },
      {
        measure: 'all main-thread tasks',
        'without extension': ms(without.task),
        'with extension': ms(withExt.task),
        overhead: ms(withExt.task - without.task),
        target: '',
      },
    ],
    notes: [
      'Script time counts the renderer’s JavaScript (page + content script); the content script runs in an isolated world of the same renderer.',
      'Task time also includes style and layout, so it shows the cost of the launcher and of comfort styles (none here: default settings).',
    ],
  };
}
