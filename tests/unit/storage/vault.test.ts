import { describe, expect, it } from 'vitest';
import { newKdfParams, PBKDF2_ITERATIONS } from '../../../utils/crypto/kdf.ts';
import { keyFilesFor, VAULT_KEY_FILE } from '../../../utils/storage/data-key.ts';
import {
  NoVaultError,
  PinRuleError,
  VaultExistsError,
  VaultExpiredError,
  VaultLockedError,
  VaultRequiredError,
  WrongPinError,
} from '../../../utils/storage/errors.ts';
import type { FieldIdentity } from '../../../utils/storage/field-identity.ts';
import { message } from '../../../utils/storage/messages.ts';
import { createProgressStore } from '../../../utils/storage/progress.ts';
import { changePin, checkPin, createVault, hasVault, unlockVault } from '../../../utils/storage/vault.ts';
import { freshDb, LOW_ITERATIONS, manualClock, rawDump } from './helpers.ts';

const f = (x: Partial<FieldIdentity>): FieldIdentity => ({
  formIndex: 0,
  position: 0,
  path: '/demande/etape-1',
  ...x,
});
const fast = { iterations: LOW_ITERATIONS };
const noUpgrade = { upgradeKdf: false };

const PLAIN = {
  guideId: 'titre-de-sejour',
  origin: 'https://administration-etrangers-en-france.interieur.gouv.fr',
  title: 'Renouveler mon titre de séjour',
};
const VALUES = ['Benali', 'Yasmina', 'FR7630006000011234567890189', '12 rue des Lilas'];

async function fillSome(store: ReturnType<typeof createProgressStore>) {
  const p = await store.startOrGet(PLAIN);
  await store.saveMany(
    VALUES.map((value, position) => ({
      procedureId: p.id,
      identity: f({ name: `champ${position}`, label: `Libellé ${position}`, position }),
      value,
    })),
  );
  await store.setStep(p.id, 'identite', true);
  await store.tickDocument(p.id, 'passeport', true);
  return p;
}

describe('PIN rules', () => {
  it('accepts 6 to 12 digits (a million codes at least) and explains the rest plainly', async () => {
    expect(checkPin('123456')).toEqual({ ok: true });
    expect(checkPin('123456789012')).toEqual({ ok: true });
    expect(checkPin('1234')).toMatchObject({ ok: false, code: 'pin-too-short', min: 6, max: 12 });
    expect(checkPin('12345')).toMatchObject({ ok: false, code: 'pin-too-short' });
    expect(checkPin('1234567890123')).toMatchObject({ ok: false, code: 'pin-too-long' });
    expect(checkPin('12a456')).toMatchObject({ ok: false, code: 'pin-not-digits' });
    const error = await createVault(freshDb(), '1234', fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinRuleError);
    expect(message('fr', error)).toBe('Le code est trop court. Choisissez au moins 6 chiffres.');
    expect(message('en', error)).toContain('at least 6 digits');
    expect(message('ar', error)).toContain('6');
  });
});

