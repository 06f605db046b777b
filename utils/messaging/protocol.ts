/**
 * Every message our pages and page script send to the background: its payload schema and who
 * may send it. One table, read by the background's router before any handler runs, so a handler
 * never sees a payload it did not expect or a sender it did not allow.
 *
 * Sender kinds (see sender.ts): `content` is our script on a web page, which only ever speaks for
 * that page's origin; `pages` are our own extension pages by path. Nothing else is accepted:
 * another extension, a web page, a content script in a sub-frame.
 */
import * as v from 'valibot';
import { INFO_KINDS } from '../infos/kinds.ts';
import { PROGRESS_METHODS } from '../progress/types.ts';
import type { Caller } from './sender.ts';

export type SenderPolicy = {
  /** Our page script on a web page (top frame). */
  content?: boolean;
  /** Our extension pages, by path. */
  pages?: readonly string[];
};

/** Extension pages that show or change data beyond one site (all procedures, export, PIN…). */
export const TRUSTED_PAGES = ['/options.html', '/sidepanel.html', '/popup.html', '/demarches.html'] as const;
/** Our PIN frame, placed in the page's panel by the page script (valid only once claimed). */
export const SESSION_PAGE = '/session.html';
export const OCR_PAGE = '/ocr.html';
/** The kind of our OCR frame's claims (frame-claims.ts): its own background and the « Mes informations » one check them. */
export const OCR_FRAME_CLAIMS = 'ocr';
/** What the end of a session erased (and did not), shown after the sites' tabs closed. */
export const SESSION_END_PAGE = '/session-end.html';

/** What a web page's script may ask of progress: only about its own origin (site-scope.ts). */
export const SITE_METHODS = [
  'mode',
  'hasProcedures',
  'startOrGet',
  'find',
  'saveMany',
  'restorePlan',
  'setStep',
  'updateProcedure',
  'lastPage',
  'list',
  'deleteProcedure',
  'touch',
  'lock',
  'publicComputer',
] as const satisfies ReadonlyArray<(typeof PROGRESS_METHODS)[number]>;
export type SiteMethod = (typeof SITE_METHODS)[number];

/** Bounded everywhere: a message is never an unbounded amount of work for the background. */
const args = v.pipe(v.array(v.unknown()), v.maxLength(4));
const shortString = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Our PIN frame's places: the resume banner's and the "Mes démarches" tab's (one claim each). */
export const SESSION_VIEWS = ['banner', 'tab'] as const;
const frameToken = v.pipe(v.string(), v.minLength(16), v.maxLength(64));
const sessionFrame = v.object({ view: v.picklist(SESSION_VIEWS), token: frameToken });

