import type { Lang } from '../utils/i18n';
import { attachOurShadow, modeFor } from './app/shadow-root';
import { ignoreUntrustedEvents } from './app/trusted-events';
import hostCss from './styles/host.css?inline';

/**
 * The launcher shown before the panel's code is loaded. Plain DOM, no Preact: it ships in the
 * content script and the widget loader, which must stay tiny. The panel replaces it on first use.
 */
export const LAUNCHER_LABELS: Record<Lang, string> = {
  fr: "Ouvrir l'aide Pas à pas",
  en: 'Open Pas à pas help',
  ar: 'افتح مساعدة Pas à pas',
};

const HELP_ICON =
  'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 17h-2v-2h2v2zm2.1-7.7-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.5-2.1 1.2-2.8l1.2-1.3A2 2 0 1 0 10 9H8a4 4 0 1 1 7.1 2.3z';

export type TinyLauncher = {
  host: HTMLElement;
  shadow: ShadowRoot;
  button: HTMLButtonElement;
  setBusy(busy: boolean): void;
};

export function createTinyLauncher(options: {
  host: HTMLElement;
  context: 'page' | 'widget';
  lang: Lang;
  position: 'right' | 'left';
  scale: number;
  onActivate(): void;
}): TinyLauncher {
  const { host } = options;
  host.setAttribute('data-pasapas-host', options.context);
  host.setAttribute('data-layout', 'floating');
  const shadow = attachOurShadow(host, modeFor(options.context));
  if (options.context === 'page') ignoreUntrustedEvents(shadow);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(hostCss);
  shadow.adoptedStyleSheets = [sheet];

  const root = document.createElement('div');
  root.className = `pp-tiny pp-${options.position}`;
  root.dir = options.lang === 'ar' ? 'rtl' : 'ltr';
  root.lang = options.lang;
  root.style.setProperty('--pp-scale', String(options.scale));
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pp-launcher';
  button.setAttribute('data-pasapas', 'launcher');
  button.setAttribute('aria-expanded', 'false');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '28');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', HELP_ICON);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  const label = document.createElement('span');
  label.className = 'pp-launcher-label';
  label.textContent = LAUNCHER_LABELS[options.lang];
  button.append(svg, label);
  button.addEventListener('click', () => options.onActivate());
  root.append(button);
  shadow.replaceChildren(root);
  // A host not yet in the document cannot enter the top layer (the page script appends it later).
  if (host.isConnected) promote(host);
  return {
    host,
    shadow,
    button,
    setBusy(busy) {
      button.setAttribute('aria-busy', String(busy));
    },
  };
}

/** The top layer keeps the launcher above any overlay of the page, whatever its z-index. */
export function promote(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    host.removeAttribute('popover');
  }
}

/** Alt+Shift+P, typed by the person: a key event forged by the page's script is not a shortcut. */
export const isPanelShortcut = (e: KeyboardEvent) =>
  e.isTrusted && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP';
