/**
 * Sensitive fields (passwords, bank card data, one-time codes, PINs, security codes) are shown to
 * the person but their values are never copied, saved, exported or read aloud. One rule for the
 * whole product, so readable mode, progress and OCR agree.
 *
 * Clues, strongest first: the input type (and whether it was ever a password: "show" buttons turn
 * it into text), `autocomplete` tokens, the name and id split into words (camelCase, `_`, `-`,
 * digits), then the label, aria-label, placeholder and hint, in French and English, accents folded.
 * Card words count only for a bank card: a carte Vitale, ID card or residence card number is an
 * ordinary answer (the NIR is not a secret), and so is a residence permit's expiry date.
 */
import { foldText } from './text.ts';

export type FieldDescriptor = {
  type?: string | null;
  autocomplete?: string | null;
  name?: string | null;
  id?: string | null;
  label?: string | null;
  hint?: string | null;
  placeholder?: string | null;
  ariaLabel?: string | null;
  inputmode?: string | null;
  /** The element was `type=password` at some point (a "show" button made it text since). */
  wasPassword?: boolean | null;
};

const SECRET_AUTOCOMPLETE = new Set(['current-password', 'new-password', 'one-time-code']);

/** `user_pwd` → user pwd; `loginPwd` → login pwd; `OTPCode` → otp code; `card_cvv2` → card cvv 2. */
export function identifierWords(identifier: string): string[] {
  return foldText(
    identifier
      .replace(/([a-z\u00e0-\u00ff])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/(\d+)/g, ' $1 '),
  )
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words of a label or hint: folded, apostrophes and punctuation as spaces (`N° de carte` → n de carte). */
function textWords(text: string): string {
  return ` ${foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

// --- name / id words -------------------------------------------------------------------------
const SECRET_IDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pswd',
  'passwort',
  'motdepasse',
  'mdp',
  'passphrase',
  'passcode',
  'pin',
  'pincode',
  'otp',
  'totp',
  'hotp',
  'mfa',
  'cvv',
  'cvc',
  'cvn',
  'ccv',
  'csc',
  'cryptogramme',
  'cryptogram',
  'crypto',
  'cryptovisuel',
  'cardholder',
  'creditcard',
  'cardnumber',
  'ccnumber',
  'ccnum',
  'ccexp',
  'cccsc',
  'secret',
  'secrete',
]);
// `pass` alone is a password only next to an account word (a Pass Sport or Pass Navigo is not).
const ACCOUNT_IDS = new Set([
  'user',
  'login',
  'account',
  'compte',
  'utilisateur',
  'confirm',
  'new',
  'old',
  'current',
  'nouveau',
  'ancien',
]);
// `code` next to one of these: securityCode, codeSecurite, sms_code, validationCode…
const CODE_PARTNERS = new Set([
  'secret',
  'secure',
  'security',
  'securite',
  'securit',
  'verif',
  'verification',
  'verify',
  'validation',
  'activation',
  'confirmation',
  'confirm',
  'sms',
  'otp',
  'auth',
  'authentication',
  'authentification',
  'confidentiel',
  'unique',
  'temp',
  'temporaire',
  'onetime',
  'mail',
  'email',
  'access',
  'acces',
  'connexion',
  'login',
]);
const CARD_IDS = new Set(['card', 'carte', 'cc', 'cb']);
const CARD_DETAIL_IDS = new Set([
  'num',
  'number',
  'numero',
  'no',
  'nr',
  'nb',
  'exp',
  'expiry',
  'expiration',
  'expire',
  'holder',
  'titulaire',
  'name',
  'nom',
  'owner',
  'validity',
  'validite',
]);
// Cards that are not bank cards: their number is an ordinary answer.
const OTHER_CARD_IDS = new Set([
  'vitale',
  'identite',
  'identity',
  'id',
  'cni',
  'sejour',
  'residence',
  'resident',
  'grise',
  'invalidite',
  'mobilite',
  'cmi',
  'handicap',
  'electeur',
  'electorale',
  'etudiant',
  'student',
  'navigo',
  'fidelite',
  'loyalty',
  'mutuelle',
  'ehic',
  'ceam',
  'sante',
  'health',
  'pro',
  'professionnelle',
  'transport',
  'vital',
]);
const EXPIRY_IDS = new Set(['exp', 'expiry', 'expiration', 'expire', 'expires']);
const MONTH_YEAR_IDS = new Set(['month', 'year', 'mm', 'yy', 'yyyy', 'aa', 'aaaa', 'mois', 'annee', 'an']);

function sensitiveIdentifier(identifier: string): boolean {
  const words = identifierWords(identifier);
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  if (has(SECRET_IDS)) return true;
  // mot_de_passe, pass_word, one_time, 2fa
  const joined = ` ${words.join(' ')} `;
  if (/ mot de passe | pass word | one time | 2 fa /.test(joined)) return true;
  if (words.includes('pass') && (words.length === 1 || has(ACCOUNT_IDS))) return true;
  if (words.includes('code') && has(CODE_PARTNERS) && !words.includes('sociale')) return true;
  const card = has(CARD_IDS) && !has(OTHER_CARD_IDS);
  if (card && (has(CARD_DETAIL_IDS) || words.includes('credit') || words.includes('debit'))) return true;
  if (has(EXPIRY_IDS) && (has(MONTH_YEAR_IDS) || card)) return true;
  return false;
}

// --- label, aria-label, placeholder, hint --------------------------------------------------
const PASSWORD_TEXT =
  / (mot de passe|mots de passe|mdp|password|passwords|passphrase|pass phrase|passcode|phrase secrete) /;
const CODE_TEXT = new RegExp(
  [
    ' (code )?pin ',
    ' code (secret|confidentiel|personnel|d acces|de connexion|unique|temporaire|provisoire) ',
    ' code (de |d )?(securite(?! sociale)|verification|validation|activation|confirmation|authentification|controle) ',
    ' (security|verification|validation|activation|confirmation|authentication|access|one time|sms|otp) code ',
    ' code (sms|otp|2fa) ',
    ' code (a|de) \\d+ (chiffres|caracteres) ',
    ' \\d+ digit code ',
    ' code (que vous avez |qui vous a ete |qu on vous a )?(recu|envoye|transmis) ',
    ' code (you )?(received|sent) ',
    ' (recu|envoye|transmis|received|sent) (ce |le |un |votre |the |a |this )?code ',
    ' code (par|by) (sms|e mail|email|mail|courriel|texto|text message) ',
    ' otp | totp | one time | usage unique | 2fa | double authentification | two factor ',
  ].join('|'),
);
const CARD_SECRET_TEXT =
  / (cvv|cvc|cvv2|cvc2|csc|cvn|ccv|cryptogramme|crypto|cryptogram|card verification|cryptogramme visuel) | au dos de (votre |la )?carte | (on the )?back of (your |the )?card /;
const BANK_CARD_TEXT =
  / (carte (bancaire|de credit|de paiement|de debit|visa|mastercard|cb)|cartes bancaires|cb|credit card|debit card|payment card|bank card|cardholder|card holder|name on card|nom sur la carte) /;
const CARD_DETAIL_TEXT =
  / (n|no|num|numero|nr|number) (de |du |of )?(la |votre |your |the )?carte | card (number|no|num) | (titulaire|porteur) de (la |votre )?carte | (expiration|validite|expiry|expires?) (de |of )?(la |votre |your |the )?(carte|card) | carte (expire|valable) /;
const OTHER_CARD_TEXT =
  / (vitale|identite|identity|id|cni|sejour|residence|resident|grise|invalidite|mobilite|inclusion|handicap|electeur|electorale|etudiant|etudiante|student|navigo|fidelite|loyalty|mutuelle|tiers payant|ehic|sante|health|insurance|professionnelle|transport|permis|europeenne d assurance maladie) /;
const EXPIRY_TEXT = / (date d )?(expiration|expiry|validite|fin de validite|expires?|exp) /;
// MM/AA, not JJ/MM/AAAA (a full date is not a card's).
const MONTH_YEAR_FORMAT = /(?<!jj|dd) (mm ?(aa|yy|aaaa|yyyy)|mois annee|month year) /;

function sensitiveText(text: string, isHint: boolean): boolean {
  const t = textWords(text);
  // A hint may warn "never give your password" next to an ordinary field: passwords by label only.
  if (!isHint && PASSWORD_TEXT.test(t)) return true;
  if (CODE_TEXT.test(t) || CARD_SECRET_TEXT.test(t)) return true;
  if (BANK_CARD_TEXT.test(t)) return true;
  if (CARD_DETAIL_TEXT.test(t) && !OTHER_CARD_TEXT.test(t)) return true;
  return false;
}

function sensitiveAutocomplete(autocomplete: string): boolean {
  return autocomplete
    .toLowerCase()
    .split(/\s+/)
    .some((token) => SECRET_AUTOCOMPLETE.has(token) || token.startsWith('cc-'));
}

export function isSensitiveField(field: FieldDescriptor): boolean {
  if ((field.type ?? '').toLowerCase() === 'password' || field.wasPassword) return true;
  if (field.autocomplete && sensitiveAutocomplete(field.autocomplete)) return true;
  if (field.name && sensitiveIdentifier(field.name)) return true;
  if (field.id && sensitiveIdentifier(field.id)) return true;
  const shown = [field.label, field.ariaLabel, field.placeholder].filter(Boolean).join(' · ');
  if (shown && sensitiveText(shown, false)) return true;
  if (field.hint && sensitiveText(field.hint, true)) return true;
  // Card expiry: "Date d'expiration" is a card's only when the answer is a month and a year
  // (MM/AA); a residence permit's expiry is a full date and stays an ordinary answer.
  const all = textWords([shown, field.hint ?? ''].join(' '));
  if (EXPIRY_TEXT.test(all) && MONTH_YEAR_FORMAT.test(all) && !OTHER_CARD_TEXT.test(all)) return true;
  // A bare "Code" typed in digits is a one-time code (postal codes and the like are named).
  if (/^ code( recu)? $/.test(textWords(field.label ?? '')) && field.inputmode === 'numeric') return true;
  return false;
}
