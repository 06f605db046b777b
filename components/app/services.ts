import type { ReadonlySignal, Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Params } from '../../utils/i18n';
import type { FeatureContext } from '../../utils/plugins/registry';
import type { ProgressClient } from '../../utils/progress/types';
import type { Settings, SettingsStore } from '../../utils/settings/settings';
import type { PageReader, ReadSource } from '../../utils/speech/page-reader';
import type { SynthLike, UtteranceLike } from '../../utils/speech/speaker';
import type { GuideService } from './guide-service';

/** Where the panel runs, told by the entry that mounted it: features derive their files and links from it. */
export type PanelEnv = {
  /** Address of one of our files (`fonts/`, `guides/`, `glossary/fr.json`, `ocr/`, `ocr.html`…): the extension's or the widget folder's. */
  asset(path: string): string;
  /** The extension's background (absent in the widget): what lives in the extension, the arming of our frames. */
  background?: (message: unknown) => Promise<unknown>;
  /**
   * Asks the person for optional extension permissions (extension pages only, during a click):
   * true when granted. Absent in the widget and on web pages.
   */
  requestPermissions?: (names: readonly string[]) => Promise<boolean>;
};

/**
 * The extension's side panel helps with the tab in front of it: the features reach that page
 * through this, by their own id, so the side panel's entry names none of them.
 */
export type FrontPage = {
  /** That tab's id; null when there is none. */
  tabId(): Promise<number | null>;
  /** The side panel's window: the background checks the tab in front there. */
  windowId(): Promise<number | undefined>;
  /** A command to one feature on that page (its `FeatureDefinition.command`); null when no page answers. */
  send(feature: string, command: unknown): Promise<unknown>;
  /** Calls back at each change of page (another tab in front, a navigation, a closed tab); returns the stop. */
  onChange(listener: () => void): () => void;
};

/**
 * The panel's context: what its features may use. Made by mountPanel (or an extension page) from
 * its options and passed down, never set on modules, so a test builds one instead of resetting
 * globals. Page services are absent where there is no page (options, side panel).
 */
export type PanelServices = {
  context: FeatureContext;
  env: PanelEnv;
  store: SettingsStore;
  settings: Signal<Settings>;
  lang: ReadonlySignal<Lang>;
  t: (key: string, params?: Params) => string;
  update(patch: Partial<Settings>): void;
  /** Polite announcement for screen readers (one shared live region). */
  announce(message: string): void;
  /** Each feature's configuration by feature id: the options its schema parsed (FeatureDefinition.config), else its defaults. */
  config: Readonly<Record<string, unknown>>;
  /**
   * The tabs this panel shows (feature ids, the widget's allow-list applied): a feature offers a way
   * into another's tab (« Enregistrer dans Mes informations ») only where that tab is, to be found again.
   */
  tabs: readonly string[];
  /** The side panel's way to the tab it helps with (the guide shown there, the studio, OCR's fill); absent elsewhere. */
  frontPage?: FrontPage;
  /** Our own DOM (panel, highlight, banner, readable view): page work leaves it alone. */
  isOurs(node: Node | null): boolean;
  /** The guides this panel can use and the one followed on this page (loaded on first use). */
  guides(): Promise<GuideService>;
  /** Where "Mes démarches" is kept: the extension's background, or the site's own database in the widget. */
  storage(): Promise<ProgressClient>;
  /** Opens the panel on a feature's tab (a command from our extension pages); absent outside a panel. */
  show?(featureId: string): void;
  pageReader?: PageReader;
  /** A reading asked from outside the speech tab (popup, keyboard): the tab performs it. */
  speechRequest?: Signal<ReadSource | undefined>;
  speech?: { synth: SynthLike; makeUtterance: (text: string) => UtteranceLike };
};

export const ServicesContext = createContext<PanelServices | null>(null);

export function useServices(): PanelServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('PanelServices missing: render inside <ServicesContext.Provider>');
  return services;
}
