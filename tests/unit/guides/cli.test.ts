import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoGuide } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pasapas-guide-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const out = spawnSync(process.execPath, [join(root, 'bin/pasapas.js'), 'guide', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

describe('pasapas guide', { timeout: 120_000 }, () => {
  it('validate: exit 0 when all are valid, 1 with one line per error otherwise', () => {
    const good = write('bon.json', demoGuide());
    const badGuide = demoGuide();
    badGuide.version = 'un';
    badGuide.steps[0].title = { fr: '' };
    const bad = write('mauvais.json', badGuide);
    const notJson = write('casse.json', '{ pas du json');
    expect(cli('validate', good)).toMatchObject({ code: 0 });
    const result = cli('validate', good, bad, notJson);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${bad}: $.version: La version doit avoir la forme 1.0.0.`,
      `${bad}: $.steps[0].title.fr: Ce champ est obligatoire.`,
      expect.stringMatching(/casse\.json: \$: Le fichier n’est pas du JSON valide/),
    ]);
    expect(result.stdout).toContain('2 guide(s) sur 3 à corriger.');
    expect(cli('validate', bad, '--lang', 'en').stderr).toContain('The version must look like 1.0.0.');
    expect(cli('validate').code).toBe(2);
  });

  it('keygen, sign, verify, catalog: the whole publishing path', () => {
    const guidesDir = join(dir, 'publication');
    const keyFile = join(dir, 'cle.json');
    const gen = cli('keygen', '-o', keyFile);
    expect(gen.code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const pub = JSON.parse(readFileSync(join(dir, 'cle.pub.json'), 'utf8'));
    expect(pub).toMatchObject({ kind: 'pasapas-guide-public-key', alg: 'Ed25519' });
    expect(JSON.parse(gen.stdout.trim().split('\n').at(-1) as string)).toEqual(pub);
    expect(cli('keygen', '-o', keyFile).code).toBe(2); // never overwrites a key

    write('publication/a.json', demoGuide());
    const other = demoGuide();
    other.id = 'fr.demo.autre';
    write('publication/sous/b.json', other);
    const signed = join(guidesDir, 'a.json');
    expect(cli('sign', signed, '--key', keyFile).code).toBe(0);
    expect(JSON.parse(readFileSync(signed, 'utf8')).signature.keyId).toBe(pub.keyId);

    const verified = cli('verify', signed, '--pubkey', join(dir, 'cle.pub.json'));
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain('signature vérifiée');
    expect(
      cli('verify', join(guidesDir, 'sous/b.json'), '--pubkey', join(dir, 'cle.pub.json')),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('non signé'),
    });

    const catalogFile = join(guidesDir, 'catalog.json');
    const built = cli('catalog', guidesDir, '-o', catalogFile, '--name', 'Démo');
    expect(built.code).toBe(0);
    const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
    expect(catalog.name).toBe('Démo');
    expect(catalog.guides.map((g: { url: string }) => g.url).sort()).toEqual(['a.json', 'sous/b.json']);

    // The catalog verifies only if every guide is signed by a trusted key: b is not.
    const all = cli('verify', catalogFile, '--pubkey', join(dir, 'cle.pub.json'));
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('fr.demo.aide-logement: signature vérifiée');

    // A signed guide changed afterwards is refused.
    const text = readFileSync(signed, 'utf8').replace('Bienvenue', 'Bienvenu');
    writeFileSync(signed, text);
    const tampered = cli('verify', signed, '--pubkey', join(dir, 'cle.pub.json'));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('signature fausse');
    const stale = cli('verify', catalogFile, '--pubkey', join(dir, 'cle.pub.json'));
    expect(stale.stderr).toContain('empreinte différente du catalogue');
  });

  it('refuses to sign an invalid guide and explains bad options', () => {
    const keyFile = join(dir, 'cle2.json');
    expect(cli('keygen', '-o', keyFile).code).toBe(0);
    const bad = write('invalide.json', { formatVersion: 1 });
    const result = cli('sign', bad, '--key', keyFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('corrigez-le d’abord');
    expect(existsSync(bad) && JSON.parse(readFileSync(bad, 'utf8')).signature).toBeUndefined();
    const good = write('bon2.json', demoGuide());
    expect(cli('sign', good, '--key', join(dir, 'absente.json')).stderr).toContain('Impossible de lire');
    expect(cli('sign', good, '--key', join(dir, 'cle2.pub.json')).stderr).toContain(
      'n’est pas une clé privée',
    );
    expect(cli('frobnicate').code).toBe(2);
  });
});
