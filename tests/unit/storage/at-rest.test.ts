/**
 * Erasure that holds on disk, in Node: what a reader of the disk would find is the rows as
 * stored (rawDump) plus any older copy LevelDB kept (simulated by putting the old rows back
 * after the wipe). Nothing personal is in clear in either mode, and once the key file is
 * unlinked, old copies of the rows cannot be opened.
 */
import { describe, expect, it } from 'vitest';
import { sealBytes, sealJson } from '../../../utils/crypto/aead.ts';
import { fromBase64, toBase64 } from '../../../utils/crypto/bytes.ts';
import { deriveKeys, newKdfParams } from '../../../utils/crypto/kdf.ts';
import { newArgon2idParams } from '../../../utils/crypto/pin-kdf.ts';
import { makeNote } from '../../../utils/feedback/notes.ts';
import { createFeedbackStore } from '../../../utils/feedback/store.ts';
import { PUBLIC_DEFAULTS } from '../../../utils/progress/public-config.ts';
import { answerCall, createRemoteClient } from '../../../utils/progress/remote.ts';
import { createProgressService } from '../../../utils/progress/service.ts';
import {
  DEVICE_KEY_FILE,
  FEEDBACK_KEY_FILE,
  feedbackCipher,
  VAULT_KEY_FILE,
} from '../../../utils/storage/data-key.ts';
import type { FieldValueRow, PasapasDB, ProcedureRow } from '../../../utils/storage/db.ts';
import { PinTriesExhaustedError, WrongPinError } from '../../../utils/storage/errors.ts';
import { type KeyFiles, memoryKeyFiles } from '../../../utils/storage/key-files.ts';
import { message } from '../../../utils/storage/messages.ts';
import { createProgressStore } from '../../../utils/storage/progress.ts';
import { eraseIfExpired, unlockVault } from '../../../utils/storage/vault.ts';
import { freshDb, LOW_ITERATIONS, manualClock, rawDump } from './helpers.ts';

const ORIGIN = 'https://wwwd.caf.fr';
const CAF = { guideId: 'caf-apl', origin: ORIGIN, title: 'Aide au logement' };
const SECRETS = ['FR7630006000011234567890189', 'Yasmina Benali', '12 rue des Lilas'];
const SECRET_LABEL = 'Titulaire du compte';
const ident = (i: number) => ({
  name: `champ_${i}`,
  label: SECRET_LABEL,
  formIndex: 0,
  position: i,
  path: '/etape-1',
});
const light = () => newArgon2idParams({ memoryKiB: 8_192, iterations: 1 });

function setup(
  opts: { db?: PasapasDB; files?: KeyFiles; enabled?: boolean; clock?: ReturnType<typeof manualClock> } = {},
) {
  const db = opts.db ?? freshDb();
  const files = opts.files ?? memoryKeyFiles();
  const clock = opts.clock ?? manualClock();
  let config = { ...PUBLIC_DEFAULTS, enabled: opts.enabled ?? false };
  const service = createProgressService(db, {
    clock,
    kdf: light,
    keyFiles: files,
    loadConfig: () => config,
    saveConfig: async (c) => {
      config = c;
    },
  });
  return { db, files, clock, service };
}

async function fill(service: ReturnType<typeof setup>['service']) {
  const p = await service.startOrGet(CAF);
  await service.saveMany(SECRETS.map((value, i) => ({ procedureId: p.id, identity: ident(i), value })));
  return p;
}

type Rows = { procedures: ProcedureRow[]; fieldValues: FieldValueRow[] };
const rows = async (db: PasapasDB): Promise<Rows> => ({
  procedures: await db.procedures.toArray(),
  fieldValues: await db.fieldValues.toArray(),
});
/** What LevelDB may still hold after a wipe: the old rows, written back. */
async function putBack(db: PasapasDB, old: Rows) {
  await db.procedures.bulkPut(old.procedures);
  await db.fieldValues.bulkPut(old.fieldValues);
}
function expectNoSecret(dump: string) {
  for (const s of [...SECRETS, SECRET_LABEL, CAF.title, ORIGIN, 'caf.fr', CAF.guideId, 'etape-1'])
    expect(dump).not.toContain(s);
}

