/**
 * Person-facing messages of the "Mes informations" core: its errors and the kinds' names (the tab
 * and the reading screen's « Enregistrer dans Mes informations » name a kind the same way); the tab
 * has its own strings.
 */
import { createTranslator, type Lang, type Params } from '../i18n/index.ts';

export const infosCoreCatalogs = {
  fr: {
    'infos.error.empty': 'La case est vide. Écrivez l’information.',
    'infos.error.chars': 'Ce texte contient des caractères invisibles. Écrivez-le à nouveau.',
    'infos.error.long': 'Ce texte est trop long : {max} caractères au plus.',
    'infos.error.kind': 'Ce type d’information n’existe pas.',
    'infos.error.unknown': 'Cette information n’existe plus. Elle a peut-être été effacée.',
    'infos.error.locked': 'Mes informations sont verrouillées. Tapez votre code pour les ouvrir.',
    'infos.error.failed': 'L’enregistrement n’a pas marché. Ce qui était enregistré est gardé. Réessayez.',
    'infos.error.emptyExport': 'Il n’y a aucune information à exporter.',
    'infos.kind.family-name': 'Nom de naissance',
    'infos.kind.given-names': 'Prénoms',
    'infos.kind.birth-date': 'Date de naissance',
    'infos.kind.address': 'Adresse',
    'infos.kind.postcode': 'Code postal',
    'infos.kind.city': 'Commune',
    'infos.kind.phone': 'Numéro de téléphone',
    'infos.kind.email': 'Adresse électronique',
    'infos.kind.caf-number': 'Numéro d’allocataire CAF',
    'infos.kind.fiscal-number': 'Numéro fiscal',
    'infos.kind.nir': 'Numéro de sécurité sociale',
    'infos.kind.iban': 'IBAN (compte bancaire)',
    'infos.error.notInfos': 'Ce fichier ne contient pas « Mes informations ». Rien n’a été importé.',
  },
  en: {
    'infos.error.empty': 'The box is empty. Write the information.',
    'infos.error.chars': 'This text has invisible characters. Write it again.',
    'infos.error.long': 'This text is too long: {max} characters at most.',
    'infos.error.kind': 'This kind of information does not exist.',
    'infos.error.unknown': 'This information no longer exists. It may have been erased.',
    'infos.error.locked': 'My information is locked. Type your code to open it.',
    'infos.error.failed': 'Saving did not work. What was saved is kept. Try again.',
    'infos.error.emptyExport': 'There is no information to export.',
    'infos.kind.family-name': 'Birth name',
    'infos.kind.given-names': 'Given names',
    'infos.kind.birth-date': 'Date of birth',
    'infos.kind.address': 'Address',
    'infos.kind.postcode': 'Postcode',
    'infos.kind.city': 'Town',
    'infos.kind.phone': 'Phone number',
    'infos.kind.email': 'E-mail address',
    'infos.kind.caf-number': 'CAF claimant number',
    'infos.kind.fiscal-number': 'Tax number',
    'infos.kind.nir': 'Social security number',
    'infos.kind.iban': 'IBAN (bank account)',
    'infos.error.notInfos': 'This file does not hold “My information”. Nothing was imported.',
  },
  ar: {
    'infos.error.empty': 'الخانة فارغة. اكتب المعلومة.',
    'infos.error.chars': 'يحتوي هذا النص على رموز غير مرئية. اكتبه من جديد.',
    'infos.error.long': 'هذا النص طويل جدًا: {max} حرفًا على الأكثر.',
    'infos.error.kind': 'هذا النوع من المعلومات غير موجود.',
    'infos.error.unknown': 'هذه المعلومة لم تعد موجودة. ربما تم مسحها.',
    'infos.error.locked': 'معلوماتي مقفلة. اكتب رمزك لفتحها.',
    'infos.error.failed': 'لم ينجح الحفظ. ما تم حفظه محفوظ. حاول مرة أخرى.',
    'infos.error.emptyExport': 'لا توجد أي معلومة للتصدير.',
    'infos.kind.family-name': 'اسم العائلة عند الولادة',
    'infos.kind.given-names': 'الأسماء الشخصية',
    'infos.kind.birth-date': 'تاريخ الميلاد',
    'infos.kind.address': 'العنوان',
    'infos.kind.postcode': 'الرمز البريدي',
    'infos.kind.city': 'البلدية',
    'infos.kind.phone': 'رقم الهاتف',
    'infos.kind.email': 'البريد الإلكتروني',
    'infos.kind.caf-number': 'رقم المستفيد لدى CAF',
    'infos.kind.fiscal-number': 'الرقم الضريبي',
    'infos.kind.nir': 'رقم الضمان الاجتماعي',
    'infos.kind.iban': 'IBAN (الحساب البنكي)',
    'infos.error.notInfos': 'هذا الملف لا يحتوي على «معلوماتي». لم يتم استيراد أي شيء.',
  },
};

const t = createTranslator(infosCoreCatalogs);

/** The name of a kind of entry (« Numéro fiscal »). */
export function kindLabel(lang: Lang, kind: string): string {
  return t(lang, `infos.kind.${kind}`);
}

export function infoMessage(lang: Lang, key: string, params?: Params): string {
  return t(lang, key, params);
}

export type InfoProblem = 'unknown-entry' | 'locked' | 'empty-export' | 'not-infos' | 'bad-value' | 'no-key';

const KEYS: Record<InfoProblem, string> = {
  'unknown-entry': 'infos.error.unknown',
  locked: 'infos.error.locked',
  'empty-export': 'infos.error.emptyExport',
  'not-infos': 'infos.error.notInfos',
  'bad-value': 'infos.error.empty',
  'no-key': 'infos.error.failed',
};

/** A typed error with its key; `message` is the French text. */
export class InfoError extends Error {
  readonly code: InfoProblem;
  readonly messageKey: string;
  readonly params: Params | undefined;
  constructor(code: InfoProblem, options?: { cause?: unknown; messageKey?: string; params?: Params }) {
    const key = options?.messageKey ?? KEYS[code];
    super(infoMessage('fr', key, options?.params), options);
    this.name = 'InfoError';
    this.code = code;
    this.messageKey = key;
    this.params = options?.params;
  }

  /** The plain sentence for the person, in their language. */
  text(lang: Lang): string {
    return infoMessage(lang, this.messageKey, this.params);
  }
}

/** A value refused by its check: `reason` is the validator's code, `text()` its plain message. */
export class InfoValueError extends InfoError {
  readonly reason: string;
  readonly #message: (lang: Lang) => string;
  constructor(reason: string, message: (lang: Lang) => string) {
    super('bad-value');
    this.reason = reason;
    this.#message = message;
    this.message = message('fr');
  }
  override text(lang: Lang): string {
    return this.#message(lang);
  }
}
