import { type Catalogs, createTranslator, type Lang } from '../../i18n/index.ts';
import type { QualityIssue } from './quality.ts';

/** What to tell the person when a photo will not read well: what is wrong and what to do. */
export const catalogs = {
  fr: {
    'ocr.quality.too-small': 'La photo est trop petite : rapprochez-vous du document et reprenez-la',
    'ocr.quality.too-dark': "La photo est trop sombre : allumez la lumière ou approchez-vous d'une fenêtre",
    'ocr.quality.too-blurry': 'La photo est floue : rapprochez-vous et reprenez-la sans bouger',
    'ocr.quality.low-contrast':
      "On voit mal l'écriture : posez le document sur une table bien éclairée et reprenez la photo",
    'ocr.quality.ok': 'La photo est bonne',
  },
  en: {
    'ocr.quality.too-small': 'The photo is too small: move closer to the document and take it again',
    'ocr.quality.too-dark': 'The photo is too dark: turn on a light or move near a window',
    'ocr.quality.too-blurry': 'The photo is blurry: move closer and take it again without moving',
    'ocr.quality.low-contrast':
      'The writing is hard to see: put the document on a well-lit table and take the photo again',
    'ocr.quality.ok': 'The photo is good',
  },
  ar: {
    'ocr.quality.too-small': 'الصورة صغيرة جدًا: اقترب من الوثيقة وأعد التصوير',
    'ocr.quality.too-dark': 'الصورة مظلمة جدًا: أشعل الضوء أو اقترب من نافذة',
    'ocr.quality.too-blurry': 'الصورة غير واضحة: اقترب وأعد التصوير دون أن تتحرك',
    'ocr.quality.low-contrast': 'الكتابة غير واضحة: ضع الوثيقة على طاولة جيدة الإضاءة وأعد التصوير',
    'ocr.quality.ok': 'الصورة جيدة',
  },
} satisfies Catalogs;

const t = createTranslator(catalogs);

/** The plain message for one quality issue (or for a good photo). */
export function qualityMessage(lang: Lang, issue: QualityIssue | 'ok'): string {
  return t(lang, `ocr.quality.${issue}`);
}

/** Messages for a whole report, most blocking first; empty when the photo is fine. */
export function message(lang: Lang, report: { issues: readonly QualityIssue[] }): string[] {
  return report.issues.map((issue) => qualityMessage(lang, issue));
}
