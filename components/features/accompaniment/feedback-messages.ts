import { type Catalogs, createTranslator, type Lang, type Params } from '../../../utils/i18n';

/** The options page's section of the notes people left on guide steps, to send to the guides' authors. */
export const feedbackOptionsMessages: Catalogs = {
  fr: {
    'feedbackFile.title': 'Retours sur les guides',
    'feedbackFile.intro':
      'Les personnes peuvent dire qu’une étape n’est pas claire. Envoyez ces retours à l’auteur du guide. Ils ne contiennent ni nom ni numéro.',
    'feedbackFile.none': 'Aucun retour pour l’instant.',
    'feedbackFile.count.one': 'Un retour.',
    'feedbackFile.count.other': '{count} retours.',
    'feedbackFile.contact': 'À envoyer à : {contact}',
    'feedbackFile.noContact': 'Le guide ne donne pas d’adresse. Cherchez celle de son auteur.',
    'feedbackFile.json': 'Télécharger (JSON)',
    'feedbackFile.csv': 'Télécharger (tableur CSV)',
    'feedbackFile.clear': 'C’est envoyé : effacer ces retours',
    'feedbackFile.cleared.one': 'Un retour effacé.',
    'feedbackFile.cleared.other': '{count} retours effacés.',
  },
  en: {
    'feedbackFile.title': 'Feedback on the guides',
    'feedbackFile.intro':
      'People can say that a step is not clear. Send this feedback to the guide’s author. It holds no name and no number.',
    'feedbackFile.none': 'No feedback yet.',
    'feedbackFile.count.one': 'One note.',
    'feedbackFile.count.other': '{count} notes.',
    'feedbackFile.contact': 'Send to: {contact}',
    'feedbackFile.noContact': 'The guide gives no address. Look for its author’s.',
    'feedbackFile.json': 'Download (JSON)',
    'feedbackFile.csv': 'Download (CSV spreadsheet)',
    'feedbackFile.clear': 'Sent: erase these notes',
    'feedbackFile.cleared.one': 'One note erased.',
    'feedbackFile.cleared.other': '{count} notes erased.',
  },
  ar: {
    'feedbackFile.title': 'ملاحظات على الأدلة',
    'feedbackFile.intro':
      'يستطيع الأشخاص أن يقولوا إن خطوة غير واضحة. أرسل هذه الملاحظات إلى كاتب الدليل. لا تحتوي على أي اسم أو رقم.',
    'feedbackFile.none': 'لا توجد ملاحظات حاليًا.',
    'feedbackFile.count.one': 'ملاحظة واحدة.',
    'feedbackFile.count.other': 'الملاحظات: {count}.',
    'feedbackFile.contact': 'تُرسل إلى: {contact}',
    'feedbackFile.noContact': 'لا يعطي الدليل عنوانًا. ابحث عن عنوان كاتبه.',
    'feedbackFile.json': 'تنزيل (JSON)',
    'feedbackFile.csv': 'تنزيل (جدول CSV)',
    'feedbackFile.clear': 'أُرسلت: امحُ هذه الملاحظات',
    'feedbackFile.cleared.one': 'مُحيت ملاحظة واحدة.',
    'feedbackFile.cleared.other': 'الملاحظات الممحوة: {count}.',
  },
};

const translate = createTranslator(feedbackOptionsMessages);
export const feedbackTranslator =
  (lang: () => Lang) =>
  (key: string, params?: Params): string =>
    translate(lang(), key, params);
