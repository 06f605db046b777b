import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = process.env.PASAPAS_EXT ?? join(ROOT, '.output/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The floor any extension pays: an MV3 extension whose content script does nothing. */
function emptyExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'empty',
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_start' }],
    }),
  );
  writeFileSync(join(dir, 'content.js'), '');
  return dir;
}

/**
 * Main-thread cost of the content script while the demo page loads: the renderer's script and
 * task time (Chrome DevTools Protocol Performance.getMetrics) with our extension, against the same
 * page without any extension and with an empty content script, in the same run. The three browsers
 * run side by side and their page loads alternate, so the machine's load weighs on all of them alike.
 */
export default async function pageLoad() {
  const { startDemoServer } = await import('../demo/server.js');
  const demo = await startDemoServer({ port: 0 });
  // A page no guide knows, and a procedure's page of the demo. Each is measured when it has loaded
  // (load event, launcher shown), and the procedure page again 2.5 s later: there the progress agent
  // loads the panel closed once the main thread is idle, and that deferred work is counted too.
  const pages = [
    { key: 'plain', label: 'plain page', url: `${demo.url}/plain.html`, settle: 0 },
    {
      key: 'procedure',
      label: 'demo procedure page',
      url: `${demo.url}/aide-logement/identite.html?widget=0`,
      settle: 2500,
    },
  ];
  const tmp = mkdtempSync(join(tmpdir(), 'pasapas-bench-'));
  const launch = async (extension?: string) => {
    const args = [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ];
    if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: process.env.PASAPAS_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args,
    });
    return context;
  };
  const variants: { name: string; context: BrowserContext; ours: boolean }[] = [
    { name: 'none', context: await launch(), ours: false },
    { name: 'empty', context: await launch(emptyExtension(join(tmp, 'empty-ext'))), ours: false },
    { name: 'ours', context: await launch(EXT), ours: true },
  ];
  const samples = new Map<string, { script: number[]; task: number[] }>();
  const load = async (v: (typeof variants)[number], p: (typeof pages)[number], keep: boolean) => {
    const page = await v.context.newPage();
    const cdp = await v.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const read = async (phase: string) => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      if (!keep) return;
      const key = `${p.key}/${phase}/${v.name}`;
      const s = samples.get(key) ?? { script: [], task: [] };
      s.script.push(get('ScriptDuration'));
      s.task.push(get('TaskDuration'));
      samples.set(key, s);
    };
    await page.goto(p.url, { waitUntil: 'load' });
    // Waits with a bare CDP evaluation, the same in every variant: Playwright's locators would
    // inject their own large script into the page and count it against whichever variant used them.
    const probe = async () =>
      (
        await cdp.send('Runtime.evaluate', {
          expression: '!!document.querySelector("[data-pasapas-host]")',
          returnByValue: true,
        })
      ).result.value === true;
    for (let i = 0; v.ours && !(await probe()) && i < 100; i++) await new Promise((r) => setTimeout(r, 20));
    if (!v.ours) await probe();
    await read('load');
    if (p.settle) {
      await page.waitForTimeout(p.settle);
      await read('settled');
    }
    await page.close();
  };
  // The first load of each warms caches and is not counted.
  for (const p of pages) for (let i = 0; i < RUNS + 1; i++) for (const v of variants) await load(v, p, i > 0);
  for (const v of variants) await v.context.close();
  await demo.close();
  rmSync(tmp, { recursive: true, force: true });

  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const row = (
    p: (typeof pages)[number],
    phase: string,
    measure: string,
    key: 'script' | 'task',
    target: string,
  ) => {
    const med = (name: string) => median(samples.get(`${p.key}/${phase}/${name}`)?.[key] ?? []);
    return {
      page:
        phase === 'load'
          ? `${p.label}, until loaded`
          : `${p.label}, + 2.5 s (progress agent loaded when idle)`,
      measure,
      'no extension': ms(med('none')),
      'empty content script': ms(med('empty')),
      'Pas à pas': ms(med('ours')),
      'overhead vs no extension': ms(med('ours') - med('none')),
      'overhead vs empty script': ms(med('ours') - med('empty')),
      target,
    };
  };
  const phases = (p: (typeof pages)[number]) => (p.settle ? ['load', 'settled'] : ['load']);
  return {
    title: `Foundation — page-load main-thread cost of the content script (median of ${RUNS} alternating loads)`,
    rows: pages.flatMap((p) =>
      phases(p).flatMap((phase) => [
        row(p, phase, 'script time', 'script', phase === 'load' ? '≤ 5 ms overhead' : ''),
        row(p, phase, 'all main-thread tasks', 'task', ''),
      ]),
    ),
    notes: [
      'Script time counts the renderer’s JavaScript (page + content scripts, which run in an isolated world of the same renderer).',
      'Task time also includes style and layout, so it shows the cost of the launcher and of comfort styles (none here: default settings).',
      '"Empty content script" is a bare MV3 extension with an empty document_start script: the floor any extension pays.',
    ],
  };
}
