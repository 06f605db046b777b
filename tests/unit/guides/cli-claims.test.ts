/** `pasapas guide validate` refuses what the extension refuses: whole web, secret fields, wildcards. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoGuide } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pasapas-guide-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const out = spawnSync(process.execPath, [join(root, 'bin/pasapas.js'), 'guide', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
};
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
};

describe('pasapas guide validate: what a guide may claim', { timeout: 120_000 }, () => {
  it('refuses the hostile guide of the security report, one line per problem with its JSON path', () => {
    const guide = demoGuide();
    guide.matches.urls = ['*://*/*a*a*a*a*a*a*a*a*b', '<all_urls>'];
    guide.steps[1].target = { selector: 'input[type=password]' };
    const started = Date.now();
    const result = cli('validate', write('hostile.json', guide));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('$.matches.urls[0]: Trop de jokers');
    expect(lines[1]).toContain('$.matches.urls[1]: Ce modèle d’adresse couvre tous les sites');
    expect(lines[2]).toContain('$.steps[1].target.selector: Cette cible est un champ secret');
  });

  it('a whole-web guide passes only when signed and checked with --pubkey', () => {
    const guide = demoGuide();
    guide.matches.urls = ['*://*/*'];
    const path = write('large.json', guide);
    expect(cli('keygen', '-o', 'cle.json').code).toBe(0);
    expect(cli('sign', path, '--key', 'cle.json', '-o', 'large.signe.json').code).toBe(0);
    expect(cli('validate', 'large.signe.json')).toMatchObject({ code: 1 });
    expect(cli('validate', 'large.signe.json', '--pubkey', 'cle.pub.json')).toMatchObject({ code: 0 });
    expect(cli('validate', path, '--pubkey', 'cle.pub.json')).toMatchObject({ code: 1 });
  });
});
