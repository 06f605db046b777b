/**
 * The mediator's activity report (opt-in, off by default): while public-computer mode and the
 * report are on, the themes of the guides whose pages the person opened and the time of the first
 * page are noted in memory storage; at the end of the session the mediator chooses who did the
 * procedure, and one anonymous entry is added (utils/activity/report.ts), with the ways the guide's
 * « Qui tient la souris ? » switch was set to (utils/activity/doer.ts). Nothing else is kept.
 */
import { browser } from 'wxt/browser';
import { type Doer, isDoer } from '../../../utils/activity/doer';
import { addEntry, dayOf, minutesBetween, type Outcome, parseEntries } from '../../../utils/activity/report';
import { isTheme, type Theme, themeOf } from '../../../utils/activity/themes';
import type { Guide } from '../../../utils/guides/format';
import { loadGuides } from '../../../utils/guides/loading';
import { patternMatchesUrl } from '../../../utils/guides/match-pattern';
import { parsePublicComputer } from '../../../utils/progress/public-config';
import { REPORT_KEY } from '../../../utils/session-end/keys';
import { isEndReport } from '../../../utils/session-end/report';
import { siteOrigin } from '../../../utils/session-end/sites';
import { extensionUrl } from '../../app/extension-url';
import { type BackgroundServices, defineBackgroundPart } from '../define-background';
import { feedbackHandlers } from './background-feedback';
import { placesHandlers } from './background-places';

/** The mediator's public-computer setting (progress's, read here: a stored key, not its code). */
const PUBLIC_CONFIG_KEY = 'pasapas:progress:publicComputer';
export const ACTIVITY_ON_KEY = 'pasapas:activity:on';
export const ACTIVITY_KEY = 'pasapas:activity:entries';
const FIRST_AT_KEY = 'pasapas:activity:firstAt';
const THEMES_KEY = 'pasapas:activity:themes';
const PENDING_KEY = 'pasapas:activity:pending';
/** Who holds the mouse now (the guide's switch), and the ways used since the session started. */
const DOER_KEY = 'pasapas:activity:doer';
const WAYS_KEY = 'pasapas:activity:ways';

type Pending = { at: number; minutes: number; themes: Theme[]; ways: Doer[] };

async function publicMode(): Promise<boolean> {
  const config = (await browser.storage.local.get(PUBLIC_CONFIG_KEY))[PUBLIC_CONFIG_KEY];
  return config !== undefined && parsePublicComputer(config).config.enabled;
}

async function noting(): Promise<boolean> {
  return (await browser.storage.local.get(ACTIVITY_ON_KEY))[ACTIVITY_ON_KEY] === true && (await publicMode());
}

let bundled: ReturnType<typeof loadGuides> | undefined;
function builtinGuides() {
  const fetchLike = ((url: string) => fetch(url)) as unknown as Parameters<typeof loadGuides>[1];
  bundled ??= loadGuides(extensionUrl('/guides/'), fetchLike).catch(() => ({ guides: [], problems: [] }));
  return bundled;
}

/** The guides this computer knows: shipped with the extension, and those the mediator installed (not refused). */
async function knownGuides(guideLibrary: BackgroundServices['guideLibrary']): Promise<Guide[]> {
  const installed = await guideLibrary()
    .list()
    .then((r) => r.guides.filter((g) => g.trust !== 'refused').map((g) => g.guide))
    .catch(() => [] as Guide[]);
  return [...(await builtinGuides()).guides, ...installed];
}

async function guideThemes(url: string, guideLibrary: BackgroundServices['guideLibrary']): Promise<Theme[]> {
  const all = await knownGuides(guideLibrary);
  return [
    ...new Set(
      all
        .filter((g) => g.matches.urls.some((p) => patternMatchesUrl(p, url)))
        .map((g) => themeOf(`${g.id} ${JSON.stringify(g.title)}`)),
    ),
  ];
}

