import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/pasapas.js');
const LOGIN = join(process.cwd(), 'node_modules/@gouvfr/dsfr/example/layout/page/login/2-error/index.html');

function pasapas(args: string[], input?: string) {
  const out = spawnSync(process.execPath, [BIN, 'readable', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('pasapas readable', () => {
  it('prints the title, text, fields and glossary terms of a DSFR page', () => {
    const { code, stdout } = pasapas([LOGIN]);
    expect(code).toBe(0);
    expect(stdout).toContain('Titre : Pages de connexion - Système de design');
    expect(stdout).toContain('== Champs à remplir (4) ==');
    expect(stdout).toMatch(
      /- Identifiant \(type text, obligatoire, nom technique « username »\)\n\s+Aide : Format attendu : nom@domaine\.fr/,
    );
    expect(stdout).toContain('secret : ne sera jamais copié');
    expect(stdout).toContain('- Se connecter (submit)');
    expect(stdout).toMatch(/- FranceConnect ×\d+/);
  }, 60_000);

  it('reads stdin and prints one JSON document with --json', () => {
    const html = readFileSync(join(process.cwd(), 'tests/fixtures/pages/multistep.html'), 'utf8');
    const { code, stdout } = pasapas(['-', '--json', '--url', 'https://example.test/etape2'], html);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.fields.map((f: { name: string }) => f.name)).toEqual(['salaire', 'allocations', 'piece']);
    expect(doc.fields[0].error).toBe('Indiquez un montant en chiffres');
    expect(doc.fields[0]).not.toHaveProperty('element');
    expect(doc.submitControls).toEqual([
      { label: 'Étape précédente', kind: 'previous', disabled: false },
      { label: 'Étape suivante', kind: 'submit', disabled: false },
    ]);
    expect(doc.glossaryMatches.map((m: { id: string }) => m.id)).toContain('bulletin-salaire');
    expect(doc.contentHtml).not.toContain('<script');
  }, 60_000);

  it('says which fields the page builds by script, and keeps its error summary (JSON and text)', () => {
    const page = join(process.cwd(), 'tests/fixtures/pages/forms/wet-canada-en.html');
    const json = pasapas([page, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.dynamic).toEqual([{ widget: 'wb-fieldflow' }]);
    expect(doc.errorSummary.title).toBe('The form could not be submitted because 2 errors were found.');
    expect(doc.errorSummary.items[0]).toEqual({
      text: 'Error 1: First name - This field is required.',
      href: '#fname',
      fieldKey: 'form:request/name:fname',
    });
    const text = pasapas([join(process.cwd(), 'tests/fixtures/pages/forms/dynamic-components-en.html')]);
    expect(text.stdout).toContain('== Champs créés par la page après son chargement (2) ==');
    expect(text.stdout).toContain('- <duet-date-picker> Expiry date (nom technique « expiry »)');
    const summary = pasapas([page]);
    expect(summary.stdout).toMatch(/== Erreurs signalées par la page ==\nThe form could not be submitted/);
  }, 60_000);

  it('puts the fields inside custom elements’ open shadow roots in their section, in page order (--json)', () => {
    const page = join(process.cwd(), 'tests/fixtures/pages/forms/plain-shadow-fr.html');
    const { code, stdout } = pasapas([page, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.sections).toEqual([
      {
        heading: 'Changement d’adresse',
        level: 1,
        fieldKeys: doc.fields.map((f: { key: string }) => f.key),
        anchored: false,
      },
    ]);
    expect(doc.sections[0].fieldKeys).toEqual([
      'form:adresse/name:nom',
      'name:date_demenagement',
      'name:rue',
      'name:code_postal',
      'name:commune',
      'form:adresse/name:telephone',
    ]);
  }, 60_000);

  it('speaks English when asked', () => {
    const { code, stdout } = pasapas([LOGIN, '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('== Fields to fill in (4) ==');
  }, 60_000);

  it('says plainly what is wrong: bad usage, missing file, empty input', () => {
    const usage = pasapas([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage : pasapas readable');
    const missing = pasapas(['/nonexistent/page.html']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('Le fichier ne peut pas être lu. Vérifiez son nom.');
    const empty = pasapas(['-'], '   ');
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim()).toBe('Le fichier est vide.');
  }, 60_000);
});
