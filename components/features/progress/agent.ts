/**
 * Progress on the page: autosaves what the person types on a procedure's pages, and offers
 * "Reprendre où vous en étiez" when they come back. Started by mountPanel (lazily: the content
 * script or the widget loader mounts the panel only when a guide or a saved procedure concerns
 * the page, or when the person opens it).
 *
 * Which pages: those a guide matches (the guide names the procedure), and the sites where the
 * person asked to keep their answers (no guide). Never every form of every site: search boxes,
 * logins and messages elsewhere are not a procedure, and keeping them would be a surprise.
 */
import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { isSensitiveField } from '../../../utils/forms/sensitive';
import { localize } from '../../../utils/guides/schema';
import type { Lang } from '../../../utils/i18n';
// Module by module, never utils/progress/index.ts: the database code stays out of this chunk.
import { SITE_GUIDE_ID } from '../../../utils/progress/guide';
import {
  currentFields,
  fieldOf,
  isDirty,
  type PageField,
  pageFields,
  readValue,
  writeValue,
} from '../../../utils/progress/page-fields';
import { decideRestore, readAnswer, writeAnswer, writesFor } from '../../../utils/progress/restore';
import { createSaveQueue } from '../../../utils/progress/save-queue';
import { LAST_PAGE_IDENTITY, type ProgressClient, type ProgressMode } from '../../../utils/progress/types';
import type { Procedure, RestoreConflict, RestoreItem } from '../../../utils/storage';
import { fieldKey } from '../../../utils/storage/field-identity';
import { SAVED_HINT_KEY } from '../../../utils/storage/saved-hint';
import type { PanelServices } from '../../app/services';

export type Banner =
  | { kind: 'hidden' }
  | { kind: 'offer'; fill: RestoreItem[]; conflicts: RestoreConflict[] }
  | { kind: 'conflicts'; conflicts: RestoreConflict[]; filled: number }
  | { kind: 'filled'; count: number }
  /**
   * The shared computer's code. `ask`: shown because the person left a field they typed in; it takes
   * focus, and gives it back to `back` (where the person was going) once the code is chosen or refused.
   */
  | { kind: 'pin-needed'; ask?: PinAsk }
  | { kind: 'locked'; ask?: PinAsk }
  | { kind: 'error'; error: unknown };

type Target = { guideId: string; title: string };

/** A PIN question put when the person left a field: focus goes into it, and back to `back` after. */
export type PinAsk = {
  back: HTMLElement | null;
  /** The field the person just left (typed in): kept in view above the question. */
  left?: HTMLElement;
};

export type Agent = {
  banner: Signal<Banner>;
  procedure: ReadonlySignal<Procedure | null>;
  target: ReadonlySignal<Target | null>;
  savedAt: ReadonlySignal<number | null>;
  fields(): PageField[];
  /** The person accepted (or refused) the offer. */
  answerOffer(accept: boolean): void;
  /** One conflict settled: true = put the person's saved value. */
  settleConflict(index: number, useMine: boolean): void;
  /** After choosing a PIN or unlocking: save what waited, offer what is saved. */
  resumeAfterPin(): Promise<void>;
  /** "Ne rien garder" on a shared computer: nothing of this tab is kept, and no more asking. */
  skipPin(): void;
  /** A save waits for the shared computer's code; it is asked when the person leaves their field. */
  pinWanted: ReadonlySignal<'pin-needed' | 'locked' | null>;
  /** The "Mes démarches" tab shows its own code box on this page (pinShownInTab). */
  pinInTab: ReadonlySignal<boolean>;
  /**
   * The "Mes démarches" tab shows (or no longer shows) its own PIN form on this page: the banner's
   * gives way while it is shown, so the page never holds two code boxes at once; and it will not
   * take focus again when the tab goes.
   */
  pinShownInTab(shown: boolean): void;
  /** Keep answers on a site no guide knows. */
  keepThisSite(): Promise<void>;
  /** The session ended: forget everything this tab remembers. */
  forgetTab(): void;
  dispose(): Promise<void>;
};

/** What the agent uses of the panel's services: its storage, its guides, its language, what is ours. */
export type AgentServices = Pick<PanelServices, 'lang' | 'storage' | 'guides' | 'isOurs' | 'env'>;

/** One agent per panel (its page), found by the "Mes démarches" tab of the same panel. */
const agents = new WeakMap<AgentServices, { agent?: Agent; listeners: Set<(a: Agent) => void> }>();
function slot(services: AgentServices) {
  let found = agents.get(services);
  if (!found) {
    found = { listeners: new Set() };
    agents.set(services, found);
  }
  return found;
}

