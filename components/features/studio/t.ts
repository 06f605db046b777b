import { createTranslator, type Params } from '../../../utils/i18n';
import { useServices } from '../../app/services';
import { studioMessages } from './messages';

const translate = createTranslator(studioMessages);

/** The studio's strings in the panel's language (messages.ts loads with the tab). */
export type T = (key: string, params?: Params) => string;

export function useStudioT(): T {
  const { lang } = useServices();
  return (key, params) => translate(lang.value, key, params);
}
