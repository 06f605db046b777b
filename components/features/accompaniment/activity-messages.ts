/** Strings of the mediator's activity report (plain French first, then English and Arabic). */
import { type Catalogs, createTranslator, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';

export const activityMessages = {
  fr: {
    'activity.title': 'Mon rapport d’activité',
    'activity.intro': 'Pour le médiateur. Il reste sur cet ordinateur. Il ne garde rien sur les personnes.',
    'activity.counted':
      'Pour chaque accompagnement : le jour, la durée, le thème de la démarche, et qui l’a faite.',
    'activity.on': 'Tenir mon rapport d’activité',
    'activity.empty': 'Aucun accompagnement compté pour le moment.',
    'activity.month': 'Mois',
    'activity.count': 'Accompagnements',
    'activity.minutes': 'Minutes',
    'activity.alone': 'La personne seule',
    'activity.helped': 'La personne, avec de l’aide',
    'activity.forThem': 'Le médiateur à sa place',
    'activity.export': 'Télécharger le tableau (CSV)',
    'activity.question': 'Pour votre rapport d’activité : qui a fait la démarche ?',
    'activity.save': 'Compter cet accompagnement',
    'activity.skip': 'Ne pas compter',
    'activity.saved': 'C’est compté dans votre rapport.',
    'activity.skipped': 'Cet accompagnement n’est pas compté.',
    'activity.duration.one': 'Durée : {count} minute.',
    'activity.duration.other': 'Durée : {count} minutes.',
  },
  en: {
    'activity.title': 'My activity report',
    'activity.intro': 'For the mediator. It stays on this computer. It keeps nothing about people.',
    'activity.counted':
      'For each accompaniment: the day, the duration, the procedure’s theme, and who did it.',
    'activity.on': 'Keep my activity report',
    'activity.empty': 'No accompaniment counted yet.',
    'activity.month': 'Month',
    'activity.count': 'Accompaniments',
    'activity.minutes': 'Minutes',
    'activity.alone': 'The person alone',
    'activity.helped': 'The person, with help',
    'activity.forThem': 'The mediator for them',
    'activity.export': 'Download the table (CSV)',
    'activity.question': 'For your activity report: who did the procedure?',
    'activity.save': 'Count this accompaniment',
    'activity.skip': 'Do not count',
    'activity.saved': 'It is counted in your report.',
    'activity.skipped': 'This accompaniment is not counted.',
    'activity.duration.one': 'Duration: {count} minute.',
    'activity.duration.other': 'Duration: {count} minutes.',
  },
  ar: {
    'activity.title': 'تقرير نشاطي',
    'activity.intro': 'للوسيط. يبقى في هذا الحاسوب. لا يحفظ شيئًا عن الأشخاص.',
    'activity.counted': 'لكل مرافقة: اليوم والمدة وموضوع الإجراء ومن قام به.',
    'activity.on': 'مسك تقرير نشاطي',
    'activity.empty': 'لم تُحتسب أي مرافقة بعد.',
    'activity.month': 'الشهر',
    'activity.count': 'المرافقات',
    'activity.minutes': 'الدقائق',
    'activity.alone': 'الشخص وحده',
    'activity.helped': 'الشخص بمساعدة',
    'activity.forThem': 'الوسيط مكانه',
    'activity.export': 'تنزيل الجدول (CSV)',
    'activity.question': 'لتقرير نشاطك: من قام بالإجراء؟',
    'activity.save': 'احتساب هذه المرافقة',
    'activity.skip': 'عدم الاحتساب',
    'activity.saved': 'احتُسبت في تقريرك.',
    'activity.skipped': 'لم تُحتسب هذه المرافقة.',
    'activity.duration.one': 'المدة: دقيقة واحدة.',
    'activity.duration.other': 'المدة: {count} دقيقة.',
  },
} satisfies Catalogs;

const translate = createTranslator(uiMessages, activityMessages);

export function activityTranslator(lang: () => Lang): (key: string, params?: Params) => string {
  return (key, params) => translate(lang(), key, params);
}
