import { useEffect } from 'preact/hooks';
import { useServices } from '../../app/services';
import { translatorFor } from './messages';
import ProgressTab from './ProgressTab';

/**
 * "Mes démarches" for every site, in its extension page (components/pages/DemarchesPage.tsx): the
 * list of all sites, the export and the import never sit in DOM that a web page can reach.
 */
export default function DemarchesView() {
  const { lang } = useServices();
  const t = translatorFor(() => lang.value);
  const title = t('progress.list.title');
  useEffect(() => {
    document.title = `${title} — Pas à pas`;
  }, [title]);
  return (
    <>
      <h1>{title}</h1>
      <ProgressTab />
    </>
  );
}
