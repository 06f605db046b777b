import { signal } from '@preact/signals';
import { render } from 'preact';
import { FONT_FILES } from '../../utils/comfort/css';
import type { Lang } from '../../utils/i18n';
import type { FeatureContext, FeatureId } from '../../utils/plugins/registry';
import type { SettingsStore } from '../../utils/settings/settings';
import { createPageReader, type ReadSource } from '../../utils/speech/page-reader';
import type { SynthLike, UtteranceLike } from '../../utils/speech/speaker';
import { features as registry } from '../features';
import { type GuideSources, setGuideSources, setGuidesBase } from '../features/guides/config';
import type { OcrBridge } from '../features/ocr/protocol';
import { isPanelShortcut, promote } from '../launcher';
import { Panel } from '../panel/Panel';
import hostCss from '../styles/host.css?inline';
import panelCss from '../styles/panel.css?inline';
import { createServices } from './create-services';
import { ServicesContext } from './services';
import { attachOurShadow, modeFor } from './shadow-root';
import { ignoreUntrustedEvents } from './trusted-events';

export type MountOptions = {
  context: FeatureContext;
  layout: 'floating' | 'docked';
  /** Element that receives the shadow root; created when absent (extension). */
  host?: HTMLElement;
  store: SettingsStore;
  /** Allow-list from the widget configuration. */
  features?: FeatureId[];
  /** Language from the configuration, used until the person picks one. */
  lang?: Lang;
  position?: 'right' | 'left';
  /** Base URL of our bundled fonts, for the panel's own font choice. */
  fontBase: string;
  /** Base URL of the bundled guides (`index.json` and guide files), for the guides tab. */
  guidesBase?: string;
  /** Guides beyond the bundled ones: installed (extension) or configured by the administration (widget). */
  guideSources?: GuideSources;
  /** URL of the glossary file (`glossary/fr.json`), for readable mode's explanations. */
  glossaryUrl?: string;
  /** Base URL of the OCR engine files (`ocr/`): the widget reads documents in the page with them. */
  ocrBase?: string;
  /** The extension's own reading page (`ocr.html`), framed in the OCR tab instead of reading in the page. */
  ocrPage?: string;
  /** With `ocrPage`: arms the next ocr.html frame with the background; the token the frame claims with. */
  ocrArm?: () => Promise<string>;
  /** The side panel reads documents in itself, with this bridge to the tab in front. */
  ocrBridge?: () => OcrBridge;
  open?: boolean;
  /** The extension's PIN frame page (`session.html`), for the shared computer's controls on a web page. */
  sessionPage?: string;
  /** Widget configuration: public-computer mode (the extension reads the mediator's setting itself). */
  publicComputer?: Partial<import('../../utils/progress/types').PublicComputerConfig>;
};

export type PanelHandle = {
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  unmount(): void;
  /** Opens the panel on the speech tab and reads the page aloud (popup's "read the page"). */
  readPage(): void;
  /**
   * A command from our extension pages for one feature on this page (the side panel's guide, our
   * reading screens' fields and fill), relayed by the background: see each feature's `command`.
   */
  command(feature: FeatureId, command: unknown): Promise<unknown>;
  host: HTMLElement;
};

