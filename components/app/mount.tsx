import { signal } from '@preact/signals';
import { render } from 'preact';
import type { Lang } from '../../utils/i18n';
import { typingIn } from '../../utils/layout/page-focus';
import type { FeatureContext } from '../../utils/plugins/registry';
import type { SettingsStore } from '../../utils/settings/settings';
import { type FeatureId, features as registry } from '../features';
import { isPanelShortcut, promote } from '../launcher';
import { createPanelFit, FitContext } from '../panel/fit';
import { Panel } from '../panel/Panel';
import fitCss from '../styles/fit.css?inline';
import hostCss from '../styles/host.css?inline';
import panelCss from '../styles/panel.css?inline';
import { createServices } from './create-services';
import { installPanelFonts } from './panel-fonts';
import { type FrontPage, type PanelEnv, ServicesContext } from './services';
import { attachOurShadow, modeFor } from './shadow-root';
import type { StorageClientOptions } from './storage-client';
import { ignoreUntrustedEvents } from './trusted-events';

/**
 * What an entry (the extension's page script or side panel, the widget loader) tells the panel.
 * No feature is named here: each derives what it needs from `env`, `options` and `frontPage`.
 */
export type MountOptions = {
  context: FeatureContext;
  layout: 'floating' | 'docked';
  /** Element that receives the shadow root; created when absent (extension). */
  host?: HTMLElement;
  store: SettingsStore;
  /** Where our files are, and the extension's background when there is one. */
  env: PanelEnv;
  /** Allow-list from the widget configuration (registered ids; others are ignored). */
  features?: readonly string[];
  /** Language from the configuration, used until the person picks one. */
  lang?: Lang;
  position?: 'right' | 'left';
  open?: boolean;
  /**
   * Opens at once because the panel was open on this tab's previous page of the site (a form's next
   * page): the guide lands on its step and says the help goes on (issue 13, problem 3).
   */
  resumed?: boolean;
  /** Told when the person opens or closes the panel, so the next page of the tab can reopen it. */
  onOpenChange?(open: boolean): void;
  /**
   * The administration's options (the widget's, or those a widget handed over to the extension):
   * each feature's schema reads its own (FeatureDefinition.config).
   */
  options?: Readonly<Record<string, unknown>>;
  /** The side panel's way to the tab in front of it (PanelServices.frontPage). */
  frontPage?: FrontPage;
  /** Widget configuration: public-computer mode of what it keeps in the site (the extension reads the mediator's setting itself). */
  publicComputer?: StorageClientOptions['publicComputer'];
};

export type PanelHandle = {
  /** `resumed`: the panel was open on this tab's previous page (see MountOptions.resumed). */
  open(how?: 'resumed'): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  unmount(): void;
  /**
   * A command from our extension pages for one feature on this page (the popup's reading aloud, the
   * side panel's guide, our reading screens' fields and fill), relayed: see each feature's `command`.
   */
  command(feature: string, command: unknown): Promise<unknown>;
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
  const fitSheet = new CSSStyleSheet();
  fitSheet.replaceSync(fitCss);
  shadow.adoptedStyleSheets = [hostSheet, sheet, fitSheet];
  installPanelFonts(doc, options.env.asset('fonts/'));

  const open = signal(options.layout === 'docked' || options.open === true || options.resumed === true);
  const active = signal<FeatureId | undefined>(undefined);
  // In the widget an opt-in feature (the recorder) also needs its own option on (the loader checked
  // it already; the panel does not rely on that).
  const enabled = registry
    .list(options.context, options.features)
    .filter(
      (f) =>
        options.context !== 'widget' ||
        !f.widgetOptIn ||
        f.widgetOptIn(f.config?.parse(options.options ?? {}).config),
    );

  // The side panel has no page: page services (reading aloud, the guide on the page) are for the others.
  const onPage = options.context !== 'sidepanel';
  const { services, announcement, quiet, dispose } = await createServices({
    context: options.context,
    env: options.env,
    store: options.store,
    lang: options.lang,
    options: options.options,
    frontPage: options.frontPage,
    publicComputer: options.publicComputer,
    tabs: enabled.map((f) => f.id),
    page: onPage ? doc : undefined,
  });

  // Each feature's page work (autosave, the guide's highlight…), stopped on unmount.
  const pageWork = new AbortController();
  if (onPage)
    for (const feature of enabled)
      Promise.resolve()
        .then(() => feature.setup?.(services, pageWork.signal))
        .catch(() => {});

  // Focus returns where it was before the panel opened (or to the launcher).
  let returnFocus: Element | null = null;
  const launcher = () => shadow.querySelector<HTMLElement>('[data-pasapas="launcher"]');
  // Floating on a page: a sheet on narrow screens, never over the field being filled (fit.ts).
  const fit =
    options.layout === 'floating'
      ? createPanelFit({
          doc,
          open,
          preferred: options.position ?? 'right',
          isOurs: (node) => services.isOurs(node),
          ours: () =>
            [shadow.querySelector('[data-pasapas="panel"]'), launcher()].filter((el) => el !== null),
        })
      : null;
  // Back by itself on the procedure's next page: it lands on its step, unless the person already
  // types in a field of the page (the panel came late): then it is the bar and focus stays there.
  const resume = () => {
    if (!fit) return;
    const field = typingIn(doc, services.isOurs);
    if (field) fit.arriveLate(field);
    else fit.land.value = 'resumed';
  };
  if (options.resumed) resume();
  const handle: PanelHandle = {
    host,
    isOpen: () => open.value,
    open(how) {
      if (open.value) return;
      if (how === 'resumed') resume();
      const active = doc.activeElement;
      // Opening from our own launcher (or from nowhere) returns focus to the launcher.
      returnFocus =
        active && active !== host && active !== doc.body && active !== doc.documentElement ? active : null;
      open.value = true;
      options.onOpenChange?.(true);
    },
    close() {
      if (options.layout === 'docked' || !open.value) return;
      open.value = false;
      options.onOpenChange?.(false);
      quiet();
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
    command(id, command) {
      const feature = enabled.find((f) => f.id === id);
      if (!feature?.command) return Promise.reject(new Error(`No command for ${id} here`));
      return feature.command(command, services);
    },
    unmount() {
      doc.removeEventListener('keydown', onShortcut, true);
      pageWork.abort();
      fit?.dispose();
      dispose();
      stopUntrusted?.();
      render(null, shadow);
      if (!options.host) host.remove();
    },
  };

  // A feature's command may open the panel on its own tab (the popup's "read the page aloud").
  services.show = (id) => {
    const feature = enabled.find((f) => f.id === id);
    if (!feature) return;
    handle.open();
    active.value = feature.id;
  };

  const onShortcut = (e: KeyboardEvent) => {
    if (!isPanelShortcut(e)) return;
    e.preventDefault();
    handle.toggle();
  };
  if (options.layout === 'floating') doc.addEventListener('keydown', onShortcut, true);

  // The tiny launcher shown before loading is replaced by the panel's own, in the same task: a
  // panel mounted early (closed, for a feature's page work) never leaves the page without a launcher.
  shadow.replaceChildren();
  render(
    <ServicesContext.Provider value={services}>
      <FitContext.Provider value={fit}>
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
      </FitContext.Provider>
    </ServicesContext.Provider>,
    shadow,
  );

  // The top layer puts the panel above any overlay of the page, whatever its z-index.
  if (options.layout === 'floating') promote(host);
  return handle;
}
