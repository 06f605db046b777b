/** Strings of the "Mes informations" tab (plain French first, then English and Arabic). */
import { type Catalogs, createTranslator, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { infosCoreCatalogs } from '../../../utils/infos/index';
import { message as storageMessage } from '../../../utils/storage/messages';

export const infosMessages = {
  fr: {
    'infos.handover.title': 'Emporter Mes informations sur un autre ordinateur',
    'infos.handover.intro':
      'Le fichier est chiffré avec une phrase secrète que vous choisissez. Sans elle, personne ne peut le lire. Gardez-la pour vous.',
    'infos.export.passphrase': 'Phrase secrète (8 caractères au moins)',
    'infos.export.create': 'Créer le fichier chiffré',
    'infos.export.download': 'Télécharger le fichier',
    'infos.export.done': 'Le fichier {file} est prêt. Il est chiffré.',
    'infos.import.file': 'Fichier de Mes informations à importer',
    'infos.import.passphrase': 'Phrase secrète du fichier',
    'infos.import.go': 'Importer',
    'infos.import.noFile': 'Choisissez d’abord le fichier à importer.',
    'infos.import.done': 'C’est fait. Informations ajoutées : {count}.',
    'infos.intro':
      'Écrivez une seule fois les informations que les démarches demandent souvent. Elles restent sur cet ordinateur, chiffrées. Pas à pas les propose dans les formulaires, et remplit seulement si vous le demandez.',
    'infos.onPage':
      'Mes informations s’ouvrent dans le panneau latéral de Pas à pas. Ainsi, le site ne peut pas les lire. Cliquez sur l’icône de Pas à pas dans la barre du navigateur.',
    'infos.loading': 'Chargement…',
    'infos.locked':
      'Cet ordinateur est partagé : Mes informations sont fermées. Tapez votre code dans « Mes démarches » pour les ouvrir.',
    'infos.needsPin':
      'Cet ordinateur est partagé : choisissez d’abord un code dans « Mes démarches ». Sans code, rien n’est gardé.',
    'infos.list.title': 'Ce que Pas à pas garde',
    'infos.list.empty': 'Rien pour le moment.',
    'infos.source.typed': 'Écrit par vous le {date}',
    'infos.source.ocr': 'Lu sur un document le {date}',
    'infos.source.2ddoc': 'Lu dans le code signé du document (signature vérifiée) le {date}',
    'infos.source.mrz': 'Lu dans la bande de la pièce d’identité (chiffres de contrôle justes) le {date}',
    'infos.edit': 'Modifier',
    'infos.delete': 'Supprimer',
    'infos.deleteConfirm': 'Supprimer « {kind} » de Mes informations ?',
    'infos.deleteYes': 'Oui, supprimer',
    'infos.no': 'Non',
    'infos.deleted': '« {kind} » est supprimé.',
    'infos.form.add': 'Ajouter une information',
    'infos.form.edit': 'Modifier « {kind} »',
    'infos.form.kind': 'Quelle information ?',
    'infos.form.value': 'Votre réponse',
    'infos.form.save': 'Enregistrer',
    'infos.form.cancel': 'Annuler',
    'infos.saved': '« {kind} » est enregistré.',
    'infos.fill.title': 'Remplir cette page',
    'infos.fill.find': 'Chercher les cases que je peux remplir',
    'infos.fill.none': 'Aucune case de cette page ne demande une de vos informations.',
    'infos.fill.noPage': 'Pas de page à remplir ici.',
    'infos.fill.offer': 'Remplir « {field} » avec {value}',
    'infos.fill.replace': 'Le site montre déjà « {current} ». Remplacer par {value}',
    'infos.fill.done': '« {field} » est rempli.',
    'infos.fill.failed': 'La case « {field} » n’a pas pu être remplie. La page a peut-être changé.',
  },
  en: {
    'infos.handover.title': 'Take My information to another computer',
    'infos.handover.intro':
      'The file is encrypted with a secret phrase you choose. Without it, nobody can read it. Keep it to yourself.',
    'infos.export.passphrase': 'Secret phrase (at least 8 characters)',
    'infos.export.create': 'Create the encrypted file',
    'infos.export.download': 'Download the file',
    'infos.export.done': 'The file {file} is ready. It is encrypted.',
    'infos.import.file': 'My information file to import',
    'infos.import.passphrase': 'The file’s secret phrase',
    'infos.import.go': 'Import',
    'infos.import.noFile': 'First choose the file to import.',
    'infos.import.done': 'Done. Information added: {count}.',
    'infos.intro':
      'Write once the information procedures often ask for. It stays on this computer, encrypted. Pas à pas offers it in forms, and fills only when you ask.',
    'infos.onPage':
      'So that the site cannot read it, My information opens in the Pas à pas side panel. Click the Pas à pas icon in the browser bar.',
    'infos.loading': 'Loading…',
    'infos.locked':
      'This computer is shared: My information is closed. Type your code in “My procedures” to open it.',
    'infos.needsPin':
      'This computer is shared: first choose a code in “My procedures”. Without a code, nothing is kept.',
    'infos.list.title': 'What Pas à pas keeps',
    'infos.list.empty': 'Nothing yet.',
    'infos.source.typed': 'Written by you on {date}',
    'infos.source.ocr': 'Read from a document on {date}',
    'infos.source.2ddoc': 'Read from the document’s signed code (signature verified) on {date}',
    'infos.source.mrz': 'Read from the ID document’s strip (check digits right) on {date}',
    'infos.edit': 'Edit',
    'infos.delete': 'Delete',
    'infos.deleteConfirm': 'Delete “{kind}” from My information?',
    'infos.deleteYes': 'Yes, delete',
    'infos.no': 'No',
    'infos.deleted': '“{kind}” is deleted.',
    'infos.form.add': 'Add information',
    'infos.form.edit': 'Edit “{kind}”',
    'infos.form.kind': 'Which information?',
    'infos.form.value': 'Your answer',
    'infos.form.save': 'Save',
    'infos.form.cancel': 'Cancel',
    'infos.saved': '“{kind}” is saved.',
    'infos.fill.title': 'Fill this page',
    'infos.fill.find': 'Find the boxes I can fill',
    'infos.fill.none': 'No box on this page asks for your information.',
    'infos.fill.noPage': 'No page to fill here.',
    'infos.fill.offer': 'Fill “{field}” with {value}',
    'infos.fill.replace': 'The site already shows “{current}”. Replace with {value}',
    'infos.fill.done': '“{field}” is filled.',
    'infos.fill.failed': 'The box “{field}” could not be filled. The page may have changed.',
  },
  ar: {
    'infos.handover.title': 'نقل معلوماتي إلى حاسوب آخر',
    'infos.handover.intro': 'الملف مشفّر بعبارة سرية تختارها. بدونها لا يستطيع أحد قراءته. احتفظ بها لنفسك.',
    'infos.export.passphrase': 'العبارة السرية (8 أحرف على الأقل)',
    'infos.export.create': 'إنشاء الملف المشفّر',
    'infos.export.download': 'تنزيل الملف',
    'infos.export.done': 'الملف {file} جاهز. وهو مشفّر.',
    'infos.import.file': 'ملف معلوماتي المراد استيراده',
    'infos.import.passphrase': 'العبارة السرية للملف',
    'infos.import.go': 'استيراد',
    'infos.import.noFile': 'اختر أولًا الملف المراد استيراده.',
    'infos.import.done': 'تم. المعلومات المضافة: {count}.',
    'infos.intro':
      'اكتب مرة واحدة المعلومات التي تطلبها الإجراءات كثيرًا. تبقى على هذا الحاسوب، مشفّرة. يقترحها «خطوة بخطوة» في الاستمارات، ولا يملأ إلا إذا طلبت ذلك.',
    'infos.onPage':
      'حتى لا يستطيع الموقع قراءتها، تُفتح «معلوماتي» في اللوحة الجانبية لـ«خطوة بخطوة». انقر على أيقونة «خطوة بخطوة» في شريط المتصفح.',
    'infos.loading': 'جارٍ التحميل…',
    'infos.locked': 'هذا الحاسوب مشترك: «معلوماتي» مقفلة. اكتب رمزك في «إجراءاتي» لفتحها.',
    'infos.needsPin': 'هذا الحاسوب مشترك: اختر أولًا رمزًا في «إجراءاتي». بدون رمز، لا يُحفظ أي شيء.',
    'infos.list.title': 'ما يحفظه «خطوة بخطوة»',
    'infos.list.empty': 'لا شيء حاليًا.',
    'infos.source.typed': 'كتبتها أنت يوم {date}',
    'infos.source.ocr': 'قُرئت من وثيقة يوم {date}',
    'infos.source.2ddoc': 'قُرئت من الرمز الموقّع للوثيقة (تم التحقق من التوقيع) يوم {date}',
    'infos.source.mrz': 'قُرئت من شريط وثيقة الهوية (أرقام التحقق صحيحة) يوم {date}',
    'infos.edit': 'تعديل',
    'infos.delete': 'حذف',
    'infos.deleteConfirm': 'حذف «{kind}» من معلوماتي؟',
    'infos.deleteYes': 'نعم، احذف',
    'infos.no': 'لا',
    'infos.deleted': 'تم حذف «{kind}».',
    'infos.form.add': 'إضافة معلومة',
    'infos.form.edit': 'تعديل «{kind}»',
    'infos.form.kind': 'أي معلومة؟',
    'infos.form.value': 'جوابك',
    'infos.form.save': 'حفظ',
    'infos.form.cancel': 'إلغاء',
    'infos.saved': 'تم حفظ «{kind}».',
    'infos.fill.title': 'ملء هذه الصفحة',
    'infos.fill.find': 'ابحث عن الخانات التي يمكنني ملؤها',
    'infos.fill.none': 'لا توجد خانة في هذه الصفحة تطلب إحدى معلوماتك.',
    'infos.fill.noPage': 'لا توجد صفحة لملئها هنا.',
    'infos.fill.offer': 'املأ «{field}» بـ {value}',
    'infos.fill.replace': 'الموقع يعرض «{current}». استبدلها بـ {value}',
    'infos.fill.done': 'تم ملء «{field}».',
    'infos.fill.failed': 'تعذّر ملء الخانة «{field}». ربما تغيّرت الصفحة.',
  },
} satisfies Catalogs;

const translate = createTranslator(uiMessages, infosCoreCatalogs, infosMessages);

export type T = (key: string, params?: Params) => string;

export function translatorFor(lang: () => Lang): T {
  return (key, params) => translate(lang(), key, params);
}

/** The plain message for what the client threw (ours, a validator's, or from the background). */
export function errorMessage(lang: Lang, error: unknown): string {
  const e = error as { messageKey?: unknown; params?: Params; code?: unknown } | null;
  if (e?.code === 'locked' || e?.code === 'vault-locked') return translate(lang, 'infos.locked');
  if (typeof e?.messageKey === 'string' && e.messageKey in infosCoreCatalogs.fr)
    return translate(lang, e.messageKey, e.params);
  // The sealed file's own problems (wrong passphrase, damaged file, passphrase too short).
  if (typeof e?.messageKey === 'string' && e.messageKey.startsWith('storage.'))
    return storageMessage(lang, error);
  return translate(lang, 'infos.error.failed');
}
