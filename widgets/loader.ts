/**
 * The widget loader, the only script an administration adds:
 *   <script src="/pasapas/widget.js" data-features="…" data-lang="fr" defer></script>
 * It applies the person's settings to the page at once (no flash), shows the launcher and loads the
 * panel only when the person opens it. A bad configuration is reported in the console and the
 * faulty part falls back to its default; the host page is never broken.
 */
import * as registered from '../components/features/list';
import { createTinyLauncher, isPanelShortcut } from '../components/launcher';
import { pickLang } from '../utils/i18n';
import { rememberWidgetOpen, widgetWasOpen } from '../utils/panel/open-memory';
import { applyToPage, removeFromPage, textScaleOf } from '../utils/settings/page';
import { createLocalSettingsStore, readLocalSettingsSync } from '../utils/settings/settings';
import {
  configFromDataset,
  formatProblems,
  parseWidgetConfig,
  type WidgetConfig,
  withScriptTagOptIns,
} from '../utils/widget/config';
import { WIDGET_CONFIG_EVENT } from '../utils/widget/handover';
import { extensionAnswers, onExtensionArrival } from '../utils/widget/one-panel';

/**
 * The registered features' definitions: their ids, options and preload. Their tabs and page work
 * are not in this script (vite.loader.config.ts leaves their lazy imports out); they load with the panel.
 */
const FEATURES = Object.values(registered);

type PanelModule = typeof import('./panel-entry');
type Handle = Awaited<ReturnType<PanelModule['mountPanel']>>;

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src ?? document.baseURI).href;
const fontBase = `${base}fonts/`;
const ELEMENT = 'pasapas-aide';
// The tag's own options, read now, as the administration wrote them: the only place the opt-in
// features (the recorder) are turned on (withScriptTagOptIns).
const scriptOptions = configFromDataset({ ...(script?.dataset ?? {}) }, FEATURES);

// The person's extension shows the panel where it runs: asked, never read from a mark on the page
// (utils/widget/one-panel.ts). Once it answered, it stays.
let extension = false;
const extensionPresent = (): boolean => {
  extension ||= extensionAnswers(document);
  return extension;
};

/** Widgets started before the extension's page script arrived, each able to stand aside. */
const started = new Set<() => void>();

/** Hands the administration's options to the extension's panel (its features check them again there). */
const handOver = (input: Record<string, unknown>) =>
  document.dispatchEvent(new CustomEvent(WIDGET_CONFIG_EVENT, { detail: JSON.stringify(input) }));

/** The site's sessionStorage, or nothing where it is blocked (a sandboxed frame). */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function init(): void {
  if ((window as { PasAPas?: unknown }).PasAPas) return; // loaded twice: keep the first
  const api = { mount, version: '0.1.0' };
  (window as { PasAPas?: typeof api }).PasAPas = api;

  const settings = readLocalSettingsSync(window);
  if (!extensionPresent()) applyToPage(document, settings, () => fontBase);
  // The extension arrived after us (a tab opened before it was installed): it shows the one panel.
  onExtensionArrival(document, () => {
    extension = true;
    for (const stepAside of started) stepAside();
    started.clear();
  });

  if (!customElements.get(ELEMENT)) {
    customElements.define(
      ELEMENT,
      class extends HTMLElement {
        connectedCallback() {
          if (this.hasAttribute('data-pasapas-mounted')) return;
          mount(configFromDataset(this.dataset, FEATURES), this);
        }
      },
    );
  }
  // The script tag alone is enough: create the element unless the page placed one itself.
  const auto = script?.dataset.auto !== 'false';
  if (auto && !document.querySelector(ELEMENT)) {
    const place = () => {
      if (document.querySelector(ELEMENT)) return;
      const el = document.createElement(ELEMENT);
      for (const [key, value] of Object.entries(script?.dataset ?? {})) {
        if (value !== undefined) el.dataset[key] = value;
      }
      document.body.append(el);
    };
    if (document.body) place();
    else document.addEventListener('DOMContentLoaded', place, { once: true });
  }
}

