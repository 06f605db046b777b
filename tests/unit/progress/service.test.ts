import { describe, expect, it } from 'vitest';
import { PUBLIC_DEFAULTS } from '../../../utils/progress/public-config';
import { answerCall, CALL, createRemoteClient } from '../../../utils/progress/remote';
import { createProgressService } from '../../../utils/progress/service';
import { LAST_PAGE_IDENTITY, type PublicComputerConfig } from '../../../utils/progress/types';
import type { FieldIdentity } from '../../../utils/storage/field-identity';
import { message } from '../../../utils/storage/messages';
import { freshDb, LOW_ITERATIONS, manualClock, rawDump } from '../storage/helpers';

const id = (name: string, path = '/aide-logement/identite.html'): FieldIdentity => ({
  name,
  formIndex: 0,
  position: 0,
  path,
});
const ORIGIN = 'http://127.0.0.1:8080';
const LOGEMENT = { guideId: 'fr.demo.aide-logement', origin: ORIGIN, title: 'Aide au logement' };

function setup(config: Partial<PublicComputerConfig> = {}) {
  const db = freshDb();
  const clock = manualClock();
  let stored: PublicComputerConfig = { ...PUBLIC_DEFAULTS, ...config };
  const service = createProgressService(db, {
    clock,
    iterations: LOW_ITERATIONS,
    loadConfig: () => stored,
    saveConfig: async (c) => {
      stored = c;
    },
  });
  return { db, clock, service };
}

describe('progress service (direct client)', () => {
  it('saves, finds and plans a restore in clear mode; sensitive fields are refused', async () => {
    const { service } = setup();
    expect(await service.mode()).toEqual({ kind: 'clear' });
    expect(await service.find(LOGEMENT.guideId, ORIGIN)).toBeNull();
    const p = await service.startOrGet(LOGEMENT);
    const results = await service.saveMany([
      { procedureId: p.id, identity: id('nom'), value: 'Martin' },
      { procedureId: p.id, identity: id('motdepasse'), value: 'secret', descriptor: { type: 'password' } },
    ]);
    expect(results[1]).toEqual({ saved: false, reason: 'sensitive' });
    expect((await service.find(LOGEMENT.guideId, ORIGIN))?.id).toBe(p.id);
    expect(await service.hasProcedures(ORIGIN)).toBe(true);
    expect(await service.hasProcedures('https://ailleurs.example')).toBe(false);
    const plan = await service.restorePlan(p.id, [
      { identity: id('nom'), currentValue: '' },
      { identity: id('motdepasse'), currentValue: '', descriptor: { type: 'password' } },
    ]);
    expect(plan.fill.map((f) => f.value)).toEqual(['Martin']);
  });

  it('gives the page to reopen from the last page kept', async () => {
    const { service } = setup();
    const p = await service.startOrGet(LOGEMENT);
    expect(await service.lastPage(p.id)).toBe(`${ORIGIN}/`);
    await service.saveMany([
      { procedureId: p.id, identity: LAST_PAGE_IDENTITY, value: '/aide-logement/foyer.html' },
    ]);
    expect(await service.lastPage(p.id)).toBe(`${ORIGIN}/aide-logement/foyer.html`);
    // Never offered as a field to restore.
    const plan = await service.restorePlan(p.id, [
      { identity: id('nom', '/aide-logement/foyer.html'), currentValue: '' },
    ]);
    expect(plan.fill).toEqual([]);
  });

  it('public computer: nothing is written before a PIN, then only encrypted; lock, wrong PIN, right PIN, wipe', async () => {
    const { db, service } = setup({ enabled: true });
    expect((await service.mode()).kind).toBe('needs-pin');
    await expect(service.startOrGet(LOGEMENT)).rejects.toMatchObject({ code: 'pin-needed' });
    expect(await db.procedures.count()).toBe(0);

    await service.choosePin('482193');
    expect((await service.mode()).kind).toBe('unlocked');
    const p = await service.startOrGet(LOGEMENT);
    await service.saveMany([{ procedureId: p.id, identity: id('nom'), value: 'Zyxwvutsrq' }]);
    const dump = await rawDump(db);
    expect(dump).not.toContain('Zyxwvutsrq');
    expect(dump).not.toContain('127.0.0.1');
    expect(dump).not.toContain('Aide au logement');

    await service.lock();
    expect((await service.mode()).kind).toBe('locked');
    await expect(service.list()).rejects.toMatchObject({ code: 'vault-locked' });
    const wrong = await service.unlock('000000').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'wrong-pin' });
    expect(message('fr', wrong)).toMatch(/pas le bon code/);
    await service.unlock('482193');
    const [summary] = await service.list();
    expect(summary?.title).toBe('Aide au logement');

    const wiped = await service.wipe();
    expect(wiped.nothingLeft).toBe(true);
    expect(await rawDump(db)).not.toContain('"sealed"');
    for (const t of ['procedures', 'fieldValues', 'stepProgress', 'documents', 'vault']) {
      expect(await db.table(t).count()).toBe(0);
    }
    // The mediator's setting stays: the next person is asked for a PIN again.
    expect((await service.mode()).kind).toBe('needs-pin');
  });

  it('locks after the chosen inactivity and wipes after the chosen time', async () => {
    const { db, clock, service } = setup({ enabled: true, idleMinutes: 5, maxHours: 2 });
    await service.choosePin('123456');
    const p = await service.startOrGet(LOGEMENT);
    clock.advance(4 * 60_000);
    await service.saveMany([{ procedureId: p.id, identity: id('nom'), value: 'A' }]);
    clock.advance(6 * 60_000);
    expect((await service.mode()).kind).toBe('locked');
    await service.unlock('123456');
    clock.advance(2 * 3_600_000);
    expect((await service.mode()).kind).toBe('needs-pin');
    expect(await db.procedures.count()).toBe(0);
    expect(await db.vault.count()).toBe(0);
  });

  it('hands over between two computers; a wrong passphrase or a damaged file changes nothing', async () => {
    const a = setup();
    const p = await a.service.startOrGet(LOGEMENT);
    await a.service.saveMany([{ procedureId: p.id, identity: id('nom'), value: 'Martin' }]);
    const file = await a.service.exportFile('une phrase longue');

    const b = setup();
    const other = await b.service.startOrGet({ ...LOGEMENT, guideId: 'autre' });
    await expect(b.service.importFile(file, 'pas la bonne')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const damaged = file.replace(
      /"ciphertext":"(.)/,
      (_m, c: string) => `"ciphertext":"${c === 'A' ? 'B' : 'A'}`,
    );
    await expect(b.service.importFile(damaged, 'une phrase longue')).rejects.toMatchObject({
      code: 'damaged',
    });
    expect((await b.service.list()).map((s) => s.id)).toEqual([other.id]);

    const result = await b.service.importFile(file, 'une phrase longue');
    expect(result).toMatchObject({ imported: 1, titles: ['Aide au logement'] });
    const plan = await b.service.restorePlan(p.id, [{ identity: id('nom'), currentValue: '' }]);
    expect(plan.fill[0]?.value).toBe('Martin');
  });

  it('the mediator setting is stored by the service that owns it', async () => {
    const { service } = setup();
    await service.setPublicComputer({ enabled: true, idleMinutes: 3, maxHours: 1 });
    expect(await service.publicComputer()).toEqual({ enabled: true, idleMinutes: 3, maxHours: 1 });
    const widget = createProgressService(freshDb(), { loadConfig: () => ({ ...PUBLIC_DEFAULTS }) });
    await expect(widget.setPublicComputer(PUBLIC_DEFAULTS)).rejects.toMatchObject({ code: 'no-config' });
  });
});

