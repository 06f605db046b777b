/**
 * Where OCR runs. Widget: in the page, engine files from `<widget base>/ocr/`. Extension: in our own
 * `ocr.html` frame (a content script cannot start the engine's worker, and the document must not touch
 * the page's origin), or right in the side panel (an extension page) with its own bridge to the tab in
 * front (PanelServices.frontPage). Derived from the panel's services: no module-level state.
 */
import type { PanelServices } from '../../app/services';
import type { OcrOptions } from './options-schema';
import { OCR_MESSAGES, type OcrBridge } from './protocol';
import { infosAccessOf } from './save-infos';
import { sidePanelBridge } from './sidepanel-bridge';

export type OcrConfig = {
  base?: string;
  /** The widget on the demo site: trusts the demo's 2D-Doc test key (options-schema.ts). */
  demoKey?: boolean;
  page?: string;
  /** The extension's page script: asks the background to arm the next ocr.html frame; its token. */
  arm?: () => Promise<string>;
  /** The side panel reads in itself: its bridge asks the background, which checks the tab in front. */
  bridge?: () => OcrBridge;
};

export function ocrConfigOf(services: PanelServices): OcrConfig {
  const background = services.env.background;
  const front = services.frontPage;
  // The side panel reads documents in itself; the background fills only the tab in front.
  if (background && front && services.context === 'sidepanel')
    return {
      bridge: () => {
        const infos = infosAccessOf(services);
        return { ...sidePanelBridge({ ...services.env, background }, front), ...(infos ? { infos } : {}) };
      },
    };
  // The extension on a web page: our own reading page, framed; only the frame we arm may fill this tab.
  if (background && services.context === 'page')
    return {
      page: services.env.asset('ocr.html'),
      arm: () =>
        background({ type: OCR_MESSAGES.arm }).then((r: unknown) => {
          const token = (r as { token?: unknown } | undefined)?.token;
          if (typeof token !== 'string') throw new Error('OCR frame not armed');
          return token;
        }),
    };
  // The widget reads in the page with the engine files of its folder.
  // Only here is the demo key read: the page that set it is the one the widget reads for.
  if (services.context === 'widget')
    return {
      base: services.env.asset('ocr/'),
      demoKey: (services.config.ocr as OcrOptions | undefined)?.twoddocDemoKey === true,
    };
  return {};
}
