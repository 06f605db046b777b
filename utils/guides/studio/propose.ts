/**
 * What the studio proposes for a field the author pointed at, from its clues alone (never a
 * value): a title and an explanation in plain words from the label and hint, the validator the
 * field calls for, how the step is done, and the page it belongs to. Everything is a proposal the
 * author edits.
 */
import { type CapturedClues, type FieldKind, kindOfClues } from '../clues.ts';
import type { DoneKind, GuideValidatorId, PageCondition } from '../format.ts';
import { normalizeText } from '../text.ts';
import { emptyText, type StepProposal, slug } from './draft.ts';

/** The page the field was picked on: its address without query (which may hold personal data). */
export type PickedPage = { url: string; heading?: string };

export type ValidatorGuess = { validator: GuideValidatorId; dateRule?: 'past' | 'future' };

// `autocomplete` tokens (HTML) that name the answer exactly.
const AUTOCOMPLETE: Record<string, ValidatorGuess> = {
  email: { validator: 'email' },
  tel: { validator: 'phone' },
  'tel-national': { validator: 'phone' },
  'postal-code': { validator: 'postcode' },
  bday: { validator: 'date', dateRule: 'past' },
};

/**
 * Words of a name or label, most specific first: an "adresse électronique" is an e-mail, not a
 * postal address; a "numéro fiscal" is not a phone number. Matched on normalized text (no accents,
 * lower case) as whole words or phrases.
 */
const WORDS: Array<[RegExp, ValidatorGuess]> = [
  [/\biban\b/, { validator: 'iban' }],
  [/\b(bic|swift)\b/, { validator: 'bic' }],
  [
    /\b(nir|securite sociale|secu|numero ss|num_?ss|n ss|insee)\b|\bno? ?(de )?ss\b|\bnss\b/,
    { validator: 'nir' },
  ],
  [
    /\b(numero fiscal|num(ero)?[_ -]?fiscal|identifiant fiscal|spi|numero d'?identification fiscale)\b/,
    { validator: 'fiscal-number' },
  ],
  [/\b(allocataire|numero caf|num(ero)?[_ -]?caf|matricule caf)\b/, { validator: 'caf-number' }],
  [/\bsiret\b/, { validator: 'siret' }],
  [/\bsiren\b/, { validator: 'siren' }],
  [/\b(code postal|code[_ -]?postal|cp|zip|postcode|postal[_ -]?code)\b/, { validator: 'postcode' }],
  [/\b(e-?mail|courriel|adresse electronique|mel|adresse mail)\b/, { validator: 'email' }],
  [/\b(telephone|tel|portable|mobile|phone)\b/, { validator: 'phone' }],
];

// A date is in the past (birth, issue, arrival) or the future (expiry, appointment).
const PAST_DATE =
  /\b(naissance|ne|nee|delivrance|delivre|obtention|depuis|entree|arrivee|emmenagement|debut du bail|signature|bday|birth)\b/;
const FUTURE_DATE = /\b(expiration|fin de validite|valable jusqu|rendez-vous|rdv|prevue|souhaitee|futur)\b/;
const DATE = /\b(date|jj ?\/ ?mm|jour|birth|bday)\b/;

/** Snake, kebab and camel case names read as words: `numeroFiscal`, `numero_fiscal` → "numero fiscal". */
function nameWords(name: string | undefined): string {
  return normalizeText((name ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.[\]]+/g, ' '));
}

function dateGuess(words: string): ValidatorGuess | null {
  if (PAST_DATE.test(words)) return { validator: 'date', dateRule: 'past' };
  if (FUTURE_DATE.test(words)) return { validator: 'date', dateRule: 'future' };
  return null;
}

/**
 * The validator a field calls for, from its `autocomplete`, type, name, label, hint and
 * `inputmode`, in that order of trust; null when nothing says it clearly.
 */
