import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageFullError } from '../../../utils/storage/errors.ts';
import type { FieldIdentity } from '../../../utils/storage/field-identity.ts';
import { message } from '../../../utils/storage/messages.ts';
import {
  createProgressStore,
  type Procedure,
  UnknownProcedureError,
} from '../../../utils/storage/progress.ts';
import { dbOn, freshDb, freshFactory, manualClock } from './helpers.ts';

const f = (x: Partial<FieldIdentity>): FieldIdentity => ({
  formIndex: 0,
  position: 0,
  path: '/demande',
  ...x,
});
const CAF = { guideId: 'caf-apl', origin: 'https://www.caf.fr', title: 'Aide au logement' };

const originalPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

/** Makes IndexedDB's put fail for rows whose JSON contains `marker`, the way a full disk would. */
function failPutsContaining(marker: string, make: (store: IDBObjectStore, req: IDBRequest) => IDBRequest) {
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const req = originalPut.call(this, value, key);
    return JSON.stringify(value).includes(marker) ? make(this, req) : req;
  } as typeof originalPut;
}

describe('procedures', () => {
  it('startOrGet creates once per guide and site, then returns the same one', async () => {
    const store = createProgressStore(freshDb());
    const a = await store.startOrGet(CAF);
    const b = await store.startOrGet({ ...CAF, title: 'autre titre' });
    const other = await store.startOrGet({ ...CAF, origin: 'https://demo.example' });
    expect(b.id).toBe(a.id);
    expect(b.title).toBe('Aide au logement');
    expect(other.id).not.toBe(a.id);
    expect(await store.getProcedure(a.id)).toEqual(a);
  });

  it('forgets session-mode procedures after their expiry', async () => {
    const clock = manualClock();
    const store = createProgressStore(freshDb(), { clock });
    const p = await store.startOrGet({ ...CAF, expiresAt: clock() + 60_000 });
    await store.saveField(p.id, f({ name: 'nom' }), 'Dupont');
    clock.advance(61_000);
    expect(await store.listProcedures()).toEqual([]);
    expect(await store.db.fieldValues.count()).toBe(0);
    const again = await store.startOrGet(CAF);
    expect(again.id).not.toBe(p.id);
  });

  it('refuses to save for an unknown procedure', async () => {
    const store = createProgressStore(freshDb());
    await expect(store.saveField('nope', f({ name: 'nom' }), 'x')).rejects.toBeInstanceOf(
      UnknownProcedureError,
    );
  });
});

describe('saveField', () => {
  it('saves, overwrites and clears a value', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    expect(await store.saveField(p.id, f({ name: 'nom' }), 'Dup')).toEqual({ saved: true, cleared: false });
    await store.saveField(p.id, f({ name: 'nom' }), 'Dupont');
    await store.saveField(p.id, f({ name: 'enfants', position: 1 }), ['a', 'b']);
    await store.saveField(p.id, f({ name: 'accord', position: 2 }), false);
    let saved = await store.savedFields(p.id);
    expect(saved.map((s) => s.value).sort()).toEqual([['a', 'b'], 'Dupont', false].sort());
    expect(await store.saveField(p.id, f({ name: 'nom' }), '  ')).toEqual({ saved: true, cleared: true });
    saved = await store.savedFields(p.id);
    expect(saved).toHaveLength(2);
  });

  it('in one batch, the last entry for a field wins (even an erasure)', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveMany([
      { procedureId: p.id, identity: f({ name: 'nom' }), value: 'Dupont' },
      { procedureId: p.id, identity: f({ name: 'nom' }), value: '' },
      { procedureId: p.id, identity: f({ name: 'ville', position: 1 }), value: '' },
      { procedureId: p.id, identity: f({ name: 'ville', position: 1 }), value: 'Lyon' },
    ]);
    expect((await store.savedFields(p.id)).map((s) => s.value)).toEqual(['Lyon']);
  });

  it('never stores a sensitive field, and erases one stored before', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    const r1 = await store.saveField(p.id, f({ name: 'motdepasse' }), 'hunter2', { type: 'password' });
    const r2 = await store.saveField(p.id, f({ name: 'code', label: 'Code reçu par SMS' }), '123456');
    const r3 = await store.saveField(p.id, f({ name: 'carte' }), '4970101010101010', {
      autocomplete: 'cc-number',
    });
    expect([r1, r2, r3]).toEqual(Array(3).fill({ saved: false, reason: 'sensitive' }));
    // A value written by an older version under a now-sensitive key is removed on the next save.
    await store.db.fieldValues.put({
      procedureId: p.id,
      fieldKey: '/demande#0|n:pin',
      identity: f({ name: 'pin' }),
      value: '1234',
      updatedAt: 1,
    });
    await store.saveField(p.id, f({ name: 'pin' }), '5678');
    const dump = JSON.stringify(await store.db.fieldValues.toArray());
    for (const secret of ['hunter2', '123456', '4970101010101010', '1234', '5678'])
      expect(dump).not.toContain(secret);
  });
});

