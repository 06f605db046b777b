/**
 * A file sealed with a passphrase, and its opening: the two forms « Mes démarches » and « Mes
 * informations » hand data over with (the same encrypted handover, utils/progress/handover.ts).
 * Only the screens: what goes in the file, what its import does and the words are the feature's;
 * the passphrase is cleared once the file is made, the download link takes focus, errors are said
 * beside their field. `prefix` names the elements (`pp-` + `export-pass`, data-testid `infos-` +
 * `import-error`…) so each feature keeps its own ids.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export type SealedPrefix = {
  /** Before each element id (`pp-`, `pp-infos-`): two forms in one page never share ids. */
  id: string;
  /** Before each data-testid and data-action (``, `infos-`). */
  test: string;
};

/** `pasapas-<what>-YYYY-MM-DD.pasapas.json`, the person's local date. */
export function sealedFileName(what: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pasapas-${what}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.pasapas.json`;
}

/** Runs one press: busy meanwhile, its error (in the person's words) shown, never thrown. */
function usePress(errorOf: (error: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const press = async (work: () => Promise<void>) => {
    setError('');
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, press };
}

export function SealedExport(props: {
  prefix: SealedPrefix;
  words: { passphrase: string; create: string; download: string };
  formClass?: string;
  /** Fields before the passphrase (which procedures go in the file). */
  children?: ComponentChildren;
  /** Makes the file's text and name from the passphrase. */
  make: (passphrase: string) => Promise<{ text: string; name: string }>;
  /** The file is ready (to announce it). */
  onMade: (name: string) => void;
  errorOf: (error: unknown) => string;
}) {
  const { id, test } = props.prefix;
  const [pass, setPass] = useState('');
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const { busy, error, press } = usePress(props.errorOf);

  useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);
  useEffect(() => {
    if (download) linkRef.current?.focus();
  }, [download]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void press(async () => {
      const { text, name } = await props.make(pass);
      setPass('');
      setDownload({ url: URL.createObjectURL(new Blob([text], { type: 'application/json' })), name });
      props.onMade(name);
    });
  };

  return (
    <form
      class={`pp-stack ${props.formClass ?? ''}`.trim()}
      onSubmit={onSubmit}
      data-testid={`${test}export-form`}
      noValidate
    >
      {props.children}
      <label for={`${id}export-pass`}>{props.words.passphrase}</label>
      <input
        id={`${id}export-pass`}
        type="password"
        autoComplete="off"
        value={pass}
        onInput={(e) => setPass((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}export-err` : undefined}
        data-testid={`${test}export-passphrase`}
      />
      {error && (
        <p id={`${id}export-err`} class="pp-message pp-message--error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        class="pp-button pp-button--primary"
        disabled={busy}
        data-action={`${test}export`}
      >
        {props.words.create}
      </button>
      {download && (
        <p role="status">
          <a
            ref={linkRef}
            class="pp-button"
            href={download.url}
            download={download.name}
            data-action={`${test}download`}
          >
            {props.words.download}
          </a>
        </p>
      )}
    </form>
  );
}

export function SealedImport(props: {
  prefix: SealedPrefix;
  words: { file: string; passphrase: string; go: string; noFile: string };
  formClass?: string;
  /** Opens the file with the passphrase and keeps what it holds; the sentence saying what was added. */
  open: (text: string, passphrase: string) => Promise<string>;
  /** Done (to announce it, and show what was added). */
  onOpened: (said: string) => void;
  errorOf: (error: unknown) => string;
}) {
  const { id, test } = props.prefix;
  const [pass, setPass] = useState('');
  const [done, setDone] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const { busy, error, setError, press } = usePress(props.errorOf);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    setDone('');
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(props.words.noFile);
      return;
    }
    void press(async () => {
      const said = await props.open(await file.text(), pass);
      setPass('');
      setDone(said);
      props.onOpened(said);
    });
  };

  return (
    <form
      class={`pp-stack ${props.formClass ?? ''}`.trim()}
      onSubmit={onSubmit}
      data-testid={`${test}import-form`}
      noValidate
    >
      <label for={`${id}import-file`}>{props.words.file}</label>
      <input
        id={`${id}import-file`}
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        data-testid={`${test}import-file`}
      />
      <label for={`${id}import-pass`}>{props.words.passphrase}</label>
      <input
        id={`${id}import-pass`}
        type="password"
        autoComplete="off"
        value={pass}
        onInput={(e) => setPass((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}import-err` : undefined}
        data-testid={`${test}import-passphrase`}
      />
      {error && (
        <p
          id={`${id}import-err`}
          class="pp-message pp-message--error"
          role="alert"
          data-testid={`${test}import-error`}
        >
          {error}
        </p>
      )}
      {done && (
        <p class="pp-message" role="status" data-testid={`${test}import-done`}>
          {done}
        </p>
      )}
      <button type="submit" class="pp-button" disabled={busy} data-action={`${test}import`}>
        {props.words.go}
      </button>
    </form>
  );
}
