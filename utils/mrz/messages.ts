import { type Catalogs, createTranslator, type Lang } from '../i18n/index.ts';
import type { MrzReading } from './read.ts';

/** What the person is told about the machine-readable zone (MRZ) of an identity document. */
export const mrzCatalogs = {
  fr: {
    'mrz.valid': 'Bande en bas du document lue : tous les chiffres de contrôle sont justes.',
    'mrz.invalid':
      'Bande en bas du document : un chiffre de contrôle est faux. Nous n’utilisons pas ses valeurs. Reprenez la photo, bien nette.',
    'mrz.source': 'lu dans la bande en bas du document, vérifié',
  },
  en: {
    'mrz.valid': 'Strip at the bottom of the document read: every check digit is right.',
    'mrz.invalid':
      'Strip at the bottom of the document: a check digit is wrong. We do not use its values. Take the photo again, sharp.',
    'mrz.source': 'read in the strip at the bottom of the document, checked',
  },
  ar: {
    'mrz.valid': 'تمت قراءة الشريط في أسفل الوثيقة: كل أرقام التحقق صحيحة.',
    'mrz.invalid': 'الشريط في أسفل الوثيقة: أحد أرقام التحقق خاطئ. لا نستعمل قيمه. أعد التصوير بصورة واضحة.',
    'mrz.source': 'مقروء في الشريط أسفل الوثيقة، تم التحقق منه',
  },
} satisfies Catalogs;

const t = createTranslator(mrzCatalogs);

export function mrzStatusMessage(lang: Lang, reading: MrzReading): string {
  return t(lang, reading.valid ? 'mrz.valid' : 'mrz.invalid');
}

export function mrzSourceText(lang: Lang): string {
  return t(lang, 'mrz.source');
}