export function inferValidator(clues: CapturedClues & { inputmode?: string }): ValidatorGuess | null {
  const kind = kindOfClues(clues);
  if (kind && kind !== 'field') return null;
  const auto = (clues.autocomplete ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  for (const token of auto) {
    // `section-x shipping postal-code`: the last token names the answer.
    const guess = AUTOCOMPLETE[token] ?? (token.startsWith('bday') ? AUTOCOMPLETE.bday : undefined);
    if (guess) return guess;
  }
  const type = (clues.type ?? '').toLowerCase();
  if (type === 'email') return { validator: 'email' };
  if (type === 'tel') return { validator: 'phone' };
  const hint = normalizeText(clues.hint);
  // An accessible name often holds the hint (a DSFR label wraps its hint text); a hint may name
  // another field ("sous le numéro fiscal"), which says nothing of this one.
  const accessible = normalizeText(clues.accessibleName);
  const texts = [
    nameWords(clues.name),
    nameWords(clues.id),
    normalizeText(clues.label),
    hint && accessible.includes(hint) ? accessible.replace(hint, ' ').trim() : accessible,
  ];
  for (const words of texts) {
    if (!words) continue;
    for (const [pattern, guess] of WORDS) if (pattern.test(words)) return guess;
    if (DATE.test(words)) return dateGuess(words) ?? { validator: 'date' };
  }
  if (type === 'date' || /\bjj ?\/ ?mm\b/.test(hint)) {
    return dateGuess(texts.join(' ')) ?? { validator: 'date' };
  }
  const mode = (clues.inputmode ?? '').toLowerCase();
  if (mode === 'email') return { validator: 'email' };
  if (mode === 'tel') return { validator: 'phone' };
  return null;
}

/** A label as a title: no "*", "(obligatoire)", trailing colon, nor a hint glued after it. */
export function cleanLabel(label: string | undefined): string {
  let text = (label ?? '').replace(/\s+/g, ' ').trim();
  text = text.replace(/\s*\((obligatoire|requis|facultatif|optionnel)\)\s*/gi, ' ');
  text = text
    .replace(/[\s*:]+$/g, '')
    .replace(/^\*\s*/, '')
    .trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return '';
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** What the answer looks like, said simply, for validators that have a shape a person can check. */
const DESCRIBE: Partial<Record<GuideValidatorId, { describe: string; example: string }>> = {
  iban: {
    describe: 'Il commence par FR et a 27 caractères. Il est sur votre RIB.',
    example: 'FR76 3000 6000 0112 3456 7890 189',
  },
  bic: { describe: 'Il a 8 ou 11 lettres et chiffres. Il est sur votre RIB.', example: 'AGRIFRPP' },
  nir: { describe: 'Il a 15 chiffres. Il est sur votre carte Vitale.', example: '2 84 05 75 112 123 45' },
  'fiscal-number': {
    describe: 'Il a 13 chiffres. Il est en haut de votre avis d’impôt.',
    example: '1234567890123',
  },
  'caf-number': { describe: 'Il a 7 chiffres. Il est sur les courriers de la CAF.', example: '1234567' },
  siret: { describe: 'Il a 14 chiffres.', example: '732 829 320 00074' },
  siren: { describe: 'Il a 9 chiffres.', example: '732 829 320' },
  postcode: { describe: 'Il a 5 chiffres.', example: '75001' },
  phone: { describe: 'Il a 10 chiffres.', example: '06 12 34 56 78' },
  email: { describe: 'Elle contient le signe @.', example: 'nom@exemple.fr' },
  date: { describe: 'Le jour, le mois, puis l’année.', example: '14/07/1990' },
};

function bodyFor(kind: FieldKind | null, label: string, group: string): string {
  const quoted = `« ${label} »`;
  switch (kind) {
    case 'choice':
      return group
        ? `Choisissez votre réponse pour « ${group} ».`
        : `Cochez la case ${quoted} si c’est votre cas.`;
    case 'list':
      return `Choisissez dans la liste ${quoted}.`;
    case 'file':
      return `Ajoutez le document demandé : ${quoted}.`;
    case 'button':
      return `Cliquez sur le bouton ${quoted}.`;
    case 'link':
      return `Cliquez sur le lien ${quoted}.`;
    default:
      return `Écrivez votre réponse dans la case ${quoted}.`;
  }
}

function doneFor(kind: FieldKind | null, validator: ValidatorGuess | null): DoneKind {
  if (kind === 'button' || kind === 'link') return 'clicked';
  return validator ? 'field-valid' : 'field-filled';
}

/** The page condition of a step: the address of that very page, and its section heading. */
export function proposeCondition(page: PickedPage | undefined): PageCondition | null {
  if (!page) return null;
  const condition: PageCondition = {};
  try {
    const url = new URL(page.url);
    if (url.protocol === 'http:' || url.protocol === 'https:')
      // No port (any port matches), and any query after the path: the same page with its parameters.
      condition.urlPattern = `${url.protocol}//${url.hostname}${url.pathname}*`;
  } catch {
    // no address condition
  }
  const heading = (page.heading ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (heading) condition.headingText = heading;
  return Object.keys(condition).length > 0 ? condition : null;
}

/** The step the studio proposes for a picked field or button. */
export function proposeStep(clues: CapturedClues & { inputmode?: string }, page?: PickedPage): StepProposal {
  const kind = kindOfClues(clues);
  const label = cleanLabel(clues.label || clues.accessibleName || clues.name || clues.id);
  // A radio option's label is one answer ("Madame"); the question is its group ("Civilité").
  const group = cleanLabel(clues.group);
  const isRadio = kind === 'choice' && (clues.type === 'radio' || clues.role === 'radio');
  const title = (isRadio && group ? group : label) || 'Étape';
  const guess = inferValidator(clues);
  let body = bodyFor(kind, isRadio && group ? title : label || title, isRadio ? group : '');
  const hint = sentence(clues.hint ?? '');
  if (hint && kind !== 'button' && kind !== 'link') body += ` Le site précise : ${hint}`;
  const known = guess ? DESCRIBE[guess.validator] : undefined;
  const describe = known?.describe ?? (hint && kind === 'field' ? hint : '');
  const id = slug(clues.name ?? '', 40) || slug(clues.id ?? '', 40) || slug(title, 40);
  const proposal: StepProposal = {
    id,
    title: emptyText(title),
    body: emptyText(body),
    target: { clues: targetClues(clues), kind },
    describe: emptyText(describe),
    example: known?.example ?? '',
    validator: guess?.validator ?? null,
    dateRule: guess?.dateRule ?? null,
    fromDocument: null,
    done: doneFor(kind, guess),
    when: proposeCondition(page),
  };
  return proposal;
}

/** The clues the guide keeps: what the format knows, nothing else the page script may add. */
export function targetClues(clues: CapturedClues): CapturedClues {
  const out: CapturedClues = {};
  const keys = [
    'id',
    'name',
    'autocomplete',
    'label',
    'accessibleName',
    'hint',
    'group',
    'heading',
    'tag',
    'type',
    'role',
    'path',
  ] as const;
  for (const key of keys) {
    const value = clues[key];
    if (typeof value === 'string' && value.trim() !== '')
      out[key] = value.slice(0, key === 'path' ? 500 : 200);
  }
  for (const key of ['tag', 'type', 'role'] as const) {
    const value = out[key];
    if (value !== undefined && value.length > 32) delete out[key];
  }
  const p = clues.position;
  if (p && Number.isInteger(p.index) && Number.isInteger(p.count) && p.index >= 0 && p.count >= 0)
    out.position = { index: Math.min(p.index, 100_000), count: Math.min(p.count, 100_000) };
  return out;
}
