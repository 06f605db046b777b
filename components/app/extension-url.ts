import { browser } from 'wxt/browser';

/**
 * URL of one of the extension's own files. WXT types `getURL` with the files it saw in `public/`
 * at `wxt prepare` time, which misses folders and what the build writes there (panel, fonts).
 */
export const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);
