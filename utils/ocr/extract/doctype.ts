/** Which of the documents people most often photograph this is, from its words and layout marks. */
import { normalize } from './layout.ts';
import type { DocumentType } from './types.ts';

type Marker = { re: RegExp; weight: number };

const MARKERS: Record<Exclude<DocumentType, 'unknown'>, Marker[]> = {
  'avis-imposition': [
    { re: /avis d'(?:impot|imposition)/, weight: 4 },
    { re: /impot sur (?:le|les) revenus?/, weight: 2 },
    { re: /revenu fiscal de reference/, weight: 3 },
    { re: /(?:numero|n°|no) fiscal/, weight: 2 },
    { re: /reference de l'avis/, weight: 3 },
    { re: /finances publiques|dgfip/, weight: 2 },
    { re: /impots\.gouv\.fr/, weight: 2 },
    { re: /mise en recouvrement|nombre de parts/, weight: 2 },
  ],
  'attestation-caf': [
    { re: /caisse d'allocations familiales/, weight: 4 },
    { re: /\bcaf\b|caf\.fr/, weight: 2 },
    { re: /(?:numero|n°|no) (?:d')?allocataire/, weight: 3 },
    { re: /attestation de paiement|attestation de droits? caf/, weight: 2 },
    {
      re: /aide personnalisee au logement|prime d'activite|allocations? familiales|\brsa\b|quotient familial/,
      weight: 2,
    },
  ],
  rib: [
    { re: /releve d'identite bancaire|\brib\b/, weight: 4 },
    { re: /\biban\b/, weight: 2 },
    { re: /\bbic\b|swift/, weight: 2 },
    { re: /titulaire du compte/, weight: 2 },
    { re: /code banque|code guichet|cle rib|domiciliation/, weight: 2 },
  ],
  'attestation-droits-ameli': [
    { re: /assurance maladie/, weight: 3 },
    { re: /ameli/, weight: 3 },
    { re: /attestation de droits/, weight: 3 },
    { re: /\bcpam\b|caisse primaire/, weight: 2 },
    { re: /securite sociale|organisme d'affiliation|complementaire sante solidaire|beneficiaire/, weight: 1 },
  ],
  'titre-sejour': [
    { re: /t[il1]tre de s[e]jour|carte de s[e]jour|carte de r[e]sident|residence permit/, weight: 4 },
    { re: /valable jusqu|lieu de naissance/, weight: 1 },
    { re: /type de titre|\bremarques\b|autorise son titulaire/, weight: 2 },
    { re: /nationalite/, weight: 1 },
    // Machine-readable zone of ID cards: "IR" or "ID" then FRA, and runs of "<".
    { re: /\b(?:ir|id)[<a-z]fra|<{5,}/, weight: 3 },
  ],
  'bulletin-salaire': [
    { re: /bulletin de (?:salaire|paie)|fiche de paie/, weight: 4 },
    { re: /salaire de base|salaire brut|total brut/, weight: 3 },
    { re: /net a payer|net imposable|net social/, weight: 2 },
    { re: /cotisations?|urssaf|convention collective|\bnaf\b|\bape\b/, weight: 1 },
    { re: /employeur|emploi|\bsiret\b/, weight: 1 },
  ],
};

export function detectDocumentType(text: string): {
  type: DocumentType;
  confidence: number;
  labelKey: string;
} {
  const norm = normalize(typeof text === 'string' ? text : '').replace(/\s+/g, ' ');
  const scores = Object.entries(MARKERS).map(([type, markers]) => ({
    type: type as DocumentType,
    score: markers.reduce((sum, m) => sum + (m.re.test(norm) ? m.weight : 0), 0),
  }));
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score < 4) return { type: 'unknown', confidence: 0, labelKey: 'doctype.unknown' };
  // Sure when well above the threshold and well ahead of the runner-up.
  const strength = Math.min(1, best.score / 10);
  const margin = (best.score - (second?.score ?? 0)) / best.score;
  const confidence = Math.round(Math.min(1, 0.35 + 0.4 * strength + 0.25 * margin) * 100) / 100;
  return { type: best.type, confidence, labelKey: `doctype.${best.type}` };
}
