/**
 * `pasapas readable` runs its engine (bin/readable-engine.ts) as one bundled file with jsdom inside,
 * loaded with a V8 code cache (bin/cached-bundle.ts). It must print exactly what the same engine
 * prints with jsdom and the other libraries loaded from node_modules, as the command did before, on
 * every page the tests and the demo have; and the same again once the code cache is in use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCachedBundle } from '../../../bin/cached-bundle.ts';
import * as fromModules from '../../../bin/readable-engine.ts';

const ROOT = process.cwd();
const BUILD = process.env.PASAPAS_CLI_BUILD as string;
const BUNDLE = join(BUILD ?? '', 'readable-engine.cjs');
const BIN = join(ROOT, 'bin/pasapas.js');

function htmlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name))
    .sort();
}

const PAGES = [
  ...htmlFiles('tests/fixtures'),
  ...htmlFiles('demo/site'),
  'node_modules/@gouvfr/dsfr/example/component/select/index.html',
  'node_modules/@gouvfr/dsfr/example/layout/page/login/2-error/index.html',
];

const glossary: unknown = JSON.parse(readFileSync(join(ROOT, 'public/glossary/fr.json'), 'utf8'));

type Outcome = { page?: string; error?: { name: string; code: unknown } };

function outcome(engine: typeof fromModules, html: string, url?: string): Outcome {
  try {
    return { page: JSON.stringify(engine.readPage(html, { url, glossary }), null, 2) };
  } catch (error) {
    return { error: { name: (error as Error).name, code: (error as { code?: unknown }).code } };
  }
}

describe('readable engine: bundled file and node_modules give the same result', () => {
  let bundled: typeof fromModules;
  beforeAll(() => {
    expect(existsSync(BUNDLE), `${BUNDLE} (built by tests/cli-build.ts)`).toBe(true);
    bundled = loadCachedBundle<typeof fromModules>(BUNDLE).exports;
  });

  it('finds the pages it compares', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(16);
    expect(PAGES).toContain('tests/fixtures/pages/multistep.html');
    expect(PAGES).toContain('demo/site/hostile.html');
  });

  it.each(PAGES)('%s', (page) => {
    const html = readFileSync(join(ROOT, page), 'utf8');
    const url = 'https://demarches.example.test/etape';
    for (const at of [undefined, url]) {
      const expected = outcome(fromModules, html, at);
      expect(expected.page, 'the page is readable').toBeDefined();
      expect(outcome(bundled, html, at)).toEqual(expected);
    }
  });

  it('throws the same error, by name and code, for a page too deep', () => {
    const html = `<main>${'<div>'.repeat(300)}texte${'</div>'.repeat(300)}</main>`;
    const expected = outcome(fromModules, html);
    expect(expected.error).toEqual({ name: 'ReadableError', code: 'page-too-large' });
    expect(outcome(bundled, html)).toEqual(expected);
  });
});

describe('pasapas readable with its code cache', () => {
  it('prints the same before the cache exists, with it, and with the engine from node_modules', () => {
    for (const name of readdirSync(BUILD)) if (name.endsWith('.v8cache')) rmSync(join(BUILD, name));
    const run = (env: Record<string, string> = {}) =>
      spawnSync(
        process.execPath,
        [BIN, 'readable', join(ROOT, 'tests/fixtures/pages/multistep.html'), '--json'],
        {
          encoding: 'utf8',
          env: { ...process.env, ...env },
          timeout: 60_000,
        },
      );
    const first = run();
    expect(first.status).toBe(0);
    expect(readdirSync(BUILD).filter((name) => name.endsWith('.v8cache'))).toHaveLength(1);
    const cached = run();
    expect(cached.status).toBe(0);
    expect(cached.stdout).toBe(first.stdout);
    const modules = run({ PASAPAS_READABLE_ENGINE: 'modules' });
    expect(modules.stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout).fields.length).toBeGreaterThan(0);
  }, 120_000);
});
