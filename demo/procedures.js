/**
 * The demo procedures as data: pages, fields, checks and error style. The server renders the
 * multi-page procedures from this, and the same definitions drive the server-side checks, so
 * field names stay in one place (the built-in guides rely on them).
 *
 * Field: { name, label, kind: 'text'|'email'|'tel'|'number'|'select'|'radio'|'file'|'checkbox'|'password'|'hidden',
 *          hint?, check?, required (default true), autocomplete?, inputmode?, options?, min?, max?, accept?, sensitive? }
 */

const DATE_HINT = 'Format : JJ/MM/AAAA';
const FILE_ACCEPT = 'image/*,.pdf,application/pdf';
const FILE_HINT = 'Formats acceptés : PDF, JPG, PNG. Taille maximale : 10 Mo.';

export const SITUATIONS = [
  ['celibataire', 'Célibataire'],
  ['marie', 'Marié ou mariée'],
  ['pacse', 'Pacsé ou pacsée'],
  ['concubinage', 'En concubinage (union libre)'],
  ['divorce', 'Divorcé ou divorcée'],
  ['veuf', 'Veuf ou veuve'],
];

export const NIVEAUX_FORMATION = [
  ['sans', 'Sans diplôme'],
  ['cap', 'CAP ou BEP'],
  ['bac', 'Baccalauréat'],
  ['bac2', 'Bac + 2 (BTS, DUT…)'],
  ['licence', 'Licence (bac + 3)'],
  ['master', 'Master ou plus (bac + 5)'],
];

