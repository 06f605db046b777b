import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { indexedDbKeyFiles } from '../../../utils/storage/key-files.ts';

const names = async (factory: IDBFactory) => (await factory.databases()).map((d) => d.name);
const bytes = (n: number) => new Uint8Array(64).fill(n);

describe('IndexedDB key files (the fallback where OPFS is missing)', () => {
  // Firefox's IndexedDB keeps a deleted record in the SQLite file's free pages (secure_delete is
  // off there); only deleting the database unlinks the file.
  test('removing the last key deletes the whole database, not only the record', async () => {
    const factory = new IDBFactory();
    const files = indexedDbKeyFiles(factory);
    await files.write('pasapas-data-key', bytes(1));
    expect(await names(factory)).toEqual(['pasapas-keys']);
    await files.remove('pasapas-data-key');
    expect(await names(factory)).toEqual([]);
    expect(await files.read('pasapas-data-key')).toBeNull();
  });

  test('while another key is left, the database stays and that key still reads', async () => {
    const factory = new IDBFactory();
    const files = indexedDbKeyFiles(factory);
    await files.write('pasapas-data-key', bytes(1));
    await files.write('pasapas-vault-key', bytes(2));
    await files.remove('pasapas-data-key');
    expect(await names(factory)).toEqual(['pasapas-keys']);
    expect(await files.read('pasapas-vault-key')).toEqual(bytes(2));
    await files.remove('pasapas-vault-key');
    expect(await names(factory)).toEqual([]);
    // Removing what is absent is not an error.
    await files.remove('pasapas-vault-key');
  });
});
