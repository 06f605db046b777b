import { createTranslator } from '../utils/i18n';
import { uiMessages } from '../utils/i18n/ui';

/** The panel's translator; features with their own catalogs merge them in with createTranslator. */
export const translateUi = createTranslator(uiMessages);
