/**
 * The one rule for "never stored": a table of real-world field descriptions (names, ids, labels,
 * hints and autocomplete tokens seen on French administration, bank and e-commerce sites), both ways.
 * A secret that slips through is written to disk; an ordinary answer caught by mistake is lost on
 * return — both are failures.
 */
import { describe, expect, it } from 'vitest';
import { type FieldDescriptor, identifierWords, isSensitiveField } from '../../../utils/forms/sensitive.ts';

type Row = [string, FieldDescriptor];

const SENSITIVE: Row[] = [
  // Passwords
  ['type=password', { type: 'password', name: 'x' }],
  ['a password turned into text by its "show" button', { type: 'text', name: 'field1', wasPassword: true }],
  ['name=user_pwd', { type: 'text', name: 'user_pwd' }],
  ['name=loginPwd', { type: 'text', name: 'loginPwd' }],
  ['name=password_confirm', { type: 'text', name: 'password_confirm' }],
  ['id=motDePasse', { type: 'text', id: 'motDePasse' }],
  ['name=mot_de_passe', { type: 'text', name: 'mot_de_passe' }],
  ['name=user_pass', { type: 'text', name: 'user_pass' }],
  ['name=passwd', { type: 'text', name: 'passwd' }],
  ['label "MDP"', { type: 'text', name: 'f2', label: 'MDP' }],
  ['label "Mot de passe"', { type: 'text', label: 'Mot de passe' }],
  ['label "Confirmez votre mot de passe"', { type: 'text', label: 'Confirmez votre mot de passe' }],
  ['label "Password"', { type: 'text', label: 'Password' }],
  ['aria-label "Mot de passe"', { type: 'text', ariaLabel: 'Mot de passe' }],
  ['autocomplete=current-password', { type: 'text', autocomplete: 'current-password' }],
  ['autocomplete=new-password', { type: 'text', name: 'nouveau', autocomplete: 'new-password' }],
  ['autocomplete "section-login current-password"', { autocomplete: 'section-login current-password' }],
  // PIN and one-time codes
  ['name=user_pin', { type: 'text', name: 'user_pin' }],
  ['name=codePin', { type: 'text', name: 'codePin' }],
  ['label "Code PIN"', { type: 'text', label: 'Code PIN' }],
  ['label "Code confidentiel"', { type: 'text', label: 'Code confidentiel' }],
  ['label "Code secret"', { type: 'text', label: 'Code secret' }],
  ['name=otp_code', { type: 'text', name: 'otp_code' }],
  ['name=otpCode', { type: 'text', name: 'otpCode' }],
  ['id=OTPInput', { type: 'text', id: 'OTPInput' }],
  ['name=totp', { type: 'text', name: 'totp' }],
  ['name=code2fa', { type: 'text', name: 'code2fa' }],
  ['name=sms_code', { type: 'text', name: 'sms_code' }],
  ['name=verificationCode', { type: 'text', name: 'verificationCode' }],
  ['name=code_validation', { type: 'text', name: 'code_validation' }],
  ['autocomplete=one-time-code', { type: 'text', name: 'code', autocomplete: 'one-time-code' }],
  ['label "Code à 6 chiffres reçu par e-mail"', { type: 'text', label: 'Code à 6 chiffres reçu par e-mail' }],
  ['label "Code de validation"', { type: 'text', label: 'Code de validation' }],
  ['label "Code d\'activation"', { type: 'text', label: "Code d'activation" }],
  ['label "Code de vérification"', { type: 'text', label: 'Code de vérification' }],
  ['label "Code reçu par SMS"', { type: 'text', label: 'Code reçu par SMS' }],
  ['label "Saisissez le code envoyé"', { type: 'text', label: 'Saisissez le code envoyé à votre adresse' }],
  ['label "Verification code"', { type: 'text', label: 'Verification code' }],
  ['label "One-time password"', { type: 'text', label: 'One-time password' }],
  [
    'label "Code" + hint "reçu par SMS"',
    { type: 'text', label: 'Code', hint: 'Vous avez reçu ce code par SMS' },
  ],
  ['label "Code", numeric', { type: 'text', label: 'Code', inputmode: 'numeric' }],
  // Bank cards
  ['name=card_cvv', { type: 'text', name: 'card_cvv' }],
  ['name=cvv2', { type: 'text', name: 'cvv2' }],
  ['name=securityCode', { type: 'text', name: 'securityCode' }],
  ['name=codeSecurite', { type: 'text', name: 'codeSecurite' }],
  ['label "Security code"', { type: 'text', label: 'Security code' }],
  ['label "Cryptogramme visuel"', { type: 'text', label: 'Cryptogramme visuel' }],
  [
    'label "Code" + hint "3 chiffres au dos de votre carte"',
    { label: 'Code', hint: '3 chiffres au dos de votre carte' },
  ],
  ['name=numCarte', { type: 'text', name: 'numCarte' }],
  ['name=cardNumber', { type: 'text', name: 'cardNumber' }],
  ['name=cc_number', { type: 'text', name: 'cc_number' }],
  ['name=ccnum', { type: 'text', name: 'ccnum' }],
  ['name=creditCard', { type: 'text', name: 'creditCard' }],
  ['label "N° de carte bancaire"', { type: 'text', label: 'N° de carte bancaire' }],
  ['label "Numéro de CB"', { type: 'text', label: 'Numéro de CB' }],
  ['label "Numéro de carte"', { type: 'text', label: 'Numéro de carte' }],
  ['label "Card number"', { type: 'text', label: 'Card number' }],
  ['label "Nom du titulaire de la carte"', { type: 'text', label: 'Nom du titulaire de la carte' }],
  ['autocomplete=cc-name', { type: 'text', name: 'nom', label: 'Nom', autocomplete: 'cc-name' }],
  ['autocomplete=cc-number', { type: 'text', autocomplete: 'cc-number' }],
  ['autocomplete=cc-exp', { type: 'text', autocomplete: 'cc-exp' }],
  ['autocomplete=cc-csc', { type: 'text', autocomplete: 'cc-csc' }],
  ['autocomplete "billing cc-exp-month"', { type: 'text', autocomplete: 'billing cc-exp-month' }],
  ['card "Date d\'expiration" with placeholder MM/AA', { label: "Date d'expiration", placeholder: 'MM/AA' }],
  ['card "Date d\'expiration" with hint MM/YY', { label: "Date d'expiration", hint: 'Format : MM/YY' }],
  ['label "Date d\'expiration de la carte"', { label: "Date d'expiration de la carte" }],
  ['name=cardExpiry', { type: 'text', name: 'cardExpiry' }],
  ['name=exp_month', { type: 'text', name: 'exp_month' }],
  ['name=expiryYear', { type: 'text', name: 'expiryYear' }],
];

