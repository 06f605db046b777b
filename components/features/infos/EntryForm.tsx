/**
 * Adding or editing one entry. The value is checked with the project's validators as the person
 * saves; a wrong value keeps what was typed, says why next to the box and takes the focus back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import { checkInfo, INFO_KINDS, type InfoEntry, type InfoKind } from '../../../utils/infos/index';
import { errorMessage, type T } from './messages';

export function EntryForm({
  editing,
  t,
  lang,
  save,
  onCancel,
}: {
  editing: InfoEntry | null;
  t: T;
  lang: Lang;
  save: (kind: InfoKind, value: string, id?: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [kind, setKind] = useState<InfoKind>(editing?.kind ?? 'family-name');
  const [value, setValue] = useState(editing?.value ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const valueRef = useRef<HTMLInputElement>(null);
  const prefix = editing ? `pp-infos-edit-${editing.id}` : 'pp-infos-add';

  useEffect(() => {
    if (editing) valueRef.current?.focus();
  }, [editing]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkInfo(kind, value);
    if (!checked.ok) {
      setError(checked.message(lang));
      valueRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await save(kind, value, editing?.id);
      setError('');
      if (!editing) setValue('');
    } catch (err) {
      setError(errorMessage(lang, err));
      valueRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="pp-stack pp-infos-form" onSubmit={submit} data-testid={editing ? 'infos-edit' : 'infos-add'}>
      <h3 class="pp-subtitle">
        {editing ? t('infos.form.edit', { kind: t(`infos.kind.${editing.kind}`) }) : t('infos.form.add')}
      </h3>
      {!editing && (
        <div class="pp-stack">
          <label for={`${prefix}-kind`}>{t('infos.form.kind')}</label>
          <select
            id={`${prefix}-kind`}
            value={kind}
            onChange={(e) => {
              setKind((e.currentTarget as HTMLSelectElement).value as InfoKind);
              setError('');
            }}
          >
            {INFO_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`infos.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="pp-stack">
        <label for={`${prefix}-value`}>{editing ? t(`infos.kind.${kind}`) : t('infos.form.value')}</label>
        <input
          id={`${prefix}-value`}
          ref={valueRef}
          type="text"
          dir="auto"
          autocomplete="off"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${prefix}-error` : undefined}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        />
        {error && (
          <p id={`${prefix}-error`} class="pp-message pp-message--error" data-testid="infos-error">
            {error}
          </p>
        )}
      </div>
      <div class="pp-row">
        {onCancel && (
          <button type="button" class="pp-button" onClick={onCancel}>
            {t('infos.form.cancel')}
          </button>
        )}
        <button type="submit" class="pp-button pp-button--primary" disabled={busy}>
          {t('infos.form.save')}
        </button>
      </div>
    </form>
  );
}
