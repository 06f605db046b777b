/** Plain messages for installing guides from files, catalogs and keys (French first). */
import { type Catalogs, createTranslator, type Lang } from '../i18n/index.ts';
import { guideMessage } from './messages.ts';
import { guideErrorText } from './schema.ts';
import type { GuideLibraryError } from './sources.ts';

export const libraryCatalogs = {
  fr: {
    'file-not-json': 'Ce fichier n’est pas un guide : son contenu n’est pas du JSON. Rien n’a été installé.',
    'file-invalid.one': 'Ce guide est mal écrit : {count} erreur. Rien n’a été installé.',
    'file-invalid.other': 'Ce guide est mal écrit : {count} erreurs. Rien n’a été installé.',
    'signature-invalid':
      'Guide refusé : sa signature ne correspond pas à son contenu. Le guide « {id} » a été modifié après sa signature.',
    'catalog-url':
      'Cette adresse ne convient pas. Elle doit commencer par https:// (ou http://localhost pour un essai).',
    'catalog-unreachable': 'Le catalogue n’a pas pu être chargé. Vérifiez l’adresse et la connexion.',
    'catalog-invalid': 'Le catalogue est mal écrit. Rien n’a été changé.',
    'catalog-duplicate': 'Ce catalogue est déjà dans la liste.',
    'key-invalid':
      'Ce n’est pas une clé publique Ed25519. Il faut 44 caractères en base64, ou un fichier de clé.',
    'key-duplicate': 'Cette clé est déjà dans la liste.',
    'storage-failed': 'L’enregistrement a échoué (disque plein ?). Les guides déjà installés sont gardés.',
    'file-read-failed': 'Le fichier n’a pas pu être lu.',
    'whole-web-untrusted':
      'Guide refusé : il veut servir sur tous les sites web. Un tel guide doit être signé par une de vos clés de confiance. Rien n’a été installé.',
  },
  en: {
    'file-not-json': 'This file is not a guide: its content is not JSON. Nothing was installed.',
    'file-invalid.one': 'This guide is badly written: {count} error. Nothing was installed.',
    'file-invalid.other': 'This guide is badly written: {count} errors. Nothing was installed.',
    'signature-invalid':
      'Guide refused: its signature does not match its content. The guide “{id}” was changed after it was signed.',
    'catalog-url': 'This address does not fit. It must start with https:// (or http://localhost for a test).',
    'catalog-unreachable': 'The catalog could not be loaded. Check the address and the connection.',
    'catalog-invalid': 'The catalog is badly written. Nothing was changed.',
    'catalog-duplicate': 'This catalog is already in the list.',
    'key-invalid': 'This is not an Ed25519 public key (44 base64 characters, or a key file).',
    'key-duplicate': 'This key is already in the list.',
    'storage-failed': 'Saving failed (disk full?). The guides already installed are kept.',
    'file-read-failed': 'The file could not be read.',
    'whole-web-untrusted':
      'Guide refused: it wants to apply to every website. Such a guide is accepted only when signed with a key you added as trusted. Nothing was installed.',
  },
  ar: {
    'file-not-json': 'هذا الملف ليس دليلًا: محتواه ليس JSON. لم يُثبَّت شيء.',
    'file-invalid.one': 'هذا الدليل مكتوب بشكل خاطئ: فيه خطأ واحد. لم يُثبَّت شيء.',
    'file-invalid.two': 'هذا الدليل مكتوب بشكل خاطئ: فيه خطآن. لم يُثبَّت شيء.',
    'file-invalid.few': 'هذا الدليل مكتوب بشكل خاطئ: فيه {count} أخطاء. لم يُثبَّت شيء.',
    'file-invalid.other': 'هذا الدليل مكتوب بشكل خاطئ: فيه {count} خطأ. لم يُثبَّت شيء.',
    'signature-invalid': 'تم رفض الدليل: توقيعه لا يطابق محتواه. تم تعديل الدليل «{id}» بعد توقيعه.',
    'catalog-url': 'هذا العنوان غير مناسب. يجب أن يبدأ بـ https:// (أو http://localhost للتجربة).',
    'catalog-unreachable': 'تعذّر تحميل الفهرس. تحقّق من العنوان ومن الاتصال.',
    'catalog-invalid': 'الفهرس مكتوب بشكل خاطئ. لم يتغيّر شيء.',
    'catalog-duplicate': 'هذا الفهرس موجود في القائمة.',
    'key-invalid': 'هذا ليس مفتاحًا عامًا Ed25519 (44 حرفًا بترميز base64، أو ملف مفتاح).',
    'key-duplicate': 'هذا المفتاح موجود في القائمة.',
    'storage-failed': 'فشل الحفظ (القرص ممتلئ؟). الأدلة المثبتة محفوظة.',
    'file-read-failed': 'تعذّرت قراءة الملف.',
    'whole-web-untrusted':
      'تم رفض الدليل: يريد أن ينطبق على كل مواقع الويب. لا يُقبل مثل هذا الدليل إلا إذا كان موقّعًا بمفتاح أضفته كمفتاح موثوق. لم يُثبَّت شيء.',
  },
} satisfies Catalogs;

const tLibrary = createTranslator(libraryCatalogs);

/**
 * The person's message for a library error: its head line, then the details (each schema error
 * with its JSON path, or the catalog's own problems), at most `details` of them.
 */
export function libraryMessage(
  lang: Lang,
  error: Pick<GuideLibraryError, 'code' | 'params' | 'errors' | 'problems'>,
  details = 5,
): string[] {
  const lines = [tLibrary(lang, error.code, error.params)];
  for (const e of error.errors.slice(0, details))
    lines.push(`${e.path}${lang === 'fr' ? ' : ' : ': '}${guideErrorText(e, lang)}`);
  for (const p of error.problems.slice(0, details))
    lines.push(p.params ? guideMessage(lang, p.code, p.params) : p.message.fr);
  return lines;
}