// PBKDF2 at 600,000 iterations takes 0.3–1.3 s on this shared machine: the slow tests get 30 s.
describe('public-computer mode', () => {
  it('wraps the key with Argon2id (64 MiB, 3 passes) and a salt by default, in the key file, not in the database', async () => {
    const db = freshDb();
    await createVault(db, '246813');
    const meta = await db.vault.get('meta');
    expect(meta?.wrapped).toBeUndefined();
    expect(meta?.kdf).toBeUndefined();
    const file = await (await keyFilesFor(db)).read(VAULT_KEY_FILE);
    const stored = JSON.parse(new TextDecoder().decode(file ?? new Uint8Array()));
    expect(stored.kdf).toMatchObject({ name: 'Argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 });
    expect(stored.kdf.salt.length).toBeGreaterThanOrEqual(22);
  }, 30_000);

  it('stores nothing personal in clear: field values, titles, sites, guide ids', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    const store = createProgressStore(db, { vault });
    const p = await fillSome(store);
    const dump = await rawDump(db);
    for (const secret of [
      ...VALUES,
      PLAIN.title,
      PLAIN.origin,
      'interieur.gouv',
      PLAIN.guideId,
      'Libellé',
      'etape-1',
    ]) {
      expect(dump).not.toContain(secret);
    }
    // …and the same data reads back through the vault.
    expect((await store.savedFields(p.id)).map((s) => s.value).sort()).toEqual([...VALUES].sort());
    expect((await store.listProcedures())[0]).toMatchObject(PLAIN);
    expect((await store.startOrGet(PLAIN)).id).toBe(p.id);
  });

  it('encrypts procedures saved in clear before the PIN was chosen', async () => {
    const db = freshDb();
    const clear = createProgressStore(db);
    const p = await fillSome(clear);
    expect(await rawDump(db)).toContain('Benali');
    const vault = await createVault(db, '482193', fast);
    const dump = await rawDump(db);
    for (const secret of [...VALUES, PLAIN.title, PLAIN.origin]) expect(dump).not.toContain(secret);
    const store = createProgressStore(db, { vault });
    expect((await store.savedFields(p.id)).length).toBe(VALUES.length);
    // The clear-mode store must not write clear rows into the encrypted database any more.
    await expect(clear.saveField(p.id, f({ name: 'x' }), 'fuite')).rejects.toBeInstanceOf(VaultRequiredError);
    await expect(clear.startOrGet({ ...PLAIN, guideId: 'autre' })).rejects.toBeInstanceOf(VaultRequiredError);
    expect(await rawDump(db)).not.toContain('fuite');
    await expect(createVault(db, '111111', fast)).rejects.toBeInstanceOf(VaultExistsError);
  });

  it('liveProcedures decrypts for the UI; without the key it reports an error instead of clear rows', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    const store = createProgressStore(db, { vault });
    const seen: string[][] = [];
    const errors: unknown[] = [];
    const sub = store.liveProcedures().subscribe(
      (list) => seen.push(list.map((p) => p.title)),
      (e) => errors.push(e),
    );
    await fillSome(store);
    await expect.poll(() => seen.at(-1)).toEqual([PLAIN.title]);
    sub.unsubscribe();

    const noKey = createProgressStore(db);
    await expect(noKey.listProcedures()).rejects.toBeInstanceOf(VaultRequiredError);
    const sub2 = noKey.liveProcedures().subscribe(
      () => undefined,
      (e) => errors.push(e),
    );
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toBeInstanceOf(VaultRequiredError);
    sub2.unsubscribe();
  });

  it('a wrong PIN gives WrongPinError, counts the try and changes no data', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    await fillSome(createProgressStore(db, { vault }));
    const before = JSON.stringify(await db.fieldValues.toArray());
    const error = await unlockVault(db, '482194', noUpgrade).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPinError);
    expect(message('fr', error)).toBe("Ce n'est pas le bon code. Rien n'a changé. Encore 4 essais.");
    await expect(unlockVault(db, 'abcd', noUpgrade)).rejects.toBeInstanceOf(WrongPinError);
    expect(JSON.stringify(await db.fieldValues.toArray())).toBe(before);
    expect((await db.vault.get('meta'))?.failures).toBe(2);
    const again = await unlockVault(db, '482193', noUpgrade);
    expect((await createProgressStore(db, { vault: again }).listProcedures())[0]?.title).toBe(PLAIN.title);
  });

  it('unlocking without any vault says so', async () => {
    await expect(unlockVault(freshDb(), '1234')).rejects.toBeInstanceOf(NoVaultError);
  });

  it('lock() forgets the key; inactivity locks too; touch() keeps it open', async () => {
    const clock = manualClock();
    const db = freshDb();
    const vault = await createVault(db, '482193', { ...fast, clock, idleMs: 60_000 });
    const store = createProgressStore(db, { vault, clock });
    const p = await fillSome(store);

    clock.advance(50_000);
    vault.touch();
    clock.advance(50_000);
    expect(vault.isLocked()).toBe(false);
    clock.advance(60_000);
    expect(vault.isLocked()).toBe(true);
    await expect(store.savedFields(p.id)).rejects.toBeInstanceOf(VaultLockedError);
    // Once forgotten, the key does not come back by itself.
    vault.touch();
    expect(vault.isLocked()).toBe(true);

    const reopened = await unlockVault(db, '482193', { ...noUpgrade, clock });
    store.setVault(reopened);
    expect((await store.savedFields(p.id)).length).toBe(VALUES.length);
    reopened.lock();
    expect(reopened.isLocked()).toBe(true);
    await expect(store.saveField(p.id, f({ name: 'y' }), 'z')).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('after the set time, the procedure data is wiped', async () => {
    const clock = manualClock();
    const db = freshDb();
    const vault = await createVault(db, '482193', {
      ...fast,
      clock,
      maxAgeMs: 3_600_000,
      idleMs: 10 * 3_600_000,
    });
    const store = createProgressStore(db, { vault, clock });
    await fillSome(store);
    await db.installedGuides.put({
      id: 'g',
      version: '1',
      source: 'file',
      json: '{}',
      verified: 'unsigned',
      installedAt: 1,
      updatedAt: 1,
    });
    clock.advance(3_600_000);
    expect(vault.isExpired()).toBe(true);
    const error = await store.listProcedures().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultExpiredError);
    expect(message('en', error)).toBe('Time is up. Your data was erased from this computer.');
    for (const table of ['procedures', 'fieldValues', 'stepProgress', 'documents', 'vault'] as const) {
      expect(await db.table(table).count()).toBe(0);
    }
    // The mediator's guides are not personal data: kept.
    expect(await db.installedGuides.count()).toBe(1);
    expect(await hasVault(db)).toBe(false);
  });

  it("an old tab's expired vault does not wipe the next person's new vault", async () => {
    const clock = manualClock();
    const db = freshDb();
    const old = await createVault(db, '482193', { ...fast, clock, maxAgeMs: 1000 });
    clock.advance(2000);
    await expect(unlockVault(db, '482193', { clock })).rejects.toBeInstanceOf(VaultExpiredError);
    const next = await createVault(db, '975310', { ...fast, clock });
    await fillSome(createProgressStore(db, { vault: next, clock }));
    await expect(createProgressStore(db, { vault: old, clock }).listProcedures()).rejects.toBeInstanceOf(
      VaultExpiredError,
    );
    expect(await db.fieldValues.count()).toBe(VALUES.length);
    expect(await hasVault(db)).toBe(true);
  });

  it('expiry found at unlock also wipes', async () => {
    const clock = manualClock();
    const db = freshDb();
    const vault = await createVault(db, '482193', { ...fast, clock, maxAgeMs: 1000 });
    await fillSome(createProgressStore(db, { vault, clock }));
    clock.advance(5000);
    await expect(unlockVault(db, '482193', { clock })).rejects.toBeInstanceOf(VaultExpiredError);
    expect(await db.fieldValues.count()).toBe(0);
  });

  it('raises a weak stored iteration count at the next unlock, without re-encrypting data', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    const p = await fillSome(createProgressStore(db, { vault }));
    const rowsBefore = JSON.stringify(await db.fieldValues.toArray());
    const unlocked = await unlockVault(db, '482193', { kdf: () => newKdfParams(PBKDF2_ITERATIONS) });
    expect(unlocked.iterations).toBe(PBKDF2_ITERATIONS);
    expect(JSON.stringify(await db.fieldValues.toArray())).toBe(rowsBefore);
    const store = createProgressStore(db, { vault: await unlockVault(db, '482193') });
    expect((await store.savedFields(p.id)).length).toBe(VALUES.length);
  }, 30_000);

  it('changePin keeps the data; the old PIN stops working; a wrong old PIN changes nothing', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    const p = await fillSome(createProgressStore(db, { vault }));
    const meta = await db.vault.get('meta');
    await expect(changePin(db, '000000', '135792', fast)).rejects.toBeInstanceOf(WrongPinError);
    expect(await db.vault.get('meta')).toEqual({ ...meta, failures: 1 });
    await changePin(db, '482193', '135792', fast);
    await expect(unlockVault(db, '482193', noUpgrade)).rejects.toBeInstanceOf(WrongPinError);
    const store = createProgressStore(db, { vault: await unlockVault(db, '135792', noUpgrade) });
    expect((await store.savedFields(p.id)).length).toBe(VALUES.length);
  });

  it('a row moved to another procedure fails to open (ciphertext bound to its row)', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    const store = createProgressStore(db, { vault });
    const a = await fillSome(store);
    const b = await store.startOrGet({ ...PLAIN, guideId: 'autre' });
    const row = await db.fieldValues.where('procedureId').equals(a.id).first();
    if (!row) throw new Error('no row');
    await db.fieldValues.put({ ...row, procedureId: b.id });
    await expect(store.savedFields(b.id)).rejects.toThrow();
  });

  it('wipeAll in vault mode empties everything and locks', async () => {
    const db = freshDb();
    const vault = await createVault(db, '482193', fast);
    const store = createProgressStore(db, { vault });
    await fillSome(store);
    const report = await store.wipeAll();
    expect(report.nothingLeft).toBe(true);
    expect(report.removed.vault).toBe(1);
    expect(vault.isLocked()).toBe(true);
    expect(store.vault).toBeNull();
    expect(await rawDump(db)).toBe(db.tables.map(() => '[]').join('\n'));
    // The computer is fresh again: the next person can work in clear or choose a new PIN.
    const p = await store.startOrGet(PLAIN);
    expect((await store.getProcedure(p.id))?.title).toBe(PLAIN.title);
  });
});
