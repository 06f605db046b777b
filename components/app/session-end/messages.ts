/** Strings of the end of a session, shared by the page that follows it and the mediator's options (plain French first, then English and Arabic). */
import { type Catalogs, createTranslator, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';

export const sessionEndMessages = {
  fr: {
    'end.title': 'Votre session est terminée',
    'end.erasedTitle': 'Ce qui est effacé',
    'end.leftTitle': 'Ce que Pas à pas ne peut pas effacer',
    'end.erased.pasapas': 'Vos réponses, vos démarches et votre code gardés par Pas à pas.',
    'end.erased.settings': 'Vos réglages : taille du texte, couleurs, langue, lecture à voix haute.',
    'end.erased.tabs.one': '{count} onglet de site est fermé.',
    'end.erased.tabs.other': '{count} onglets de sites sont fermés.',
    'end.erased.siteData':
      'Les données de ces sites sur cet ordinateur : {sites}. Vous êtes déconnecté de ces sites.',
    'end.erased.cacheAll': 'Les pages gardées en mémoire par le navigateur, pour tous les sites.',
    'end.erased.history':
      'Depuis le début de la session : l’historique, les formulaires remplis et les mots de passe enregistrés.',
    'end.left.pasapas': 'Pas à pas n’a pas pu effacer vos réponses. Demandez au médiateur de l’aide.',
    'end.left.siteDataNoPermission':
      'Les données de ces sites : {sites}. Vous êtes peut-être encore connecté. Demandez au médiateur de fermer le navigateur.',
    'end.left.siteDataFailed':
      'Une partie des données de ces sites : {sites}. Demandez au médiateur de fermer le navigateur.',
    'end.left.history': 'L’historique et les formulaires remplis. Demandez au médiateur de les effacer.',
    'end.left.server':
      'Ce que vous avez envoyé aux sites reste chez eux. C’est normal : votre dossier est chez eux.',
    'end.left.downloads':
      'Les fichiers téléchargés restent sur l’ordinateur. Supprimez-les du dossier « Téléchargements ».',
    'end.left.printed': 'Les pages imprimées : pensez à les reprendre à l’imprimante.',
    'end.none': 'Aucune session à afficher.',
    'end.next.title': 'Personne suivante',
    'end.next.intro':
      'Pour le médiateur, entre deux personnes. Tout ce que la personne a fait ici est effacé. Les onglets des sites sont fermés.',
    'end.next.go': 'Personne suivante',
    'end.next.confirm': 'Tout effacer et fermer les onglets des sites ?',
    'end.next.yes': 'Oui, personne suivante',
    'end.next.cancel': 'Annuler',
    'end.permission.granted': 'Pas à pas pourra effacer les données des sites à la fin de chaque session.',
    'end.permission.refused':
      'Sans cette autorisation, Pas à pas ne peut pas déconnecter la personne des sites. Fermez le navigateur après chaque personne.',
  },
  en: {
    'end.title': 'Your session has ended',
    'end.erasedTitle': 'What was erased',
    'end.leftTitle': 'What Pas à pas cannot erase',
    'end.erased.pasapas': 'Your answers, procedures and code kept by Pas à pas.',
    'end.erased.settings': 'Your settings: text size, colours, language, reading aloud.',
    'end.erased.tabs.one': '{count} site tab is closed.',
    'end.erased.tabs.other': '{count} site tabs are closed.',
    'end.erased.siteData': 'These sites’ data on this computer: {sites}. You are logged out of these sites.',
    'end.erased.cacheAll': 'The pages the browser kept in memory, for every site.',
    'end.erased.history': 'Since the session began: the history, filled forms and saved passwords.',
    'end.left.pasapas': 'Pas à pas could not erase your answers. Ask the mediator for help.',
    'end.left.siteDataNoPermission':
      'These sites’ data: {sites}. You may still be logged in. Ask the mediator to close the browser.',
    'end.left.siteDataFailed': 'Part of these sites’ data: {sites}. Ask the mediator to close the browser.',
    'end.left.history': 'The history and filled forms. Ask the mediator to erase them.',
    'end.left.server': 'What you sent to the sites stays with them. That is normal: your file is there.',
    'end.left.downloads': 'Downloaded files stay on the computer. Delete them from the “Downloads” folder.',
    'end.left.printed': 'Printed pages: remember to take them from the printer.',
    'end.none': 'No session to show.',
    'end.next.title': 'Next person',
    'end.next.intro':
      'For the mediator, between two people. Everything the person did here is erased. The sites’ tabs are closed.',
    'end.next.go': 'Next person',
    'end.next.confirm': 'Erase everything and close the sites’ tabs?',
    'end.next.yes': 'Yes, next person',
    'end.next.cancel': 'Cancel',
    'end.permission.granted': 'Pas à pas can erase the sites’ data at the end of each session.',
    'end.permission.refused':
      'Without this permission, Pas à pas cannot log the person out of the sites. Close the browser after each person.',
  },
  ar: {
    'end.title': 'انتهت جلستك',
    'end.erasedTitle': 'ما تم محوه',
    'end.leftTitle': 'ما لا يستطيع Pas à pas محوه',
    'end.erased.pasapas': 'إجاباتك وإجراءاتك ورمزك التي حفظها Pas à pas.',
    'end.erased.settings': 'إعداداتك: حجم النص والألوان واللغة والقراءة بصوت عالٍ.',
    'end.erased.tabs.one': 'أُغلق تبويب موقع واحد.',
    'end.erased.tabs.other': 'أُغلقت تبويبات المواقع: {count}.',
    'end.erased.siteData': 'بيانات هذه المواقع على هذا الحاسوب: {sites}. لقد خرجت من حسابك في هذه المواقع.',
    'end.erased.cacheAll': 'الصفحات التي احتفظ بها المتصفح في الذاكرة، لكل المواقع.',
    'end.erased.history': 'منذ بداية الجلسة: السجل والاستمارات المملوءة وكلمات المرور المحفوظة.',
    'end.left.pasapas': 'لم يستطع Pas à pas محو إجاباتك. اطلب المساعدة من الوسيط.',
    'end.left.siteDataNoPermission':
      'بيانات هذه المواقع: {sites}. ربما ما زلت داخل حسابك. اطلب من الوسيط إغلاق المتصفح.',
    'end.left.siteDataFailed': 'جزء من بيانات هذه المواقع: {sites}. اطلب من الوسيط إغلاق المتصفح.',
    'end.left.history': 'السجل والاستمارات المملوءة. اطلب من الوسيط محوها.',
    'end.left.server': 'ما أرسلته إلى المواقع يبقى عندها. هذا طبيعي: ملفك عندها.',
    'end.left.downloads': 'الملفات المنزّلة تبقى في الحاسوب. احذفها من مجلد «التنزيلات».',
    'end.left.printed': 'الصفحات المطبوعة: لا تنسَ أخذها من الطابعة.',
    'end.none': 'لا توجد جلسة لعرضها.',
    'end.next.title': 'الشخص التالي',
    'end.next.intro': 'للوسيط، بين شخصين. يُمحى كل ما فعله الشخص هنا. وتُغلق تبويبات المواقع.',
    'end.next.go': 'الشخص التالي',
    'end.next.confirm': 'محو كل شيء وإغلاق تبويبات المواقع؟',
    'end.next.yes': 'نعم، الشخص التالي',
    'end.next.cancel': 'إلغاء',
    'end.permission.granted': 'سيستطيع Pas à pas محو بيانات المواقع في نهاية كل جلسة.',
    'end.permission.refused':
      'دون هذا الإذن، لا يستطيع Pas à pas إخراج الشخص من حسابه في المواقع. أغلق المتصفح بعد كل شخص.',
  },
} satisfies Catalogs;

const translate = createTranslator(uiMessages, sessionEndMessages);

export type T = (key: string, params?: Params) => string;

export function translatorFor(lang: () => Lang): T {
  return (key, params) => translate(lang(), key, params);
}
