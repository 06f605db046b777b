import { useServices } from '../../app/services';
import ComfortTab from './ComfortTab';

/** The options page's section: the comfort settings every site starts with. */
export default function ComfortOptions() {
  const { t } = useServices();
  return (
    <section aria-labelledby="opt-comfort">
      <h2 id="opt-comfort">{t('options.comfortDefaults')}</h2>
      <ComfortTab />
    </section>
  );
}
