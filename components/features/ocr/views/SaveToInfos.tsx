/**
 * « Enregistrer dans Mes informations » under a reading's values: what the file could keep (each value
 * the person may untick), saved only when they press the button. Shown where the reading screen has a
 * way to the file (the widget, our side panel), never on its own.
 */
import { useState } from 'preact/hooks';
import type { Lang } from '../../../../utils/i18n';
import { infosFromReading } from '../../../../utils/infos/from-reading';
import { infoMessage, infosCoreCatalogs } from '../../../../utils/infos/messages';
import type { InfoInput } from '../../../../utils/infos/store';
import { fieldLabel } from '../../../../utils/ocr/extract/index';
import type { Read, Row } from '../../../../utils/ocr/reading-flow';
import { codeVerified } from './Code';
import type { T } from './parts';

/** The file's own refusal (a value its check refused, the file locked), else a plain failure. */
function failure(lang: Lang, t: T, error: unknown): string {
  const e = error as { messageKey?: unknown; params?: Record<string, string | number> } | null;
  if (typeof e?.messageKey === 'string' && e.messageKey in infosCoreCatalogs.fr)
    return infoMessage(lang, e.messageKey, e.params);
  return t('ocr.infos.failed');
}

export function SaveToInfos(props: {
  t: T;
  lang: Lang;
  read: Read;
  rows: Row[];
  save: (items: InfoInput[]) => Promise<void>;
}) {
  const { t, lang, read, rows } = props;
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const offers = infosFromReading(rows, {
    codeVerified: codeVerified(read.code),
    documentType: read.reading.documentType.type,
  }).map((input) => ({ input, row: rows.find((r) => r.value.trim() === input.value) }));
  if (offers.length === 0) return null;
  const chosen = offers.filter((o) => !off.has(o.input.kind));

  const onSave = async () => {
    setError('');
    setDone('');
    if (chosen.length === 0) {
      setError(t('ocr.infos.nothing'));
      return;
    }
    setBusy(true);
    try {
      await props.save(chosen.map((o) => o.input));
      setDone(
        t('ocr.infos.saved', {
          what: chosen.map((o) => (o.row ? fieldLabel(lang, o.row.field) : o.input.kind)).join(', '),
        }),
      );
    } catch (err) {
      setError(failure(lang, t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="pp-stack pp-ocr-infos" data-testid="ocr-infos">
      <fieldset class="pp-stack">
        <legend>{t('ocr.infos.title')}</legend>
        <p class="pp-ocr-hint">{t('ocr.infos.intro')}</p>
        {offers.map(({ input, row }) => (
          <label class="pp-choice" key={input.kind}>
            <input
              type="checkbox"
              checked={!off.has(input.kind)}
              data-kind={input.kind}
              onChange={(e) => {
                const next = new Set(off);
                if ((e.currentTarget as HTMLInputElement).checked) next.delete(input.kind);
                else next.add(input.kind);
                setOff(next);
              }}
            />
            <span>
              {row ? fieldLabel(lang, row.field) : input.kind} : {input.value}
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="pp-message pp-message--error" role="alert" data-testid="ocr-infos-error">
          {error}
        </p>
      )}
      {done && (
        <p class="pp-message" role="status" data-testid="ocr-infos-saved">
          {done}
        </p>
      )}
      <button type="button" class="pp-button" disabled={busy} data-action="ocr-save-infos" onClick={onSave}>
        {t('ocr.infos.save')}
      </button>
    </section>
  );
}
