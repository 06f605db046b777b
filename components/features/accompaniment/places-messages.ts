import { type Catalogs, createTranslator, type Lang, type Params } from '../../../utils/i18n';

/** The options page's help places section: the mediator's file of places near the space. */
export const placesOptionsMessages: Catalogs = {
  fr: {
    'placesFile.title': 'Lieux d’aide proposés aux personnes',
    'placesFile.intro':
      'Une personne bloquée peut trouver des lieux d’aide près de chez elle. Importez ici la liste de votre territoire. Format : celui des lieux de médiation numérique (CSV ou JSON).',
    'placesFile.sample.one': 'Pour l’instant : un lieu de démonstration (fictif).',
    'placesFile.sample.other': 'Pour l’instant : {count} lieux de démonstration (fictifs).',
    'placesFile.imported.one': 'Pour l’instant : un lieu de votre fichier.',
    'placesFile.imported.other': 'Pour l’instant : {count} lieux de votre fichier.',
    'placesFile.file': 'Fichier des lieux (CSV ou JSON)',
    'placesFile.done.one': 'Un lieu importé.',
    'placesFile.done.other': '{count} lieux importés.',
    'placesFile.nothing': 'Aucun lieu n’a été importé. La liste d’avant est gardée.',
    'placesFile.bad.one': 'Une ligne n’a pas été importée :',
    'placesFile.bad.other': '{count} lignes n’ont pas été importées :',
    'placesFile.tooBig': 'Le fichier est trop gros. Maximum : 4 Mo.',
    'placesFile.reset': 'Revenir aux lieux de démonstration',
    'placesFile.resetDone': 'Les lieux de démonstration sont de retour.',
    'placesFile.catalogs': 'Lieux publiés par vos catalogues de guides',
    'placesFile.catalog.none': '« {name} » : aucun lieu proposé.',
    'placesFile.catalog.one': '« {name} » : un lieu proposé.',
    'placesFile.catalog.other': '« {name} » : {count} lieux proposés.',
    'placesFile.catalogBad.one': 'Un lieu du catalogue est mal écrit et n’est pas proposé.',
    'placesFile.catalogBad.other': '{count} lieux du catalogue sont mal écrits et ne sont pas proposés.',
    'placesFile.catalogGuides':
      'Les guides du catalogue ne sont pas touchés. Signalez ces erreurs à son éditeur :',
  },
  en: {
    'placesFile.title': 'Help places offered to people',
    'placesFile.intro':
      'A stuck person can find help places near their home. Import the list for your area here. Format: that of digital-mediation places (CSV or JSON).',
    'placesFile.sample.one': 'For now: one demonstration place (fictitious).',
    'placesFile.sample.other': 'For now: {count} demonstration places (fictitious).',
    'placesFile.imported.one': 'For now: one place from your file.',
    'placesFile.imported.other': 'For now: {count} places from your file.',
    'placesFile.file': 'Places file (CSV or JSON)',
    'placesFile.done.one': 'One place imported.',
    'placesFile.done.other': '{count} places imported.',
    'placesFile.nothing': 'No place was imported. The list from before is kept.',
    'placesFile.bad.one': 'One line was not imported:',
    'placesFile.bad.other': '{count} lines were not imported:',
    'placesFile.tooBig': 'The file is too large. Maximum: 4 MB.',
    'placesFile.reset': 'Back to the demonstration places',
    'placesFile.resetDone': 'The demonstration places are back.',
    'placesFile.catalogs': 'Places published by your guide catalogs',
    'placesFile.catalog.none': '“{name}”: no place offered.',
    'placesFile.catalog.one': '“{name}”: one place offered.',
    'placesFile.catalog.other': '“{name}”: {count} places offered.',
    'placesFile.catalogBad.one': 'One place of the catalog is badly written and is not offered.',
    'placesFile.catalogBad.other': '{count} places of the catalog are badly written and are not offered.',
    'placesFile.catalogGuides':
      'The catalog’s guides are not affected. Tell its publisher about these errors:',
  },
  ar: {
    'placesFile.title': 'أماكن المساعدة المقترحة على الأشخاص',
    'placesFile.intro':
      'يستطيع الشخص العالق أن يجد أماكن مساعدة قرب منزله. استورد هنا قائمة منطقتك. الصيغة: صيغة أماكن الوساطة الرقمية (CSV أو JSON).',
    'placesFile.sample.one': 'حاليًا: مكان تجريبي واحد (وهمي).',
    'placesFile.sample.other': 'حاليًا: أماكن تجريبية (وهمية): {count}.',
    'placesFile.imported.one': 'حاليًا: مكان واحد من ملفك.',
    'placesFile.imported.other': 'حاليًا: أماكن من ملفك: {count}.',
    'placesFile.file': 'ملف الأماكن (CSV أو JSON)',
    'placesFile.done.one': 'استُورد مكان واحد.',
    'placesFile.done.other': 'الأماكن المستوردة: {count}.',
    'placesFile.nothing': 'لم يُستورد أي مكان. بقيت القائمة السابقة.',
    'placesFile.bad.one': 'سطر واحد لم يُستورد:',
    'placesFile.bad.other': 'أسطر لم تُستورد: {count}.',
    'placesFile.tooBig': 'الملف كبير جدًا. الحد الأقصى: 4 ميغابايت.',
    'placesFile.reset': 'العودة إلى الأماكن التجريبية',
    'placesFile.resetDone': 'عادت الأماكن التجريبية.',
    'placesFile.catalogs': 'أماكن تنشرها فهارس الأدلة لديك',
    'placesFile.catalog.none': '«{name}»: لا مكان مقترح.',
    'placesFile.catalog.one': '«{name}»: مكان واحد مقترح.',
    'placesFile.catalog.other': '«{name}»: أماكن مقترحة: {count}.',
    'placesFile.catalogBad.one': 'مكان واحد في الفهرس مكتوب بشكل خاطئ ولا يُقترح.',
    'placesFile.catalogBad.other': 'أماكن في الفهرس مكتوبة بشكل خاطئ ولا تُقترح: {count}.',
    'placesFile.catalogGuides': 'أدلة الفهرس لم تتأثر. أبلغ ناشره بهذه الأخطاء:',
  },
};

const translate = createTranslator(placesOptionsMessages);
export const placesTranslator =
  (lang: () => Lang) =>
  (key: string, params?: Params): string =>
    translate(lang(), key, params);
