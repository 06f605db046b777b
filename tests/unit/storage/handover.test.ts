import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { HandoverError, StorageFullError } from '../../../utils/storage/errors.ts';
import type { FieldIdentity } from '../../../utils/storage/field-identity.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportProcedures,
  importProcedures,
  parseExportFile,
} from '../../../utils/storage/handover.ts';
import { message } from '../../../utils/storage/messages.ts';
import { createProgressStore } from '../../../utils/storage/progress.ts';
import { createVault } from '../../../utils/storage/vault.ts';
import { freshDb, LOW_ITERATIONS, rawDump } from './helpers.ts';

const f = (x: Partial<FieldIdentity>): FieldIdentity => ({
  formIndex: 0,
  position: 0,
  path: '/demande',
  ...x,
});
const PASS = 'cheval violet 42';
const fast = { iterations: LOW_ITERATIONS };

const originalPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

async function sourceWithTwo() {
  const store = createProgressStore(freshDb());
  const caf = await store.startOrGet({
    guideId: 'caf-apl',
    origin: 'https://www.caf.fr',
    title: 'Aide au logement',
  });
  await store.updateProcedure(caf.id, { currentStep: 'revenus' });
  await store.saveField(caf.id, f({ name: 'nom', label: 'Nom' }), 'Dupont');
  await store.saveField(caf.id, f({ name: 'enfants', position: 1 }), ['Léo', 'Inès']);
  await store.saveField(caf.id, f({ name: 'mdp', position: 2 }), 'hunter2', { type: 'password' });
  await store.setStep(caf.id, 'identite', true);
  await store.tickDocument(caf.id, 'rib', true);
  const tax = await store.startOrGet({
    guideId: 'impots',
    origin: 'https://impots.gouv.fr',
    title: 'Déclaration',
  });
  await store.saveField(tax.id, f({ name: 'numfiscal' }), '3023217600053');
  return { store, caf, tax };
}

/** What a procedure looks like from the outside, for comparing two computers. */
async function snapshot(store: ReturnType<typeof createProgressStore>) {
  const list = await store.listProcedures();
  return Promise.all(
    list.map(async (p) => ({
      ...p,
      fields: (await store.savedFields(p.id))
        .map((s) => ({ identity: s.identity, value: s.value }))
        .sort((a, b) => a.identity.position - b.identity.position),
    })),
  );
}

describe('handover file', () => {
  it('moves every procedure to another computer, with steps and documents, and no secret', async () => {
    const { store } = await sourceWithTwo();
    const text = await exportProcedures(store, PASS, fast);
    const file = JSON.parse(text);
    expect(Object.keys(file).sort()).toEqual(['ciphertext', 'format', 'iv', 'kdf', 'version']);
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      kdf: { name: 'PBKDF2', iterations: LOW_ITERATIONS },
    });
    for (const plain of ['Dupont', 'caf.fr', 'Aide au logement', '3023217600053', 'hunter2'])
      expect(text).not.toContain(plain);

    const other = createProgressStore(freshDb());
    const result = await importProcedures(other, text, PASS);
    expect(result.imported).toBe(2);
    expect(result.replaced).toBe(0);
    expect(await snapshot(other)).toEqual(await snapshot(store));
    expect(JSON.stringify(await other.db.fieldValues.toArray())).not.toContain('hunter2');
    // Importing the same file again replaces rather than duplicates.
    expect((await importProcedures(other, text, PASS)).replaced).toBe(2);
    expect(await other.db.procedures.count()).toBe(2);
  });

  it('exports one procedure only', async () => {
    const { store, tax } = await sourceWithTwo();
    const text = await exportProcedures(store, PASS, { ...fast, procedureIds: [tax.id] });
    const other = createProgressStore(freshDb());
    const result = await importProcedures(other, text, PASS);
    expect(result.procedures).toEqual([{ id: tax.id, title: 'Déclaration', guideId: 'impots' }]);
    expect((await other.savedFields(tax.id)).map((s) => s.value)).toEqual(['3023217600053']);
  });

  it('refuses a short passphrase and an empty export', async () => {
    const { store } = await sourceWithTwo();
    const error = await exportProcedures(store, '1234567', fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoverError);
    expect((error as HandoverError).code).toBe('passphrase-too-short');
    expect(message('fr', error)).toBe('La phrase secrète est trop courte. Choisissez au moins 8 caractères.');
    await expect(exportProcedures(createProgressStore(freshDb()), PASS, fast)).rejects.toMatchObject({
      code: 'empty',
    });
  });

  it('goes from an encrypted computer to another encrypted computer', async () => {
    const srcDb = freshDb();
    const src = createProgressStore(srcDb, { vault: await createVault(srcDb, '482193', fast) });
    const p = await src.startOrGet({
      guideId: 'caf-apl',
      origin: 'https://www.caf.fr',
      title: 'Aide au logement',
    });
    await src.saveField(p.id, f({ name: 'nom' }), 'Dupont');
    const text = await exportProcedures(src, PASS, fast);

    const dstDb = freshDb();
    const dst = createProgressStore(dstDb, { vault: await createVault(dstDb, '135790', fast) });
    await importProcedures(dst, text, PASS);
    expect((await dst.savedFields(p.id)).map((s) => s.value)).toEqual(['Dupont']);
    const dump = await rawDump(dstDb);
    for (const plain of ['Dupont', 'caf.fr', 'Aide au logement']) expect(dump).not.toContain(plain);
  });
});

