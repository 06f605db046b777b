/**
 * `pasapas guide check guide.json page.html… [--url U] [--json]`: the built command line on
 * fixture pages (a site as the guide was written for it, then a new version of the site) and on
 * the demo site's own pages with the built-in housing guide.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';
import { fixturePath, httpGet } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pasapas-guide-check-'));
const check = (name: string) => fixturePath(`check/${name}`);

function cli(...args: string[]) {
  const out = spawnSync(process.execPath, [join(root, 'bin/pasapas.js'), 'guide', 'check', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pasapas guide check', { timeout: 180_000 }, () => {
  it('finds every step on the pages the guide was written for (exit 0), in plain French', () => {
    const result = cli(
      check('guide.json'),
      check('revenus.html'),
      check('banque.html'),
      '--url',
      'https://exemple.fr/',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Guide fr.exemple.aide 1.0.0 : 2 page(s).');
    expect(out).toContain('revenus.html (https://exemple.fr/revenus.html)');
    expect(out).toMatch(
      /✓ numero-fiscal : trouvé — « Numéro fiscal » \(name=numero_fiscal, id=numero_fiscal\), confiance 100 % \[étape sensible/,
    );
    expect(out).toMatch(/✓ suivant-revenus : trouvé — « Suivant »/);
    expect(out).toMatch(/✓ iban : trouvé — « IBAN » \(name=iban, id=iban\)/);
    expect(out).toContain('Résumé : 5 trouvé(s), 0 incertain(s), 0 introuvable(s).');
    expect(out).toContain('Toutes les étapes trouvent leur champ.');
  });

  it('on a new version of the site: ambiguous and missing steps, described in words (exit 1)', () => {
    const result = cli(
      check('guide.json'),
      check('revenus.html'),
      check('banque-modifiee.html'),
      '--url',
      'https://exemple.fr/revenus.html',
      '--url',
      'https://exemple.fr/banque-v2.html',
    );
    expect(result.code).toBe(1);
    const out = result.stdout;
    // Two fields called "IBAN" and none named iban: a sensitive step refuses to choose.
    expect(out).toMatch(
      /\? iban : incertain — le champ « IBAN » ; plusieurs champs possibles : « IBAN » \(name=compte_1, id=c1\)/,
    );
    expect(out).toContain('« IBAN » (name=compte_2, id=c2)');
    expect(out).toContain('✗ bic : introuvable — le champ « BIC »');
    expect(out).toContain('Étapes trouvées sur aucune page : iban, bic.');
    expect(out).toContain('Le guide est à revoir pour ces pages.');
  });

  it('gives machine output with --json: the decision of every step on every page', () => {
    const result = cli(
      check('guide.json'),
      check('revenus.html'),
      check('banque-modifiee.html'),
      '--url',
      'https://exemple.fr/',
      '--json',
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      guide: { id: 'fr.exemple.aide', version: '1.0.0' },
      ok: false,
      found: ['numero-fiscal', 'reference', 'suivant-revenus'],
      notFound: ['iban', 'bic'],
      notApplied: [],
    });
    const bank = report.pages[1];
    expect(bank.url).toBe('https://exemple.fr/banque-modifiee.html');
    const iban = bank.steps.find((s: { stepId: string }) => s.stepId === 'iban');
    expect(iban).toMatchObject({ status: 'ambiguous', strict: true });
    expect(iban.candidates.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2']);
    const fiscal = report.pages[0].steps.find((s: { stepId: string }) => s.stepId === 'numero-fiscal');
    expect(fiscal).toMatchObject({
      status: 'found',
      score: 1,
      element: { tag: 'input', id: 'numero_fiscal', name: 'numero_fiscal', label: 'Numéro fiscal' },
    });
    expect(fiscal.matchedClues).toEqual(expect.arrayContaining(['id', 'name', 'label', 'hint', 'group']));
  });

  it('a site that gave the step’s id and name to a look-alike: found by its label, and the publisher is told', () => {
    const args = [
      check('guide.json'),
      check('revenus-renumerote.html'),
      '--url',
      'https://exemple.fr/revenus.html',
    ];
    const out = cli(...args).stdout;
    expect(out).toMatch(
      /✓ numero-fiscal : trouvé — « Numéro fiscal » \(name=numero_fiscal_2, id=numero_fiscal_2\)/,
    );
    expect(out).toContain(
      'attention : l’id et le nom (name) enregistrés pour cette étape désignent maintenant une autre case',
    );
    // Only that step: the others kept their id and name.
    expect(out.match(/attention :/g)).toHaveLength(1);
    const report = JSON.parse(cli(...args, '--json').stdout);
    const fiscal = report.pages[0].steps.find((s: { stepId: string }) => s.stepId === 'numero-fiscal');
    expect(fiscal).toMatchObject({ status: 'found', element: { id: 'numero_fiscal_2' } });
    expect([...fiscal.setAside].sort()).toEqual(['id', 'name']);
    const reference = report.pages[0].steps.find((s: { stepId: string }) => s.stepId === 'reference');
    expect(reference.setAside).toEqual([]);
  });

  it('says which steps no page given applies to, and refuses bad input', () => {
    // Without --url a page is its file: the guide's https addresses do not apply to it.
    const result = cli(check('guide.json'), check('revenus.html'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('aucune étape de ce guide ne s’applique à cette page.');
    expect(result.stdout).toMatch(
      /Étapes sans page à vérifier .*: numero-fiscal, reference, suivant-revenus, iban, bic\./,
    );
    expect(cli(check('guide.json')).code).toBe(2);
    expect(cli(check('guide.json'), check('revenus.html'), '--url', 'pas une adresse').code).toBe(2);
    const broken = join(dir, 'casse.json');
    writeFileSync(broken, '{ pas du json');
    expect(cli(broken, check('revenus.html'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('JSON'),
    });
  });

  it('the built-in housing guide finds all its fields on the demo site (exit 0)', async () => {
    const pages = [
      '',
      'identite.html',
      'foyer.html',
      'ressources.html',
      'banque.html',
      'documents.html',
      'recapitulatif.html',
    ];
    const files: string[] = [];
    for (const page of pages) {
      const file = join(dir, page || 'index.html');
      writeFileSync(file, await httpGet(`${server.url}/aide-logement/${page}?widget=0`));
      files.push(file);
    }
    const result = cli(
      join(root, 'public/guides/fr.demo.aide-logement.json'),
      ...files,
      '--url',
      `${server.url}/aide-logement/`,
    );
    expect(result.stdout).toContain('0 incertain(s), 0 introuvable(s)');
    expect(result.code).toBe(0);
  });
});
