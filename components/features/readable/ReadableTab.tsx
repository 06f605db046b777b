import DOMPurify from 'dompurify';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { createTranslator, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { ReadableError } from '../../../utils/readable/errors';
import { extractReadable, isProbablyReadable, readPageForm } from '../../../utils/readable/extract';
import { measurePage } from '../../../utils/readable/limits';
import { useServices } from '../../app/services';
import { loadGlossary } from './glossary';
import { readableMessages } from './messages';
import { openReadableView } from './view';

const translate = createTranslator(uiMessages, readableMessages);

/** Readable mode's tab: opens the page in large, calm print, with its form kept working. */
export default function ReadableTab() {
  const services = useServices();
  const { lang, announce } = services;
  const t = useCallback((key: string, params?: Params) => translate(lang.value, key, params), [lang.value]);
  const readable = useMemo(() => {
    try {
      return isProbablyReadable(document);
    } catch {
      return false;
    }
  }, []);
  // A page beyond readable mode's limits is said so at once, rather than after a press.
  const tooLarge = useMemo(() => measurePage(document).tooLarge, []);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const open = async (formOnly: boolean) => {
    setMessage('');
    setBusy(true);
    const url = services.env.asset('glossary/fr.json');
    // Without the glossary the view still opens: the words are simply not explained.
    const glossary = url ? await loadGlossary(url).catch(() => undefined) : undefined;
    try {
      const result = extractReadable(document, {
        url: location.href,
        purify: DOMPurify,
        glossary,
        markTerms: { firstOnly: true },
      });
      if (result.fields.length === 0 && (!result.article || formOnly)) {
        setMessage(t('readable.nothing'));
        announce(t('readable.nothing'));
        return;
      }
      // Later reads need only the form (its fields, buttons and error summary): no Readability.
      const reextract = () => readPageForm(document);
      openReadableView({ services, result, glossary, formOnly: formOnly || !result.article, t, reextract });
      if (url && !glossary) announce(t('readable.glossaryFailed'));
    } catch (error) {
      const key =
        error instanceof ReadableError && error.code === 'page-too-large'
          ? 'readable.tooLarge'
          : 'readable.loadFailed';
      setMessage(t(key));
      announce(t(key));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="pp-stack" data-testid="readable-tab">
      <p>{t('readable.intro')}</p>
      {!readable && (
        <div class="pp-message" data-testid="readable-not-readable">
          <p>{t(tooLarge ? 'readable.tooLarge' : 'readable.notReadable')}</p>
        </div>
      )}
      {!tooLarge && (
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="readable-open"
          aria-busy={busy ? 'true' : undefined}
          onClick={() => open(!readable)}
        >
          {t(readable ? 'readable.open' : 'readable.openForm')}
        </button>
      )}
      {readable && (
        <button
          type="button"
          class="pp-button"
          data-action="readable-form"
          aria-busy={busy ? 'true' : undefined}
          onClick={() => open(true)}
        >
          {t('readable.openForm')}
        </button>
      )}
      {message && (
        <div class="pp-message pp-message--error" role="alert" data-testid="readable-message">
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}
