/**
 * The guides feature's page work: the box around the followed step's field, drawn on the real page,
 * and the page scrolled to it. It follows the panel's guide service (whichever part started the
 * session: this tab, the side panel's commands), so it outlives the tab; it stops with the panel.
 */
import { effect } from '@preact/signals';
import { THEME_COLORS } from '../../../utils/comfort/css';
import type { GuideSession, SessionView } from '../../../utils/guides/session';
import { createTranslator } from '../../../utils/i18n';
import { typingElsewhere } from '../../../utils/layout/page-focus';
import { createHighlight, type Highlight } from '../../app/highlight';
import type { PanelServices } from '../../app/services';
import { guidesMessages } from './messages';
import { numbersOf } from './numbers';

const translate = createTranslator(guidesMessages);

function prefersReducedMotion(): boolean {
  try {
    return matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

function reveal(element: Element) {
  try {
    element.scrollIntoView({
      block: 'center',
      inline: 'nearest',
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });
  } catch {
    // Old engines without options.
  }
}

/** Buttons and links are to click, not to fill. */
function isButton(el: Element): boolean {
  const type = (el as HTMLInputElement).type;
  return (
    el.localName === 'button' ||
    el.localName === 'a' ||
    (el.localName === 'input' && (type === 'submit' || type === 'button')) ||
    el.getAttribute('role') === 'button'
  );
}

export async function drawGuideOnPage(
  ctx: PanelServices,
  signal: AbortSignal,
  doc = document,
): Promise<void> {
  const service = await ctx.guides();
  if (signal.aborted) return;
  let highlight: Highlight | null = null;
  let session: GuideSession | null = null;
  let stopView: (() => void) | undefined;
  let shown: Element | null = null;

  const draw = (view: SessionView) => {
    const element = view.element;
    if (!element || view.target !== 'found' || view.state.finished) {
      highlight?.hide();
      return;
    }
    if (!highlight) {
      highlight = createHighlight(doc);
      highlight.setColors(themeColors());
    }
    const click = view.state.step?.done.kind === 'clicked' || isButton(element);
    highlight.show(element, translate(ctx.lang.value, click ? 'guides.highlightClick' : 'guides.highlight'));
  };
  const onView = (view: SessionView) => {
    draw(view);
    if (session) numbersOf(session).see(view);
    if (view.element && view.element !== shown) {
      shown = view.element;
      // Not while the person types in another field: the page stays where they are (page-focus.ts).
      if (!typingElsewhere(doc, ctx.isOurs, view.element)) reveal(view.element);
    }
  };

  const stopSessions = service.onSession((next) => {
    stopView?.();
    stopView = undefined;
    shown = null;
    session = next;
    if (!next) {
      highlight?.hide();
      return;
    }
    stopView = next.subscribe(onView);
    onView(next.view());
  });
  // The box and its label follow the person's contrast theme (« Jaune sur noir »: yellow, not navy on black).
  const themeColors = () => {
    const theme = ctx.settings.value.comfort.theme;
    return theme === 'default' ? null : THEME_COLORS[theme];
  };
  const stopColors = effect(() => {
    const colors = themeColors();
    highlight?.setColors(colors);
  });
  // The label follows the panel's language.
  const stopLabels = effect(() => {
    ctx.lang.value;
    if (session) draw(session.view());
  });
  signal.addEventListener(
    'abort',
    () => {
      stopSessions();
      stopView?.();
      stopLabels();
      stopColors();
      highlight?.dispose();
    },
    { once: true },
  );
}
