/**
 * Labels printed next to values on French administrative documents, matched on normalised text
 * (lowercase, no accents). `n°` is often read as "no", "n'" or "n*" by OCR.
 */
import type { FieldKind } from './types.ts';

const NO = String.raw`(?:numero|num\.?|n\s?[°o*'.]\.?|no\.?)`;

export type LabelDef = { kind: FieldKind; re: RegExp; meaning?: string };

const re = (source: string) => new RegExp(source, 'g');

export const ID_LABELS: LabelDef[] = [
  {
    kind: 'fiscal-number',
    re: re(String.raw`\b${NO}\s*(?:d'identification\s+)?fiscal\b|\bidentifiant\s+fiscal\b`),
  },
  { kind: 'tax-notice-reference', re: re(String.raw`\bref(?:erence|\.)?\s*(?:de\s+l'\s*)?avis\b`) },
  {
    kind: 'reference-tax-income',
    re: re(String.raw`\brevenu\s+fiscal\s+de\s+reference\b|\brfr\b`),
    meaning: 'revenu-fiscal',
  },
  {
    kind: 'caf-number',
    re: re(
      String.raw`\b${NO}\s*(?:d'\s*|de\s+)?allocataire\b|\b(?:matricule|reference)\s+(?:caf|allocataire)\b`,
    ),
  },
  {
    kind: 'nir',
    re: re(
      String.raw`\b${NO}\s*(?:de\s+)?(?:securite\s+sociale|s\.?s\.?|insee|d'immatriculation|d'inscription(?:\s+au\s+repertoire)?)(?![a-z])|\bnir\b|\bimmatriculation\b`,
    ),
  },
  { kind: 'iban', re: re(String.raw`\biban\b`) },
  { kind: 'bic', re: re(String.raw`\b(?:code\s+)?(?:bic|swift)\b`) },
  { kind: 'siret', re: re(String.raw`\b(?:${NO}\s*)?siret\b`) },
];

export const DATE_LABELS: Array<{ meaning: string; re: RegExp }> = [
  {
    meaning: 'naissance',
    re: re(String.raw`\bdate\s+de\s+naissance\b|\bne\s*(?:\(e\)|e)?\s+le\b|\bnee?\s+le\b`),
  },
  { meaning: 'mise-en-recouvrement', re: re(String.raw`\bmise\s+en\s+recouvrement\b`) },
  {
    meaning: 'emission',
    re: re(
      String.raw`\b[dp]ate\s+d'\s*(?:etablissement|emission|edition)\b|\b(?:etabli|edite|delivre|emis|fait|imprime)e?\s+le\b|\bdate\s+de\s+(?:delivrance|l'attestation|l'avis)\b|,\s*le\s*$`,
    ),
  },
  {
    meaning: 'echeance',
    re: re(
      String.raw`\bdate\s+limite(?:\s+de\s+paiement)?\b|\becheance\b|\bavant\s+le\b|\bau\s+plus\s+tard\s+le\b`,
    ),
  },
  { meaning: 'entree', re: re(String.raw`\bdate\s+d'\s*(?:entree|embauche|anciennete)\b|\bentree\s+le\b`) },
  {
    meaning: 'fin',
    re: re(
      String.raw`\bjusqu'\s*au\b|\bdate\s+de\s+fin\b|\bdate\s+d'\s*expiration\b|\bexpire\s+le\b|\bfin\s+de\s+validite\b|\bvalable\s+jusqu\b|\bau\s*$`,
    ),
  },
  {
    meaning: 'debut',
    re: re(
      String.raw`\bdate\s+de\s+debut\b|\ba\s+compter\s+du\b|\ba\s+partir\s+du\b|\bdu\s*$|\bdebut\s+de\s+validite\b`,
    ),
  },
  {
    meaning: 'paiement',
    re: re(
      String.raw`\b(?:verse|paye|regle)e?s?\s+le\b|\bdate\s+de\s+(?:paiement|versement)\b|\bpaiement\s+(?:du|le)\b`,
    ),
  },
];

export const AMOUNT_LABELS: Array<{ meaning: string; re: RegExp }> = [
  { meaning: 'net-a-payer', re: re(String.raw`\bnet\s+a\s+payer\b|\bnet\s+paye\b`) },
  { meaning: 'net-imposable', re: re(String.raw`\bnet\s+imposable\b`) },
  { meaning: 'salaire-brut', re: re(String.raw`\bsalaire\s+brut\b|\btotal\s+brut\b`) },
  {
    meaning: 'impot-net',
    re: re(
      String.raw`\bimpot\s+sur\s+le\s+revenu\s+net\b|\bmontant\s+(?:net\s+)?de\s+(?:votre\s+|l')?impot\b`,
    ),
  },
  {
    meaning: 'reste-a-payer',
    re: re(String.raw`\b(?:somme|reste|montant(?:\s+restant)?)\s+a\s+payer\b`),
  },
  { meaning: 'montant-total', re: re(String.raw`\bmontant\s+total\b|\btotal\s+verse\b`) },
  {
    meaning: 'montant-prestation',
    re: re(
      String.raw`\baide\s+personnalisee\s+au\s+logement\b|\ballocation\s+(?:de\s+)?logement(?:\s+(?:familiale|sociale))?\b|\bprime\s+d'\s*activite\b|\brevenu\s+de\s+solidarite\s+active\b|\brsa\b|(?<!d'\s?)\ballocations?\s+familiales\b|\ballocation\s+aux\s+adultes\s+handicapes\b|\baah\b|\bmontant\s+de\s+(?:la|votre)\s+prestation\b|\bcomplement\s+familial\b`,
    ),
  },
];

export const NAME_LABELS: Array<{ meaning: string; re: RegExp }> = [
  { meaning: 'nom-naissance', re: re(String.raw`\bnom\s+de\s+naissance\b`) },
  { meaning: 'nom-usage', re: re(String.raw`\bnom\s+d'\s*usage\b|\bnom\s+marital\b|\bnom\s+d'\s*epouse\b`) },
  {
    meaning: 'nom-prenom',
    re: re(String.raw`\bnoms?\s+et\s+prenoms?\b|\bnom\s*,\s*prenoms?\b|\bnom\s*/\s*prenoms?\b`),
  },
  { meaning: 'titulaire', re: re(String.raw`\btitulaire\s+du\s+compte\b|\btitulaire(?=\s*:)`) },
  { meaning: 'beneficiaire', re: re(String.raw`\bbeneficiaire\s*(?=:)|\bassure(?:\(e\)|e)?\s*(?=:)`) },
  { meaning: 'salarie', re: re(String.raw`\bsalarie(?:\(e\)|e)?\s*(?=:)`) },
  { meaning: 'prenom', re: re(String.raw`\bprenoms?(?:\s*\(s\))?(?=\s*:|\s*$|\s{2})`) },
  { meaning: 'nom', re: re(String.raw`\bnom(?=\s*:|\s*$|\s{2})`) },
];

/** Every label start, used to stop a value before the next label on the same line. */
export const ALL_LABEL_RES: RegExp[] = [
  ...ID_LABELS.map((l) => l.re),
  ...NAME_LABELS.map((l) => l.re),
  ...DATE_LABELS.map((l) => l.re),
  ...AMOUNT_LABELS.map((l) => l.re),
];

export type LabelHit = { start: number; end: number; text: string };

export function findAll(re: RegExp, text: string): LabelHit[] {
  const hits: LabelHit[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (m[0].length === 0) continue;
    hits.push({ start, end: start + m[0].length, text: m[0] });
  }
  return hits;
}