describe('restorePlan', () => {
  it('fills empty fields, asks about fields the site filled, skips sensitive ones', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveMany([
      { procedureId: p.id, identity: f({ name: 'nom', label: 'Nom', position: 0 }), value: 'Dupont' },
      { procedureId: p.id, identity: f({ name: 'ville', label: 'Ville', position: 1 }), value: 'Lyon' },
      { procedureId: p.id, identity: f({ name: 'cp', label: 'Code postal', position: 2 }), value: '69001' },
      {
        procedureId: p.id,
        identity: f({ name: 'tel', label: 'Téléphone', position: 3 }),
        value: '0601020304',
      },
      { procedureId: p.id, identity: f({ name: 'autre', path: '/etape-2' }), value: 'page 2' },
    ]);
    const plan = await store.restorePlan(p.id, [
      // Reordered and "Nom" renamed: still found.
      { identity: f({ name: 'cp', label: 'Code postal', position: 0 }), currentValue: '' },
      { identity: f({ name: 'nom_famille', label: 'Nom', position: 1 }), currentValue: null },
      { identity: f({ name: 'ville', label: 'Ville', position: 2 }), currentValue: 'Paris' },
      {
        identity: f({ name: 'secret', label: 'Mot de passe', position: 3 }),
        currentValue: '',
        descriptor: { type: 'password' },
      },
      { identity: f({ name: 'tel', label: 'Téléphone', position: 4 }), currentValue: ' 0601020304 ' },
    ]);
    expect(plan.fill.map((i) => [i.index, i.value])).toEqual([
      [0, '69001'],
      [1, 'Dupont'],
    ]);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ index: 2, value: 'Lyon', currentValue: 'Paris' }),
    ]);
    expect(plan.unchanged.map((i) => i.index)).toEqual([4]);
    expect(plan.notFound).toEqual([]);
    // Nothing was written to the database by planning.
    expect((await store.savedFields(p.id)).find((s) => s.identity.name === 'ville')?.value).toBe('Lyon');
  });

  it('treats an unticked box as empty and a ticked one as filled by the site', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveField(p.id, f({ name: 'accepte', position: 0 }), true);
    await store.saveField(p.id, f({ name: 'newsletter', position: 1 }), false);
    await store.saveField(p.id, f({ name: 'aides', position: 2 }), ['apl', 'rsa']);
    const plan = await store.restorePlan(p.id, [
      { identity: f({ name: 'accepte', position: 0 }), currentValue: false },
      { identity: f({ name: 'newsletter', position: 1 }), currentValue: true },
      { identity: f({ name: 'aides', position: 2 }), currentValue: ['rsa', 'apl'] },
    ]);
    expect(plan.fill.map((i) => i.index)).toEqual([0]);
    expect(plan.conflicts.map((i) => [i.index, i.value, i.currentValue])).toEqual([[1, false, true]]);
    expect(plan.unchanged.map((i) => i.index)).toEqual([2]);
  });

  it('reports saved fields of this page that no longer exist', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveField(p.id, f({ name: 'iban', label: 'IBAN' }), 'FR7630006000011234567890189');
    const plan = await store.restorePlan(p.id, [
      { identity: f({ name: 'ville', label: 'Ville' }), currentValue: '' },
    ]);
    expect(plan.fill).toEqual([]);
    expect(plan.notFound.map((s) => s.identity.name)).toEqual(['iban']);
  });

  it('never puts two saved values into one field', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveField(p.id, f({ label: 'Nom', position: 0 }), 'Dupont');
    await store.saveField(p.id, f({ label: 'Nom', position: 1 }), 'Martin');
    const plan = await store.restorePlan(p.id, [
      { identity: f({ label: 'Nom', position: 1 }), currentValue: '' },
    ]);
    expect(plan.fill.map((i) => i.value)).toEqual(['Martin']);
    expect(plan.notFound.map((s) => s.value)).toEqual(['Dupont']);
  });
});

