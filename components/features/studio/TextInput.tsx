import { useId } from 'preact/hooks';
import type { DraftLang } from '../../../utils/guides/studio';

/** A labelled text box of the studio; an Arabic text is written right to left. */
export function TextInput({
  label,
  value,
  onInput,
  multiline,
  lang,
  name,
}: {
  label: string;
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  lang?: DraftLang;
  name?: string;
}) {
  const dir = lang === 'ar' ? 'rtl' : undefined;
  const id = useId();
  return (
    <div class="pp-stack">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          lang={lang}
          dir={dir}
          name={name}
          value={value}
          onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          lang={lang}
          dir={dir}
          name={name}
          value={value}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
      )}
    </div>
  );
}
