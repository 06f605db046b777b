// @vitest-environment jsdom
/**
 * The page agent on a real DOM with the real service (fake-indexeddb): the offer comes once per
 * tab, later pages fill silently, what the site shows is asked about, and on a shared computer
 * nothing is kept before a PIN (and "Ne rien garder" stops asking).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Agent, type Banner, startProgressAgent } from '../../../components/features/progress/agent';
import { SITE_GUIDE_ID } from '../../../utils/progress/guide';
import { PUBLIC_DEFAULTS } from '../../../utils/progress/public-config';
import { createProgressService } from '../../../utils/progress/service';
import type { ProgressClient } from '../../../utils/progress/types';
import { openDatabase } from '../../../utils/storage/db';
import { testServices } from '../panel-services';

let counter = 0;
let agent: Agent | undefined;
/** The storage client the panel's context gives the agent (the widget's, on a fake IndexedDB). */
let storage: ProgressClient | undefined;
const ctx = testServices({
  storage: async () => {
    if (!storage) throw new Error('no storage yet');
    return storage;
  },
});

function service(enabled = false) {
  const db = openDatabase(`agent-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const client = createProgressService(db, {
    iterations: 100_000,
    loadConfig: () => ({ ...PUBLIC_DEFAULTS, enabled }),
  });
  // Every call the agent makes to the service, by name: what "the agent did something" looks like.
  const calls: string[] = [];
  const seen = new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return value.apply(target, args);
      };
    },
  });
  storage = seen;
  return { db, client, calls };
}

function form(values: { nom?: string; ville?: string } = {}) {
  document.body.innerHTML = `<form>
    <label for="nom">Nom</label><input id="nom" name="nom" value="${values.nom ?? ''}">
    <label for="ville">Commune</label><input id="ville" name="commune" value="${values.ville ?? ''}">
    <label for="pw">Mot de passe</label><input id="pw" name="pw" type="password">
  </form>`;
}
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
function type(id: string, value: string) {
  input(id).value = value;
  input(id).dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(async () => {
  await agent?.dispose();
  agent = undefined;
  sessionStorage.clear();
  storage = undefined;
});

describe('page agent', () => {
  it('offers once, fills silently on the next page of the same tab, and asks before replacing the site’s value', async () => {
    const { client } = service();
    const origin = location.origin;
    form();
    agent = startProgressAgent({ services: ctx });
    await agent.keepThisSite();
    type('nom', 'Martin');
    type('ville', 'Paris');
    type('pw', 'secret');
    await vi.waitFor(() => expect(agent?.savedAt.value).not.toBeNull(), { timeout: 3000 });
    await vi.waitFor(async () => {
      const p = await client.find(SITE_GUIDE_ID, origin);
      const plan = await client.restorePlan(p?.id ?? '', [
        {
          identity: {
            name: 'commune',
            id: 'ville',
            label: 'Commune',
            formIndex: 0,
            position: 1,
            path: location.pathname,
          },
          currentValue: '',
        },
      ]);
      expect(plan.fill[0]?.value).toBe('Paris');
    });
    await agent.dispose();

    // Back later: the site shows another town; nothing is written before the person answers.
    form({ ville: 'Lyon' });
    agent = startProgressAgent({ services: ctx });
    await vi.waitFor(() => expect(agent?.banner.value.kind).toBe('offer'));
    expect(input('nom').value).toBe('');
    agent.answerOffer(true);
    expect(input('nom').value).toBe('Martin');
    expect(input('pw').value).toBe('');
    expect(agent.banner.value.kind).toBe('conflicts');
    expect(input('ville').value).toBe('Lyon');
    const [conflict] = agent.banner.value.kind === 'conflicts' ? agent.banner.value.conflicts : [];
    agent.settleConflict(conflict?.index ?? -1, true);
    expect(input('ville').value).toBe('Paris');
    expect(agent.banner.value).toEqual({ kind: 'filled', count: 2 });
    await agent.dispose();

    // Same tab, next page load: accepted already, so empty fields fill without asking.
    form();
    agent = startProgressAgent({ services: ctx });
    await vi.waitFor(() => expect(input('nom').value).toBe('Martin'));
    expect(agent.banner.value.kind).toBe('hidden');
  });

  it('shared computer: nothing kept before a PIN; "Ne rien garder" stops asking; a PIN saves what waited', async () => {
    const { db, calls } = service(true);
    form();
    agent = startProgressAgent({ services: ctx });
    await agent.keepThisSite().catch(() => {});
    // What typing does before "Ne rien garder": the input event asks the service, there and then.
    const beforeTyping = calls.filter((c) => c === 'startOrGet').length;
    type('nom', 'Zorglub');
    expect(calls.filter((c) => c === 'startOrGet').length).toBe(beforeTyping + 1);
    await vi.waitFor(() => expect(agent?.banner.value.kind).toBe('pin-needed'));
    expect(await db.fieldValues.count()).toBe(0);
    agent.skipPin();
    const afterSkip = calls.length;
    type('nom', 'Zorglub2');
    // The same event after "Ne rien garder": dropped at once, no call at all, so nothing can ask again later.
    expect(calls.slice(afterSkip)).toEqual([]);
    expect(agent.banner.value.kind).toBe('hidden');

    // The person changes their mind and chooses a PIN from "Mes démarches".
    await (await ctx.storage()).choosePin('246813');
    await agent.resumeAfterPin();
    type('nom', 'Zorglub3');
    await vi.waitFor(async () => expect(await db.fieldValues.count()).toBeGreaterThan(0), { timeout: 3000 });
    const raw = JSON.stringify(await db.fieldValues.toArray());
    expect(raw).not.toContain('Zorglub');
  });
  it('shared computer: the code is asked when the person leaves the field, not while typing; what waited is saved after it', async () => {
    const { db } = service(true);
    form();
    agent = startProgressAgent({ services: ctx });
    await agent.keepThisSite().catch(() => {});
    agent.banner.value = { kind: 'hidden' };
    const a = agent;
    // The person types in « Nom »: the save needs a code, the question waits until they leave.
    input('nom').focus();
    type('nom', 'Zorglub');
    await vi.waitFor(() => expect(a.pinWanted.value).toBe('pin-needed'));
    type('ville', 'Paris');
    expect(agent.banner.value.kind).toBe('hidden');
    // Tab to « Commune »: the question comes, and will give focus back to « Commune ».
    input('ville').focus();
    const shown = agent.banner.value as Banner;
    expect(shown.kind).toBe('pin-needed');
    expect(shown.kind === 'pin-needed' && shown.ask?.back).toBe(input('ville'));
    // Once asked, leaving other fields does not ask again.
    input('nom').focus();
    expect(agent.banner.value).toBe(shown);
    expect(await db.fieldValues.count()).toBe(0);

    await (await ctx.storage()).choosePin('246813');
    await agent.resumeAfterPin();
    // Both answers typed before the code are kept (sealed), without typing them again, with the
    // page's path (where to come back).
    await vi.waitFor(async () => expect(await db.fieldValues.count()).toBe(3), { timeout: 3000 });
    expect(agent.pinWanted.value).toBe(null);
  });

  it('shared computer: « Ne rien garder » holds for the next pages of the tab', async () => {
    service(true);
    form();
    agent = startProgressAgent({ services: ctx });
    await agent.keepThisSite().catch(() => {});
    type('nom', 'Zorglub');
    await vi.waitFor(() => expect(agent?.banner.value.kind).toBe('pin-needed'));
    agent.skipPin();
    await agent.dispose();
    // The next page of the procedure, in the same tab.
    form();
    agent = startProgressAgent({ services: ctx });
    input('nom').focus();
    type('nom', 'Zorglub');
    input('ville').focus();
    expect(agent.pinWanted.value).toBe(null);
    expect(agent.banner.value.kind).toBe('hidden');
  });
});