const ORDINARY: Row[] = [
  ['Code postal', { type: 'text', name: 'codePostal', label: 'Code postal', inputmode: 'numeric' }],
  ['code_commune', { type: 'text', name: 'code_commune', label: 'Commune' }],
  ['Code INSEE', { type: 'text', name: 'code_insee', label: 'Code commune INSEE (5 chiffres)' }],
  ['Code NAF', { type: 'text', name: 'codeNaf', label: "Code d'activité (NAF)" }],
  ['Code promo', { type: 'text', name: 'promoCode', label: 'Code promotionnel' }],
  ['Numéro de carte Vitale', { type: 'text', name: 'numCarteVitale', label: 'Numéro de carte Vitale' }],
  ['N° de sécurité sociale', { type: 'text', name: 'nir', label: 'N° de sécurité sociale' }],
  ['Social security number', { type: 'text', name: 'ssn_fr', label: 'Social security number' }],
  ['Numéro fiscal', { type: 'text', name: 'numeroFiscal', label: 'Numéro fiscal', hint: '13 chiffres' }],
  ["Numéro d'allocataire", { type: 'text', name: 'numAllocataire', label: "Numéro d'allocataire CAF" }],
  ['Identifiant France Travail', { type: 'text', name: 'identifiant', label: 'Identifiant' }],
  [
    "Date d'expiration du titre de séjour",
    { type: 'date', name: 'dateExpirationTitre', label: "Date d'expiration du titre de séjour" },
  ],
  [
    "Date d'expiration, JJ/MM/AAAA",
    { type: 'text', name: 'date_exp_titre', label: "Date d'expiration", hint: 'Format attendu : JJ/MM/AAAA' },
  ],
  ["Numéro de la carte d'identité", { type: 'text', name: 'numCni', label: "Numéro de la carte d'identité" }],
  [
    'Numéro de carte de séjour',
    { type: 'text', name: 'numero_carte_sejour', label: 'Numéro de carte de séjour' },
  ],
  ["Numéro de carte d'invalidité", { type: 'text', label: "Numéro de carte d'invalidité" }],
  ['Numéro de carte grise', { type: 'text', name: 'immat', label: "Numéro d'immatriculation (carte grise)" }],
  ['Carte mobilité inclusion', { type: 'text', label: 'Numéro de la carte mobilité inclusion (CMI)' }],
  ['Numéro de visa', { type: 'text', name: 'numeroVisa', label: 'Numéro du visa long séjour' }],
  ['Nom du titulaire du compte', { type: 'text', name: 'titulaire', label: 'Nom du titulaire du compte' }],
  ['IBAN', { type: 'text', name: 'iban', label: 'IBAN', autocomplete: 'off' }],
  ['BIC', { type: 'text', name: 'bic', label: 'BIC' }],
  ['pinceau', { type: 'text', name: 'pinceau', label: 'Pinceau' }],
  ['opinion', { type: 'textarea', name: 'opinion', label: 'Votre opinion' }],
  ['spinner', { type: 'number', name: 'spinner', id: 'nb-spinner', label: 'Nombre de personnes' }],
  ['shipping', { type: 'text', name: 'shipping_address', autocomplete: 'shipping street-address' }],
  ['cvv inside a word', { type: 'text', name: 'cvvxyz_nope', label: 'Référence' }],
  ['Adresse e-mail', { type: 'email', name: 'email', label: 'Adresse électronique', autocomplete: 'email' }],
  ['Nom', { type: 'text', name: 'nom', label: 'Nom de naissance', autocomplete: 'family-name' }],
  ['Prénom', { type: 'text', name: 'prenom', label: 'Prénom', autocomplete: 'given-name' }],
  ['Téléphone', { type: 'tel', name: 'telephone', label: 'Téléphone portable', autocomplete: 'tel' }],
  [
    'Date de naissance',
    { type: 'date', name: 'birthdate', label: 'Date de naissance', autocomplete: 'bday' },
  ],
  ['Commune', { type: 'text', name: 'commune', label: 'Commune de résidence' }],
  ['Revenu fiscal', { type: 'text', name: 'rfr', label: 'Revenu fiscal de référence' }],
  ['Pass Sport', { type: 'text', name: 'codePassSport', label: 'Code Pass’Sport' }],
  ['Passeport', { type: 'text', name: 'numPasseport', label: 'Numéro de passeport' }],
  ['Pass Navigo', { type: 'text', name: 'passNavigo', label: 'Numéro du passe Navigo' }],
  ['Spinning', { type: 'checkbox', name: 'spinning', label: 'Cours de spinning' }],
  ['Code de la nationalité', { type: 'text', name: 'codeNationalite', label: 'Nationalité' }],
  [
    'Identifiant (hint mentions password)',
    {
      type: 'text',
      name: 'login',
      label: 'Identifiant',
      hint: 'Ce n’est pas votre mot de passe',
    },
  ],
  ['Numéro de dossier', { type: 'text', name: 'numDossier', label: 'Numéro de dossier' }],
  ['Situation', { type: 'select', name: 'situation', label: 'Situation familiale' }],
  ['Montant du crédit', { type: 'text', name: 'montantCredit', label: "Montant du crédit d'impôt" }],
  ['Employeur', { type: 'text', name: 'employeur', label: "Nom de l'employeur" }],
  [
    'Code de sécurité sociale (misnamed NIR)',
    { type: 'text', name: 'nss', label: 'Code de sécurité sociale' },
  ],
  ['Carte européenne', { type: 'text', label: "Numéro de carte européenne d'assurance maladie" }],
  [
    'Date de validité du permis',
    { type: 'date', name: 'validitePermis', label: 'Date de fin de validité du permis' },
  ],
  [
    'Expiry of a residence card',
    { type: 'date', name: 'expiryDate', label: 'Expiry date of your residence card' },
  ],
];

describe('isSensitiveField', () => {
  it('has a table of at least 60 real-world descriptions, both ways', () => {
    expect(SENSITIVE.length + ORDINARY.length).toBeGreaterThanOrEqual(60);
    expect(SENSITIVE.length).toBeGreaterThanOrEqual(30);
    expect(ORDINARY.length).toBeGreaterThanOrEqual(30);
  });

  it.each(SENSITIVE)('never stores: %s', (_name, field) => {
    expect(isSensitiveField(field)).toBe(true);
  });

  it.each(ORDINARY)('keeps an ordinary answer: %s', (_name, field) => {
    expect(isSensitiveField(field)).toBe(false);
  });
});

describe('identifierWords', () => {
  it.each([
    ['user_pwd', ['user', 'pwd']],
    ['loginPwd', ['login', 'pwd']],
    ['OTPCode', ['otp', 'code']],
    ['card-cvv2', ['card', 'cvv', '2']],
    ['numéroCarte', ['numero', 'carte']],
    ['form[user][password]', ['form', 'user', 'password']],
  ])('%s → %j', (id, words) => {
    expect(identifierWords(id)).toEqual(words);
  });
});