describe('ordinary computer: sealed with a data key that wiping unlinks', () => {
  it('writes nothing personal in clear, and reads it all back', async () => {
    const { db, files, service } = setup();
    const p = await fill(service);
    expectNoSecret(await rawDump(db));
    expect((await files.read(DEVICE_KEY_FILE))?.length).toBe(64);
    expect((await service.find(CAF.guideId, ORIGIN))?.id).toBe(p.id);
    expect(await service.hasProcedures(ORIGIN)).toBe(true);
    expect(await service.hasProcedures('https://ailleurs.example')).toBe(false);
    expect((await service.list())[0]).toMatchObject({ title: CAF.title, origin: ORIGIN, fieldCount: 3 });
    const plan = await service.restorePlan(
      p.id,
      SECRETS.map((_, i) => ({ identity: ident(i), currentValue: '' })),
    );
    expect(plan.fill.map((f) => f.value).sort()).toEqual([...SECRETS].sort());
  });

  it('wipe unlinks the key file first: copies of the rows left behind cannot be opened', async () => {
    const { db, files, service } = setup();
    await fill(service);
    const old = await rows(db);
    const key = await files.read(DEVICE_KEY_FILE);
    expect(await service.wipe()).toEqual({ nothingLeft: true });
    expect(await files.read(DEVICE_KEY_FILE)).toBeNull();
    // A new key is made only when something is saved again.
    expect(await service.list()).toEqual([]);
    expect(await files.read(DEVICE_KEY_FILE)).toBeNull();
    await putBack(db, old);
    // Unreadable leftovers (a wipe cut short, then the browser restarted) are dropped, not shown or thrown.
    const restarted = setup({ db, files }).service;
    expect(await restarted.list()).toEqual([]);
    expect(await db.fieldValues.count()).toBe(0);
    await fill(restarted);
    expect(toBase64((await files.read(DEVICE_KEY_FILE)) ?? new Uint8Array())).not.toBe(
      toBase64(key ?? new Uint8Array()),
    );
  });

  it('the notes for guide authors outlive the wipe (they wait for the mediator’s export), still sealed', async () => {
    const { db, files, service } = setup();
    let stored: unknown;
    const notes = createFeedbackStore(
      {
        read: async () => stored,
        write: async (value) => {
          stored = value;
        },
      },
      (create) => feedbackCipher(db, { create }),
    );
    const date = new Date('2026-12-02T10:00:00Z');
    await notes.add(
      makeNote({ guideId: 'caf-apl', guideVersion: '1.0.0', stepId: 'nom', comment: 'Pas clair', date }).note,
    );
    await fill(service);
    expect(await service.wipe()).toEqual({ nothingLeft: true });
    expect(await files.read(DEVICE_KEY_FILE)).toBeNull();
    expect((await files.read(FEEDBACK_KEY_FILE))?.length).toBe(64);
    expect(JSON.stringify(stored)).not.toContain('Pas clair');
    expect((await notes.list('caf-apl')).map((n) => n.comment)).toEqual(['Pas clair']);
  });

  it('rows an older version saved in clear are sealed at first use', async () => {
    const db = freshDb();
    const legacy = createProgressStore(db); // no data key: as version 3 wrote them
    const p = await legacy.startOrGet(CAF);
    await legacy.saveMany(SECRETS.map((value, i) => ({ procedureId: p.id, identity: ident(i), value })));
    expect(await rawDump(db)).toContain(SECRETS[0]);
    const { service } = setup({ db });
    expect((await service.find(CAF.guideId, ORIGIN))?.id).toBe(p.id);
    expectNoSecret(await rawDump(db));
    const plan = await service.restorePlan(
      p.id,
      SECRETS.map((_, i) => ({ identity: ident(i), currentValue: '' })),
    );
    expect(plan.fill.map((f) => f.value).sort()).toEqual([...SECRETS].sort());
  });

  it('turning public-computer mode on seals again under a PIN-wrapped key and unlinks the raw key', async () => {
    const { db, files, service } = setup();
    await service.setPublicComputer({ ...PUBLIC_DEFAULTS, enabled: false });
    const p = await fill(service);
    const old = await rows(db);
    await service.setPublicComputer({ ...PUBLIC_DEFAULTS, enabled: true });
    await service.choosePin('482193');
    expect(await files.read(DEVICE_KEY_FILE)).toBeNull();
    const wrapped = new TextDecoder().decode((await files.read(VAULT_KEY_FILE)) ?? new Uint8Array());
    expect(JSON.parse(wrapped).kdf.name).toBe('Argon2id');
    expectNoSecret(await rawDump(db));
    expect((await db.vault.get('meta'))?.wrapped).toBeUndefined();
    expect((await service.restorePlan(p.id, [{ identity: ident(0), currentValue: '' }])).fill[0]?.value).toBe(
      SECRETS[0],
    );
    // The ordinary key's rows (what LevelDB may keep) open with no key that still exists.
    const { db: other } = setup();
    await putBack(other, old);
    const reader = createProgressStore(other, { device: true });
    expect(await reader.listProcedures()).toEqual([]);
  });
});

