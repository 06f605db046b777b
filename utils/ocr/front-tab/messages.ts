import { createTranslator, type Lang } from '../../i18n';
import type { FrontTabCode } from './index';

/** Plain words for each refusal (FALC spirit): what happened, then what to do. */
export const catalogs = {
  fr: {
    'ocr.front.no-page':
      'Il n’y a pas de formulaire à remplir ici. Ouvrez la page du formulaire, puis relisez le document.',
    'ocr.front.tab-changed':
      'Vous avez changé d’onglet. Revenez sur la page du formulaire, puis appuyez de nouveau sur « Remplir ».',
    'ocr.front.site-changed':
      'La page a changé de site. Rien n’a été rempli. Revenez sur le formulaire, puis relisez le document.',
    'ocr.front.not-shown': 'Affichez d’abord la page du formulaire, puis réessayez.',
  },
  en: {
    'ocr.front.no-page': 'There is no form to fill here. Open the form’s page, then read the document again.',
    'ocr.front.tab-changed': 'You changed tabs. Go back to the form’s page, then press “Fill in” again.',
    'ocr.front.site-changed':
      'The page moved to another site. Nothing was filled in. Go back to the form, then read the document again.',
    'ocr.front.not-shown': 'Show the form’s page first, then try again.',
  },
  ar: {
    'ocr.front.no-page': 'لا توجد استمارة لملئها هنا. افتح صفحة الاستمارة ثم أعد قراءة الوثيقة.',
    'ocr.front.tab-changed': 'لقد غيّرت علامة التبويب. ارجع إلى صفحة الاستمارة ثم اضغط «املأ» مرة أخرى.',
    'ocr.front.site-changed':
      'انتقلت الصفحة إلى موقع آخر. لم يُملأ شيء. ارجع إلى الاستمارة ثم أعد قراءة الوثيقة.',
    'ocr.front.not-shown': 'اعرض صفحة الاستمارة أولاً ثم حاول مرة أخرى.',
  },
};

const translate = createTranslator(catalogs);

/** The plain message for a refusal. */
export function message(lang: Lang, code: FrontTabCode): string {
  return translate(lang, `ocr.front.${code}`);
}
