/**
 * Each message of the protocol is answered by exactly one background part, the feature's that owns
 * it (its folder's background.ts), found from the registry alone: the background entrypoint names
 * no feature, and a second answer to the same type is refused.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRouter, DuplicateHandlerError } from '../../../components/app/background/router';
import { createBackgroundServices } from '../../../components/app/background/services';
import { featureBackgrounds } from '../../../components/features/backgrounds';
import { features } from '../../../components/features/index';
import { panelOpenHandlers } from '../../../entrypoints/background/panel';
import { PROTOCOL } from '../../../utils/messaging/protocol';
import { contentSender, send, startBackground } from './senders';

describe('background parts', () => {
  it('belong to registered features, and together answer every message type once', () => {
    const ids = featureBackgrounds.map((f) => f.id);
    for (const id of ids) expect(features.has(id), id).toBe(true);
    // Those of today at least; a new feature's own background.ts joins without editing this list.
    expect(ids).toEqual(expect.arrayContaining(['guides', 'ocr', 'progress', 'studio']));
    expect(new Set(ids).size).toBe(ids.length);

    const router = createRouter();
    const services = createBackgroundServices();
    router.add('panel', panelOpenHandlers());
    for (const f of featureBackgrounds) router.add(f.id, f.start(services));
    const owners = router.owners();
    expect(Object.keys(owners).sort()).toEqual(Object.keys(PROTOCOL).sort());
    // Each message goes to the feature it is about.
    const ownerOf = (type: string) => owners[type as keyof typeof owners];
    for (const type of Object.keys(PROTOCOL)) {
      if (type.startsWith('pasapas:ocr-')) expect(ownerOf(type), type).toBe('ocr');
      if (type.startsWith('pasapas:studio-')) expect(ownerOf(type), type).toBe('studio');
      if (type.startsWith('pasapas:session-') || type.startsWith('progress:'))
        expect(ownerOf(type), type).toBe('progress');
    }
    expect(ownerOf('pasapas:guides:installed')).toBe('guides');
    expect(ownerOf('pasapas:panel-open')).toBe('panel');
  });

  it('refuse a second answer to the same message type', () => {
    const router = createRouter();
    router.add('panel', panelOpenHandlers());
    expect(() => router.add('print', { 'pasapas:panel-open': () => ({ open: true }) })).toThrow(
      DuplicateHandlerError,
    );
  });

  it('answer nothing they were not started for', async () => {
    startBackground(['panel']);
    // The progress part is not started in this router: its type is refused as unknown, no handler runs.
    expect(
      await send({ type: 'progress:site', method: 'list', args: [] }, contentSender('https://a.fr/', 1)),
    ).toEqual({ refused: 'unknown' });
    expect(await send({ type: 'pasapas:panel-open' }, contentSender('https://a.fr/', 1))).toEqual({
      open: false,
    });
  });
});
