import type { ReadonlySignal, Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Params } from '../../utils/i18n';
import type { FeatureContext } from '../../utils/plugins/registry';
import type { Settings, SettingsStore } from '../../utils/settings/settings';
import type { PageReader, ReadSource } from '../../utils/speech/page-reader';
import type { SynthLike, UtteranceLike } from '../../utils/speech/speaker';

/** What the panel's tabs may use. Page services are absent where there is no page (options, side panel). */
export type PanelServices = {
  context: FeatureContext;
  store: SettingsStore;
  settings: Signal<Settings>;
  lang: ReadonlySignal<Lang>;
  t: (key: string, params?: Params) => string;
  update(patch: Partial<Settings>): void;
  /** Polite announcement for screen readers (one shared live region). */
  announce(message: string): void;
  pageReader?: PageReader;
  /** A reading asked from outside the speech tab (popup, keyboard): the tab performs it. */
  speechRequest?: Signal<ReadSource | undefined>;
  speech?: { synth: SynthLike; makeUtterance: (text: string) => UtteranceLike };
  /**
   * The extension's own PIN frame (`session.html`): on a web page, the shared computer's PIN and
   * "Terminer ma session" show only inside it. Absent in the widget and in extension pages.
   */
  sessionPage?: string;
  /** Where features find their files, from the entry that mounted the panel (no module-level setters). */
  config?: {
    /** The glossary file (`glossary/fr.json`), for readable mode's explanations. */
    glossaryUrl?: string;
    ocr?: import('../features/ocr/config').OcrConfig;
  };
  /** Widget configuration: public-computer mode (the extension reads the mediator's setting itself). */
  publicComputer?: Partial<import('../../utils/progress/types').PublicComputerConfig>;
};

export const ServicesContext = createContext<PanelServices | null>(null);

export function useServices(): PanelServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('PanelServices missing: render inside <ServicesContext.Provider>');
  return services;
}
