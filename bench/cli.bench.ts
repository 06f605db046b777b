/**
 * The command line's start-up: `pasapas --help` and `pasapas readable` on a 30 KB DSFR form page,
 * built (dist/cli, what bin/pasapas.js runs) beside the former ways, all measured in this run,
 * alternately, median of RUNS after a warm-up: the first entry, which compiled the TypeScript sources
 * at run time with tsx, and the first build, whose readable loaded jsdom's ~900 files from
 * node_modules (still there behind PASAPAS_READABLE_ENGINE=modules) where it now loads one bundled
 * file with a code cache taken after a run (bin/cached-bundle.ts).
 * Targets (issue 11): --help under 0.3 s, readable under 1 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PAGE = 'node_modules/@gouvfr/dsfr/example/component/select/index.html';
const RUNS = 9;

/** The entry as it was before the build (tsx compiling bin/*.ts on each run), kept verbatim. */
const OLD_ENTRY = [
  "import { register } from 'tsx/esm/api';",
  'register();',
  "const { main } = await import('./bin/cli.ts');",
  'process.exitCode = await main(process.argv.slice(1));',
].join('\n');

type Way = { name: string; argv: (args: string[]) => string[]; env?: Record<string, string> };
const WAYS: Way[] = [
  {
    name: 'before: tsx compiles bin/*.ts at run time',
    argv: (args) => ['--input-type=module', '-e', OLD_ENTRY, '--', ...args],
  },
  {
    name: 'built, readable loading jsdom from node_modules (before the engine bundle)',
    argv: (args) => ['bin/pasapas.js', ...args],
    env: { PASAPAS_READABLE_ENGINE: 'modules' },
  },
  {
    name: 'built, no V8 compile cache nor engine code cache',
    argv: (args) => ['bin/pasapas.js', ...args],
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
  { name: 'built (bin/pasapas.js as shipped)', argv: (args) => ['bin/pasapas.js', ...args] },
  { name: 'reference: node -e 0 (Node alone)', argv: () => ['-e', '0'] },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** CPU seconds used by this process's waited-for children so far (Linux /proc), else undefined. */
function childCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted from the state field (3rd).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function once(way: Way, args: string[]): { wall: number; cpu?: number; out: string } {
  const cpu0 = childCpu();
  const start = performance.now();
  const run = spawnSync(process.execPath, way.argv(args), {
    cwd: ROOT,
    env: { ...process.env, ...way.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - start) / 1000;
  const cpu1 = childCpu();
  if (run.status !== 0) throw new Error(`${way.name} ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, out: run.stdout };
}

const s = (seconds: number) => Math.round(seconds * 1000) / 1000;

export default async () => {
  if (!existsSync(join(ROOT, 'dist/cli/cli.js')))
    throw new Error('dist/cli missing: run `npm run build` first');
  const cases = [
    { name: 'pasapas --help', args: ['--help'], target: 0.3 },
    {
      name: `pasapas readable (${Math.round(statSync(join(ROOT, PAGE)).size / 1024)} KB) --json`,
      args: ['readable', PAGE, '--json'],
      target: 1,
    },
  ];
  const rows: Array<Record<string, string | number>> = [];
  const notes: string[] = [];
  for (const c of cases) {
    const ways = WAYS;
    const wall = new Map<Way, number[]>(ways.map((w) => [w, []]));
    const cpu = new Map<Way, number[]>(ways.map((w) => [w, []]));
    // Warm-up (tsx's transform cache, V8's compile cache, the disk cache), and same output on every side.
    const outputs = ways.filter((w) => !w.name.startsWith('reference')).map((w) => once(w, c.args).out);
    if (new Set(outputs).size !== 1)
      throw new Error(`${c.name}: the built command line prints something else`);
    for (const w of ways) if (w.name.startsWith('reference')) once(w, []);
    // Alternate, so load from other processes falls on every side alike.
    for (let i = 0; i < RUNS; i += 1) {
      for (const w of ways) {
        const r = once(w, w.name.startsWith('reference') ? [] : c.args);
        wall.get(w)?.push(r.wall);
        if (r.cpu !== undefined) cpu.get(w)?.push(r.cpu);
      }
    }
    const before = median(wall.get(WAYS[0] as Way) ?? []);
    const firstBuild = median(wall.get(WAYS[1] as Way) ?? []);
    const node = median(wall.get(WAYS[WAYS.length - 1] as Way) ?? []);
    for (const w of ways) {
      const m = median(wall.get(w) ?? []);
      const cpus = cpu.get(w) ?? [];
      rows.push({
        command: c.name,
        way: w.name,
        'wall s (median)': s(m),
        'wall s (min–max)': `${s(Math.min(...(wall.get(w) ?? [])))}–${s(Math.max(...(wall.get(w) ?? [])))}`,
        'CPU s (median)': cpus.length ? s(median(cpus)) : '',
        'wall s over Node alone': w === WAYS[WAYS.length - 1] ? '' : s(m - node),
        'vs before': w === WAYS[0] ? '1×' : `${Math.round((before / m) * 10) / 10}× faster`,
        'vs jsdom from node_modules': w === WAYS[1] ? '1×' : `${Math.round((firstBuild / m) * 100) / 100}×`,
        target: w.name.startsWith('built (') ? `< ${c.target} s: ${m < c.target ? 'met' : 'NOT met'}` : '',
      });
    }
  }
  notes.push(
    `${RUNS} runs per way after one warm-up, alternated; each run is a new \`node\` process (spawnSync), Node ${process.version}.`,
    'On a loaded machine Node alone already takes much of the target: compare "over Node alone" too.',
    'CPU s = user + system time of the child (Linux /proc), less sensitive than wall time to other processes on a busy machine.',
    '"before" is the former bin/pasapas.js, verbatim (tsx `register()` then `import("./bin/cli.ts")`), with tsx\'s own transform cache warm.',
    '"built" loads dist/cli/cli.js (bin/vite.cli.config.ts); readable then loads dist/cli/readable-engine.cjs (jsdom, DOMPurify, Readability and our core in one file) with the V8 code cache its first run wrote beside it. jsdom\'s own work (building a window, parsing) and the extraction are most of what remains.',
    'Same output on every side is checked before timing (the run fails otherwise); tests/unit/readable/engine-bundle.test.ts checks it on every fixture and demo page.',
  );
  return { title: 'Command line start-up (built vs tsx)', rows, notes };
};
