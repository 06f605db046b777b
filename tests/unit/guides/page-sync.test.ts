/** The page's side of the side panel beyond the core commands: the shared checklist and answers on change. */

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ChangeSource,
  createChecklist,
  nextChange,
  type PageSnapshot,
  parseSyncCommand,
  snapshotKey,
  watchSnapshot,
} from '../../../components/features/guides/page-sync.ts';
import type { RemoteSnapshot } from '../../../utils/guides/remote.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('createChecklist', () => {
  it('keeps ticks per guide, tells its listeners, and gives a new set on each change', () => {
    const list = createChecklist();
    const heard: string[] = [];
    const stop = list.subscribe(() => heard.push([...list.get('g1')].join(',')));
    const before = list.get('g1');
    expect(before.size).toBe(0);
    list.set('g1', 'rib', true);
    list.set('g1', 'avis', true);
    expect([...list.get('g1')].sort()).toEqual(['avis', 'rib']);
    expect(list.get('g2').size).toBe(0);
    expect(list.get('g1')).not.toBe(before);
    // Ticking what is already ticked changes nothing and tells nobody.
    list.set('g1', 'rib', true);
    list.set('g1', 'rib', false);
    expect(heard).toEqual(['rib', 'rib,avis', 'avis']);
    stop();
    list.set('g1', 'avis', false);
    expect(heard).toHaveLength(3);
    expect(list.get('g1').size).toBe(0);
  });

  it('a listener that throws does not stop the others', () => {
    const list = createChecklist();
    let heard = 0;
    list.subscribe(() => {
      throw new Error('broken view');
    });
    list.subscribe(() => heard++);
    list.set('g', 'd', true);
    expect(heard).toBe(1);
  });
});

describe('parseSyncCommand', () => {
  it('keeps watch and tick, refuses anything else', () => {
    expect(parseSyncCommand({ action: 'watch', since: 'k' })).toEqual({ action: 'watch', since: 'k' });
    expect(parseSyncCommand({ action: 'watch', since: '' })).toEqual({ action: 'watch', since: '' });
    expect(
      parseSyncCommand({ action: 'tick', guideId: 'fr.a', documentId: 'rib', ticked: false, extra: 1 }),
    ).toEqual({ action: 'tick', guideId: 'fr.a', documentId: 'rib', ticked: false });
    for (const bad of [
      null,
      'watch',
      { action: 'next' },
      { action: 'watch' },
      { action: 'watch', since: 3 },
      { action: 'tick', guideId: 'fr.a', documentId: 'rib' },
      { action: 'tick', guideId: 'fr.a', documentId: 'rib', ticked: 'yes' },
      { action: 'tick', guideId: '', documentId: 'rib', ticked: true },
      { action: 'tick', guideId: 'fr.a', documentId: 'x'.repeat(201), ticked: true },
    ])
      expect(parseSyncCommand(bad)).toBeNull();
  });
});

const guide = (id: string, version = '1.0.0') =>
  ({ id, version }) as unknown as RemoteSnapshot['matching'][0]['guide'];
function core(index: number, check: { ok: boolean; text: string } | null = null): RemoteSnapshot {
  return {
    status: 'ready',
    matching: [{ guide: guide('g'), trust: 'builtin' }],
    current: { guideId: 'g', index, total: 5, finished: false, done: [], target: 'found', check },
  };
}

describe('snapshotKey', () => {
  it('changes with what the side panel shows, not with the order of ticks or a one-off answer', () => {
    const key = snapshotKey(core(1), ['a', 'b']);
    expect(snapshotKey(core(1), ['b', 'a'])).toBe(key);
    expect(snapshotKey({ ...core(1), focused: false }, ['a', 'b'])).toBe(key);
    expect(snapshotKey(core(2), ['a', 'b'])).not.toBe(key);
    expect(snapshotKey(core(1), ['a'])).not.toBe(key);
    expect(snapshotKey(core(1, { ok: false, text: 'Trop court.' }), ['a', 'b'])).not.toBe(key);
    const other = { ...core(1), matching: [{ guide: guide('g', '1.1.0'), trust: 'builtin' as const }] };
    expect(snapshotKey(other, ['a', 'b'])).not.toBe(key);
  });
});

/** A source that notifies when `fire` is called, and counts who listens. */
function manualSource() {
  const listeners = new Set<() => void>();
  const source: ChangeSource = (notify) => {
    listeners.add(notify);
    return () => listeners.delete(notify);
  };
  const fire = () => {
    for (const listener of [...listeners]) listener();
  };
  return { source, fire, listening: () => listeners.size };
}

describe('nextChange', () => {
  it('resolves true on a change, false when the time is up, and stops listening either way', async () => {
    vi.useFakeTimers();
    const s = manualSource();
    const changed = nextChange(s.source, 1000);
    expect(s.listening()).toBe(1);
    s.fire();
    await expect(changed).resolves.toBe(true);
    expect(s.listening()).toBe(0);

    const quiet = nextChange(s.source, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(quiet).resolves.toBe(false);
    expect(s.listening()).toBe(0);
  });

  it('a source that notifies while subscribing is heard', async () => {
    let stopped = 0;
    const eager: ChangeSource = (notify) => {
      notify();
      return () => stopped++;
    };
    await expect(nextChange(eager, 1000)).resolves.toBe(true);
    expect(stopped).toBe(1);
  });
});

describe('watchSnapshot', () => {
  const snap = (index: number, ticked: string[] = []): PageSnapshot => {
    const c = core(index);
    return { ...c, ticked, key: snapshotKey(c, ticked) };
  };

  it('answers at once when the page differs from what the side panel shows', async () => {
    const s = manualSource();
    const shown = snap(1);
    const answer = await watchSnapshot(shown.key, async () => snap(2), s.source, 10_000);
    expect(answer.current?.index).toBe(2);
    expect(s.listening()).toBe(0);
  });

  it('waits for a change that shows, ignores one that does not, and answers the same after the time', async () => {
    vi.useFakeTimers();
    const s = manualSource();
    let page = snap(1);
    const shown = page.key;
    let asked = 0;
    const watching = watchSnapshot(
      shown,
      async () => {
        asked++;
        return page;
      },
      s.source,
      20_000,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(s.listening()).toBe(1);
    // A keystroke inside a word: the session notifies, nothing shown changed, still waiting.
    s.fire();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toBe(2);
    expect(s.listening()).toBe(1);
    // A document ticked in the page's own panel: answered.
    page = snap(1, ['rib']);
    s.fire();
    const answer = await watching;
    expect(answer.ticked).toEqual(['rib']);
    expect(answer.key).not.toBe(shown);
    expect(s.listening()).toBe(0);

    const idle = watchSnapshot(page.key, async () => page, s.source, 20_000);
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(idle).resolves.toMatchObject({ key: page.key });
    expect(s.listening()).toBe(0);
  });
});
