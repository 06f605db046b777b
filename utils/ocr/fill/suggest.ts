/**
 * Which field of the page each value read from a document should go into: scored from the field's
 * label, name/id, autocomplete token and hint, and from the active guide step. A value that failed its
 * validator is never pre-selected: the person picks its field, or leaves it out.
 */
import { foldText } from '../../forms/text.ts';
import type { FieldKind } from '../extract/types.ts';
import { VALIDATED_KINDS } from './check.ts';
import type { FillTarget, StepHint } from './targets.ts';

/** The part of an extracted field the suggestion needs (so edited values can be passed too). */
export type FillCandidate = { kind: FieldKind; value: string; valid: boolean; meaning?: string };

export type Suggestion = {
  /** The pre-selected field, or null (nothing fits, or the value is uncertain). */
  targetKey: string | null;
  /** Every field that fits at all, best first: the choices to offer. */
  ranked: Array<{ key: string; score: number }>;
};

type Clues = {
  /** Matched against the label (folded: lower case, no accents). */
  label: RegExp;
  /** Matched against name and id. */
  name?: RegExp;
  autocomplete?: RegExp;
  /** A label that looks right but is another thing ("revenu fiscal" is no fiscal number). */
  not?: RegExp;
};

const CLUES: Record<FieldKind, Clues> = {
  iban: { label: /\biban\b|coordonnees bancaires|numero de compte/, name: /iban/ },
  bic: { label: /\bbic\b|swift/, name: /\bbic\b|bic|swift/ },
  nir: {
    label: /securite sociale|\bnir\b|numero de secu/,
    name: /\bnir\b|secu|nss|insee/,
  },
  'fiscal-number': {
    label: /numero fiscal|identifiant fiscal|\bspi\b|numero d.?identification fiscal/,
    name: /(num(ero)?|id(entifiant)?)[_-]?fiscal|spi/,
    not: /revenu|reference de l/,
  },
  'tax-notice-reference': {
    label: /reference de l.?avis|reference.*avis|avis.*reference/,
    name: /ref.*avis/,
  },
  'reference-tax-income': { label: /revenu fiscal de reference|\brfr\b/, name: /revenu[_-]?fiscal|rfr/ },
  'caf-number': { label: /allocataire|\bcaf\b/, name: /allocataire|caf/ },
  siret: { label: /siret/, name: /siret/ },
  name: {
    label: /titulaire|nom et prenom|nom complet|\bnom\b/,
    name: /titulaire|nom|name/,
    autocomplete: /^(name|family-name|cc-name)$/,
    not: /naissance|commune|ville|banque|nom d.?usage|prenom$/,
  },
  address: {
    label: /adresse|\brue\b|voie/,
    name: /adresse|address|rue/,
    autocomplete: /street-address|address-line1/,
    not: /mail|courriel|electronique/,
  },
  postcode: { label: /code postal/, name: /code[_-]?postal|postcode|zip|cp\b/, autocomplete: /postal-code/ },
  date: { label: /\bdate\b|\bne\(e\) le|\bnee? le\b/, name: /date|naissance/, autocomplete: /^bday/ },
  amount: { label: /montant|revenu|salaire|ressources|somme|\beuros?\b/, name: /montant|revenu|salaire/ },
  nationality: { label: /nationalite/, name: /nationalit/, autocomplete: /^country$/ },
  'document-number': {
    label: /numero (de la |du )?(piece|carte|passeport|titre|document)/,
    name: /num.*(piece|carte|passeport|titre)|document[_-]?num/,
  },
  'family-name': {
    label: /\bnom\b/,
    name: /(^|[_-])nom($|[_-])|family|last[_-]?name|surname/,
    autocomplete: /^family-name$/,
    not: /prenom|date|lieu|commune|ville|banque|titulaire|\bnom et\b/,
  },
  'given-name': { label: /prenoms?\b/, name: /prenom|given|first[_-]?name/, autocomplete: /^given-name$/ },
  city: {
    label: /\bcommune\b|\bville\b|localite/,
    name: /commune|ville|city|localite/,
    autocomplete: /address-level2/,
    not: /naissance/,
  },
  email: {
    label: /e-?mail|courriel|adresse electronique|\bmel\b/,
    name: /e-?mail|courriel/,
    autocomplete: /^email$/,
  },
  phone: {
    label: /telephone|\btel\b|portable|mobile/,
    name: /tel(ephone)?|phone|portable|mobile/,
    autocomplete: /^tel(-national)?$/,
  },
};

