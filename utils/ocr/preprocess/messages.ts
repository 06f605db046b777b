import { type Catalogs, createTranslator, type Lang } from '../../i18n/index.ts';
import type { ImageErrorCode } from './image.ts';
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
    'ocr.image.image-too-large':
      'Image trop grande. Réduisez-la, ou reprenez la photo en qualité normale, puis réessayez.',
    'ocr.image.unsupported-format': 'Ce fichier n’est ni une image PNG ou JPEG, ni un PDF.',
    'ocr.image.corrupt-image': 'L’image est abîmée et ne peut pas être ouverte.',
    'ocr.image.empty-image': 'Le fichier est vide.',
    'ocr.image.bad-dimensions': 'L’image a une taille invalide.',
  },
  en: {
    'ocr.quality.too-small': 'The photo is too small: move closer to the document and take it again',
    'ocr.quality.too-dark': 'The photo is too dark: turn on a light or move near a window',
    'ocr.quality.too-blurry': 'The photo is blurry: move closer and take it again without moving',
    'ocr.quality.low-contrast':
      'The writing is hard to see: put the document on a well-lit table and take the photo again',
    'ocr.quality.ok': 'The photo is good',
    'ocr.image.image-too-large':
      'Image too large. Make it smaller, or take the photo again in normal quality, then try again.',
    'ocr.image.unsupported-format': 'This file is not a PNG or JPEG image, nor a PDF.',
    'ocr.image.corrupt-image': 'The image is damaged and cannot be opened.',
    'ocr.image.empty-image': 'The file is empty.',
    'ocr.image.bad-dimensions': 'The image has an invalid size.',
  },
  ar: {
    'ocr.quality.too-small': 'الصورة صغيرة جدًا: اقترب من الوثيقة وأعد التصوير',
    'ocr.quality.too-dark': 'الصورة مظلمة جدًا: أشعل الضوء أو اقترب من نافذة',
    'ocr.quality.too-blurry': 'الصورة غير واضحة: اقترب وأعد التصوير دون أن تتحرك',
    'ocr.quality.low-contrast': 'الكتابة غير واضحة: ضع الوثيقة على طاولة جيدة الإضاءة وأعد التصوير',
    'ocr.quality.ok': 'الصورة جيدة',
    'ocr.image.image-too-large': 'الصورة كبيرة جدًا. صغّرها أو أعد التقاطها بجودة عادية، ثم حاول مرة أخرى.',
    'ocr.image.unsupported-format': 'هذا الملف ليس صورة PNG أو JPEG ولا ملف PDF.',
    'ocr.image.corrupt-image': 'الصورة تالفة ولا يمكن فتحها.',
    'ocr.image.empty-image': 'الملف فارغ.',
    'ocr.image.bad-dimensions': 'حجم الصورة غير صالح.',
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

/** Plain words for an image the reader refused (too large, damaged, not an image…). */
export function imageErrorMessage(lang: Lang, code: ImageErrorCode): string {
  return t(lang, `ocr.image.${code}`);
}