export default defineBackgroundPart(({ guideLibrary, database }) => {
  let queue = Promise.resolve();
  browser.tabs.onUpdated.addListener((_tabId, change) => {
    const url = change.url;
    if (!siteOrigin(url)) return;
    queue = queue
      .then(async () => {
        if (!url || !(await noting())) return;
        const session = await browser.storage.session.get([FIRST_AT_KEY, THEMES_KEY]);
        const themes = new Set<Theme>((session[THEMES_KEY] as unknown[] | undefined)?.filter(isTheme) ?? []);
        for (const t of await guideThemes(url, guideLibrary)) themes.add(t);
        await browser.storage.session.set({
          [FIRST_AT_KEY]: typeof session[FIRST_AT_KEY] === 'number' ? session[FIRST_AT_KEY] : Date.now(),
          [THEMES_KEY]: [...themes],
        });
      })
      .catch(() => undefined);
  });

  // A new end-of-session report (progress's background writes it): the mediator's question waits.
  browser.storage.onChanged.addListener((changes, area) => {
    const report = changes[REPORT_KEY]?.newValue;
    if (area === 'session' && isEndReport(report))
      queue = queue.then(() => atEnd(report.at).then(() => undefined)).catch(() => undefined);
  });

  /** At the end of a session: what the mediator will be asked to complete, or nothing when the report is off. */
  async function atEnd(at: number): Promise<boolean> {
    const session = await browser.storage.session.get([FIRST_AT_KEY, THEMES_KEY, WAYS_KEY]);
    // The next person starts as the panel's usual words say: alone.
    await browser.storage.session.remove([FIRST_AT_KEY, THEMES_KEY, WAYS_KEY, DOER_KEY]);
    if (!(await noting()) || typeof session[FIRST_AT_KEY] !== 'number') return false;
    const themes = (session[THEMES_KEY] as unknown[] | undefined)?.filter(isTheme) ?? [];
    const pending: Pending = {
      at,
      minutes: minutesBetween(session[FIRST_AT_KEY], at),
      themes: themes.length ? themes : ['autre'],
      ways: (session[WAYS_KEY] as unknown[] | undefined)?.filter(isDoer) ?? [],
    };
    await browser.storage.session.set({ [PENDING_KEY]: pending });
    return true;
  }

  return {
    ...placesHandlers(() => guideLibrary().catalogs()),
    ...feedbackHandlers({ database }, () => knownGuides(guideLibrary)),
    'pasapas:activity-record': async (message) => {
      const pending = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as Pending | undefined;
      if (!pending) return { ok: false };
      await browser.storage.session.remove(PENDING_KEY);
      if (message.outcome === 'skip') return { ok: true, recorded: false };
      const list = parseEntries((await browser.storage.local.get(ACTIVITY_KEY))[ACTIVITY_KEY]);
      const next = addEntry(list, {
        date: dayOf(pending.at),
        minutes: pending.minutes,
        themes: pending.themes,
        outcome: message.outcome as Outcome,
        ways: pending.ways ?? [],
      });
      await browser.storage.local.set({ [ACTIVITY_KEY]: next });
      return { ok: true, recorded: true };
    },
    'pasapas:activity-settings': async (message) => {
      if (message.on !== undefined) await browser.storage.local.set({ [ACTIVITY_ON_KEY]: message.on });
      const local = await browser.storage.local.get([ACTIVITY_ON_KEY, ACTIVITY_KEY]);
      return { on: local[ACTIVITY_ON_KEY] === true, entries: parseEntries(local[ACTIVITY_KEY]) };
    },
    'pasapas:doer': async (message) => {
      const shown = await publicMode();
      if (shown && isDoer(message.doer)) {
        const ways = (
          (await browser.storage.session.get(WAYS_KEY))[WAYS_KEY] as unknown[] | undefined
        )?.filter(isDoer);
        const next = [...new Set([...(ways ?? []), message.doer])];
        // Counted only while the report is on: otherwise nothing keeps it beyond the panel's words.
        await browser.storage.session.set({
          [DOER_KEY]: message.doer,
          ...((await noting()) ? { [WAYS_KEY]: next } : {}),
        });
      }
      const doer = (await browser.storage.session.get(DOER_KEY))[DOER_KEY];
      return { shown, doer: shown && isDoer(doer) ? doer : 'person' };
    },
    'pasapas:activity-pending': async () => {
      const pending = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as Pending | undefined;
      return { pending: pending ? { minutes: pending.minutes, themes: pending.themes } : null };
    },
  };
});
