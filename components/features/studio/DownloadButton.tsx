import type { ComponentChildren } from 'preact';
import { download } from '../../app/download';

export type DownloadFile = { fileName: string; data: BlobPart; type: string };

/**
 * A button that makes a file and gives it as a download, then says so. `file` returns null when
 * there is nothing to give (it has said why); a file made at once is downloaded in the click
 * itself, so nothing waits between the person's click and the download.
 */
export function DownloadButton({
  file,
  saved,
  say,
  action,
  primary,
  children,
}: {
  file(): DownloadFile | null | Promise<DownloadFile | null>;
  /** What is said once the file is given. */
  saved(fileName: string): string;
  say(message: string): void;
  action: string;
  primary?: boolean;
  children: ComponentChildren;
}) {
  const give = (made: DownloadFile | null) => {
    if (!made) return;
    download(made.fileName, made.data, made.type);
    say(saved(made.fileName));
  };
  return (
    <button
      type="button"
      class={primary ? 'pp-button pp-button--primary' : 'pp-button'}
      data-action={action}
      onClick={() => {
        const made = file();
        if (made instanceof Promise) void made.then(give);
        else give(made);
      }}
    >
      {children}
    </button>
  );
}