/** Public API: PasAPas.mount(options) or <pasapas-aide>. Returns false when nothing was mounted. */
function mount(given: Record<string, unknown> = {}, element?: HTMLElement): boolean {
  try {
    const tagged = withScriptTagOptIns(given, scriptOptions, FEATURES);
    const input = tagged.input;
    const { config, problems } = parseWidgetConfig(input, FEATURES);
    problems.unshift(...tagged.problems);
    if (problems.length) console.error(formatProblems(problems));
    const host = element ?? document.querySelector<HTMLElement>(ELEMENT) ?? document.createElement(ELEMENT);
    host.setAttribute('data-pasapas-mounted', '');
    if (extensionPresent()) {
      // The person's extension already shows the panel: exactly one panel per page.
      host.setAttribute('data-pasapas-state', 'extension');
      handOver(input);
      return false;
    }
    if (!host.isConnected) document.body.append(host);
    start(host, config, input);
    return true;
  } catch (error) {
    console.error('Pas à pas : le widget n’a pas pu démarrer / the widget could not start.', error);
    return false;
  }
}

function start(host: HTMLElement, config: WidgetConfig, input: Record<string, unknown>): void {
  const store = createLocalSettingsStore(window);
  const saved = readLocalSettingsSync(window);
  const lang = saved.lang ?? config.lang ?? pickLang(navigator.languages);
  let handle: Handle | undefined;
  let loading: Promise<Handle> | undefined;

  const unsubscribe = store.subscribe((next) => applyToPage(document, next, () => fontBase));

  const load = (): Promise<Handle> => {
    loading ??= (import(/* @vite-ignore */ `${base}panel/panel.js`) as Promise<PanelModule>)
      .then((mod) =>
        mod.mountPanel({
          context: 'widget',
          layout: 'floating',
          host,
          store,
          // The widget's folder holds our files (those the administration copied with it); no background.
          env: { asset: (path) => `${base}${path}` },
          features: config.features,
          // Each feature's schema reads its own options again (problems were reported above).
          options: input,
          ...(config.publicComputer ? { publicComputer: config.publicComputer } : {}),
          lang: config.lang,
          position: config.position,
          // The site's sessionStorage (this tab, this site): the procedure's next page reopens the panel.
          onOpenChange: (open) => rememberWidgetOpen(tabStorage(), open),
        }),
      )
      .then((h) => {
        handle = h;
        document.removeEventListener('keydown', onKey, true);
        return h;
      })
      .catch((error: unknown) => {
        loading = undefined;
        tiny.setBusy(false);
        console.error('Pas à pas : le panneau n’a pas pu se charger / the panel could not load.', error);
        throw error;
      });
    return loading;
  };
  const openPanel = () => {
    tiny.setBusy(true);
    load()
      .then((h) => h.open())
      .catch(() => {});
  };
  const onKey = (e: KeyboardEvent) => {
    if (!isPanelShortcut(e) || handle) return;
    e.preventDefault();
    openPanel();
  };
  document.addEventListener('keydown', onKey, true);
  const tiny = createTinyLauncher({
    host,
    context: 'widget',
    lang,
    position: config.position,
    scale: textScaleOf(saved),
    onActivate: openPanel,
  });
  const early = () => {
    load().catch(() => {});
  };
  started.add(() => {
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('input', early, true);
    unsubscribe();
    removeFromPage(document);
    tiny.shadow.replaceChildren();
    host.removeAttribute('data-pasapas-host');
    if (handle) handle.unmount();
    else loading?.then((h) => h.unmount()).catch(() => {});
    host.setAttribute('data-pasapas-state', 'extension');
    handOver(input);
  });
  // Features' page work (FeatureDefinition.preload): something kept on this site, or the first
  // keystroke in the page, loads the panel (closed) so typing is kept and a return can be offered.
  // The hints are flags, never personal data.
  const enabled = FEATURES.filter((f) => config.features.includes(f.id));
  const hints = enabled.flatMap((f) => (f.preload?.hintKey ? [f.preload.hintKey] : []));
  let hinted = false;
  try {
    hinted = hints.some((key) => localStorage.getItem(key) === '1');
  } catch {
    // storage blocked: wait for the first keystroke
  }
  // The help follows the procedure: open on this tab's previous page of the site, it opens again.
  if (widgetWasOpen(tabStorage())) {
    tiny.setBusy(true);
    load()
      .then((h) => h.open('resumed'))
      .catch(() => {});
  } else if (hinted) early();
  else if (enabled.some((f) => f.preload?.firstInput))
    document.addEventListener('input', early, { capture: true, once: true });
}

init();