/** Meanings that point to one precise field (a birth date is not any date). */
const MEANING_CLUES: Record<string, RegExp> = {
  naissance: /naissance|\bnee? le\b|bday|birth/,
  emission: /etabli|emis|emission|date du document|date de l.?avis/,
  echeance: /echeance|limite|avant le/,
  debut: /debut|depuis|a partir/,
  fin: /\bfin\b|jusqu/,
  // Not "revenu" alone: the revenu fiscal de référence is no net pay.
  'net-a-payer': /salaire|net a payer|remuneration|revenus? d.?activite/,
  'net-imposable': /imposable/,
  'salaire-brut': /brut/,
  'impot-net': /montant de (l.?|votre )?impot|impot (net|sur le revenu|a payer)/,
  'reste-a-payer': /(reste|somme|montant) a payer/,
  'montant-prestation': /prestation|allocation|\baides?\b|\bapl\b|\bcaf\b|prime d.?activite|\brsa\b/,
  'montant-total': /total|prestation|allocation|\bcaf\b/,
  'mise-en-recouvrement': /recouvrement/,
  entree: /entree|embauche|anciennete/,
  paiement: /paiement|versement|verse/,
  titulaire: /titulaire/,
};

/**
 * A document holds many dates and amounts: one whose meaning the field does not name (a CAF benefit in
 * "Salaire net par mois", a payment date in "Date de naissance") is offered but never pre-selected.
 */
const OFF_MEANING_MAX = 0.4;

/** A guide validator id → the kind of value it expects (the inverse of VALIDATED_KINDS). */
const VALIDATOR_KINDS: Record<string, FieldKind> = Object.fromEntries(
  Object.entries(VALIDATED_KINDS).map(([kind, validator]) => [validator, kind as FieldKind]),
);

/** Below this no field is proposed by default. */
export const SUGGEST_THRESHOLD = 0.5;

/** How well `target` fits a value of this kind (0 = not at all). */
export function scoreTarget(candidate: FillCandidate, target: FillTarget, step?: StepHint): number {
  const clues = CLUES[candidate.kind];
  const label = foldText(target.label);
  const names = foldText(`${target.name ?? ''} ${target.id ?? ''}`);
  const hint = foldText(target.hint ?? '');
  let score = 0;
  if (clues.not?.test(label)) return stepBonus(candidate, target, step);
  if (clues.label.test(label)) score += 0.6;
  if (clues.name?.test(names)) score += 0.3;
  if (target.autocomplete && clues.autocomplete?.test(target.autocomplete.trim())) score += 0.5;
  if (score === 0 && clues.label.test(hint)) score += 0.2;
  if (score > 0 && candidate.meaning) {
    const meaning = MEANING_CLUES[candidate.meaning];
    if (meaning?.test(`${label} ${names} ${hint}`)) score += 0.4;
    else if (candidate.kind === 'date' || candidate.kind === 'amount')
      score = Math.min(score, OFF_MEANING_MAX);
  }
  // A value longer than the field accepts cannot be the right field.
  if (target.maxLength !== undefined && target.maxLength > 0 && candidate.value.length > target.maxLength)
    score -= 0.5;
  return Math.max(0, score + stepBonus(candidate, target, step));
}

function stepBonus(candidate: FillCandidate, target: FillTarget, step?: StepHint): number {
  if (!step?.targetKey || step.targetKey !== target.key) return 0;
  const wanted = step.validator ? VALIDATOR_KINDS[step.validator] : undefined;
  if (wanted === candidate.kind) return 1;
  // The step's field with no validator: a weak hint only (the person is on it).
  return wanted === undefined ? 0.2 : 0;
}

/**
 * One suggestion per candidate, in the same order. Each page field is pre-selected for at most one
 * value (the best fitting); uncertain values and the sender's get none.
 */
export function suggestTargets(
  candidates: readonly FillCandidate[],
  targets: readonly FillTarget[],
  step?: StepHint,
): Suggestion[] {
  const scored = candidates.map((c) =>
    targets
      .map((t) => ({ key: t.key, score: Math.round(scoreTarget(c, t, step) * 100) / 100 }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score),
  );
  // The letter's sender (a tax office's address) is never the person's own: offered, not pre-selected.
  const pairs = scored
    .flatMap((ranked, i) =>
      candidates[i]?.valid && candidates[i]?.meaning !== 'expediteur'
        ? ranked.filter((r) => r.score >= SUGGEST_THRESHOLD).map((r) => ({ i, ...r }))
        : [],
    )
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen = new Map<number, string>();
  const used = new Set<string>();
  for (const p of pairs) {
    if (chosen.has(p.i) || used.has(p.key)) continue;
    chosen.set(p.i, p.key);
    used.add(p.key);
  }
  return scored.map((ranked, i) => ({ targetKey: chosen.get(i) ?? null, ranked }));
}
