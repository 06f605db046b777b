/**
 * The result screen's order (utils/ocr/result-groups.ts, issue 13 problem 7): a tax notice read on the
 * housing procedure's resources page showed a dozen values, each asking « Dans quelle case de la page ? »;
 * only those the page has a field for come first, the others are folded, and the addressee's name,
 * address and postcode are no longer three values called « destinataire ».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFields, fieldLabel } from '../../../utils/ocr/extract/index.ts';
import type { ExtractedField } from '../../../utils/ocr/extract/types.ts';
import type { FillTarget } from '../../../utils/ocr/fill/index.ts';
import { type PageTargets, type Read, rowsFor } from '../../../utils/ocr/reading-flow.ts';
import { groupOf, pageFirst, splitRows } from '../../../utils/ocr/result-groups.ts';

const TEXTS = join(import.meta.dirname, '../../fixtures/ocr-text');

const target = (name: string, label: string, hint?: string): FillTarget => ({
  key: `k-${name}`,
  label,
  name,
  id: name,
  type: 'text',
  dsfr: true,
  ...(hint ? { hint } : {}),
});

/** The demo's resources page (demo/procedures.js), as the page side describes it. */
const RESSOURCES: PageTargets = {
  targets: [
    target('numero_fiscal', 'Numéro fiscal', '13 chiffres, en haut de votre avis d’impôt'),
    target('reference_avis', 'Référence de l’avis d’impôt', '13 caractères, sous le numéro fiscal'),
    target('revenu_fiscal_reference', 'Revenu fiscal de référence', 'En euros, écrit sur votre avis d’impôt'),
    target('numero_allocataire', 'Numéro d’allocataire CAF', '7 chiffres, sur vos courriers de la CAF'),
    target('salaire_mensuel', 'Salaire net par mois', 'En euros. Écrivez 0 si vous n’avez pas de salaire.'),
  ],
};

function readOf(fields: ExtractedField[]): Read {
  return {
    reading: { fields } as unknown as Read['reading'],
    image: null,
    pdfPages: 0,
  };
}

const avis = () => extractFields({ text: readFileSync(join(TEXTS, 'avis-imposition.txt'), 'utf8') });
const names = (rows: { field: ExtractedField }[]) => rows.map((r) => fieldLabel('fr', r.field));

describe('the values a page has a field for come first', () => {
  it('a tax notice on the resources page: four values shown, the other ten folded', () => {
    const fields = avis();
    expect(fields.length).toBe(14);
    const rows = rowsFor(readOf(fields), RESSOURCES);
    const { shown, folded } = splitRows(rows);
    expect(shown.map((r) => [r.n, r.field.kind, r.field.value, r.targetKey])).toEqual([
      [1, 'fiscal-number', '3023217600053', 'k-numero_fiscal'],
      // The second person's number: it fits the field, but the first took it. The person chooses.
      [2, 'fiscal-number', '1498765432388', ''],
      [3, 'tax-notice-reference', '2675A12345678', 'k-reference_avis'],
      [4, 'reference-tax-income', '38412', 'k-revenu_fiscal_reference'],
    ]);
    // The dates and the sum to pay fit no field of this page (not the income, not the salary), nor
    // does the addressee: numbered after, folded, none pre-selected.
    expect(folded.map((r) => r.n)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(folded.every((r) => r.targetKey === '')).toBe(true);
    expect(names(folded)).toEqual([
      'nom du destinataire',
      'adresse de l’expéditeur',
      'adresse du destinataire',
      'code postal de l’expéditeur',
      'code postal du destinataire',
      'date du document',
      'date de mise en recouvrement',
      'date limite',
      'impôt à payer',
      'somme à payer',
    ]);
  });

  it('no value is called « destinataire » twice: each says what it is', () => {
    const labels = avis().map((f) => fieldLabel('fr', f));
    // Only the two numéros fiscaux (two people on one notice) share their name.
    expect(new Set(labels).size).toBe(labels.length - 1);
    expect(labels.filter((l) => l === 'destinataire')).toEqual([]);
    expect(fieldLabel('en', { kind: 'address', meaning: 'destinataire' })).toBe('addressee’s address');
    expect(fieldLabel('ar', { kind: 'postcode', meaning: 'expediteur' })).toBe('الرمز البريدي للمرسل');
    // Meanings that already name their kind are unchanged.
    expect(fieldLabel('fr', { kind: 'date', meaning: 'naissance' })).toBe('date de naissance');
    expect(fieldLabel('fr', { kind: 'name', meaning: 'titulaire' })).toBe('titulaire du compte');
  });

  it('a page with an address field shows the addressee’s address first, never the sender’s', () => {
    const page: PageTargets = {
      targets: [target('adresse', 'Adresse'), target('code_postal', 'Code postal')],
    };
    const shown = splitRows(rowsFor(readOf(avis()), page)).shown;
    expect(shown.map((r) => [r.field.kind, r.field.meaning, r.targetKey])).toEqual([
      ['address', 'destinataire', 'k-adresse'],
      ['postcode', 'destinataire', 'k-code_postal'],
    ]);
  });

  it('nothing is folded on a page without fields, nor when no value fits the page', () => {
    const none = splitRows(rowsFor(readOf(avis()), { targets: [] }));
    expect([none.shown.length, none.folded.length]).toEqual([14, 0]);
    const bank = splitRows(
      rowsFor(readOf(avis()), { targets: [target('iban', 'IBAN'), target('bic', 'BIC')] }),
    );
    expect([bank.shown.length, bank.folded.length]).toEqual([14, 0]);
  });

  it('an uncertain value that fits a field is shown first, never pre-selected', () => {
    const bad: ExtractedField = {
      kind: 'fiscal-number',
      value: '3023217600054',
      raw: '3023217600054',
      valid: false,
      confidence: 0.3,
    };
    const rows = rowsFor(readOf([bad]), RESSOURCES);
    expect(rows.map((r) => [r.group, r.targetKey])).toEqual([['page', '']]);
  });

  it('groupOf and pageFirst on their own', () => {
    expect(groupOf(undefined, false)).toBe('page');
    expect(groupOf({ targetKey: 'a', ranked: [{ key: 'a', score: 0.9 }] }, true, 'expediteur')).toBe('other');
    expect(groupOf({ targetKey: null, ranked: [] }, true)).toBe('other');
    expect(groupOf({ targetKey: null, ranked: [{ key: 'a', score: 0.4 }] }, true)).toBe('other');
    expect(groupOf({ targetKey: null, ranked: [{ key: 'a', score: 0.5 }] }, true)).toBe('page');
    expect(groupOf({ targetKey: 'a', ranked: [{ key: 'a', score: 0.9 }] }, true)).toBe('page');
    const order = pageFirst([
      { id: 1, group: 'other' as const },
      { id: 2, group: 'page' as const },
      { id: 3, group: 'other' as const },
      { id: 4, group: 'page' as const },
    ]).map((r) => r.id);
    expect(order).toEqual([2, 4, 1, 3]);
  });
});
