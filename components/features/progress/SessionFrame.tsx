/**
 * The shared computer's PIN and "Terminer ma session" on a web page, drawn by our own extension
 * page (`session.html`) in a frame, the way password managers draw their inline menus: the
 * page's script cannot read a cross-origin frame, nor hear the keys typed in it, nor click in it.
 * The frame sits in a closed shadow root, so the page cannot swap its address either; and it
 * works only after the background armed it for this tab (a frame the page made itself stays inert).
 */
import { useEffect, useRef } from 'preact/hooks';
import { type PanelServices, useServices } from '../../app/services';
import type { SessionEvent } from './PublicSection';

export type SessionView = 'banner' | 'tab';

const EVENTS = new Set<SessionEvent>(['pin-chosen', 'unlocked', 'locked', 'ended', 'skip']);
/** The frame says how tall its content is; bounded so a bug cannot cover the page. */
const MAX_HEIGHT = 1200;

const FRAME_CSS = `
iframe { display: block; width: 100%; max-width: 100%; min-width: 0; height: 14rem; border: 0; background: transparent; color-scheme: normal; }
`;

/**
 * The origin our frame's document runs in. Chrome serves web-accessible pages at a per-session
 * address (`use_dynamic_url`) but runs them in the extension's fixed origin, which the token's
 * message must name, or the browser drops it.
 */
export function frameOrigin(page: string, extensionId: string | undefined): string {
  const url = new URL(page);
  return url.protocol === 'chrome-extension:' && extensionId
    ? `chrome-extension://${extensionId}`
    : url.origin;
}

/** Our `session.html`, where the extension on a web page shows the shared computer's PIN and controls; absent elsewhere. */
export function sessionPageOf(services: Pick<PanelServices, 'context' | 'env'>): string | undefined {
  return services.context === 'page' && services.env.background
    ? services.env.asset('session.html')
    : undefined;
}

export function SessionFrame({
  page: sessionPage,
  view,
  title,
  onEvent,
  takeFocus,
}: {
  /** Our `session.html` (sessionPageOf). */
  page: string;
  view: SessionView;
  /** The frame's accessible name. */
  title: string;
  onEvent: (event: SessionEvent) => void;
  /** Focus goes into the frame (its form takes it): the PIN was asked as the person left a field. */
  takeFocus?: boolean;
}) {
  const { env } = useServices();
  const hostRef = useRef<HTMLSpanElement>(null);
  const frameRef = useRef<HTMLIFrameElement | null>(null);
  const eventRef = useRef(onEvent);
  eventRef.current = onEvent;
  const focusRef = useRef(takeFocus);
  focusRef.current = takeFocus;

  useEffect(() => {
    const host = hostRef.current;
    const background = env.background;
    if (!host || !sessionPage || !background) return;
    // The extension's id: the host of its own address (a file that is not web-accessible).
    const extensionId = new URL(env.asset('')).host;
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(FRAME_CSS);
    shadow.adoptedStyleSheets = [sheet];
    const frame = document.createElement('iframe');
    frameRef.current = frame;
    frame.title = title;
    frame.src = `${sessionPage}?view=${view}`;
    let alive = true;
    let tokenFor: string | undefined;
    let gaveFocus = false;
    const onMessage = (e: MessageEvent) => {
      // Only our frame's own window: the page can post messages too, but not as our frame.
      if (e.source !== frame.contentWindow || !e.data || typeof e.data !== 'object') return;
      const data = e.data as { pasapas?: unknown; height?: unknown; event?: unknown; ready?: unknown };
      if (data.pasapas !== 'session') return;
      // The frame is listening: its token goes to our origin only, so a document the frame was
      // navigated to by anyone else cannot receive it.
      if (data.ready === true && tokenFor)
        frame.contentWindow?.postMessage(
          // With it, whether its form takes focus: the frame was given it (the PIN was asked).
          { pasapas: 'session-token', token: tokenFor, focus: gaveFocus },
          frameOrigin(sessionPage, extensionId),
        );
      if (typeof data.height === 'number' && Number.isFinite(data.height))
        frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(40, Math.ceil(data.height)))}px`;
      if (typeof data.event === 'string' && EVENTS.has(data.event as SessionEvent))
        eventRef.current(data.event as SessionEvent);
    };
    window.addEventListener('message', onMessage);
    // Armed first: the background gives this page script a token, which only our frame receives
    // (a message to our origin, which the page cannot read); the frame claims its place with it.
    background({ type: 'pasapas:session-arm', view })
      .catch(() => undefined)
      .then((answer: unknown) => {
        const token = (answer as { token?: unknown } | undefined)?.token;
        if (!alive) return;
        if (typeof token === 'string') tokenFor = token;
        // Focus still with us (the banner holding this frame, not the page): it goes into the frame.
        const root = host.getRootNode();
        const ours = root instanceof ShadowRoot ? root.host : host;
        shadow.append(frame);
        if (focusRef.current && document.activeElement === ours) {
          frame.focus();
          gaveFocus = true;
        }
      });
    return () => {
      alive = false;
      window.removeEventListener('message', onMessage);
      frame.remove();
    };
    // A new language is shown by the frame itself (it reads the same settings).
  }, [sessionPage, view]);

  useEffect(() => {
    // The accessible name follows the language without reloading the frame.
    if (frameRef.current) frameRef.current.title = title;
  }, [title]);

  return <span ref={hostRef} class="pp-session-frame" data-testid="session-frame" data-view={view} />;
}
