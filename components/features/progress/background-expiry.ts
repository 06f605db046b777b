/**
 * Public-computer expiry without waiting for the next use: when the browser starts, at each start
 * of this worker, and by an alarm at the vault's end (then every 5 minutes while shared-computer
 * mode is on, in case the computer slept through it). Erasing unlinks the key file first
 * (utils/storage/vault.ts), so a switched-off computer keeps nothing readable past its time.
 */
import { browser } from 'wxt/browser';
import type { PasapasDB } from '../../../utils/storage/db';
import { eraseIfExpired } from '../../../utils/storage/vault';
import { PUBLIC_CONFIG_KEY } from './background-config';

const ALARM = 'pasapas:expiry';

export function startExpiry(database: () => PasapasDB): void {
  async function schedule(): Promise<void> {
    const [meta, stored] = await Promise.all([
      database().vault.get('meta'),
      browser.storage.local.get(PUBLIC_CONFIG_KEY),
    ]);
    const enabled = (stored[PUBLIC_CONFIG_KEY] as { enabled?: unknown } | undefined)?.enabled === true;
    if (!meta && !enabled) {
      await browser.alarms.clear(ALARM);
      return;
    }
    const when = meta ? Math.max(Date.now() + 1_000, meta.expiresAt) : Date.now() + 5 * 60_000;
    const current = await browser.alarms.get(ALARM);
    // Re-created only when the due time moves: every worker start must not push it later.
    if (current && Math.abs(current.scheduledTime - when) < 1_000) return;
    await browser.alarms.create(ALARM, { when, periodInMinutes: 5 });
  }

  async function enforceExpiry(): Promise<void> {
    await eraseIfExpired(database(), Date.now());
    await schedule();
  }

  browser.runtime.onStartup.addListener(() => {
    enforceExpiry().catch(() => {});
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) enforceExpiry().catch(() => {});
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PUBLIC_CONFIG_KEY in changes) schedule().catch(() => {});
  });
  // Each start of the worker (a page's question, the alarm itself) checks too.
  enforceExpiry().catch(() => {});
}