describe('bad files change nothing', () => {
  async function target() {
    const store = createProgressStore(freshDb());
    const mine = await store.startOrGet({
      guideId: 'france-travail',
      origin: 'https://francetravail.fr',
      title: 'Inscription',
    });
    await store.saveField(mine.id, f({ name: 'nom' }), 'Martin');
    return { store, before: await rawDump(store.db) };
  }

  async function expectRefused(text: string, passphrase: string, code: string) {
    const { store, before } = await target();
    const error = await importProcedures(store, text, passphrase).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoverError);
    expect((error as HandoverError).code).toBe(code);
    expect(message('fr', error)).toMatch(/Rien n'a été importé/);
    expect(await rawDump(store.db)).toBe(before);
  }

  it('wrong passphrase', async () => {
    const text = await exportProcedures((await sourceWithTwo()).store, PASS, fast);
    await expectRefused(text, 'cheval violet 43', 'wrong-passphrase');
  });

  it('truncated file', async () => {
    const text = await exportProcedures((await sourceWithTwo()).store, PASS, fast);
    await expectRefused(text.slice(0, Math.floor(text.length * 0.7)), PASS, 'damaged');
    // Cut inside the ciphertext but still valid JSON.
    const file = JSON.parse(text);
    file.ciphertext = file.ciphertext.slice(0, 40);
    await expectRefused(JSON.stringify(file), PASS, 'damaged');
  });

  it('edited ciphertext, IV or header', async () => {
    const text = await exportProcedures((await sourceWithTwo()).store, PASS, fast);
    const file = JSON.parse(text);
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    await expectRefused(JSON.stringify({ ...file, ciphertext: flip(file.ciphertext, 30) }), PASS, 'damaged');
    await expectRefused(JSON.stringify({ ...file, iv: flip(file.iv, 2) }), PASS, 'damaged');
    await expectRefused(JSON.stringify({ ...file, ciphertext: '%%%notbase64' }), PASS, 'damaged');
    // Changing the KDF parameters changes the key: caught by the check value.
    await expectRefused(
      JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: LOW_ITERATIONS + 1 } }),
      PASS,
      'wrong-passphrase',
    );
    await expectRefused(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1 } }), PASS, 'damaged');
  });

  it('not an export, or from a newer version', async () => {
    await expectRefused('hello', PASS, 'not-export');
    await expectRefused(JSON.stringify({ format: 'other' }), PASS, 'not-export');
    const text = await exportProcedures((await sourceWithTwo()).store, PASS, fast);
    await expectRefused(JSON.stringify({ ...JSON.parse(text), version: 2 }), PASS, 'unsupported-version');
    expect(() => parseExportFile(JSON.stringify({ ...JSON.parse(text), version: '1' }))).toThrow(
      HandoverError,
    );
  });

  it('a write failure during import rolls everything back, including a replaced procedure', async () => {
    const { store, caf, tax } = await sourceWithTwo();
    // Order matters here: the CAF procedure is replaced first, then the tax one fails.
    const text = await exportProcedures(store, PASS, { ...fast, procedureIds: [caf.id, tax.id] });
    const other = createProgressStore(freshDb());
    await importProcedures(other, text, PASS);
    await other.saveField(caf.id, f({ name: 'ajout', position: 9 }), 'local');
    const before = await rawDump(other.db);
    // Fail on the second procedure's field: the first one was already replaced inside the transaction.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (JSON.stringify(value).includes('3023217600053'))
        throw new DOMException('full', 'QuotaExceededError');
      return originalPut.call(this, value, key);
    } as typeof originalPut;
    await expect(importProcedures(other, text, PASS)).rejects.toBeInstanceOf(StorageFullError);
    IDBObjectStore.prototype.put = originalPut;
    expect(await rawDump(other.db)).toBe(before);
  });
});