export const PROTOCOL = {
  /** Extension pages: every progress method (list of all sites, export, import, PIN, settings). */
  'progress:call': {
    from: { pages: [...TRUSTED_PAGES, SESSION_PAGE] },
    payload: v.object({
      method: v.picklist(PROGRESS_METHODS),
      args,
      /** Our PIN frame names its claimed place (progress/background-session.ts checks it). */
      frame: v.optional(sessionFrame),
    }),
  },
  /** The page script: progress for the sender's own origin only. */
  'progress:site': {
    from: { content: true },
    payload: v.object({ method: v.picklist(SITE_METHODS), args }),
  },
  /** The mediator's installed guides, for the page's guide tab. */
  'pasapas:guides:installed': {
    from: { content: true, pages: TRUSTED_PAGES },
    payload: v.object({}),
  },
  /**
   * A guide step shown on the page: its target found, ambiguous or missing (the guides' health).
   * Ids and the outcome only; a page can only make its own guides look worse, never read anything.
   */
  'pasapas:guide-health-count': {
    from: { content: true },
    payload: v.object({
      guideId: shortString(200),
      version: shortString(200),
      stepId: shortString(200),
      outcome: v.picklist(['found', 'ambiguous', 'missing']),
    }),
  },
  /** The options page reads the guides' health (counts per guide and step, nothing else). */
  'pasapas:guide-health': { from: { pages: ['/options.html'] }, payload: v.object({}) },
  /** The page's panel asks for "Mes démarches" (all sites, export, import) in an extension tab. */
  'pasapas:open-demarches': {
    from: { content: true },
    payload: v.object({}),
  },
  /** The page script places our PIN frame: the background arms one frame for that tab. */
  'pasapas:session-arm': {
    from: { content: true },
    payload: v.object({ view: v.picklist(SESSION_VIEWS) }),
  },
  /** Our PIN frame, on load: claims the armed place (once) with the token its page script gave it. */
  'pasapas:session-claim': {
    from: { pages: [SESSION_PAGE] },
    payload: sessionFrame,
  },
  /**
   * The page script: whether the panel was open on this tab's previous page of the same site (no
   * `open`), or the person just opened or closed it (`open`): kept by tab in the extension's
   * session storage, never in the page (background/panel.ts).
   */
  'pasapas:panel-open': {
    from: { content: true },
    payload: v.object({ open: v.optional(v.boolean()) }),
  },
  /**
   * "Terminer ma session" (our PIN frame, with its claimed place) or "Personne suivante" (our pages):
   * Pas à pas's data, the settings, the sites' tabs, data and history (progress/background-session-end.ts).
   */
  'pasapas:session-end': {
    from: { pages: [...TRUSTED_PAGES, SESSION_PAGE] },
    payload: v.object({ frame: v.optional(sessionFrame), summaryTab: v.optional(v.boolean()) }),
  },
  /** The summary page reads the last end's report (names of the sites used: our pages only). */
  'pasapas:session-report': {
    from: { pages: [SESSION_END_PAGE, '/options.html'] },
    payload: v.object({}),
  },
  /** The options page: the mediator's settings now become each new person's. */
  'pasapas:session-defaults': { from: { pages: ['/options.html'] }, payload: v.object({}) },
  /** The mediator says who did the procedure, for the activity report (or `skip`: not counted). */
  'pasapas:activity-record': {
    from: { pages: [SESSION_END_PAGE, '/options.html'] },
    payload: v.object({ outcome: v.picklist(['alone', 'helped', 'for-them', 'skip']) }),
  },
  /** The options page: the activity report on or off (`on` absent: just read), its entries (anonymous). */
  'pasapas:activity-settings': {
    from: { pages: ['/options.html'] },
    payload: v.object({ on: v.optional(v.boolean()) }),
  },
  /** The in-person help places (the mediator's imported file, else the demo sample): public data. */
  'pasapas:places': { from: { content: true, pages: TRUSTED_PAGES }, payload: v.object({}) },
  /**
   * The options page: a places file to check and keep (`text` absent: back to the sample). The
   * background reads it again, whatever the page did; 4 MB at most, as the file reader's limit.
   */
  'pasapas:places-import': {
    from: { pages: ['/options.html'] },
    payload: v.object({ text: v.optional(shortString(4 * 1024 * 1024)) }),
  },
  /**
   * « Cette étape n'est pas claire », from the guide (the page's panel or the side panel): kept sealed on this computer for the
   * mediator to send to the guide's author. The comment is stripped again by the background.
   */
  'pasapas:feedback-add': {
    from: { content: true, pages: ['/sidepanel.html'] },
    payload: v.object({
      guideId: shortString(128),
      guideVersion: shortString(64),
      stepId: shortString(128),
      comment: shortString(2000),
    }),
  },
  /** The options page: the notes per guide (to export), or a guide's notes cleared once sent. */
  'pasapas:feedback-list': { from: { pages: ['/options.html'] }, payload: v.object({}) },
  'pasapas:feedback-clear': {
    from: { pages: ['/options.html'] },
    payload: v.object({ guideId: shortString(128) }),
  },
  /**
   * Who holds the mouse, from the guide's switch (`doer` absent: just read): the panel's words
   * follow it, and the activity report counts it. Shown on a shared computer only.
   */
  'pasapas:doer': {
    from: { content: true, pages: TRUSTED_PAGES },
    payload: v.object({ doer: v.optional(v.picklist(['person', 'together'])) }),
  },
  /** Whether the last end of session waits for the mediator's answer (duration and themes only). */
  'pasapas:activity-pending': { from: { pages: [SESSION_END_PAGE, '/options.html'] }, payload: v.object({}) },
  /** The page script places our OCR frame: the background arms one frame for that tab (features/ocr/background.ts). */
  'pasapas:ocr-arm': { from: { content: true }, payload: v.object({}) },
  /** Our OCR frame, on load: claims the armed frame (once) with the token its page script gave it. */
  'pasapas:ocr-claim': { from: { pages: [OCR_PAGE] }, payload: v.object({ token: frameToken }) },
  'pasapas:ocr-targets': { from: { pages: [OCR_PAGE] }, payload: v.looseObject({}) },
  'pasapas:ocr-fill': {
    from: { pages: [OCR_PAGE] },
    payload: v.looseObject({ items: v.pipe(v.array(v.unknown()), v.maxLength(200)) }),
  },
  'pasapas:ocr-capture': { from: { pages: [OCR_PAGE] }, payload: v.looseObject({}) },
  /**
   * Our OCR frame, once claimed, keeping values of a reading in « Mes informations » on the person's
   * press (progress/background-infos.ts): the entries of the kinds the reading offers (to show the old
   * value beside the new), and adding or replacing one. Nothing else of the file: no list of every
   * kind, no delete, no export.
   */
  'progress:infos-from-reading': {
    from: { pages: [OCR_PAGE] },
    payload: v.variant('action', [
      v.object({
        action: v.literal('entries'),
        kinds: v.pipe(v.array(v.picklist(INFO_KINDS)), v.maxLength(INFO_KINDS.length)),
        claim: frameToken,
      }),
      v.object({
        action: v.literal('put'),
        input: v.object({
          kind: v.picklist(INFO_KINDS),
          value: shortString(300),
          source: v.optional(
            v.object({
              kind: v.picklist(['typed', 'ocr', '2ddoc', 'mrz']),
              document: v.optional(shortString(60)),
            }),
          ),
        }),
        id: v.optional(shortString(64)),
        claim: frameToken,
      }),
    ]),
  },
  /** « Voir les cases remplies »: focus to the first of these fields of the page (the panel makes room). */
  'pasapas:ocr-show-filled': {
    from: { pages: [OCR_PAGE] },
    payload: v.looseObject({ keys: v.pipe(v.array(v.unknown()), v.maxLength(200)) }),
  },
  'pasapas:ocr-camera-window': {
    from: { pages: [OCR_PAGE] },
    payload: v.looseObject({
      lang: v.optional(shortString(20)),
      theme: v.optional(shortString(20)),
      scale: v.optional(v.union([shortString(20), v.number()])),
    }),
  },
  'pasapas:ocr-side': {
    from: { pages: ['/sidepanel.html'] },
    payload: v.looseObject({
      action: v.picklist(['targets', 'fill', 'capture']),
      windowId: v.optional(v.number()),
      items: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(200))),
    }),
  },
  /**
   * The guide studio in the side panel: pick a field in the tab it helps with (the background
   * injects the picking script there), move the highlight, choose, stop. Answers are clues, never values.
   */
  'pasapas:studio-page': {
    from: { pages: ['/sidepanel.html'] },
    payload: v.object({
      action: v.picklist(['pick', 'move', 'choose', 'cancel']),
      tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
      delta: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(1))),
      /** The highlight's words, in the author's language. */
      hint: v.optional(shortString(200)),
    }),
  },
  /** The studio installs the guide it exported, like a file the mediator chose (library.installFile). */
  'pasapas:studio-install': {
    from: { pages: ['/sidepanel.html'] },
    payload: v.object({ text: v.pipe(v.string(), v.minLength(2), v.maxLength(512 * 1024)) }),
  },
  /** The studio's signing key: whether there is one (its public part), or make it (once). */
  'pasapas:studio-key': {
    from: { pages: ['/sidepanel.html'] },
    payload: v.object({ action: v.picklist(['status', 'create']) }),
  },
  /** The studio signs the guide it exported with the mediator's key (kept in the background). */
  'pasapas:studio-sign': {
    from: { pages: ['/sidepanel.html'] },
    payload: v.object({ text: v.pipe(v.string(), v.minLength(2), v.maxLength(512 * 1024)) }),
  },
} as const satisfies Record<string, { from: SenderPolicy; payload: v.GenericSchema }>;

