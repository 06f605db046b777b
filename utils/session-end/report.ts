/**
 * What the end of a session did, as measured, and what the person is told from it: what was
 * erased, and what Pas à pas cannot erase with what to do. The summary never says more than the
 * report holds (a step that failed or lacked its permission is listed as not erased).
 */
import type { SiteDataKind } from './removal';

export type StepState = 'done' | 'no-permission' | 'failed' | 'none';

export type EndReport = {
  at: number;
  /** Pas à pas's own data (procedures, answers, PIN, key). */
  pasapas: 'done' | 'failed';
  /** Comfort, language and read-aloud back to the mediator's defaults. */
  settings: 'done' | 'failed';
  /** The sites used during the session (host names, shown to the person). */
  sites: string[];
  tabsClosed: number;
  siteData: StepState;
  siteKinds: SiteDataKind[];
  cacheScope: 'sites' | 'all';
};

export type SummaryLine = { key: string; params?: Record<string, string | number> };

export type EndSummary = { erased: SummaryLine[]; left: SummaryLine[] };

/** The lines of the summary, as i18n keys under `end.` with their parameters. */
export function summaryOf(report: EndReport): EndSummary {
  const erased: SummaryLine[] = [];
  const left: SummaryLine[] = [];
  const sites = report.sites.join(', ');
  if (report.pasapas === 'done') erased.push({ key: 'end.erased.pasapas' });
  else left.push({ key: 'end.left.pasapas' });
  if (report.settings === 'done') erased.push({ key: 'end.erased.settings' });
  if (report.tabsClosed > 0) erased.push({ key: 'end.erased.tabs', params: { count: report.tabsClosed } });
  if (report.siteData === 'done') {
    erased.push({ key: 'end.erased.siteData', params: { sites } });
    if (report.cacheScope === 'all') erased.push({ key: 'end.erased.cacheAll' });
  } else if (report.siteData === 'no-permission')
    left.push({ key: 'end.left.siteDataNoPermission', params: { sites } });
  else if (report.siteData === 'failed') left.push({ key: 'end.left.siteDataFailed', params: { sites } });
  if (report.siteKinds.includes('history')) erased.push({ key: 'end.erased.history' });
  else if (report.siteData !== 'none') left.push({ key: 'end.left.history' });
  // What no extension can erase, always said.
  left.push({ key: 'end.left.server' }, { key: 'end.left.downloads' }, { key: 'end.left.printed' });
  return { erased, left };
}

/** Whether the report is one of ours (the summary page reads it back from the extension's memory). */
export function isEndReport(value: unknown): value is EndReport {
  const r = value as Partial<EndReport> | null;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.at === 'number' &&
    Array.isArray(r.sites) &&
    typeof r.tabsClosed === 'number' &&
    Array.isArray(r.siteKinds)
  );
}