describe('messaging client', () => {
  it('behaves like the direct client, errors included (code, message key)', async () => {
    const { service } = setup({ enabled: true });
    const messages: unknown[] = [];
    const remote = createRemoteClient(async (m) => {
      messages.push(m);
      // Through JSON both ways, as the browser's messaging does.
      return JSON.parse(JSON.stringify(await answerCall(service, JSON.parse(JSON.stringify(m)))));
    });
    const err = await remote.startOrGet(LOGEMENT).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'pin-needed', messageKey: 'progress.error.pinNeeded' });
    await remote.choosePin('482193');
    const p = await remote.startOrGet(LOGEMENT);
    await remote.saveMany([{ procedureId: p.id, identity: id('nom'), value: 'Martin' }]);
    await remote.lock();
    const wrong = await remote.unlock('9999').catch((e: unknown) => e);
    expect(message('fr', wrong)).toBe(
      message('fr', { messageKey: 'storage.vault.wrongPin', params: { remaining: 4 } }),
    );
    expect(wrong).toMatchObject({ code: 'wrong-pin', params: { remaining: 4 } });
    expect(messages[0]).toMatchObject({ type: CALL, method: 'startOrGet' });
  });

  it('refuses unknown methods and says so when the background does not answer', async () => {
    const { service } = setup();
    expect(await answerCall(service, { method: 'constructor', args: [] })).toMatchObject({
      ok: false,
      error: { code: 'bad-call' },
    });
    const dead = createRemoteClient(async () => {
      throw new Error('Could not establish connection');
    });
    await expect(dead.mode()).rejects.toMatchObject({ code: 'unavailable' });
    const silent = createRemoteClient(async () => undefined);
    await expect(silent.mode()).rejects.toMatchObject({ code: 'unavailable' });
  });
});
