/**
 * Data fields of the ANTS perimeter (01) that procedures ask for: proof of address (10–2D), bank
 * details (31–34), tax notice (40–4Y) and identity (60–6Y). Lengths from the ANTS 2D-Doc technical
 * specification, as transcribed by public implementations (betagouv/2ddoc-parser `spec.py`, MIT,
 * commit d84912c; invictos/lib2ddoc documentation). An id not listed here is read as variable length.
 * `fill` says which kind of value it is for the form (the OCR's kinds, so the same suggestion applies).
 */
import type { FieldKind } from '../ocr/extract/types.ts';

export type FieldSpec = {
  id: string;
  /** Fixed length when min === max > 0; else variable, up to max (-1: no bound). */
  min: number;
  max: number;
  /** French name of the field in the specification. */
  label: string;
  fill?: { kind: FieldKind; meaning?: string; format?: 'ddmmyyyy' | 'amount' };
};

const f = (id: string, min: number, max: number, label: string, fill?: FieldSpec['fill']): FieldSpec =>
  fill ? { id, min, max, label, fill } : { id, min, max, label };

const ADDRESS = { kind: 'address' } as const;
const POSTCODE = { kind: 'postcode' } as const;

export const FIELDS: readonly FieldSpec[] = [
  f('01', 0, -1, 'Identifiant unique du document'),
  f('02', 0, -1, 'Catégorie de document'),
  f('08', 4, 4, 'Date d’expiration du document'),
  f('09', 4, 4, 'Nombre de pages du document'),
  f('0A', 9, 9, 'Éditeur du 2D-Doc'),
  f('10', 0, 38, 'Adresse du bénéficiaire (ligne 1)', { kind: 'name', meaning: 'beneficiaire' }),
  f('11', 0, 38, 'Qualité et titre du bénéficiaire'),
  f('12', 0, 38, 'Prénom du bénéficiaire', { kind: 'name', meaning: 'prenom' }),
  f('13', 0, 38, 'Nom du bénéficiaire', { kind: 'name', meaning: 'nom' }),
  f('14', 0, 38, 'Adresse du destinataire (ligne 1)', { kind: 'name', meaning: 'destinataire' }),
  f('15', 0, 38, 'Qualité et titre du destinataire'),
  f('16', 0, 38, 'Prénom du destinataire', { kind: 'name', meaning: 'prenom' }),
  f('17', 0, 38, 'Nom du destinataire', { kind: 'name', meaning: 'nom' }),
  f('18', 0, -1, 'Numéro de la facture'),
  f('19', 0, -1, 'Numéro de client'),
  f('1A', 0, -1, 'Numéro du contrat'),
  f('1C', 8, 8, 'Date d’effet du contrat'),
  f('1D', 0, 16, 'Montant TTC de la facture'),
  f('1G', 1, 1, 'Co-bénéficiaire non mentionné'),
  f('1H', 1, 1, 'Co-destinataire non mentionné'),
  f('20', 0, 38, 'Adresse du lieu de service (ligne 2)'),
  f('21', 0, 38, 'Adresse du lieu de service (ligne 3)'),
  f('22', 0, 38, 'Adresse du lieu de service (ligne 4)', ADDRESS),
  f('23', 0, 38, 'Adresse du lieu de service (ligne 5)'),
  f('24', 5, 5, 'Code postal du lieu de service', POSTCODE),
  f('25', 0, 32, 'Commune du lieu de service'),
  f('26', 2, 2, 'Pays du lieu de service'),
  f('27', 0, 38, 'Adresse du destinataire (ligne 2)'),
  f('28', 0, 38, 'Adresse du destinataire (ligne 3)'),
  f('29', 0, 38, 'Adresse du destinataire (ligne 4)', ADDRESS),
  f('2A', 0, 38, 'Adresse du destinataire (ligne 5)'),
  f('2B', 5, 5, 'Code postal du destinataire', POSTCODE),
  f('2C', 0, 32, 'Commune du destinataire'),
  f('2D', 2, 2, 'Pays du destinataire'),
  f('30', 0, 140, 'Qualité, nom et prénom', { kind: 'name', meaning: 'titulaire' }),
  f('31', 14, 38, 'IBAN', { kind: 'iban' }),
  f('32', 8, 11, 'BIC', { kind: 'bic' }),
  f('33', 0, 30, 'BBAN'),
  f('34', 2, 2, 'Pays du compte'),
  f('40', 13, 13, 'Numéro fiscal', { kind: 'fiscal-number' }),
  f('41', 0, -1, 'Revenu fiscal de référence', { kind: 'reference-tax-income', format: 'amount' }),
  f('42', 0, -1, 'Situation du foyer'),
  f('43', 0, -1, 'Nombre de parts'),
  f('44', 13, 13, 'Référence de l’avis d’impôt', { kind: 'tax-notice-reference' }),
  f('45', 4, 4, 'Année des revenus'),
  f('46', 0, 38, 'Déclarant 1', { kind: 'name', meaning: 'nom-prenom' }),
  f('47', 13, 13, 'Numéro fiscal du déclarant 1', { kind: 'fiscal-number' }),
  f('48', 0, 38, 'Déclarant 2', { kind: 'name', meaning: 'nom-prenom' }),
  f('49', 13, 13, 'Numéro fiscal du déclarant 2', { kind: 'fiscal-number' }),
  f('4A', 8, 8, 'Date de mise en recouvrement', {
    kind: 'date',
    meaning: 'mise-en-recouvrement',
    format: 'ddmmyyyy',
  }),
  f('4B', 8, 8, 'Date de la déclaration'),
  f('4V', 0, -1, 'Impôt sur le revenu net', { kind: 'amount', meaning: 'impot-net', format: 'amount' }),
  f('4W', 0, -1, 'Reste à payer', { kind: 'amount', meaning: 'reste-a-payer', format: 'amount' }),
  f('4X', 0, -1, 'Retenue à la source'),
  f('4Y', 0, -1, 'Adresse', ADDRESS),
  f('60', 0, 60, 'Liste des prénoms', { kind: 'name', meaning: 'prenom' }),
  f('61', 0, 20, 'Prénom', { kind: 'name', meaning: 'prenom' }),
  f('62', 0, 38, 'Nom de naissance', { kind: 'name', meaning: 'nom-naissance' }),
  f('63', 0, 38, 'Nom d’usage', { kind: 'name', meaning: 'nom-usage' }),
  f('64', 0, 38, 'Nom d’épouse ou d’époux'),
  f('65', 2, 2, 'Type de pièce d’identité'),
  f('66', 0, 20, 'Numéro de la pièce d’identité'),
  f('67', 2, 2, 'Nationalité'),
  f('68', 1, 1, 'Genre'),
  f('69', 8, 8, 'Date de naissance', { kind: 'date', meaning: 'naissance', format: 'ddmmyyyy' }),
  f('6A', 0, 32, 'Lieu de naissance'),
  f('6C', 2, 2, 'Pays de naissance'),
  f('6G', 1, 38, 'Nom', { kind: 'name', meaning: 'nom' }),
  f('6U', 0, 38, 'Adresse du domicile (ligne 4)', ADDRESS),
  f('6V', 0, 38, 'Adresse du domicile (ligne 5)'),
  f('6W', 5, 5, 'Code postal du domicile', POSTCODE),
  f('6X', 0, 32, 'Commune du domicile'),
  f('6Y', 2, 2, 'Pays du domicile'),
];

export const FIELD_BY_ID: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((s) => [s.id, s]));

/**
 * Document types named here (perimeter 01), by the document family procedures ask for. Only types we
 * could check in public sources; others are shown as « document 2D-Doc » with their number. Source: the
 * ANTS specification's annex 6.1 (V3.3.7.2, 11/03/2026, as transcribed in betagouv/2ddoc-parser
 * doc/spec_2d_doc/page_039.md). It defines no CAF certificate type: a CAF attestation is read by OCR.
 * 18, 24 and 27 (« Avis de situation déclarative à l'impôt sur les revenus », V1–V3) are resource
 * proofs carrying the tax notice's fields (41 revenu fiscal de référence, 47 numéro fiscal…).
 */
export const DOC_TYPES: Readonly<Record<string, 'address' | 'bank' | 'tax-notice' | 'payslip'>> = {
  '00': 'address',
  '01': 'address',
  '02': 'address',
  '03': 'bank',
  '04': 'tax-notice',
  '06': 'payslip',
  '18': 'tax-notice',
  '24': 'tax-notice',
  '27': 'tax-notice',
  '28': 'tax-notice',
};
