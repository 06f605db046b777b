import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

/** Wires browser events to the page: the keyboard command toggles the panel in the active tab. */
export default defineBackground(() => {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined)
      await browser.tabs.sendMessage(tab.id, { type: 'pasapas:toggle' }).catch(() => {});
  });
});