describe('listProcedures', () => {
  it('lists newest first and says what is missing when the guide is known', async () => {
    const clock = manualClock();
    const store = createProgressStore(freshDb(), { clock });
    const caf = await store.startOrGet(CAF);
    clock.advance(1000);
    const tax = await store.startOrGet({
      guideId: 'impots',
      origin: 'https://impots.gouv.fr',
      title: 'Impôts',
    });
    clock.advance(1000);
    await store.saveField(caf.id, f({ name: 'nom', label: 'Nom' }), 'Dupont');
    await store.setStep(caf.id, 'identite', true);
    await store.setStep(caf.id, 'logement', false);
    await store.tickDocument(caf.id, 'avis-imposition', true);

    const list = await store.listProcedures({
      requirements: (guideId) =>
        guideId === 'caf-apl'
          ? {
              fields: [
                { name: 'nom', label: 'Nom', formIndex: 0, position: 0, path: '*', title: 'Votre nom' },
                { name: 'iban', label: 'IBAN', formIndex: 0, position: 5, path: '*', title: 'Votre IBAN' },
              ],
              documents: ['avis-imposition', 'rib'],
              steps: ['identite', 'logement'],
            }
          : undefined,
    });
    expect(list.map((p) => p.id)).toEqual([caf.id, tax.id]);
    const [first, second] = list;
    expect(first?.fieldCount).toBe(1);
    expect(first?.stepsDone).toEqual(['identite']);
    expect(first?.documentsTicked).toEqual(['avis-imposition']);
    expect(first?.missing?.fields.map((x) => x.title)).toEqual(['Votre IBAN']);
    expect(first?.missing?.documents).toEqual(['rib']);
    expect(first?.missing?.steps).toEqual(['logement']);
    expect(second?.missing).toBeNull();
  });
});

describe('delete and wipe', () => {
  it('deleteProcedure removes its rows and only its rows', async () => {
    const store = createProgressStore(freshDb());
    const a = await store.startOrGet(CAF);
    const b = await store.startOrGet({ ...CAF, guideId: 'other' });
    for (const p of [a, b]) {
      await store.saveField(p.id, f({ name: 'nom' }), 'X');
      await store.setStep(p.id, 's1', true);
      await store.tickDocument(p.id, 'd1', true);
    }
    expect(await store.deleteProcedure(a.id)).toEqual({
      procedures: 1,
      fieldValues: 1,
      stepProgress: 1,
      documents: 1,
    });
    expect((await store.listProcedures()).map((p) => p.id)).toEqual([b.id]);
    expect(await store.db.fieldValues.count()).toBe(1);
  });

  it('wipeAll empties every table and reports counts', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveField(p.id, f({ name: 'nom' }), 'X');
    await store.setStep(p.id, 's', true);
    await store.tickDocument(p.id, 'd', true);
    await store.db.settings.put({ key: 'lang', value: 'fr' });
    await store.db.installedGuides.put({
      id: 'g',
      version: '1',
      source: 'file',
      json: '{}',
      verified: 'unsigned',
      installedAt: 1,
      updatedAt: 1,
    });
    await store.db.catalogs.put({ url: 'u', etag: null, lastModified: null, json: '{}', fetchedAt: 1 });

    const kept = await store.wipeAll({ keepGuides: true });
    expect(kept.nothingLeft).toBe(true);
    expect(kept.remaining.installedGuides).toBe(1);
    expect(kept.removed.procedures).toBe(1);

    const report = await store.wipeAll();
    expect(report.removed).toMatchObject({ installedGuides: 1, catalogs: 1, procedures: 0 });
    expect(Object.values(report.remaining).every((n) => n === 0)).toBe(true);
    expect(report.nothingLeft).toBe(true);
    for (const table of store.db.tables) expect(await table.count()).toBe(0);
  });
});

