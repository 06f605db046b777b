import type { Catalogs } from '../i18n/index.ts';

/**
 * Plain messages for validation codes. Keys: `validators.<id>.<code>[.<part>]` first, then the
 * generic `validators.<code>`; a `.one`/`.other` suffix picks the singular when one thing is counted.
 */
export const validatorCatalogs = {
  fr: {
    'validators.ok': 'C’est bon.',
    'validators.empty': 'Rien n’est écrit ici.',
    'validators.too-short': 'Ce n’est pas encore complet.',
    'validators.too-long': 'C’est trop long.',
    'validators.too-short.one': 'Il manque 1 chiffre.',
    'validators.too-short.other': 'Il manque {missing} chiffres.',
    'validators.too-long.one': 'Il y a 1 chiffre en trop.',
    'validators.too-long.other': 'Il y a {extra} chiffres en trop.',
    'validators.bad-chars': 'Écrivez seulement des chiffres.',
    'validators.bad-checksum': 'Ce numéro ne peut pas être juste : vérifiez chaque chiffre.',
    'validators.bad-checksum.one':
      'Ce numéro ne peut pas être juste : vérifiez les chiffres, surtout le dernier.',
    'validators.bad-checksum.other':
      'Ce numéro ne peut pas être juste : vérifiez les chiffres, surtout les {count} derniers.',
    'validators.bad-format': 'Ce numéro n’a pas la bonne forme.',
    'validators.bad-country': 'Le code du pays n’est pas bon.',

    'validators.iban.too-short.one': 'Il manque 1 caractère.',
    'validators.iban.too-short.other': 'Il manque {missing} caractères.',
    'validators.iban.too-long.one': 'Il y a 1 caractère en trop.',
    'validators.iban.too-long.other': 'Il y a {extra} caractères en trop.',
    'validators.iban.bad-chars': 'Un IBAN contient seulement des lettres et des chiffres.',
    'validators.iban.bad-country': 'L’IBAN commence par le code du pays, par exemple FR pour la France.',
    'validators.iban.bad-format': 'Après les 2 lettres du pays, l’IBAN continue par 2 chiffres.',
    'validators.iban.bad-checksum': 'Cet IBAN ne peut pas être juste : vérifiez chaque caractère.',
    'validators.iban.hint.FR': 'Un IBAN français commence par FR et compte 27 caractères.',
    'validators.iban.hint': 'Un IBAN qui commence par {country} compte {length} caractères.',

    'validators.bic.too-short.one': 'Il manque 1 caractère. Un BIC compte 8 ou 11 caractères.',
    'validators.bic.too-short.other': 'Il manque {missing} caractères. Un BIC compte 8 ou 11 caractères.',
    'validators.bic.too-long.one': 'Il y a 1 caractère en trop. Un BIC compte 8 ou 11 caractères.',
    'validators.bic.too-long.other': 'Il y a {extra} caractères en trop. Un BIC compte 8 ou 11 caractères.',
    'validators.bic.bad-chars': 'Un BIC contient seulement des lettres et des chiffres.',
    'validators.bic.bad-format': 'Un BIC commence par 6 lettres, par exemple BNPAFRPP.',
    'validators.bic.bad-country': 'Les lettres 5 et 6 du BIC sont le code du pays, par exemple FR.',

    'validators.nir.too-short.one': 'Il manque 1 chiffre. Le numéro de sécurité sociale compte 15 chiffres.',
    'validators.nir.too-short.other':
      'Il manque {missing} chiffres. Le numéro de sécurité sociale compte 15 chiffres.',
    'validators.nir.bad-chars': 'Écrivez seulement des chiffres (ou 2A, 2B pour la Corse).',
    'validators.nir.bad-format.sex': 'Le numéro de sécurité sociale commence par 1 ou par 2.',
    'validators.nir.bad-format.month':
      'Les chiffres 4 et 5 donnent le mois de naissance : ils ne sont pas justes.',

    'validators.fiscal-number.too-short.one': 'Il manque 1 chiffre. Le numéro fiscal compte 13 chiffres.',
    'validators.fiscal-number.too-short.other':
      'Il manque {missing} chiffres. Le numéro fiscal compte 13 chiffres.',
    'validators.fiscal-number.bad-format': 'Le numéro fiscal commence par 0, 1, 2 ou 3.',

    'validators.caf-number.too-short.one': 'Il manque 1 chiffre. Le numéro allocataire compte 7 chiffres.',
    'validators.caf-number.too-short.other':
      'Il manque {missing} chiffres. Le numéro allocataire compte 7 chiffres.',
    'validators.caf-number.too-long.one':
      'Il y a 1 chiffre en trop. Le numéro allocataire compte 7 chiffres.',
    'validators.caf-number.too-long.other':
      'Il y a {extra} chiffres en trop. Le numéro allocataire compte 7 chiffres.',

    'validators.siret.too-short.one': 'Il manque 1 chiffre. Un numéro SIRET compte 14 chiffres.',
    'validators.siret.too-short.other': 'Il manque {missing} chiffres. Un numéro SIRET compte 14 chiffres.',
    'validators.siren.too-short.one': 'Il manque 1 chiffre. Un numéro SIREN compte 9 chiffres.',
    'validators.siren.too-short.other': 'Il manque {missing} chiffres. Un numéro SIREN compte 9 chiffres.',

    'validators.postcode.too-short.one': 'Il manque 1 chiffre. Un code postal compte 5 chiffres.',
    'validators.postcode.too-short.other': 'Il manque {missing} chiffres. Un code postal compte 5 chiffres.',
    'validators.postcode.unknown-area': 'Ce code postal n’existe pas en France.',

    'validators.phone.too-short.one': 'Il manque 1 chiffre. Un numéro de téléphone compte 10 chiffres.',
    'validators.phone.too-short.other':
      'Il manque {missing} chiffres. Un numéro de téléphone compte 10 chiffres.',
    'validators.phone.bad-chars': 'Écrivez seulement des chiffres, avec + au début si besoin.',
    'validators.phone.bad-format': 'Un numéro de téléphone commence par 0, puis un chiffre de 1 à 9.',
    'validators.phone.bad-country': 'Donnez un numéro français : il commence par 0 ou par +33.',

    'validators.email.empty': 'Écrivez votre adresse e-mail.',
    'validators.email.suggestion': 'Vérifiez la fin de l’adresse : vouliez-vous écrire {suggestion} ?',
    'validators.email.has-space': 'Une adresse e-mail ne contient pas d’espace.',
    'validators.email.no-at': 'Il manque le signe @ (arobase).',
    'validators.email.many-at': 'Il y a plusieurs signes @ : il en faut un seul.',
    'validators.email.no-local': 'Il manque votre nom avant le signe @.',
    'validators.email.bad-chars':
      'Avant le @, un signe n’est pas permis. Utilisez des lettres sans accent, des chiffres, un point ou un tiret.',
    'validators.email.bad-domain': 'Après le @, écrivez le nom du site, par exemple exemple.fr.',

    'validators.date.empty': 'Écrivez une date, par exemple 12/03/1985.',
    'validators.date.too-short': 'La date n’est pas complète : écrivez le jour, le mois et l’année.',
    'validators.date.short-year': 'Écrivez l’année en entier, avec 4 chiffres (par exemple 1985).',
    'validators.date.bad-format': 'Écrivez la date ainsi : jour/mois/année, par exemple 12/03/1985.',
    'validators.date.bad-date': 'Cette date n’existe pas dans le calendrier.',
    'validators.date.in-future': 'Cette date est dans le futur. Vérifiez l’année.',
    'validators.date.in-past': 'Cette date est déjà passée.',
    'validators.date.too-young': 'Il faut avoir au moins {min} ans.',
    'validators.date.too-old': 'Vérifiez l’année : cela fait plus de {max} ans.',
  },
  en: {
    'validators.ok': 'This is fine.',
    'validators.empty': 'Nothing is written here.',
    'validators.too-short': 'This is not complete yet.',
    'validators.too-long': 'This is too long.',
    'validators.too-short.one': '1 digit is missing.',
    'validators.too-short.other': '{missing} digits are missing.',
    'validators.too-long.one': 'There is 1 digit too many.',
    'validators.too-long.other': 'There are {extra} digits too many.',
    'validators.bad-chars': 'Write digits only.',
    'validators.bad-checksum': 'This number cannot be right: check each digit.',
    'validators.bad-checksum.one': 'This number cannot be right: check the digits, especially the last one.',
    'validators.bad-checksum.other':
      'This number cannot be right: check the digits, especially the last {count}.',
    'validators.bad-format': 'This number does not have the right form.',
    'validators.bad-country': 'The country code is not right.',

    'validators.iban.too-short.one': '1 character is missing.',
    'validators.iban.too-short.other': '{missing} characters are missing.',
    'validators.iban.too-long.one': 'There is 1 character too many.',
    'validators.iban.too-long.other': 'There are {extra} characters too many.',
    'validators.iban.bad-chars': 'An IBAN has only letters and digits.',
    'validators.iban.bad-country': 'An IBAN starts with the country code, for example FR for France.',
    'validators.iban.bad-format': 'After the 2 country letters, an IBAN goes on with 2 digits.',
    'validators.iban.bad-checksum': 'This IBAN cannot be right: check each character.',
    'validators.iban.hint.FR': 'A French IBAN starts with FR and has 27 characters.',
    'validators.iban.hint': 'An IBAN starting with {country} has {length} characters.',

    'validators.bic.too-short.one': '1 character is missing. A BIC has 8 or 11 characters.',
    'validators.bic.too-short.other': '{missing} characters are missing. A BIC has 8 or 11 characters.',
    'validators.bic.too-long.one': 'There is 1 character too many. A BIC has 8 or 11 characters.',
    'validators.bic.too-long.other': 'There are {extra} characters too many. A BIC has 8 or 11 characters.',
    'validators.bic.bad-chars': 'A BIC has only letters and digits.',
    'validators.bic.bad-format': 'A BIC starts with 6 letters, for example BNPAFRPP.',
    'validators.bic.bad-country': 'Letters 5 and 6 of a BIC are the country code, for example FR.',

    'validators.nir.too-short.one': '1 digit is missing. The social security number has 15 digits.',
    'validators.nir.too-short.other':
      '{missing} digits are missing. The social security number has 15 digits.',
    'validators.nir.bad-chars': 'Write digits only (or 2A, 2B for Corsica).',
    'validators.nir.bad-format.sex': 'The social security number starts with 1 or 2.',
    'validators.nir.bad-format.month': 'Digits 4 and 5 give the month of birth: they are not right.',

    'validators.fiscal-number.too-short.one': '1 digit is missing. The tax number has 13 digits.',
    'validators.fiscal-number.too-short.other': '{missing} digits are missing. The tax number has 13 digits.',
    'validators.fiscal-number.bad-format': 'The tax number starts with 0, 1, 2 or 3.',

    'validators.caf-number.too-short.one': '1 digit is missing. The CAF number has 7 digits.',
    'validators.caf-number.too-short.other': '{missing} digits are missing. The CAF number has 7 digits.',
    'validators.caf-number.too-long.one': 'There is 1 digit too many. The CAF number has 7 digits.',
    'validators.caf-number.too-long.other': 'There are {extra} digits too many. The CAF number has 7 digits.',

    'validators.siret.too-short.one': '1 digit is missing. A SIRET number has 14 digits.',
    'validators.siret.too-short.other': '{missing} digits are missing. A SIRET number has 14 digits.',
    'validators.siren.too-short.one': '1 digit is missing. A SIREN number has 9 digits.',
    'validators.siren.too-short.other': '{missing} digits are missing. A SIREN number has 9 digits.',

    'validators.postcode.too-short.one': '1 digit is missing. A postcode has 5 digits.',
    'validators.postcode.too-short.other': '{missing} digits are missing. A postcode has 5 digits.',
    'validators.postcode.unknown-area': 'This postcode does not exist in France.',

    'validators.phone.too-short.one': '1 digit is missing. A phone number has 10 digits.',
    'validators.phone.too-short.other': '{missing} digits are missing. A phone number has 10 digits.',
    'validators.phone.bad-chars': 'Write digits only, with + at the start if needed.',
    'validators.phone.bad-format': 'A phone number starts with 0, then a digit from 1 to 9.',
    'validators.phone.bad-country': 'Give a French number: it starts with 0 or +33.',

    'validators.email.empty': 'Write your email address.',
    'validators.email.suggestion': 'Check the end of the address: did you mean {suggestion}?',
    'validators.email.has-space': 'An email address has no spaces.',
    'validators.email.no-at': 'The @ sign is missing.',
    'validators.email.many-at': 'There are several @ signs: only one is needed.',
    'validators.email.no-local': 'Your name is missing before the @ sign.',
    'validators.email.bad-chars':
      'Before the @, a sign is not allowed. Use letters without accents, digits, a dot or a dash.',
    'validators.email.bad-domain': 'After the @, write the name of the site, for example example.com.',

    'validators.date.empty': 'Write a date, for example 12/03/1985.',
    'validators.date.too-short': 'The date is not complete: write the day, the month and the year.',
    'validators.date.short-year': 'Write the full year, with 4 digits (for example 1985).',
    'validators.date.bad-format': 'Write the date as day/month/year, for example 12/03/1985.',
    'validators.date.bad-date': 'This date does not exist in the calendar.',
    'validators.date.in-future': 'This date is in the future. Check the year.',
    'validators.date.in-past': 'This date has already passed.',
    'validators.date.too-young': 'You must be at least {min} years old.',
    'validators.date.too-old': 'Check the year: that is more than {max} years ago.',
  },
  ar: {
    'validators.ok': 'هذا صحيح.',
    'validators.empty': 'لم يُكتب شيء هنا.',
    'validators.too-short': 'هذا غير مكتمل بعد.',
    'validators.too-long': 'هذا أطول من اللازم.',
    'validators.too-short.one': 'ينقص رقم واحد.',
    'validators.too-short.other': 'تنقص أرقام: {missing}.',
    'validators.too-long.one': 'يوجد رقم واحد زائد.',
    'validators.too-long.other': 'توجد أرقام زائدة: {extra}.',
    'validators.bad-chars': 'اكتب أرقامًا فقط.',
    'validators.bad-checksum': 'هذا الرقم لا يمكن أن يكون صحيحًا: تحقق من كل رقم.',
    'validators.bad-checksum.one': 'هذا الرقم لا يمكن أن يكون صحيحًا: تحقق من الأرقام، خاصة الرقم الأخير.',
    'validators.bad-checksum.other':
      'هذا الرقم لا يمكن أن يكون صحيحًا: تحقق من الأرقام، خاصة آخر {count} أرقام.',
    'validators.bad-format': 'شكل هذا الرقم غير صحيح.',
    'validators.bad-country': 'رمز البلد غير صحيح.',

    'validators.iban.too-short.one': 'ينقص حرف أو رقم واحد.',
    'validators.iban.too-short.other': 'تنقص حروف أو أرقام: {missing}.',
    'validators.iban.too-long.one': 'يوجد حرف أو رقم واحد زائد.',
    'validators.iban.too-long.other': 'توجد حروف أو أرقام زائدة: {extra}.',
    'validators.iban.bad-chars': 'رقم IBAN يحتوي على حروف وأرقام فقط.',
    'validators.iban.bad-country': 'يبدأ رقم IBAN برمز البلد، مثل FR لفرنسا.',
    'validators.iban.bad-format': 'بعد حرفي البلد، يستمر رقم IBAN برقمين.',
    'validators.iban.bad-checksum': 'رقم IBAN هذا لا يمكن أن يكون صحيحًا: تحقق من كل حرف ورقم.',
    'validators.iban.hint.FR': 'رقم IBAN الفرنسي يبدأ بـ FR ويتكون من 27 حرفًا ورقمًا.',
    'validators.iban.hint': 'رقم IBAN الذي يبدأ بـ {country} يتكون من {length} حرفًا ورقمًا.',

    'validators.bic.too-short.one': 'ينقص حرف واحد. رمز BIC يتكون من 8 أو 11 حرفًا.',
    'validators.bic.too-short.other': 'تنقص حروف: {missing}. رمز BIC يتكون من 8 أو 11 حرفًا.',
    'validators.bic.too-long.one': 'يوجد حرف واحد زائد. رمز BIC يتكون من 8 أو 11 حرفًا.',
    'validators.bic.too-long.other': 'توجد حروف زائدة: {extra}. رمز BIC يتكون من 8 أو 11 حرفًا.',
    'validators.bic.bad-chars': 'رمز BIC يحتوي على حروف وأرقام فقط.',
    'validators.bic.bad-format': 'يبدأ رمز BIC بستة حروف، مثل BNPAFRPP.',
    'validators.bic.bad-country': 'الحرفان 5 و6 من رمز BIC هما رمز البلد، مثل FR.',

    'validators.nir.too-short.one': 'ينقص رقم واحد. رقم الضمان الاجتماعي يتكون من 15 رقمًا.',
    'validators.nir.too-short.other': 'تنقص أرقام: {missing}. رقم الضمان الاجتماعي يتكون من 15 رقمًا.',
    'validators.nir.bad-chars': 'اكتب أرقامًا فقط (أو 2A و2B لكورسيكا).',
    'validators.nir.bad-format.sex': 'يبدأ رقم الضمان الاجتماعي بـ 1 أو 2.',
    'validators.nir.bad-format.month': 'الرقمان 4 و5 هما شهر الولادة: هما غير صحيحين.',

    'validators.fiscal-number.too-short.one': 'ينقص رقم واحد. الرقم الضريبي يتكون من 13 رقمًا.',
    'validators.fiscal-number.too-short.other': 'تنقص أرقام: {missing}. الرقم الضريبي يتكون من 13 رقمًا.',
    'validators.fiscal-number.bad-format': 'يبدأ الرقم الضريبي بـ 0 أو 1 أو 2 أو 3.',

    'validators.caf-number.too-short.one': 'ينقص رقم واحد. رقم المستفيد في CAF يتكون من 7 أرقام.',
    'validators.caf-number.too-short.other': 'تنقص أرقام: {missing}. رقم المستفيد في CAF يتكون من 7 أرقام.',
    'validators.caf-number.too-long.one': 'يوجد رقم واحد زائد. رقم المستفيد في CAF يتكون من 7 أرقام.',
    'validators.caf-number.too-long.other':
      'توجد أرقام زائدة: {extra}. رقم المستفيد في CAF يتكون من 7 أرقام.',

    'validators.siret.too-short.one': 'ينقص رقم واحد. رقم SIRET يتكون من 14 رقمًا.',
    'validators.siret.too-short.other': 'تنقص أرقام: {missing}. رقم SIRET يتكون من 14 رقمًا.',
    'validators.siren.too-short.one': 'ينقص رقم واحد. رقم SIREN يتكون من 9 أرقام.',
    'validators.siren.too-short.other': 'تنقص أرقام: {missing}. رقم SIREN يتكون من 9 أرقام.',

    'validators.postcode.too-short.one': 'ينقص رقم واحد. الرمز البريدي يتكون من 5 أرقام.',
    'validators.postcode.too-short.other': 'تنقص أرقام: {missing}. الرمز البريدي يتكون من 5 أرقام.',
    'validators.postcode.unknown-area': 'هذا الرمز البريدي غير موجود في فرنسا.',

    'validators.phone.too-short.one': 'ينقص رقم واحد. رقم الهاتف يتكون من 10 أرقام.',
    'validators.phone.too-short.other': 'تنقص أرقام: {missing}. رقم الهاتف يتكون من 10 أرقام.',
    'validators.phone.bad-chars': 'اكتب أرقامًا فقط، مع + في البداية عند الحاجة.',
    'validators.phone.bad-format': 'يبدأ رقم الهاتف بـ 0، ثم رقم من 1 إلى 9.',
    'validators.phone.bad-country': 'أعطِ رقمًا فرنسيًا: يبدأ بـ 0 أو +33.',

    'validators.email.empty': 'اكتب عنوان بريدك الإلكتروني.',
    'validators.email.suggestion': 'تحقق من نهاية العنوان: هل تقصد {suggestion}؟',
    'validators.email.has-space': 'عنوان البريد الإلكتروني لا يحتوي على مسافات.',
    'validators.email.no-at': 'تنقص علامة @.',
    'validators.email.many-at': 'توجد عدة علامات @: يلزم واحدة فقط.',
    'validators.email.no-local': 'ينقص اسمك قبل علامة @.',
    'validators.email.bad-chars':
      'قبل @ توجد علامة غير مسموح بها. استعمل حروفًا لاتينية بدون نبرات، أو أرقامًا، أو نقطة، أو شرطة.',
    'validators.email.bad-domain': 'بعد @ اكتب اسم الموقع، مثل example.fr.',

    'validators.date.empty': 'اكتب تاريخًا، مثل 12/03/1985.',
    'validators.date.too-short': 'التاريخ غير كامل: اكتب اليوم والشهر والسنة.',
    'validators.date.short-year': 'اكتب السنة كاملة بأربعة أرقام (مثل 1985).',
    'validators.date.bad-format': 'اكتب التاريخ هكذا: يوم/شهر/سنة، مثل 12/03/1985.',
    'validators.date.bad-date': 'هذا التاريخ غير موجود في التقويم.',
    'validators.date.in-future': 'هذا التاريخ في المستقبل. تحقق من السنة.',
    'validators.date.in-past': 'هذا التاريخ قد مضى.',
    'validators.date.too-young': 'يجب أن يكون العمر {min} سنة على الأقل.',
    'validators.date.too-old': 'تحقق من السنة: هذا قبل أكثر من {max} سنة.',
  },
} satisfies Catalogs;
