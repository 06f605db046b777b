/** "Mes informations" through the progress client: the same modes, the page's script kept out. */
import { describe, expect, it } from 'vitest';
import { SITE_METHODS } from '../../../utils/messaging/protocol';
import { PUBLIC_DEFAULTS } from '../../../utils/progress/public-config';
import { answerCall, createRemoteClient, SITE_CALL } from '../../../utils/progress/remote';
import { createProgressService } from '../../../utils/progress/service';
import { siteScoped } from '../../../utils/progress/site-scope';
import { freshDb, LOW_ITERATIONS, manualClock, rawDump } from '../storage/helpers';

function setup(enabled: boolean) {
  const db = freshDb();
  const clock = manualClock();
  const service = createProgressService(db, {
    clock,
    iterations: LOW_ITERATIONS,
    loadConfig: () => ({ ...PUBLIC_DEFAULTS, enabled }),
  });
  return { db, service };
}

describe('Mes informations in the progress client', () => {
  it('keeps entries sealed on an ordinary computer and removes them at the end of a session', async () => {
    const { db, service } = setup(false);
    await service.infosPut({ kind: 'caf-number', value: '1234567' });
    const bad = await service.infosPut({ kind: 'nir', value: '123' }).catch((e) => e);
    expect(bad).toMatchObject({ code: 'bad-value' });
    expect((await service.infosList()).map((e) => e.value)).toEqual(['1234567']);
    expect(await rawDump(db)).not.toContain('1234567');
    expect(await service.wipe()).toEqual({ nothingLeft: true });
    expect(await db.infos.count()).toBe(0);
  });

  it('on a public computer: nothing kept before a PIN, closed when locked, open after unlocking', async () => {
    const { service } = setup(true);
    await expect(service.infosPut({ kind: 'city', value: 'Lyon' })).rejects.toMatchObject({
      code: 'pin-needed',
    });
    await service.choosePin('482915');
    await service.infosPut({ kind: 'city', value: 'Lyon' });
    await service.lock();
    await expect(service.infosList()).rejects.toMatchObject({ code: 'vault-locked' });
    await service.unlock('482915');
    expect((await service.infosList()).map((e) => e.value)).toEqual(['Lyon']);
  });

  it('is not among the methods a web page’s script may call', async () => {
    const { service } = setup(false);
    await service.infosPut({ kind: 'city', value: 'Lyon' });
    for (const m of SITE_METHODS) expect(m.startsWith('infos')).toBe(false);
    const site = siteScoped(service, 'http://127.0.0.1:8080');
    const remote = createRemoteClient(
      (message) => answerCall(site, message as { method?: unknown; args?: unknown }),
      SITE_CALL,
    );
    await expect(remote.infosList()).rejects.toMatchObject({ code: 'bad-call' });
  });
});

describe('Mes informations through messaging', () => {
  it('adds an entry when the absent id arrives as null', async () => {
    const { service } = setup(false);
    const remote = createRemoteClient(async (message) =>
      answerCall(service, JSON.parse(JSON.stringify(message)) as { method?: unknown; args?: unknown }),
    );
    await remote.infosPut({ kind: 'city', value: 'Lyon' }, undefined);
    expect((await remote.infosList()).map((e) => e.value)).toEqual(['Lyon']);
  });
});
