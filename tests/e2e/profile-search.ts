/**
 * Byte search of a browser profile, for the at-rest tests (Chromium and Firefox): every file under
 * a folder holding a needle, as "<needle> in <path relative to the profile>".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export function find(root: string, needles: Record<string, Buffer>, dir = root): string[] {
  const hits: string[] = [];
  if (!existsSync(dir)) return hits;
  for (const file of files(dir)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // a lock file, or one the browser removed meanwhile
    }
    for (const [name, needle] of Object.entries(needles))
      if (bytes.includes(needle)) hits.push(`${name} in ${file.slice(root.length)}`);
  }
  return hits;
}

/** A text in the encodings LevelDB, SQLite and V8's serializer use. */
export const encodings = (label: string, text: string): Record<string, Buffer> => ({
  [`${label} utf8`]: Buffer.from(text, 'utf8'),
  [`${label} utf16le`]: Buffer.from(text, 'utf16le'),
  [`${label} latin1`]: Buffer.from(text, 'latin1'),
});

/**
 * The browser's own session restore: the site's form as the tab showed it, kept by the browser for
 * "reopen closed tab" and restore after a crash (Chromium: `Default/Sessions/`, Firefox:
 * `sessionstore.jsonlz4` and `sessionstore-backups/`). It is the browser's copy of the page, not
 * Pas à pas's data: in ordinary mode we neither write nor can erase it (when it is written depends
 * on the browser's timers, so a test can't make it absent). Ending a public-computer session closes
 * the tabs and clears the history for that. Keys of ours must never be there.
 */
export const SESSION_RESTORE: readonly RegExp[] = [
  /^\/Default\/Sessions\//,
  /^\/sessionstore\.jsonlz4$/,
  /^\/sessionstore-backups\//,
];

/**
 * After « Terminer ma session » (measured on Chromium 156, said in the README): besides session
 * restore, the LevelDB logs of the site's local and session storage (deleted entries stay until
 * compaction) and the freed pages of the History and UKM databases keep copies. No extension API
 * reaches these files.
 */
export const AFTER_SESSION_END: readonly RegExp[] = [
  ...SESSION_RESTORE,
  /^\/Default\/(Local Storage|Session Storage)\//,
  /^\/Default\/History$/,
  /^\/segmentation_platform\/ukm_db$/,
];

/** Hits outside the given browser-owned files. */
export const outsideBrowserOwned = (hits: string[], owned: readonly RegExp[]): string[] =>
  hits.filter((hit) => {
    const path = hit.slice(hit.indexOf(' in ') + 4);
    return !owned.some((re) => re.test(path));
  });

/** Hits outside the browser's session-restore files. */
export const outsideSessionRestore = (hits: string[]): string[] => outsideBrowserOwned(hits, SESSION_RESTORE);