describe('two tabs', () => {
  it('liveProcedures in one tab sees what another tab saves', async () => {
    const factory = freshFactory();
    const tab1 = createProgressStore(dbOn(factory, 'shared'));
    const tab2 = createProgressStore(dbOn(factory, 'shared'));
    const seen: Procedure[][] = [];
    const sub = tab2.liveProcedures().subscribe((list) => seen.push(list));
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual([]);
    const p = await tab1.startOrGet(CAF);
    await expect.poll(() => seen.at(-1)?.map((x) => x.id)).toEqual([p.id]);
    await tab1.updateProcedure(p.id, { currentStep: 'revenus' });
    await expect.poll(() => seen.at(-1)?.[0]?.currentStep).toBe('revenus');
    await tab1.deleteProcedure(p.id);
    await expect.poll(() => seen.at(-1)).toEqual([]);
    sub.unsubscribe();
  });
});

describe('failures lose nothing', () => {
  it('a full disk becomes StorageFullError with a plain message; earlier data stays', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveField(p.id, f({ name: 'nom' }), 'Dupont');
    failPutsContaining('TROP', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await store
      .saveMany([
        { procedureId: p.id, identity: f({ name: 'ville', position: 1 }), value: 'Lyon' },
        { procedureId: p.id, identity: f({ name: 'nom' }), value: 'TROP' },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).code).toBe('storage-full');
    expect(message('fr', error)).toMatch(/plus de place/);
    expect(message('en', error)).toMatch(/no more room/);
    expect(message('ar', error)).toMatch(/مساحة/);
    IDBObjectStore.prototype.put = originalPut;
    const saved = await store.savedFields(p.id);
    // The old value is intact and the failed batch left nothing half-written.
    expect(saved.map((s) => s.value)).toEqual(['Dupont']);
  });

  it('a quota failure reported by the transaction itself (as browsers do) is also StorageFullError', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveField(p.id, f({ name: 'nom' }), 'Dupont');
    failPutsContaining('TROP', (objectStore, req) => {
      // fake-indexeddb's internal abort with an error name: the same path as a browser's failed commit.
      (objectStore.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return req;
    });
    const error = await store.saveField(p.id, f({ name: 'nom' }), 'TROP').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    // Chromium's way: the put itself succeeds, then the commit fails for lack of room.
    failPutsContaining('TROP', (objectStore, req) => {
      req.addEventListener('success', () =>
        (objectStore.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError'),
      );
      return req;
    });
    const late = await store.saveField(p.id, f({ name: 'nom' }), 'TROP').catch((e: unknown) => e);
    IDBObjectStore.prototype.put = originalPut;
    expect(late).toBeInstanceOf(StorageFullError);
    expect((await store.savedFields(p.id)).map((s) => s.value)).toEqual(['Dupont']);
  });

  it('a transaction aborted midway loses nothing saved before', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet(CAF);
    await store.saveMany([
      { procedureId: p.id, identity: f({ name: 'nom' }), value: 'Dupont' },
      { procedureId: p.id, identity: f({ name: 'prenom', position: 1 }), value: 'Léa' },
    ]);
    failPutsContaining('ABORT', (objectStore, req) => {
      objectStore.transaction.abort();
      return req;
    });
    await expect(
      store.saveMany([
        { procedureId: p.id, identity: f({ name: 'prenom', position: 1 }), value: 'Zoé' },
        { procedureId: p.id, identity: f({ name: 'ville', position: 2 }), value: 'ABORT' },
      ]),
    ).rejects.toThrow();
    IDBObjectStore.prototype.put = originalPut;
    const saved = await store.savedFields(p.id);
    expect(Object.fromEntries(saved.map((s) => [s.identity.name, s.value]))).toEqual({
      nom: 'Dupont',
      prenom: 'Léa',
    });
  });
});
