import type { Catalogs } from '../../../utils/i18n';

export const printMessages = {
  fr: {
    'print.intro': 'Imprimez cette page avec un texte plus grand, en noir sur blanc. L’écran ne change pas.',
    'print.size': 'Taille du texte sur le papier',
    'print.size.150': 'Grand (une fois et demie)',
    'print.size.200': 'Très grand (deux fois)',
    'print.go': 'Imprimer la page',
    'print.opening': 'La fenêtre d’impression s’ouvre.',
    'print.done': 'Impression terminée.',
    'print.unavailable': 'Ce navigateur ne permet pas d’imprimer cette page.',
  },
  en: {
    'print.intro': 'Print this page with larger text, black on white. The screen does not change.',
    'print.size': 'Text size on paper',
    'print.size.150': 'Large (one and a half times)',
    'print.size.200': 'Very large (twice)',
    'print.go': 'Print the page',
    'print.opening': 'The print window is opening.',
    'print.done': 'Printing finished.',
    'print.unavailable': 'This browser cannot print this page.',
  },
  ar: {
    'print.intro': 'اطبع هذه الصفحة بنص أكبر، بالأسود على الأبيض. الشاشة لا تتغير.',
    'print.size': 'حجم النص على الورق',
    'print.size.150': 'كبير (مرة ونصف)',
    'print.size.200': 'كبير جدًا (مرتين)',
    'print.go': 'اطبع الصفحة',
    'print.opening': 'نافذة الطباعة تُفتح.',
    'print.done': 'انتهت الطباعة.',
    'print.unavailable': 'هذا المتصفح لا يسمح بطباعة هذه الصفحة.',
  },
} satisfies Catalogs;
