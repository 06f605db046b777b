import {
  currentOf,
  type GuideCommand,
  parseGuideCommand,
  type RemoteSnapshot,
} from '../../../utils/guides/remote';
import type { Lang } from '../../../utils/i18n';
import { guideSources, guidesBase } from './config';
import { currentSession, guidesOnce, hasGuideSources, pickGuide, startSession } from './live';

/**
 * The page's side of the side panel's guides: loads the guides like the in-page tab, starts the
 * one that fits, runs the command and answers with a snapshot. The highlight is drawn here.
 */
export async function guideCommand(input: unknown, lang: Lang): Promise<RemoteSnapshot> {
  const command: GuideCommand = parseGuideCommand(input) ?? { action: 'state' };
  const base = guidesBase();
  const sources = guideSources();
  if (!hasGuideSources(base, sources)) return { status: 'unavailable', matching: [], current: null };
  let data: Awaited<ReturnType<typeof guidesOnce>>;
  try {
    data = await guidesOnce(base, sources);
  } catch {
    return { status: 'error', matching: [], current: null };
  }
  const { matching, chosen } = pickGuide(data.guides);
  let session = currentSession();
  if (command.action === 'start') {
    const guide = matching.find((g) => g.id === command.guideId);
    if (guide) session = startSession(guide);
  } else if (!session && chosen) {
    session = startSession(chosen);
  }
  let focused: boolean | undefined;
  if (session) {
    if (command.action === 'next') session.next();
    else if (command.action === 'previous') session.previous();
    else if (command.action === 'confirm') session.confirm();
    else if (command.action === 'goTo') session.goTo(command.index);
    else if (command.action === 'focus') focused = session.focusTarget();
  }
  const snapshot: RemoteSnapshot = {
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
  return snapshot;
}