/** Mounts the panel in a shadow root: the same UI in the extension (page and side panel) and the widget. */
export async function mountPanel(options: MountOptions): Promise<PanelHandle> {
  const doc = document;
  const host = options.host ?? doc.createElement('div');
  host.setAttribute('data-pasapas-host', options.context);
  host.setAttribute('data-layout', options.layout);
  if (!options.host) (doc.body ?? doc.documentElement).append(host);
  const shadow = attachOurShadow(host, modeFor(options.context));
  // The extension on a web page: the page's forged clicks and keys never act (trusted-events.ts).
  const stopUntrusted = options.context === 'page' ? ignoreUntrustedEvents(shadow) : undefined;

  const hostSheet = new CSSStyleSheet();
  hostSheet.replaceSync(hostCss);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(panelCss);
  shadow.adoptedStyleSheets = [hostSheet, sheet];
  installPanelFonts(doc, options.fontBase);
  setGuidesBase(options.guidesBase);
  setGuideSources(options.guideSources);

  const open = signal(options.layout === 'docked' || options.open === true);
  const active = signal<FeatureId | undefined>(undefined);
  const enabled = registry.list(options.context, options.features);
  const speechRequest = signal<ReadSource | undefined>(undefined);

  const onPage = options.context !== 'sidepanel';
  const isOurs = (node: Node) => host.contains(node) || node === host;
  const pageReader = onPage ? createPageReader(doc, isOurs) : undefined;
  const speech =
    onPage && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function'
      ? {
          synth: window.speechSynthesis as unknown as SynthLike,
          makeUtterance: (text: string) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
        }
      : undefined;

  const { services, announcement, dispose } = await createServices({
    context: options.context,
    store: options.store,
    lang: options.lang,
    extra: {
      pageReader,
      speech,
      speechRequest,
      sessionPage: options.sessionPage,
      publicComputer: options.publicComputer,
      config: {
        glossaryUrl: options.glossaryUrl,
        ocr: { base: options.ocrBase, page: options.ocrPage, arm: options.ocrArm, bridge: options.ocrBridge },
      },
    },
  });

  // Each feature's page work (progress: autosave and the offer to resume…), stopped on unmount.
  const pageWork = new AbortController();
  if (onPage)
    for (const feature of enabled)
      Promise.resolve()
        .then(() => feature.setup?.(services, pageWork.signal))
        .catch(() => {});

  // Focus returns where it was before the panel opened (or to the launcher).
  let returnFocus: Element | null = null;
  const launcher = () => shadow.querySelector<HTMLElement>('[data-pasapas="launcher"]');
  const handle: PanelHandle = {
    host,
    isOpen: () => open.value,
    open() {
      if (open.value) return;
      const active = doc.activeElement;
      // Opening from our own launcher (or from nowhere) returns focus to the launcher.
      returnFocus =
        active && active !== host && active !== doc.body && active !== doc.documentElement ? active : null;
      open.value = true;
    },
    close() {
      if (options.layout === 'docked' || !open.value) return;
      open.value = false;
      speech?.synth.cancel();
      pageReader?.clear();
      queueMicrotask(() => {
        const target =
          returnFocus instanceof HTMLElement && returnFocus.isConnected ? returnFocus : launcher();
        target?.focus();
      });
    },
    toggle() {
      if (open.value) handle.close();
      else handle.open();
    },
    readPage() {
      handle.open();
      if (!enabled.some((f) => f.id === 'speech')) return;
      active.value = 'speech';
      speechRequest.value = 'page';
    },
    command(id, command) {
      const feature = enabled.find((f) => f.id === id);
      if (!feature?.command) return Promise.reject(new Error(`No command for ${id} here`));
      return feature.command(command, services);
    },
    unmount() {
      doc.removeEventListener('keydown', onShortcut, true);
      dispose();
      stopUntrusted?.();
      pageWork.abort();
      pageReader?.dispose();
      render(null, shadow);
      if (!options.host) host.remove();
    },
  };

  const onShortcut = (e: KeyboardEvent) => {
    if (!isPanelShortcut(e)) return;
    e.preventDefault();
    handle.toggle();
  };
  if (options.layout === 'floating') doc.addEventListener('keydown', onShortcut, true);

  // The tiny launcher shown before loading is replaced by the panel's own, in the same task: a
  // panel mounted early (closed, for progress) never leaves the page without a launcher.
  shadow.replaceChildren();
  render(
    <ServicesContext.Provider value={services}>
      <Panel
        layout={options.layout}
        position={options.position ?? 'right'}
        open={open}
        active={active}
        features={enabled}
        announcement={announcement}
        onClose={() => handle.close()}
        onToggle={() => handle.toggle()}
      />
    </ServicesContext.Provider>,
    shadow,
  );

  // The top layer puts the panel above any overlay of the page, whatever its z-index.
  if (options.layout === 'floating') promote(host);
  return handle;
}

/** @font-face does not work inside shadow roots: fonts are declared once on the document. */
function installPanelFonts(doc: Document, fontBase: string): void {
  const marker = 'data-pasapas-fonts';
  if (doc.documentElement.hasAttribute(marker)) return;
  doc.documentElement.setAttribute(marker, '');
  // FontFace objects load lazily (only when used) and are not subject to style-src CSP.
  for (const { family, file, weight } of FONT_FILES) {
    try {
      doc.fonts.add(
        new FontFace(family, `url(${fontBase}${file})`, { weight: String(weight), display: 'swap' }),
      );
    } catch {
      // Without the font the panel falls back to a system font.
    }
  }
}
