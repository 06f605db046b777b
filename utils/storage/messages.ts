/** Person-facing messages of the progress storage (plain French first, then English and Arabic). */
import { type Catalogs, createTranslator, type Lang, type Params } from '../i18n/index.ts';

export const storageCatalogs = {
  fr: {
    'storage.full':
      "L'ordinateur n'a plus de place pour enregistrer. Ce qui était déjà enregistré est gardé. Libérez de la place ou terminez la démarche.",
    'storage.failed': "L'enregistrement n'a pas marché. Ce qui était déjà enregistré est gardé. Réessayez.",
    'storage.pin.tooShort': 'Le code est trop court. Choisissez au moins {min} chiffres.',
    'storage.pin.tooLong': 'Le code est trop long. Choisissez {max} chiffres au plus.',
    'storage.pin.digits': 'Le code doit avoir seulement des chiffres, de 0 à 9.',
    'storage.vault.wrongPin': "Ce n'est pas le bon code. Rien n'a changé. Encore {remaining} essais.",
    'storage.vault.wrongPinWarning':
      "Ce n'est pas le bon code. Attention : encore {remaining} essais, puis tout sera effacé de cet ordinateur.",
    'storage.vault.wrongPinLast':
      "Ce n'est pas le bon code. Attention : encore 1 essai, puis tout sera effacé de cet ordinateur.",
    'storage.vault.erased':
      'Le code était faux {tries} fois. Pour protéger vos réponses, elles ont été effacées de cet ordinateur, avec le code. Vous pouvez recommencer la démarche.',
    'storage.vault.keyGone':
      "La clé de vos réponses n'est plus sur cet ordinateur : elles ne peuvent plus être lues et ont été effacées.",
    'storage.vault.locked': 'Vos données sont verrouillées. Tapez votre code pour continuer.',
    'storage.vault.expired': 'Le temps est dépassé. Vos données ont été effacées de cet ordinateur.',
    'storage.vault.required': 'Vos données sont protégées par un code. Tapez votre code pour continuer.',
    'storage.vault.exists': 'Un code protège déjà cet ordinateur.',
    'storage.vault.none': "Aucun code n'a été choisi sur cet ordinateur.",
    'storage.handover.passphraseTooShort':
      'La phrase secrète est trop courte. Choisissez au moins {min} caractères.',
    'storage.handover.wrongPassphrase': "Ce n'est pas la bonne phrase secrète. Rien n'a été importé.",
    'storage.handover.damaged': "Le fichier est abîmé ou a été modifié. Rien n'a été importé.",
    'storage.handover.notExport': "Ce fichier n'est pas un fichier Pas à pas. Rien n'a été importé.",
    'storage.handover.unsupportedVersion':
      "Ce fichier vient d'une version plus récente de Pas à pas. Mettez Pas à pas à jour. Rien n'a été importé.",
    'storage.handover.empty': "Il n'y a aucune démarche à exporter.",
  },
  en: {
    'storage.full':
      'This computer has no more room to save. What was saved before is kept. Free some space or finish the procedure.',
    'storage.failed': 'Saving did not work. What was saved before is kept. Try again.',
    'storage.pin.tooShort': 'The code is too short. Choose at least {min} digits.',
    'storage.pin.tooLong': 'The code is too long. Choose {max} digits at most.',
    'storage.pin.digits': 'The code must have only digits, 0 to 9.',
    'storage.vault.wrongPin': 'This is not the right code. Nothing changed. {remaining} tries left.',
    'storage.vault.wrongPinWarning':
      'This is not the right code. Warning: {remaining} more tries, then everything will be erased from this computer.',
    'storage.vault.wrongPinLast':
      'This is not the right code. Warning: 1 more try, then everything will be erased from this computer.',
    'storage.vault.erased':
      'The code was wrong {tries} times. To protect your answers, they were erased from this computer, with the code. You can start the procedure again.',
    'storage.vault.keyGone':
      'The key to your answers is no longer on this computer: they cannot be read any more and were erased.',
    'storage.vault.locked': 'Your data is locked. Type your code to go on.',
    'storage.vault.expired': 'Time is up. Your data was erased from this computer.',
    'storage.vault.required': 'Your data is protected by a code. Type your code to go on.',
    'storage.vault.exists': 'A code already protects this computer.',
    'storage.vault.none': 'No code was chosen on this computer.',
    'storage.handover.passphraseTooShort':
      'The secret phrase is too short. Choose at least {min} characters.',
    'storage.handover.wrongPassphrase': 'This is not the right secret phrase. Nothing was imported.',
    'storage.handover.damaged': 'The file is damaged or was changed. Nothing was imported.',
    'storage.handover.notExport': 'This is not a Pas à pas file. Nothing was imported.',
    'storage.handover.unsupportedVersion':
      'This file comes from a newer Pas à pas. Update Pas à pas. Nothing was imported.',
    'storage.handover.empty': 'There is no procedure to export.',
  },
  ar: {
    'storage.full':
      'لا توجد مساحة كافية للحفظ في هذا الحاسوب. ما حُفظ من قبل باقٍ. أفرغ بعض المساحة أو أكمل الإجراء.',
    'storage.failed': 'لم ينجح الحفظ. ما حُفظ من قبل باقٍ. حاول مرة أخرى.',
    'storage.pin.tooShort': 'الرمز قصير جدًا. اختر {min} أرقام على الأقل.',
    'storage.pin.tooLong': 'الرمز طويل جدًا. اختر {max} أرقام على الأكثر.',
    'storage.pin.digits': 'يجب أن يحتوي الرمز على أرقام فقط، من 0 إلى 9.',
    'storage.vault.wrongPin': 'هذا ليس الرمز الصحيح. لم يتغير شيء. بقيت {remaining} محاولات.',
    'storage.vault.wrongPinWarning':
      'هذا ليس الرمز الصحيح. انتبه: بقيت {remaining} محاولات، ثم سيُمسح كل شيء من هذا الحاسوب.',
    'storage.vault.wrongPinLast':
      'هذا ليس الرمز الصحيح. انتبه: بقيت محاولة واحدة، ثم سيُمسح كل شيء من هذا الحاسوب.',
    'storage.vault.erased':
      'كان الرمز خاطئًا {tries} مرات. لحماية إجاباتك، مُسحت من هذا الحاسوب مع الرمز. يمكنك أن تبدأ الإجراء من جديد.',
    'storage.vault.keyGone': 'مفتاح إجاباتك لم يعد على هذا الحاسوب: لا يمكن قراءتها بعد الآن، وقد مُسحت.',
    'storage.vault.locked': 'بياناتك مقفلة. اكتب رمزك للمتابعة.',
    'storage.vault.expired': 'انتهى الوقت. مُسحت بياناتك من هذا الحاسوب.',
    'storage.vault.required': 'بياناتك محمية برمز. اكتب رمزك للمتابعة.',
    'storage.vault.exists': 'يوجد رمز يحمي هذا الحاسوب من قبل.',
    'storage.vault.none': 'لم يُختر أي رمز على هذا الحاسوب.',
    'storage.handover.passphraseTooShort': 'العبارة السرية قصيرة جدًا. اختر {min} أحرف على الأقل.',
    'storage.handover.wrongPassphrase': 'هذه ليست العبارة السرية الصحيحة. لم يُستورد أي شيء.',
    'storage.handover.damaged': 'الملف تالف أو تم تعديله. لم يُستورد أي شيء.',
    'storage.handover.notExport': 'هذا ليس ملف Pas à pas. لم يُستورد أي شيء.',
    'storage.handover.unsupportedVersion':
      'هذا الملف من نسخة أحدث من Pas à pas. حدّث Pas à pas. لم يُستورد أي شيء.',
    'storage.handover.empty': 'لا يوجد أي إجراء للتصدير.',
  },
} satisfies Catalogs;

const t = createTranslator(storageCatalogs);

export type MessageKey = keyof typeof storageCatalogs.fr;

/** Anything our storage code throws carries a message key and its parameters. */
export type Explainable = { messageKey: MessageKey; params?: Params };

function isExplainable(value: unknown): value is Explainable {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Explainable).messageKey === 'string' &&
    (value as Explainable).messageKey in storageCatalogs.fr
  );
}

/** The plain message to show a person for a storage error (or a result with a message key). */
export function message(lang: Lang, result: Explainable | unknown): string {
  if (isExplainable(result)) return t(lang, result.messageKey, result.params);
  return t(lang, 'storage.failed');
}
