import { currentOf, type GuideCommand, parseGuideCommand } from '../../../utils/guides/remote';
import type { Lang } from '../../../utils/i18n';
import type { GuideService } from '../../app/guide-service';
import type { PanelServices } from '../../app/services';
import {
  type ChangeSource,
  checklist,
  type PageSnapshot,
  parseSyncCommand,
  snapshotKey,
  watchSnapshot,
} from './page-sync';

/** How long a 'watch' is held when nothing changes (the side panel then asks again). */
const WATCH_MS = 20_000;
/** How often a held 'watch' looks, here in the page, for changes that send no event. */
const LOOK_MS = 1000;

/**
 * The page's side of the side panel's guides: loads the guides like the in-page tab, starts the
 * one that fits, runs the command and answers with a snapshot. The highlight is drawn here.
 * 'watch' is answered when something the side panel shows changes; 'tick' ticks the documents
 * checklist the in-page tab shows too.
 */
export async function guideCommand(input: unknown, ctx: PanelServices): Promise<PageSnapshot> {
  const service = await ctx.guides();
  const lang = ctx.lang.value;
  const sync = parseSyncCommand(input);
  if (sync?.action === 'watch')
    return watchSnapshot(
      sync.since,
      () => run(service, { action: 'state' }, lang),
      pageChanges(service),
      WATCH_MS,
    );
  if (sync?.action === 'tick') {
    const session = service.current();
    // Only the documents of the guide being followed: nothing else is kept.
    if (session?.guide.id === sync.guideId && session.guide.documents.some((d) => d.id === sync.documentId))
      checklist.set(sync.guideId, sync.documentId, sync.ticked);
    return run(service, { action: 'state' }, lang);
  }
  return run(service, parseGuideCommand(input) ?? { action: 'state' }, lang);
}

/** The session's moves, the checklist, and what has no event: a guide chosen in the page's own panel, a new address. */
const pageChanges =
  (service: GuideService): ChangeSource =>
  (notify) => {
    const session = service.current();
    const href = location.href;
    const stops = [checklist.subscribe(notify), session ? session.subscribe(() => notify()) : () => {}];
    const timer = setInterval(() => {
      if (service.current() !== session || location.href !== href) notify();
    }, LOOK_MS);
    return () => {
      clearInterval(timer);
      for (const stop of stops) stop();
    };
  };

async function run(service: GuideService, command: GuideCommand, lang: Lang): Promise<PageSnapshot> {
  if (!service.available) return keyed({ status: 'unavailable', matching: [], current: null });
  let data: Awaited<ReturnType<GuideService['load']>>;
  try {
    data = await service.load();
  } catch {
    return keyed({ status: 'error', matching: [], current: null });
  }
  const { matching, chosen } = service.pick(data.guides);
  let session = service.current();
  if (command.action === 'start') {
    const guide = matching.find((g) => g.id === command.guideId);
    if (guide) session = service.start(guide);
  } else if (!session && chosen) {
    session = service.start(chosen);
  }
  let focused: boolean | undefined;
  if (session) {
    if (command.action === 'next') session.next();
    else if (command.action === 'previous') session.previous();
    else if (command.action === 'confirm') session.confirm();
    else if (command.action === 'goTo') session.goTo(command.index);
    else if (command.action === 'focus') focused = session.focusTarget();
  }
  const snapshot: Omit<PageSnapshot, 'key' | 'ticked'> = {
    status: 'ready',
    matching: matching.map((guide) => ({ guide, trust: data.trust?.[guide.id]?.trust ?? 'builtin' })),
    current: session ? currentOf(session.guide.id, session.view(), lang) : null,
  };
  // The session's guide is always sent, even when the page no longer matches it.
  if (session && !matching.some((g) => g.id === session?.guide.id))
    snapshot.matching.unshift({
      guide: session.guide,
      trust: data.trust?.[session.guide.id]?.trust ?? 'builtin',
    });
  if (focused !== undefined) snapshot.focused = focused;
  return keyed(snapshot, session ? [...checklist.get(session.guide.id)] : []);
}

function keyed(snapshot: Omit<PageSnapshot, 'key' | 'ticked'>, ticked: string[] = []): PageSnapshot {
  return { ...snapshot, ticked, key: snapshotKey(snapshot, ticked) };
}
