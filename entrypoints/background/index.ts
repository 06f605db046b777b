import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../components/app/background/router';
import { createBackgroundServices } from '../../components/app/background/services';
import { tellAllTabs, tellTab } from '../../components/app/tell-tab';
import { featureBackgrounds } from '../../components/features/backgrounds';
import { SETTINGS_KEY } from '../../utils/settings/settings';
import { panelOpenHandlers } from './panel';

/**
 * Wires browser events to the page: the keyboard command toggles the panel in the active tab, and
 * messages from our pages and content scripts reach the handlers of the feature that owns them
 * (each registered feature's background.ts, components/features/backgrounds.ts), each checked
 * first against its sender policy and payload schema (utils/messaging/protocol.ts).
 */
export default defineBackground(() => {
  const services = createBackgroundServices();
  const router = createRouter();
  router.add('panel', panelOpenHandlers());
  // Synchronously, in the worker's first turn: each part registers its browser listeners here.
  for (const feature of featureBackgrounds) router.add(feature.id, feature.start(services));

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await tellTab(tab.id, { type: 'pasapas:toggle' }).catch(() => {});
  });

  // Open pages hear of new settings from here, so the script on every page needs no storage
  // listener of its own (its set-up costs on every page load); a page's own panel has one.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      tellAllTabs({ type: 'pasapas:settings' }).catch(() => {});
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!message || typeof message !== 'object') return undefined;
    // A promise answers the sender (both Chrome ≥ 99 and Firefox accept it). A refusal is plain
    // data, so the sender's client can say "not allowed" instead of waiting or guessing.
    return router.route(message, sender, browser.runtime.id).then((r) => (r.answered ? r.value : r.refusal));
  });
});
