/**
 * `npm run dev` (scripts/dev.js, with --no-browser: no display here) in a copy of the project: once
 * it says it is ready, an edit to a panel string, to the command line, to the background and to an
 * extension page each reach what the developer runs — the panel's build in public/panel and in the
 * extension (.output/chrome-mv3-dev), the command line's dist/cli, the background's worker script,
 * the popup's module from WXT's dev server — without a restart. (WXT itself reloads the extension
 * in the browser it opens; no browser is opened here.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  type Dirent,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
/** Built or installed: the copy gets node_modules as a link (and .wxt, as `npm install` left it) and builds the rest itself. */
const NOT_COPIED = new Set(['node_modules', '.git', '.output', 'dist', 'test-results']);

let copy: string;
let dev: ChildProcess;
let output = '';

/** Every file's text under `dir` (recursively) that contains `text`, as paths relative to the copy. */
function filesWith(dir: string, text: string): string[] {
  const hits: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(join(copy, dir), { withFileTypes: true, recursive: true });
  } catch {
    return hits; // not built yet
  }
  for (const e of entries) {
    if (!e.isFile() || !/\.(js|mjs|cjs|html)$/.test(e.name)) continue;
    const path = join(e.parentPath, e.name);
    try {
      if (readFileSync(path, 'utf8').includes(text)) hits.push(relative(copy, path));
    } catch {
      // written at this very moment: the next poll reads it
    }
  }
  return hits;
}

/** Replaces `from` by `to` in a source file of the copy, as an editor would save it. */
function edit(file: string, from: string, to: string) {
  const path = join(copy, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'pasapas-dev-'));
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (src) => {
      const rel = relative(ROOT, src);
      // public/panel is the panel's build: the copy must get it from `npm run dev` alone.
      return !NOT_COPIED.has(rel.split('/')[0] ?? '') && rel !== join('public', 'panel');
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  dev = spawn(process.execPath, ['scripts/dev.js', '--no-browser'], {
    cwd: copy,
    detached: true,
    // As a developer's shell has it: under Vitest's NODE_ENV=test, WXT's logger hides its messages.
    env: { ...process.env, NODE_ENV: 'development' },
  });
  // Without colours' escape codes, which the tools write even to a pipe.
  const keep = (d: Buffer) => {
    output += stripVTControlCharacters(String(d));
  };
  dev.stdout?.on('data', keep);
  dev.stderr?.on('data', keep);
  // Ready, or stopped: its output says why.
  await vi.waitFor(
    () => {
      if (!output.includes('[dev] ready') && dev.exitCode === null) throw new Error('not ready yet');
    },
    { timeout: 240_000, interval: 250 },
  );
  expect(output).toContain('[dev] ready');
});

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    process.kill(-dev.pid, 'SIGTERM');
    await exited;
  }
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run dev rebuilds what the developer edits', () => {
  test('a panel string reaches public/panel and the extension WXT serves', async () => {
    const marker = 'Imprimer la page (édition en cours 7f3a)';
    expect(filesWith('public/panel', marker)).toEqual([]);
    edit(
      'components/features/print/messages.ts',
      "'print.go': 'Imprimer la page'",
      `'print.go': '${marker}'`,
    );
    await expect
      .poll(() => filesWith('public/panel', marker).length, { timeout: 120_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => filesWith('.output/chrome-mv3-dev/panel', marker).length, { timeout: 120_000 })
      .toBeGreaterThan(0);
  });

  test('the command line: dist/cli holds the edited usage', async () => {
    const marker = 'pasapas — outils en ligne de commande de Pas à pas (dev 7f3a)';
    edit('bin/cli.ts', "'pasapas — outils en ligne de commande de Pas à pas',", `'${marker}',`);
    await expect.poll(() => filesWith('dist/cli', marker).length, { timeout: 120_000 }).toBeGreaterThan(0);
  });

  test('the background: its worker script in .output/chrome-mv3-dev', async () => {
    const marker = 'background-dev-marker-7f3a';
    edit(
      'entrypoints/background/index.ts',
      'const router = createRouter();',
      `const router = createRouter();\n  console.debug('${marker}');`,
    );
    await expect
      .poll(() => filesWith('.output/chrome-mv3-dev', marker).length, { timeout: 120_000 })
      .toBeGreaterThan(0);
  });

  test('an extension page: WXT’s dev server serves the popup as edited (pages load from it in dev)', async () => {
    const marker = 'popup-dev-marker-7f3a';
    edit(
      'entrypoints/popup/main.tsx',
      'async function sendToTab(',
      `console.debug('${marker}');\nasync function sendToTab(`,
    );
    const server = /served by (https?:\/\/[^\s;]+)/.exec(output)?.[1];
    expect(server).toBeDefined();
    await expect
      .poll(
        async () => {
          const res = await fetch(`${server}/entrypoints/popup/main.tsx`).catch(() => null);
          return res?.ok ? res.text() : '';
        },
        { timeout: 120_000 },
      )
      .toContain(marker);
  });
});
