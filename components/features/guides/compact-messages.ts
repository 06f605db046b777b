import type { Catalogs } from '../../../utils/i18n';

/** The step in a few lines (a phone, a zoomed screen), and the help that reopened on a new page. */
export const compactMessages: Catalogs = {
  fr: {
    'guides.more': 'Plus d’aide',
    'guides.less': 'Moins d’aide',
    'guides.resumed': 'L’aide continue sur cette page. {step}',
  },
  en: {
    'guides.more': 'More help',
    'guides.less': 'Less help',
    'guides.resumed': 'The help goes on, on this page. {step}',
  },
  ar: {
    'guides.more': 'مساعدة أكثر',
    'guides.less': 'مساعدة أقل',
    'guides.resumed': 'المساعدة مستمرة في هذه الصفحة. {step}',
  },
};
