import { useState } from 'preact/hooks';
import { createTranslator } from '../../../utils/i18n';
import { useServices } from '../../app/services';
import { PRINT_SIZES, type PrintSize, printLargeType } from './large-print';
import { printMessages } from './messages';

const translate = createTranslator(printMessages);

/** The tab: a size, then the browser's print window with the large-type sheet. */
export default function PrintTab() {
  const { lang, announce } = useServices();
  const t = (key: string) => translate(lang.value, key);
  const [size, setSize] = useState<PrintSize>(PRINT_SIZES[0]);
  const [message, setMessage] = useState('');
  const canPrint = typeof window.print === 'function';

  const go = async () => {
    setMessage('');
    announce(t('print.opening'));
    await printLargeType({ doc: document, print: () => window.print() }, size);
    setMessage(t('print.done'));
  };

  return (
    <div class="pp-stack" data-testid="print-tab">
      <p>{t('print.intro')}</p>
      <fieldset class="pp-stack">
        <legend>{t('print.size')}</legend>
        {PRINT_SIZES.map((value) => (
          <label key={value} class="pp-choice">
            <input
              type="radio"
              name="pp-print-size"
              value={value}
              checked={size === value}
              onChange={() => setSize(value)}
            />
            <span>{t(`print.size.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {canPrint ? (
        <button type="button" class="pp-button pp-button--primary" data-action="print-large" onClick={go}>
          {t('print.go')}
        </button>
      ) : (
        <p class="pp-message">{t('print.unavailable')}</p>
      )}
      {message && (
        <p class="pp-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
