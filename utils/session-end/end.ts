/**
 * The end of a session on a shared computer, in the order that leaves the least behind: Pas à
 * pas's own data first (the most personal), the settings back to the mediator's, then the sites'
 * tabs closed (a page left open would write its cookies and storage again, and would still show
 * the form), then the sites' data, and the history, autofill and passwords of the session. Each step is measured for the report; one
 * failing does not stop the others. Browser APIs come in as `EndDeps` (background/session-end.ts).
 */

import { type BrowserKind, removalPlan, type SiteDataKind } from './removal';
import type { EndReport, StepState } from './report';
import { siteOrigin } from './sites';

export type EndDeps = {
  kind: BrowserKind;
  now(): number;
  wipePasapas(): Promise<void>;
  resetSettings(): Promise<void>;
  /** The origins seen in tabs since the session started (memory storage). */
  trackedSites(): Promise<string[]>;
  /** When this session started (the previous end, or public mode turned on). */
  startedAt(): Promise<number>;
  hasPermission(name: 'browsingData'): Promise<boolean>;
  tabs(): Promise<{ id?: number; url?: string }[]>;
  closeTabs(ids: number[]): Promise<void>;
  removeBrowsingData(options: object, dataToRemove: Record<string, boolean>): Promise<void>;
  /** A new session starts now: no site used yet. */
  restart(at: number): Promise<void>;
};

async function attempt(fn: () => Promise<void>): Promise<'done' | 'failed'> {
  try {
    await fn();
    return 'done';
  } catch {
    return 'failed';
  }
}

export async function endSession(deps: EndDeps, keepTabIds: readonly number[] = []): Promise<EndReport> {
  const pasapas = await attempt(() => deps.wipePasapas());
  const settings = await attempt(() => deps.resetSettings());
  const startedAt = await deps.startedAt().catch(() => 0);
  const canData = await deps.hasPermission('browsingData').catch(() => false);

  // The sites used: seen in tabs since the start, and every web page still open.
  const openTabs = await deps.tabs().catch(() => [] as { id?: number; url?: string }[]);
  const origins = new Set<string>(await deps.trackedSites().catch(() => [] as string[]));
  for (const tab of openTabs) {
    const origin = siteOrigin(tab.url);
    if (origin) origins.add(origin);
  }
  const sites = [...origins];

  const toClose = openTabs
    .filter((t) => t.id !== undefined && !keepTabIds.includes(t.id))
    .filter((t) => {
      const origin = siteOrigin(t.url);
      return origin !== null && origins.has(origin);
    })
    .map((t) => t.id as number);
  let tabsClosed = 0;
  if (toClose.length > 0 && (await attempt(() => deps.closeTabs(toClose))) === 'done')
    tabsClosed = toClose.length;

  let siteData: StepState = 'none';
  const siteKinds: SiteDataKind[] = [];
  const plan = removalPlan(deps.kind, sites, startedAt);
  if (sites.length > 0) {
    if (!canData) siteData = 'no-permission';
    else {
      siteData = 'done';
      for (const step of plan.steps) {
        if ((await attempt(() => deps.removeBrowsingData(step.options, step.dataToRemove))) === 'done')
          siteKinds.push(...step.kinds);
        else siteData = 'failed';
      }
    }
  }

  const at = deps.now();
  await deps.restart(at).catch(() => undefined);
  return {
    at,
    pasapas,
    settings,
    sites: [...new Set(sites.map((o) => new URL(o).host))],
    tabsClosed,
    siteData,
    siteKinds,
    cacheScope: plan.cacheScope,
  };
}
