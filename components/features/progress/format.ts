import type { Lang } from '../../../utils/i18n';

export function formatDate(lang: Lang, time: number): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(time);
  } catch {
    return new Date(time).toLocaleString();
  }
}

export function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** Runs an action of the tab; its error is shown by the tab. */
export type Act = (fn: () => Promise<void>) => Promise<void>;
