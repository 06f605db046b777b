import { type Catalogs, createTranslator, type Lang } from '../i18n/index.ts';
import type { TwoDDocErrorCode } from './errors.ts';
import type { TwoDDocReading } from './read.ts';

/** What the person is told about the code of their document. */
export const twoDDocCatalogs = {
  fr: {
    'twoddoc.verified': 'Code signé : signature vérifiée.',
    'twoddoc.verifiedTest':
      'Code signé avec une clé de test : signature vérifiée, mais sans valeur officielle.',
    'twoddoc.unknownIssuer': 'Code signé : émetteur inconnu. Nous ne pouvons pas vérifier sa signature.',
    'twoddoc.unknownIssuerKnownCa':
      'Code signé : émetteur inconnu. Son autorité est connue ({authority}), pas son certificat.',
    'twoddoc.badSignature':
      'Code signé : signature fausse. Le code a été modifié. Nous n’utilisons pas ses valeurs.',
    'twoddoc.unreadable': 'Ce document a un code 2D-Doc, mais il est abîmé. Nous lisons le texte à la place.',
    'twoddoc.readerUnavailable': 'Le lecteur de code n’a pas pu démarrer. Nous lisons le texte à la place.',
    'twoddoc.source': 'lu dans le code signé',
    'twoddoc.sourceUnverified': 'lu dans le code, émetteur inconnu',
    'twoddoc.disagreeTitle': 'Le code et le texte ne disent pas la même chose :',
    'twoddoc.disagree': '{field} : le code dit « {code} », le texte dit « {ocr} ».',
    'twoddoc.disagreeHelp': 'Nous gardons la valeur du code. Vérifiez sur le papier.',
  },
  en: {
    'twoddoc.verified': 'Signed code: signature verified.',
    'twoddoc.verifiedTest': 'Code signed with a test key: signature verified, but of no official value.',
    'twoddoc.unknownIssuer': 'Signed code: unknown issuer. We cannot check its signature.',
    'twoddoc.unknownIssuerKnownCa':
      'Signed code: unknown issuer. Its authority is known ({authority}), not its certificate.',
    'twoddoc.badSignature': 'Signed code: false signature. The code was changed. We do not use its values.',
    'twoddoc.unreadable': 'This document has a 2D-Doc code, but it is damaged. We read the text instead.',
    'twoddoc.readerUnavailable': 'The code reader could not start. We read the text instead.',
    'twoddoc.source': 'read from the signed code',
    'twoddoc.sourceUnverified': 'read from the code, unknown issuer',
    'twoddoc.disagreeTitle': 'The code and the text do not say the same thing:',
    'twoddoc.disagree': '{field}: the code says “{code}”, the text says “{ocr}”.',
    'twoddoc.disagreeHelp': 'We keep the value of the code. Check on the paper.',
  },
  ar: {
    'twoddoc.verified': 'رمز موقّع: تم التحقق من التوقيع.',
    'twoddoc.verifiedTest': 'رمز موقّع بمفتاح تجريبي: تم التحقق من التوقيع، لكن دون قيمة رسمية.',
    'twoddoc.unknownIssuer': 'رمز موقّع: الجهة المصدرة غير معروفة. لا يمكننا التحقق من توقيعه.',
    'twoddoc.unknownIssuerKnownCa':
      'رمز موقّع: الجهة المصدرة غير معروفة. سلطتها معروفة ({authority})، لكن ليس شهادتها.',
    'twoddoc.badSignature': 'رمز موقّع: توقيع مزوّر. تم تغيير الرمز. لا نستعمل قيمه.',
    'twoddoc.unreadable': 'في هذه الوثيقة رمز 2D-Doc، لكنه تالف. نقرأ النص بدلاً منه.',
    'twoddoc.readerUnavailable': 'لم يتمكن قارئ الرمز من البدء. نقرأ النص بدلاً منه.',
    'twoddoc.source': 'مقروء من الرمز الموقّع',
    'twoddoc.sourceUnverified': 'مقروء من الرمز، الجهة المصدرة غير معروفة',
    'twoddoc.disagreeTitle': 'الرمز والنص لا يقولان الشيء نفسه:',
    'twoddoc.disagree': '{field}: الرمز يقول «{code}»، والنص يقول «{ocr}».',
    'twoddoc.disagreeHelp': 'نحتفظ بقيمة الرمز. تحقّق على الورقة.',
  },
} satisfies Catalogs;

const t = createTranslator(twoDDocCatalogs);

export function twoDDocText(
  lang: Lang,
  key: keyof typeof twoDDocCatalogs.fr,
  params?: Record<string, string>,
) {
  return t(lang, key, params);
}

/** The one sentence about the code: its signature's outcome, or why it was not used. */
export function twoDDocStatusMessage(lang: Lang, reading: TwoDDocReading): string {
  if (!reading.ok) return errorMessage(lang, reading.error);
  const v = reading.verification;
  if (v.status === 'verified') return t(lang, v.key.test ? 'twoddoc.verifiedTest' : 'twoddoc.verified');
  if (v.status === 'bad-signature') return t(lang, 'twoddoc.badSignature');
  return v.authority
    ? t(lang, 'twoddoc.unknownIssuerKnownCa', { authority: v.authority })
    : t(lang, 'twoddoc.unknownIssuer');
}

export function errorMessage(lang: Lang, code: TwoDDocErrorCode): string {
  return t(lang, code === 'reader-unavailable' ? 'twoddoc.readerUnavailable' : 'twoddoc.unreadable');
}