describe('a PIN that resists guessing', () => {
  it('counts wrong tries across restarts, warns before the last ones, erases at the fifth', async () => {
    const base = setup({ enabled: true });
    await base.service.choosePin('482193');
    await fill(base.service);
    await base.service.lock();
    const remaining: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      // A new service on the same disk each time: closing the browser does not reset the count.
      const { service } = setup({ db: base.db, files: base.files, enabled: true, clock: base.clock });
      const error = await service.unlock('000000').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongPinError);
      remaining.push((error as WrongPinError).remaining ?? -1);
      texts.push(message('fr', error));
    }
    expect(remaining).toEqual([4, 3, 2, 1]);
    expect(texts[1]).not.toContain('Attention');
    expect(texts[2]).toBe(
      "Ce n'est pas le bon code. Attention : encore 2 essais, puis tout sera effacé de cet ordinateur.",
    );
    expect(texts[3]).toContain('encore 1 essai, puis tout sera effacé');
    const last = await base.service.unlock('000001').catch((e: unknown) => e);
    expect(last).toBeInstanceOf(PinTriesExhaustedError);
    expect(message('fr', last)).toMatch(/faux 5 fois.*effacées de cet ordinateur/);
    expect(await base.files.read(VAULT_KEY_FILE)).toBeNull();
    expect(await base.db.procedures.count()).toBe(0);
    expect(await base.db.vault.count()).toBe(0);
    expect((await base.service.mode()).kind).toBe('needs-pin');
  });

  it('the right PIN starts the count again; many tries at once still count one by one', async () => {
    const { db, service } = setup({ enabled: true });
    await service.choosePin('482193');
    await fill(service);
    await service.lock();
    await service.unlock('111111').catch(() => {});
    await service.unlock('482193');
    expect((await db.vault.get('meta'))?.failures).toBe(0);
    await service.lock();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => service.unlock(String(100000 + i))),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await db.procedures.count()).toBe(0);
    await expect(service.unlock('482193')).rejects.toThrow();
  });

  it('the tries left cross the message boundary (toWire params)', async () => {
    const { service } = setup({ enabled: true });
    await service.choosePin('482193');
    await service.lock();
    const remote = createRemoteClient((m) => answerCall(service, m));
    const error = (await remote.unlock('000000').catch((e: unknown) => e)) as {
      code: string;
      params?: Record<string, unknown>;
    };
    expect(error.code).toBe('wrong-pin');
    expect(error.params).toEqual({ remaining: 4 });
    expect(message('en', error)).toContain('4 tries left');
  });

  it('a vault from before (4-digit PIN, PBKDF2, wrapped key in the database row) still opens, and moves to Argon2id in the key file', async () => {
    const { db, files, service } = setup();
    // Written as version 3 wrote it.
    const raw = crypto.getRandomValues(new Uint8Array(64));
    const kdf = newKdfParams(LOW_ITERATIONS);
    const pinKeys = await deriveKeys('4821', kdf);
    const wrapped = await sealBytes(pinKeys.encryption, raw.slice(), 'pasapas-vault-keys-v1');
    const enc = await crypto.subtle.importKey('raw', raw.slice(0, 32), 'AES-GCM', false, ['encrypt']);
    const check = await sealJson(enc, 'pasapas-vault-check-v1', 'vault-check');
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    await db.vault.put({
      id: 'meta',
      formatVersion: 1,
      kdf,
      wrapped,
      check,
      createdAt: now,
      expiresAt: now + 3_600_000,
      idleMs: 600_000,
    });
    expect((await service.mode()).kind).toBe('locked');
    await service.unlock('4821');
    expect((await service.mode()).kind).toBe('unlocked');
    const meta = await db.vault.get('meta');
    expect(meta?.wrapped).toBeUndefined();
    expect(meta?.formatVersion).toBe(2);
    const file = JSON.parse(new TextDecoder().decode((await files.read(VAULT_KEY_FILE)) ?? new Uint8Array()));
    expect(file.kdf.name).toBe('Argon2id');
    expect(fromBase64(file.wrapped.ct).length).toBeGreaterThan(64);
    await service.lock();
    await service.unlock('4821');
  });
});

describe('expiry without any use', () => {
  it('eraseIfExpired (the alarm and the browser start) erases keys and rows once the time is up', async () => {
    const { db, files, clock, service } = setup({ enabled: true });
    await service.choosePin('482193');
    await fill(service);
    expect(await eraseIfExpired(db, clock())).toBe(false);
    clock.advance(PUBLIC_DEFAULTS.maxHours * 3_600_000);
    expect(await eraseIfExpired(db, clock())).toBe(true);
    expect(await files.read(VAULT_KEY_FILE)).toBeNull();
    expect(await db.procedures.count()).toBe(0);
    await expect(unlockVault(db, '482193')).rejects.toThrow();
  });
});
