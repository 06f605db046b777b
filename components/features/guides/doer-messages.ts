import type { Catalogs } from '../../../utils/i18n';

/**
 * « Qui tient la souris ? » on a shared computer, and the panel's words when the mediator does the
 * procedure with the person (`.together` variants, picked by utils/activity/doer.ts).
 */
export const doerMessages: Catalogs = {
  fr: {
    'doer.legend': 'Qui tient la souris ?',
    'doer.together': 'Je fais avec la personne',
    'doer.person': 'La personne fait seule',
    'help.stuck.together': 'Nous n’y arrivons pas',
    'guides.lookFor.together': 'Cherchez {what} avec la personne.',
    'guides.sensitive.together':
      'Ce champ est secret (mot de passe, carte bancaire ou code reçu) : Pas à pas n’y guide pas et ne le garde pas. Donnez le clavier à la personne : elle le remplit elle-même. Ne regardez pas.',
    'guides.finished.together': 'La démarche est faite. Dites bravo à la personne !',
  },
  en: {
    'doer.legend': 'Who holds the mouse?',
    'doer.together': 'I do it with the person',
    'doer.person': 'The person does it alone',
    'help.stuck.together': 'We are stuck',
    'guides.lookFor.together': 'Look for {what} with the person.',
    'guides.sensitive.together':
      'This field is secret (password, bank card or code received): Pas à pas does not guide to it or keep it. Hand the keyboard to the person: they fill it in themselves. Do not look.',
    'guides.finished.together': 'The procedure is done. Tell the person well done!',
  },
  ar: {
    'doer.legend': 'من يمسك الفأرة؟',
    'doer.together': 'أقوم بها مع الشخص',
    'doer.person': 'الشخص يقوم بها وحده',
    'help.stuck.together': 'لا نستطيع إكمال هذه الخطوة',
    'guides.lookFor.together': 'ابحث عن {what} مع الشخص.',
    'guides.sensitive.together':
      'هذا الحقل سري (كلمة مرور أو بطاقة بنكية أو رمز مستلم): لا يرشد إليه Pas à pas ولا يحفظه. أعطِ لوحة المفاتيح للشخص ليملأه بنفسه. لا تنظر.',
    'guides.finished.together': 'انتهى الإجراء. هنّئ الشخص!',
  },
};