/** @type {Record<string, any>} */
export const PROCEDURES = {
  'aide-logement': {
    id: 'aide-logement',
    title: 'Demande d’aide au logement (démo)',
    base: '/aide-logement/',
    intro:
      'Cette démarche fictive imite une demande d’aide au logement. Elle sert à tester Pas à pas. Rien n’est envoyé à une administration.',
    documents: [
      'Votre avis d’impôt sur le revenu (avis d’imposition)',
      'Un justificatif de domicile (facture, quittance de loyer)',
      'Votre relevé d’identité bancaire (RIB)',
      'Votre carte Vitale (numéro de sécurité sociale)',
    ],
    submitLabel: 'Envoyer ma demande',
    pages: [
      {
        slug: 'identite',
        title: 'Votre identité',
        errorStyle: 'modern',
        fields: [
          {
            name: 'civilite',
            label: 'Civilité',
            kind: 'radio',
            options: [
              ['madame', 'Madame'],
              ['monsieur', 'Monsieur'],
            ],
          },
          { name: 'nom', label: 'Nom de naissance', kind: 'text', autocomplete: 'family-name' },
          { name: 'prenom', label: 'Prénom', kind: 'text', autocomplete: 'given-name' },
          {
            name: 'date_naissance',
            label: 'Date de naissance',
            kind: 'text',
            hint: DATE_HINT,
            check: 'date-past',
            autocomplete: 'bday',
            inputmode: 'numeric',
          },
          {
            name: 'nir',
            label: 'Numéro de sécurité sociale',
            kind: 'text',
            hint: '15 chiffres',
            check: 'nir',
            inputmode: 'numeric',
            autocomplete: 'off',
          },
          {
            name: 'email',
            label: 'Adresse électronique',
            kind: 'email',
            hint: 'Exemple : nom@exemple.fr',
            check: 'email',
            autocomplete: 'email',
          },
          {
            name: 'telephone',
            label: 'Numéro de téléphone',
            kind: 'tel',
            hint: '10 chiffres, par exemple 06 12 34 56 78',
            check: 'phone',
            autocomplete: 'tel',
          },
        ],
      },
      {
        slug: 'foyer',
        title: 'Votre foyer et votre logement',
        errorStyle: 'legacy',
        fields: [
          { name: 'situation', label: 'Situation familiale', kind: 'select', options: SITUATIONS },
          {
            name: 'enfants',
            label: 'Nombre d’enfants à charge',
            kind: 'number',
            hint: 'Entre 0 et 12',
            check: 'children',
            min: 0,
            max: 12,
          },
          {
            name: 'adresse',
            label: 'Adresse du logement',
            kind: 'text',
            hint: 'Numéro et nom de la rue',
            autocomplete: 'street-address',
          },
          {
            name: 'code_postal',
            label: 'Code postal',
            kind: 'text',
            hint: '5 chiffres',
            check: 'postcode',
            autocomplete: 'postal-code',
            inputmode: 'numeric',
          },
          { name: 'commune', label: 'Commune', kind: 'text', autocomplete: 'address-level2' },
        ],
      },
      {
        slug: 'ressources',
        title: 'Vos ressources',
        errorStyle: 'modern',
        fields: [
          {
            name: 'numero_fiscal',
            label: 'Numéro fiscal',
            kind: 'text',
            hint: '13 chiffres, en haut de votre avis d’impôt',
            check: 'fiscal-number',
            inputmode: 'numeric',
            autocomplete: 'off',
          },
          {
            name: 'reference_avis',
            label: 'Référence de l’avis d’impôt',
            kind: 'text',
            hint: '13 caractères, sous le numéro fiscal',
            check: 'tax-reference',
            autocomplete: 'off',
          },
          {
            name: 'revenu_fiscal_reference',
            label: 'Revenu fiscal de référence',
            kind: 'text',
            hint: 'En euros, écrit sur votre avis d’impôt',
            check: 'amount',
            inputmode: 'numeric',
          },
          {
            name: 'numero_allocataire',
            label: 'Numéro d’allocataire CAF',
            kind: 'text',
            hint: '7 chiffres, sur vos courriers de la CAF',
            check: 'caf-number',
            required: false,
            inputmode: 'numeric',
          },
          {
            name: 'salaire_mensuel',
            label: 'Salaire net par mois',
            kind: 'text',
            hint: 'En euros. Écrivez 0 si vous n’avez pas de salaire.',
            check: 'amount',
            inputmode: 'decimal',
          },
        ],
      },
      {
        slug: 'banque',
        title: 'Vos coordonnées bancaires',
        errorStyle: 'legacy',
        fields: [
          {
            name: 'titulaire',
            label: 'Titulaire du compte',
            kind: 'text',
            hint: 'Nom et prénom écrits sur le RIB',
            autocomplete: 'name',
          },
          {
            name: 'iban',
            label: 'IBAN',
            kind: 'text',
            hint: '27 caractères, commence par FR',
            check: 'iban',
            autocomplete: 'off',
          },
          {
            name: 'bic',
            label: 'BIC',
            kind: 'text',
            hint: '8 ou 11 caractères',
            check: 'bic',
            autocomplete: 'off',
          },
        ],
      },
      {
        slug: 'documents',
        title: 'Vos justificatifs',
        errorStyle: 'modern',
        fields: [
          {
            name: 'justificatif_domicile',
            label: 'Justificatif de domicile',
            kind: 'file',
            hint: `Facture ou quittance de moins de 3 mois. ${FILE_HINT}`,
            accept: FILE_ACCEPT,
          },
          {
            name: 'avis_imposition',
            label: 'Avis d’impôt sur le revenu',
            kind: 'file',
            hint: `Toutes les pages. ${FILE_HINT}`,
            accept: FILE_ACCEPT,
          },
          {
            name: 'rib',
            label: 'Relevé d’identité bancaire (RIB)',
            kind: 'file',
            hint: FILE_HINT,
            accept: FILE_ACCEPT,
          },
        ],
      },
      {
        slug: 'recapitulatif',
        title: 'Récapitulatif et envoi',
        errorStyle: 'modern',
        summary: true,
        fields: [
          {
            name: 'attestation_honneur',
            label:
              'Je certifie sur l’honneur que les informations données sont exactes. Je sais qu’une fausse déclaration peut être punie.',
            kind: 'checkbox',
            value: 'oui',
          },
        ],
      },
    ],
  },
  emploi: {
    id: 'emploi',
    title: 'Inscription comme demandeur d’emploi (démo)',
    base: '/emploi/',
    intro:
      'Cette démarche fictive imite une inscription comme demandeur d’emploi. Elle sert à tester Pas à pas. Rien n’est envoyé à une administration.',
    documents: [
      'Votre carte Vitale (numéro de sécurité sociale)',
      'Votre dernier contrat de travail ou votre attestation employeur',
      'Votre CV, si vous en avez un',
    ],
    submitLabel: 'Valider mon inscription',
    pages: [
      {
        slug: 'identite',
        title: 'Votre identité',
        errorStyle: 'legacy',
        fields: [
          {
            name: 'nir',
            label: 'Numéro de sécurité sociale',
            kind: 'text',
            hint: '15 chiffres, sur votre carte Vitale',
            check: 'nir',
            inputmode: 'numeric',
            autocomplete: 'off',
          },
          { name: 'nom', label: 'Nom', kind: 'text', autocomplete: 'family-name' },
          { name: 'prenom', label: 'Prénom', kind: 'text', autocomplete: 'given-name' },
          {
            name: 'date_naissance',
            label: 'Date de naissance',
            kind: 'text',
            hint: DATE_HINT,
            check: 'date-past',
            autocomplete: 'bday',
            inputmode: 'numeric',
          },
        ],
      },
      {
        slug: 'contact',
        title: 'Vos coordonnées',
        errorStyle: 'modern',
        fields: [
          {
            name: 'adresse',
            label: 'Adresse',
            kind: 'text',
            hint: 'Numéro et nom de la rue',
            autocomplete: 'street-address',
          },
          {
            name: 'code_postal',
            label: 'Code postal',
            kind: 'text',
            hint: '5 chiffres',
            check: 'postcode',
            autocomplete: 'postal-code',
            inputmode: 'numeric',
          },
          { name: 'commune', label: 'Commune', kind: 'text', autocomplete: 'address-level2' },
          {
            name: 'telephone',
            label: 'Numéro de téléphone',
            kind: 'tel',
            hint: '10 chiffres, par exemple 06 12 34 56 78',
            check: 'phone',
            autocomplete: 'tel',
          },
          {
            name: 'email',
            label: 'Adresse électronique',
            kind: 'email',
            hint: 'Exemple : nom@exemple.fr',
            check: 'email',
            autocomplete: 'email',
          },
        ],
      },
      {
        slug: 'situation',
        title: 'Votre situation',
        errorStyle: 'modern',
        // The `metier_recherche` field lives in a same-origin iframe (like an embedded CV tool).
        iframe: {
          src: '/emploi/cv-frame.html',
          title: 'Outil CV : métier recherché',
          field: 'metier_recherche',
        },
        fields: [
          {
            name: 'dernier_emploi',
            label: 'Dernier emploi occupé',
            kind: 'text',
            hint: 'Exemple : vendeuse, maçon',
          },
          {
            name: 'date_fin_contrat',
            label: 'Date de fin du dernier contrat',
            kind: 'text',
            hint: DATE_HINT,
            check: 'date',
            inputmode: 'numeric',
          },
          {
            name: 'niveau_formation',
            label: 'Niveau de formation',
            kind: 'select',
            options: NIVEAUX_FORMATION,
          },
          {
            name: 'disponible',
            label: 'Êtes-vous disponible pour travailler tout de suite ?',
            kind: 'radio',
            options: [
              ['oui', 'Oui'],
              ['non', 'Non'],
            ],
          },
          { name: 'metier_recherche', label: 'Métier recherché', kind: 'hidden' },
        ],
      },
      {
        slug: 'compte',
        title: 'Créer votre mot de passe',
        errorStyle: 'legacy',
        summary: true,
        fields: [
          {
            name: 'mot_de_passe',
            label: 'Mot de passe',
            kind: 'password',
            hint: 'Au moins 12 caractères, avec une minuscule, une majuscule et un chiffre.',
            check: 'password',
            autocomplete: 'new-password',
            sensitive: true,
          },
          {
            name: 'mot_de_passe_confirmation',
            label: 'Confirmez le mot de passe',
            kind: 'password',
            hint: 'Écrivez le même mot de passe une deuxième fois.',
            autocomplete: 'new-password',
            sensitive: true,
            sameAs: 'mot_de_passe',
          },
        ],
      },
    ],
  },
};

/** The SPA (procedure 2): checked by the server on /demo-api/spa-submit. */
export const CANTINE_FIELDS = [
  { name: 'nom_enfant', label: 'Nom et prénom de l’enfant', kind: 'text' },
  { name: 'ecole', label: 'École', kind: 'text' },
  { name: 'numero_fiscal', label: 'Numéro fiscal', kind: 'text', check: 'fiscal-number' },
  { name: 'reference_avis', label: 'Référence de l’avis d’impôt', kind: 'text', check: 'tax-reference' },
  { name: 'revenu_fiscal_reference', label: 'Revenu fiscal de référence', kind: 'text', check: 'amount' },
  { name: 'nombre_parts', label: 'Nombre de parts', kind: 'text', check: 'parts' },
];

export function findPage(procedure, slug) {
  const index = procedure.pages.findIndex((p) => p.slug === slug);
  return index < 0 ? null : { page: procedure.pages[index], index };
}
