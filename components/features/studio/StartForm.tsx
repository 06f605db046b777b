import { TextInput } from './TextInput';
import type { T } from './t';

export type StartFields = { title: string; publisher: string };

/** Before any draft: the guide's title and publisher, and the button that starts recording. */
export function StartForm({
  t,
  status,
  fields,
  setFields,
  start,
}: {
  t: T;
  status: string;
  /** Kept by the tab: what was typed is still there after a draft is discarded. */
  fields: StartFields;
  setFields(fields: StartFields): void;
  start(): void;
}) {
  return (
    <div class="pp-stack" data-testid="studio">
      <p>{t('studio.intro')}</p>
      <TextInput
        label={t('studio.title')}
        name="studio-title"
        value={fields.title}
        onInput={(title) => setFields({ ...fields, title })}
      />
      <TextInput
        label={t('studio.publisher')}
        name="studio-publisher"
        value={fields.publisher}
        onInput={(publisher) => setFields({ ...fields, publisher })}
      />
      <button type="button" class="pp-button pp-button--primary" data-action="studio-start" onClick={start}>
        {t('studio.start')}
      </button>
      {status && (
        <p class="pp-message" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