export function currentAgent(services: AgentServices): Agent | undefined {
  return agents.get(services)?.agent;
}
export function onAgent(services: AgentServices, listener: (a: Agent) => void): () => void {
  const s = slot(services);
  if (s.agent) listener(s.agent);
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

function tabStorage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/** The element with focus, inside the page's open shadow roots too. */
function deepActiveIn(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** "Ne rien garder", remembered for the tab: the next page of the procedure does not ask again. */
const SKIP_KEY = 'pasapas:pin-skipped';
function readSkip(storage: Storage | undefined): boolean {
  try {
    return storage?.getItem(SKIP_KEY) === '1';
  } catch {
    return false;
  }
}
function writeSkip(storage: Storage | undefined, skipped: boolean) {
  try {
    if (skipped) storage?.setItem(SKIP_KEY, '1');
    else storage?.removeItem(SKIP_KEY);
  } catch {
    // not remembered: the next page asks again
  }
}

export type AgentOptions = { services: AgentServices; doc?: Document };

export function startProgressAgent(options: AgentOptions): Agent {
  const { services } = options;
  const here = slot(services);
  if (here.agent) return here.agent;
  const lang: ReadonlySignal<Lang> = services.lang;
  const isOurs = services.isOurs;
  const progressClient = services.storage;
  const doc = options.doc ?? document;
  const win = doc.defaultView ?? window;
  const origin = win.location.origin;
  const banner = signal<Banner>({ kind: 'hidden' });
  const procedure = signal<Procedure | null>(null);
  const target = signal<Target | null>(null);
  const savedAt = signal<number | null>(null);
  let fields = pageFields(doc, isOurs);
  let client: ProgressClient | undefined;
  let starting: Promise<Procedure> | undefined;
  /** Typed before the procedure could be saved (no PIN yet, locked): kept in memory only. */
  const waiting = new Map<string, { field: PageField; value: ReturnType<typeof readValue> }>();
  let restoring = false;
  let pagedNoted = false;
  let offered = false;
  /** "Ne rien garder" was chosen in this tab: nothing more is kept or asked, on this page or the next. */
  let refused = readSkip(tabStorage());
  /**
   * A save needs the code first (none chosen yet, or locked). Asked when the person leaves the
   * field they type in, never at a keystroke: what they type waits in memory meanwhile.
   */
  const wanted = signal<'pin-needed' | 'locked' | null>(null);
  const pinInTab = signal(false);

  const saver = createSaveQueue(
    (entries) => (client ? client.saveMany(entries) : Promise.reject(new Error('no client'))),
    {
      delayMs: 500,
      onError: (error) => problem(error),
      onSaved: () => {
        savedAt.value = Date.now();
        try {
          win.localStorage.setItem(SAVED_HINT_KEY, '1');
        } catch {
          // no hint: the loader waits for the first keystroke instead
        }
      },
    },
  );

  function problem(error: unknown) {
    const code = (error as { code?: string } | null)?.code;
    if (code === 'unknown-procedure') {
      // Deleted meanwhile (another tab, "Terminer ma session"): what waited goes with it.
      saver.clear();
      procedure.value = null;
      starting = undefined;
      pagedNoted = false;
      return;
    }
    if (code === 'pin-needed') wantPin('pin-needed');
    else if (code === 'vault-locked' || code === 'vault-required') wantPin('locked');
    else banner.value = { kind: 'error', error };
  }

  /** The code is needed: asked at once if the person is not in a field, else when they leave it. */
  function wantPin(kind: 'pin-needed' | 'locked') {
    if (refused) return;
    const already = wanted.value !== null;
    wanted.value = kind;
    if (already || banner.value.kind === kind) return;
    const active = deepActiveIn(doc);
    if (active && !isOurs(active) && fieldOf(fields, active)) return;
    banner.value = { kind, ask: { back: active instanceof HTMLElement && !isOurs(active) ? active : null } };
  }

  /**
   * The person leaves a field while the code is wanted: the question comes now, and takes focus in
   * this very event, so the field they were going to never gets it (a site checks each field it
   * leaves: Tab after Tab, it said "Ce champ est obligatoire" under every one).
   */
  const onLeave = (event: FocusEvent) => {
    if (!wanted.value || refused || banner.value.kind === wanted.value) return;
    const left = event.target as Element | null;
    if (left?.nodeType !== 1 || isOurs(left)) return;
    const field = fieldOf(fields, left);
    if (!field) return;
    const next = event.relatedTarget as HTMLElement | null;
    // Arrows move between the radios of one group: the person is still in the same question.
    if (next && field.info.elements?.includes(next)) return;
    banner.value = {
      kind: wanted.value,
      ask: { back: next && !isOurs(next) ? next : (left as HTMLElement), left: left as HTMLElement },
    };
  };

  function refreshFields() {
    fields = pageFields(doc, isOurs);
  }

  async function ensureProcedure(): Promise<Procedure> {
    const t = target.value;
    if (!t || !client) throw new Error('no procedure here');
    starting ??= client.startOrGet({ guideId: t.guideId, origin, title: t.title }).then(
      (p) => {
        procedure.value = p;
        return p;
      },
      (error: unknown) => {
        starting = undefined;
        throw error;
      },
    );
    return starting;
  }

  function queue(field: PageField, typed: ReturnType<typeof readValue>) {
    if (refused) return;
    // A secret is not kept even in memory while waiting for a PIN: it is queued as an erase.
    const value = isSensitiveField(field.descriptor) ? '' : typed;
    const p = procedure.value;
    if (!p) {
      waiting.set(fieldKey(field.identity), { field, value });
      // The code is being asked: what is typed waits for it, without asking the vault at each key.
      if (wanted.value) return;
      ensureProcedure().then(
        () => drainWaiting(),
        (error) => problem(error),
      );
      return;
    }
    if (!pagedNoted) {
      // The path only: a query string may hold a file number, and is not needed to come back.
      pagedNoted = true;
      saver.queue(p.id, LAST_PAGE_IDENTITY, win.location.pathname);
    }
    saver.queue(p.id, field.identity, value, field.descriptor);
  }

  function drainWaiting() {
    const list = [...waiting.values()];
    waiting.clear();
    for (const { field, value } of list) queue(field, value);
  }

  const onEdit = (event: Event) => {
    if (restoring || !target.value) return;
    const path = event.composedPath();
    const el = (path[0] ?? event.target) as Element | null;
    if (el?.nodeType !== 1 || isOurs(el)) return;
    let field = fieldOf(fields, el);
    if (!field) {
      refreshFields();
      field = fieldOf(fields, el);
    }
    if (!field) return;
    queue(field, readValue(field));
    // A committed change (blur, a choice) is written at once: the next click may leave the page.
    if (event.type === 'change' && procedure.value) saver.flush().catch(problem);
  };
  const onSubmit = () => {
    saver.flush().catch(() => {});
  };
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('change', onEdit, true);
  doc.addEventListener('submit', onSubmit, true);
  doc.addEventListener('focusout', onLeave, true);
  win.addEventListener('pagehide', onSubmit);

  async function offerRestore(p: Procedure) {
    if (!client) return;
    refreshFields();
    const plan = await client.restorePlan(p.id, currentFields(fields));
    const decision = decideRestore(plan, readAnswer(tabStorage(), p.id));
    if (decision.kind === 'none') return;
    if (decision.kind === 'offer') {
      offered = true;
      banner.value = { kind: 'offer', fill: decision.fill, conflicts: decision.conflicts };
      return;
    }
    const count = apply(writesFor(decision));
    banner.value = decision.conflicts.length
      ? { kind: 'conflicts', conflicts: decision.conflicts, filled: count }
      : { kind: 'hidden' };
  }

  function apply(writes: Array<{ index: number; value: ReturnType<typeof readValue> }>): number {
    restoring = true;
    let count = 0;
    try {
      for (const w of writes) {
        const field = fields[w.index];
        if (field && writeValue(field, w.value)) count++;
      }
    } finally {
      restoring = false;
    }
    return count;
  }

  /**
   * Extension, shared computer, unlocked: the browser stops a background worker after ~30 s
   * without events, and the key (kept only in its memory) would go with it. While this page is
   * shown, a light question every 25 s keeps it; it is not "activity", so the vault's own
   * inactivity lock still applies.
   */
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  function watchWorker(mode: ProgressMode) {
    if (!services.env.background || mode.kind !== 'unlocked' || keepAlive) return;
    keepAlive = setInterval(() => {
      if (doc.visibilityState !== 'visible' || !client) return;
      client.mode().then(
        (m) => {
          if (m.kind === 'unlocked') return;
          clearInterval(keepAlive);
          keepAlive = undefined;
        },
        () => {},
      );
    }, 25_000);
  }

  async function lookUp(mode: ProgressMode) {
    watchWorker(mode);
    if (!client || !target.value) return;
    if (mode.kind === 'locked') {
      if (!refused && (await client.hasProcedures(origin))) {
        wanted.value = 'locked';
        banner.value = { kind: 'locked' };
      }
      return;
    }
    if (mode.kind === 'needs-pin') return;
    const found = await client.find(target.value.guideId, origin);
    if (found) {
      procedure.value = found;
      starting = Promise.resolve(found);
      await offerRestore(found);
    }
  }

  async function start() {
    client = await progressClient();
    let guide: Target | null = null;
    // The same sources (and the same cached load) as the guides tab: the panel's guide service.
    const guides = await services.guides();
    if (guides.available) {
      try {
        const data = await guides.load();
        const { matching, chosen } = guides.pick(data.guides);
        const g = chosen ?? matching[0];
        if (g) guide = { guideId: g.id, title: localize(g.title, lang.value) };
      } catch {
        // Guides unreachable: only a site the person chose is followed.
      }
    }
    const mode = await client.mode();
    if (!guide && mode.kind !== 'locked' && mode.kind !== 'needs-pin') {
      const site = await client.find(SITE_GUIDE_ID, origin);
      if (site) guide = { guideId: SITE_GUIDE_ID, title: site.title };
    }
    // The person may have chosen "keep this site" meanwhile: never clear a target.
    if (guide) target.value = guide;
    await lookUp(mode);
    // Typed before this code loaded (the widget loads it on the first keystroke): keep it too.
    if (target.value) for (const field of fields) if (isDirty(field)) queue(field, readValue(field));
  }

  const self: Agent = {
    banner,
    procedure,
    target,
    savedAt,
    pinWanted: wanted,
    pinInTab,
    pinShownInTab(shown) {
      pinInTab.value = shown;
      const current = banner.value;
      if ((current.kind === 'pin-needed' || current.kind === 'locked') && current.ask)
        banner.value = { kind: current.kind };
    },
    fields: () => fields,
    answerOffer(accept) {
      const current = banner.value;
      const p = procedure.value;
      if (current.kind !== 'offer' || !p) return;
      writeAnswer(tabStorage(), p.id, accept ? 'accepted' : 'declined');
      if (!accept) {
        banner.value = { kind: 'hidden' };
        return;
      }
      const count = apply(writesFor({ kind: 'fill', fill: current.fill, conflicts: [] }));
      banner.value = current.conflicts.length
        ? { kind: 'conflicts', conflicts: current.conflicts, filled: count }
        : { kind: 'filled', count };
    },
    settleConflict(index, useMine) {
      const current = banner.value;
      if (current.kind !== 'conflicts') return;
      const conflict = current.conflicts.find((c) => c.index === index);
      if (!conflict) return;
      if (useMine) apply([{ index, value: conflict.value }]);
      const rest = current.conflicts.filter((c) => c.index !== index);
      const filled = current.filled + (useMine ? 1 : 0);
      banner.value = rest.length
        ? { ...current, conflicts: rest, filled }
        : { kind: 'filled', count: filled };
    },
    async resumeAfterPin() {
      if (!client) return;
      refused = false;
      wanted.value = null;
      writeSkip(tabStorage(), false);
      banner.value = { kind: 'hidden' };
      const mode = await client.mode();
      watchWorker(mode);
      if (waiting.size > 0 || saver.pending > 0) {
        await ensureProcedure();
        drainWaiting();
        await saver.flush();
      }
      if (!offered) await lookUp(mode);
    },
    skipPin() {
      refused = true;
      wanted.value = null;
      writeSkip(tabStorage(), true);
      waiting.clear();
      banner.value = { kind: 'hidden' };
    },
    async keepThisSite() {
      refused = false;
      writeSkip(tabStorage(), false);
      if (!client) client = await progressClient();
      if (!target.value) target.value = { guideId: SITE_GUIDE_ID, title: doc.title || origin };
      const p = await ensureProcedure();
      saver.queue(p.id, LAST_PAGE_IDENTITY, win.location.pathname);
      pagedNoted = true;
      // What is already typed on the page counts too.
      for (const field of fields) {
        const value = readValue(field);
        if (value !== '' && value !== false) queue(field, value);
      }
      await saver.flush();
    },
    forgetTab() {
      wanted.value = null;
      waiting.clear();
      saver.clear();
      procedure.value = null;
      starting = undefined;
      pagedNoted = false;
      const storage = tabStorage();
      try {
        for (const key of Object.keys(storage ?? {}))
          if (key.startsWith('pasapas:')) storage?.removeItem(key);
        win.localStorage.removeItem(SAVED_HINT_KEY);
      } catch {
        // nothing more this tab can forget
      }
      banner.value = { kind: 'hidden' };
    },
    async dispose() {
      clearInterval(keepAlive);
      doc.removeEventListener('input', onEdit, true);
      doc.removeEventListener('change', onEdit, true);
      doc.removeEventListener('submit', onSubmit, true);
      doc.removeEventListener('focusout', onLeave, true);
      win.removeEventListener('pagehide', onSubmit);
      await saver.flush().catch(() => {});
      if (here.agent === self) here.agent = undefined;
    },
  };
  here.agent = self;
  for (const l of here.listeners) l(self);
  start().catch((error: unknown) => {
    // Only what the person can act on is shown; an unreachable background is said when they act.
    const code = (error as { code?: string } | null)?.code;
    if (code === 'pin-needed' || code === 'vault-locked' || code === 'vault-required') problem(error);
  });
  return self;
}
