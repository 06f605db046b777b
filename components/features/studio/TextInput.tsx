import { useId } from 'preact/hooks';
import type { DraftLang } from '../../../utils/guides/studio';

/** A labelled text box of the studio; an Arabic text is written right to left, a French or English one left to right. */
export function TextInput({
  label,
  value,
  onInput,
  multiline,
  rows = 3,
  lang,
  dir,
  name,
}: {
  label: string;
  value: string;
  onInput(value: string): void;
  multiline?: boolean;
  rows?: number;
  lang?: DraftLang;
  /** An address is written left to right, in an Arabic panel too. */
  dir?: 'ltr';
  name?: string;
}) {
  // A text in a known language keeps its direction whatever the panel's (French texts in an Arabic panel).
  const textDir = dir ?? (lang === 'ar' ? 'rtl' : lang ? 'ltr' : undefined);
  const id = useId();
  return (
    <div class="pp-stack">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={rows}
          lang={lang}
          dir={textDir}
          name={name}
          value={value}
          onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          lang={lang}
          dir={textDir}
          name={name}
          value={value}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
      )}
    </div>
  );
}
