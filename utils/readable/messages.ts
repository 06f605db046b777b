/** Person-facing words of readable mode and of `pasapas readable`, in French, English and Arabic. */

import { FormsError } from '../forms/errors.ts';
import { GlossaryError } from '../glossary/schema.ts';
import { type Catalogs, createTranslator, type Lang, type Params } from '../i18n/index.ts';
import { ReadableError } from './errors.ts';

export const catalogs = {
  fr: {
    'readable.title': 'Titre',
    'readable.heading': 'Titre principal',
    'readable.text': 'Texte principal',
    'readable.no-text': 'Pas de texte principal trouvé sur cette page.',
    'readable.forms': 'Champs à remplir ({count})',
    'readable.no-fields': 'Aucun champ à remplir sur cette page.',
    'readable.required': 'obligatoire',
    'readable.optional': 'facultatif',
    'readable.hint': 'Aide',
    'readable.error': 'Erreur',
    'readable.name': 'nom technique',
    'readable.type': 'type',
    'readable.sensitive': 'secret : ne sera jamais copié',
    'readable.buttons': 'Boutons du formulaire',
    'readable.terms': 'Mots expliqués ({count})',
    'readable.no-terms': 'Aucun mot du lexique sur cette page.',
    'readable.no-label': '(champ sans nom)',
    'readable.error-summary': 'Erreurs signalées par la page',
    'readable.dynamic': 'Champs créés par la page après son chargement ({count})',
    'readable.dynamic-note': 'Ils ne sont pas lus ici. Le mode lecture les montre dans le navigateur.',
    'error.not-a-document': "Ce n'est pas une page web.",
    'error.no-sanitizer': 'Le nettoyage de la page est impossible.',
    'error.readability-failed': "La page n'a pas pu être simplifiée.",
    'error.empty-input': 'Le fichier est vide.',
    'error.read-failed': 'Le fichier ne peut pas être lu. Vérifiez son nom.',
    'error.page-too-large': 'Cette page est trop grande pour être montrée en mode lecture.',
    'error.file-input': 'Pour un fichier, utilisez le bouton de la page.',
    'error.not-a-file-input': "Ce champ n'attend pas de fichier.",
    'error.not-a-control': "Ce n'est pas un champ à remplir.",
    'error.unknown-option': "Ce choix n'existe pas dans la liste.",
    'error.detached': "Ce champ n'est plus sur la page. Rechargez la page.",
    'error.invalid-glossary': 'Le lexique est abîmé. Il ne peut pas être utilisé.',
    'error.invalid-term': 'Un mot ajouté par le guide est mal écrit. Il est ignoré.',
    'error.unknown': "Quelque chose n'a pas marché.",
    'usage.readable': 'Usage : pasapas readable <fichier.html|-> [--url U] [--json]',
  },
  en: {
    'readable.title': 'Title',
    'readable.heading': 'Main heading',
    'readable.text': 'Main text',
    'readable.no-text': 'No main text found on this page.',
    'readable.forms': 'Fields to fill in ({count})',
    'readable.no-fields': 'No field to fill in on this page.',
    'readable.required': 'required',
    'readable.optional': 'optional',
    'readable.hint': 'Help',
    'readable.error': 'Error',
    'readable.name': 'technical name',
    'readable.type': 'type',
    'readable.sensitive': 'secret: never copied',
    'readable.buttons': 'Form buttons',
    'readable.terms': 'Words explained ({count})',
    'readable.no-terms': 'No glossary word on this page.',
    'readable.no-label': '(unnamed field)',
    'readable.error-summary': 'Errors reported by the page',
    'readable.dynamic': 'Fields the page builds after loading ({count})',
    'readable.dynamic-note': 'They are not read here. Readable mode shows them in the browser.',
    'error.not-a-document': 'This is not a web page.',
    'error.no-sanitizer': 'The page cannot be cleaned.',
    'error.readability-failed': 'The page could not be simplified.',
    'error.empty-input': 'The file is empty.',
    'error.read-failed': 'The file cannot be read. Check its name.',
    'error.page-too-large': 'This page is too large to be shown in readable mode.',
    'error.file-input': "For a file, use the page's own button.",
    'error.not-a-file-input': 'This field does not take a file.',
    'error.not-a-control': 'This is not a field to fill in.',
    'error.unknown-option': 'This choice is not in the list.',
    'error.detached': 'This field is no longer on the page. Reload the page.',
    'error.invalid-glossary': 'The glossary is damaged. It cannot be used.',
    'error.invalid-term': 'A word added by the guide is badly written. It is ignored.',
    'error.unknown': 'Something went wrong.',
    'usage.readable': 'Usage: pasapas readable <file.html|-> [--url U] [--json]',
  },
  ar: {
    'readable.title': 'العنوان',
    'readable.heading': 'العنوان الرئيسي',
    'readable.text': 'النص الرئيسي',
    'readable.no-text': 'لا يوجد نص رئيسي في هذه الصفحة.',
    'readable.forms': 'خانات يجب ملؤها ({count})',
    'readable.no-fields': 'لا توجد خانات للملء في هذه الصفحة.',
    'readable.required': 'إجباري',
    'readable.optional': 'اختياري',
    'readable.hint': 'مساعدة',
    'readable.error': 'خطأ',
    'readable.name': 'الاسم التقني',
    'readable.type': 'النوع',
    'readable.sensitive': 'سرّي: لن يُنسخ أبدًا',
    'readable.buttons': 'أزرار الاستمارة',
    'readable.terms': 'كلمات مشروحة ({count})',
    'readable.no-terms': 'لا توجد كلمات من المعجم في هذه الصفحة.',
    'readable.no-label': '(خانة بدون اسم)',
    'readable.error-summary': 'أخطاء أشارت إليها الصفحة',
    'readable.dynamic': 'خانات تنشئها الصفحة بعد تحميلها ({count})',
    'readable.dynamic-note': 'لا تُقرأ هنا. يعرضها وضع القراءة في المتصفح.',
    'error.not-a-document': 'هذه ليست صفحة ويب.',
    'error.no-sanitizer': 'لا يمكن تنظيف الصفحة.',
    'error.readability-failed': 'لم نتمكن من تبسيط الصفحة.',
    'error.empty-input': 'الملف فارغ.',
    'error.read-failed': 'لا يمكن قراءة الملف. تحقق من اسمه.',
    'error.page-too-large': 'هذه الصفحة كبيرة جدًا لعرضها في وضع القراءة.',
    'error.file-input': 'لإرسال ملف، استعمل زر الصفحة نفسها.',
    'error.not-a-file-input': 'هذه الخانة لا تقبل ملفًا.',
    'error.not-a-control': 'هذه ليست خانة للملء.',
    'error.unknown-option': 'هذا الاختيار غير موجود في القائمة.',
    'error.detached': 'هذه الخانة لم تعد في الصفحة. أعد تحميل الصفحة.',
    'error.invalid-glossary': 'المعجم تالف. لا يمكن استعماله.',
    'error.invalid-term': 'كلمة أضافها الدليل مكتوبة بشكل خاطئ. تم تجاهلها.',
    'error.unknown': 'حدث خطأ ما.',
    'usage.readable': 'الاستعمال: pasapas readable <file.html|-> [--url U] [--json]',
  },
} satisfies Catalogs;

export const t = createTranslator(catalogs);

export function label(lang: Lang, key: string, params?: Params): string {
  return t(lang, key, params);
}

/** Plain words for an error of readable mode, form mirroring or the glossary. */
export function message(lang: Lang, error: unknown): string {
  if (error instanceof ReadableError || error instanceof FormsError || error instanceof GlossaryError) {
    return t(lang, `error.${error.code}`);
  }
  return t(lang, 'error.unknown');
}
