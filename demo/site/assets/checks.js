/**
 * The demo site's own checks, shared by the browser (validation.js, spa.js) and the server
 * (server.js), so a page without JavaScript is validated exactly like one with it.
 * Each check takes the raw text and returns null (fine) or a French error message, like a real
 * administration site would. This is the *site's* validation, not Pas à pas's.
 */

/** Removes the spaces, dots and dashes people type inside numbers. */
export function compact(value) {
  return String(value)
    .replace(/[\s.\-_/]+/g, '')
    .toUpperCase();
}

/** Remainder of a long decimal string modulo m, digit by digit (IBAN numbers exceed 2^53). */
function modString(digits, m) {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + (ch.charCodeAt(0) - 48)) % m;
  return rest;
}

export function nirValid(raw) {
  const nir = compact(raw);
  if (!/^[1-478]\d{4}(\d{2}|2A|2B)\d{8}$/.test(nir)) return false;
  // Corsica: 2A and 2B count as 19 and 18 for the key.
  const body = nir.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97 - modString(body, 97);
  return key === Number(nir.slice(13));
}

export function ibanValid(raw) {
  const iban = compact(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith('FR') && iban.length !== 27) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let digits = '';
  for (const ch of moved) digits += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  return modString(digits, 97) === 1;
}

export function fiscalNumberValid(raw) {
  const n = compact(raw);
  if (!/^[0-3]\d{12}$/.test(n)) return false;
  // The last three digits are the first ten modulo 511.
  return modString(n.slice(0, 10), 511) === Number(n.slice(10));
}

/** Parses JJ/MM/AAAA into a real calendar date, or null. */
export function parseFrenchDate(raw) {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(String(raw));
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date;
}

function todayUtc() {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Messages say what to do, as plainly as a good administration site would. */
const CHECKS = {
  nir: (v) =>
    nirValid(v)
      ? null
      : 'Le numéro de sécurité sociale doit avoir 15 chiffres (clé comprise). Vérifiez-le sur votre carte Vitale.',
  iban: (v) =>
    ibanValid(v) ? null : 'L’IBAN n’est pas valide. Un IBAN français commence par FR et a 27 caractères.',
  bic: (v) =>
    /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compact(v))
      ? null
      : 'Le BIC doit avoir 8 ou 11 caractères. Il est écrit sur votre RIB.',
  'fiscal-number': (v) =>
    fiscalNumberValid(v)
      ? null
      : 'Le numéro fiscal doit avoir 13 chiffres et commencer par 0, 1, 2 ou 3. Il est en haut de votre avis d’impôt.',
  'tax-reference': (v) =>
    /^[0-9A-Z]{13}$/.test(compact(v))
      ? null
      : 'La référence de l’avis doit avoir 13 caractères (chiffres et lettres).',
  'caf-number': (v) =>
    /^\d{7,8}$/.test(compact(v)) ? null : 'Le numéro d’allocataire doit avoir 7 chiffres.',
  postcode: (v) => (/^\d{5}$/.test(String(v).trim()) ? null : 'Le code postal doit avoir 5 chiffres.'),
  phone: (v) =>
    /^(0|\+33|0033)[1-9]\d{8}$/.test(String(v).replace(/[\s.\-()]+/g, ''))
      ? null
      : 'Le numéro de téléphone doit avoir 10 chiffres, par exemple 06 12 34 56 78.',
  email: (v) =>
    /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(String(v).trim())
      ? null
      : 'L’adresse électronique n’est pas valide. Exemple : nom@exemple.fr',
  date: (v) => (parseFrenchDate(v) ? null : 'La date doit être une vraie date au format JJ/MM/AAAA.'),
  'date-past': (v) => {
    const date = parseFrenchDate(v);
    if (!date) return 'La date doit être une vraie date au format JJ/MM/AAAA.';
    if (date.getTime() >= todayUtc()) return 'La date doit être dans le passé.';
    if (date.getUTCFullYear() < 1900) return 'La date doit être après 1900.';
    return null;
  },
  amount: (v) =>
    /^\d{1,9}([.,]\d{1,2})?$/.test(String(v).replace(/[\s\u00a0\u202f€]+/g, ''))
      ? null
      : 'Indiquez un montant en euros, avec des chiffres seulement. Exemple : 18500',
  parts: (v) =>
    /^\d{1,2}([.,](0|00|25|5|50|75))?$/.test(String(v).trim())
      ? null
      : 'Indiquez le nombre de parts écrit sur votre avis d’impôt. Exemple : 2,5',
  children: (v) => {
    const s = String(v).trim();
    return /^\d{1,2}$/.test(s) && Number(s) <= 12 ? null : 'Indiquez un nombre d’enfants entre 0 et 12.';
  },
  password: (v) => {
    const s = String(v);
    if (s.length < 12) return 'Le mot de passe doit avoir au moins 12 caractères.';
    if (!/[a-z]/.test(s) || !/[A-Z]/.test(s) || !/\d/.test(s)) {
      return 'Le mot de passe doit contenir une minuscule, une majuscule et un chiffre.';
    }
    return null;
  },
};

export const CHECK_NAMES = Object.freeze(Object.keys(CHECKS));

/**
 * Checks one field. `field` = { required (default true), check, label, kind }; `value` is the raw string.
 * Returns null or the error message.
 */
export function checkValue(field, value) {
  const text = value == null ? '' : String(value);
  if (text.trim() === '') {
    if (field.required === false) return null;
    if (field.kind === 'radio' || field.kind === 'select')
      return `Choisissez une réponse pour « ${field.label} ».`;
    if (field.kind === 'checkbox') return 'Vous devez cocher cette case pour continuer.';
    if (field.kind === 'file') return `Ajoutez le fichier « ${field.label} ».`;
    return `Ce champ est obligatoire : « ${field.label} ».`;
  }
  const check = field.check && CHECKS[field.check];
  return check ? check(text) : null;
}