export type MessageType = keyof typeof PROTOCOL;
export type Payload<K extends MessageType> = v.InferOutput<(typeof PROTOCOL)[K]['payload']>;

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(PROTOCOL, value);
}

/** The policy's answer for one caller. */
export function allows(policy: SenderPolicy, caller: Caller): boolean {
  if (caller.kind === 'content') return policy.content === true;
  return policy.pages?.includes(caller.path) === true;
}

export type Refusal = { refused: 'sender' | 'payload' | 'unknown' };

export type Checked<K extends MessageType = MessageType> =
  | { ok: true; type: K; payload: Payload<K> }
  | { ok: false; refusal: Refusal };

/**
 * Checks one incoming message against the table: a known type, an allowed sender, a payload
 * that matches its schema. The caller is already classified (null: not ours).
 */
export function checkMessage(message: unknown, caller: Caller | null): Checked {
  const type = (message as { type?: unknown } | null)?.type;
  if (!isMessageType(type)) return { ok: false, refusal: { refused: 'unknown' } };
  const entry = PROTOCOL[type];
  if (!caller || !allows(entry.from, caller)) return { ok: false, refusal: { refused: 'sender' } };
  const parsed = v.safeParse(entry.payload as v.GenericSchema, message);
  if (!parsed.success) return { ok: false, refusal: { refused: 'payload' } };
  return { ok: true, type, payload: parsed.output as Payload<typeof type> };
}
