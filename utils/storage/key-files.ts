/**
 * Where the data keys live: small files that wiping can truly destroy. Chromium keeps IndexedDB
 * and `storage.local` in LevelDB, whose log and table files keep deleted or overwritten records
 * until a compaction nobody controls (checked here on Chromium 156: a record deleted, even its
 * whole database deleted with `deleteDatabase`, is still in the `.ldb` after the browser
 * closes). A file of the origin private file system (OPFS) is a plain file of the profile:
 * `removeEntry` unlinks it, and `createWritable` writes a swap file renamed over the old one,
 * so an overwritten key is unlinked too. With the key gone, the encrypted rows left in LevelDB
 * cannot be read. OPFS works in the MV3 service worker (getDirectory + createWritable, Chromium
 * 156) and in pages of secure origins.
 */
export type KeyFiles = {
  /** Where the bytes are: 'opfs' is destroyable, 'indexeddb' is the weaker fallback. */
  readonly kind: 'opfs' | 'indexeddb' | 'memory';
  read(name: string): Promise<Uint8Array<ArrayBuffer> | null>;
  write(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Unlinks the file; no error when absent. */
  remove(name: string): Promise<void>;
};

/** Tests, and contexts that offer no storage at all: the key dies with the JS context. */
export function memoryKeyFiles(): KeyFiles {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    kind: 'memory',
    async read(name) {
      const bytes = files.get(name);
      return bytes ? bytes.slice() : null;
    },
    async write(name, bytes) {
      files.set(name, bytes.slice());
    },
    async remove(name) {
      files.get(name)?.fill(0);
      files.delete(name);
    },
  };
}

type Opfs = FileSystemDirectoryHandle;

export function opfsKeyFiles(root: () => Promise<Opfs>): KeyFiles {
  return {
    kind: 'opfs',
    async read(name) {
      try {
        const handle = await (await root()).getFileHandle(name);
        return new Uint8Array(await (await handle.getFile()).arrayBuffer());
      } catch (error) {
        if ((error as { name?: string })?.name === 'NotFoundError') return null;
        throw error;
      }
    },
    async write(name, bytes) {
      const handle = await (await root()).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(bytes);
      await writable.close();
    },
    async remove(name) {
      try {
        await (await root()).removeEntry(name);
      } catch (error) {
        if ((error as { name?: string })?.name !== 'NotFoundError') throw error;
      }
    },
  };
}

/**
 * The fallback where OPFS is missing (private windows, very old browsers, Firefox with
 * `dom.fs.enabled` off): a database of its own, deleted whole when its last key is removed.
 * Firefox's IndexedDB runs SQLite with `secure_delete = OFF` (dom/indexedDB/ActorsParent.cpp), so
 * a deleted record stays in the file's free pages (seen on Firefox ESR 153); `deleteDatabase`
 * unlinks the file. Chromium may keep a deleted database in LevelDB until compaction: weaker, and
 * said so in the README. While another key is still there (the public computer's wrapped key
 * after the raw one was removed), the removed one may stay in the file until that last key goes.
 */
export function indexedDbKeyFiles(factory: IDBFactory, dbName = 'pasapas-keys'): KeyFiles {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('keys');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const drop = () =>
    new Promise<void>((resolve, reject) => {
      const req = factory.deleteDatabase(dbName);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction('keys', mode);
        const req = fn(tx.objectStore('keys'));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
  return {
    kind: 'indexeddb',
    async read(name) {
      const value = await run('readonly', (s) => s.get(name));
      return value instanceof Uint8Array ? new Uint8Array(value) : null;
    },
    async write(name, bytes) {
      await withKeyLock(dbName, () => run('readwrite', (s) => s.put(bytes.slice(), name)));
    },
    async remove(name) {
      await withKeyLock(dbName, async () => {
        const left = await run('readwrite', (s) => {
          s.delete(name);
          return s.count();
        });
        if (left === 0) await drop();
      });
    },
  };
}

let chosen: Promise<KeyFiles> | undefined;
/** OPFS when this context has it, else the IndexedDB fallback, else memory. Chosen once. */
export function defaultKeyFiles(): Promise<KeyFiles> {
  chosen ??= (async () => {
    const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
    if (storage && typeof storage.getDirectory === 'function') {
      try {
        const root = await storage.getDirectory();
        const probe = await root.getFileHandle('pasapas-probe', { create: true });
        if (typeof probe.createWritable === 'function') {
          await root.removeEntry('pasapas-probe');
          return opfsKeyFiles(() => storage.getDirectory());
        }
        await root.removeEntry('pasapas-probe');
      } catch {
        // private window or storage refused: fall through
      }
    }
    const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    return idb ? indexedDbKeyFiles(idb) : memoryKeyFiles();
  })();
  return chosen;
}

/** One writer at a time across tabs and the worker (Web Locks), else in this context only. */
const local = new Map<string, Promise<unknown>>();
export function withKeyLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(`pasapas:${name}`, fn) as Promise<T>;
  const previous = local.get(name) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  local.set(
    name,
    next.catch(() => {}),
  );
  return next;
}
