import type { Catalogs } from '../../utils/i18n';

/** The panel as a sheet on a phone or a zoomed screen, and as a bar while the person fills a field. */
export const fitMessages: Catalogs = {
  fr: {
    'fit.menu': 'Menu',
    'fit.expand': 'Voir l’aide',
  },
  en: {
    'fit.menu': 'Menu',
    'fit.expand': 'Show the help',
  },
  ar: {
    'fit.menu': 'القائمة',
    'fit.expand': 'اعرض المساعدة',
  },
};
