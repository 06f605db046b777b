/**
 * The data key (DEK) of an ordinary computer: 64 random bytes (AES-GCM + HMAC) that encrypt
 * every saved answer, kept raw in a key file (key-files.ts) that wiping unlinks. Rows use the
 * same sealed format and lookup tags as the public-computer vault; only where the key lives
 * differs. On a public computer the same kind of key is wrapped by the PIN instead (vault.ts)
 * and this file does not exist.
 */
import { macTag, openJson, type Sealed, sealJson } from '../crypto/aead.ts';
import { randomBytes, toBase64 } from '../crypto/bytes.ts';
import { importKeyPair } from '../crypto/kdf.ts';
import type { RowCipher } from './codec.ts';
import type { PasapasDB } from './db.ts';
import { defaultKeyFiles, type KeyFiles, memoryKeyFiles, withKeyLock } from './key-files.ts';

/** The ordinary computer's raw key. */
export const DEVICE_KEY_FILE = 'pasapas-data-key';
/** The public computer's key, wrapped by the PIN, with its KDF parameters. */
export const VAULT_KEY_FILE = 'pasapas-vault-key';
/**
 * The key of the notes left for guide authors (utils/feedback/store.ts). Its own file because
 * those notes are the mediator's to send, not the person's: stripped of personal numbers, they
 * must outlive "Terminer ma session" and "Personne suivante", which unlink the data key above.
 */
export const FEEDBACK_KEY_FILE = 'pasapas-feedback-key';
export const DATA_KEY_BYTES = 64;

export type DataKeys = { encryption: CryptoKey; mac: CryptoKey };

/** Imports the 64 bytes as two non-extractable keys and zeroes the given bytes. */
export function importDataKeys(raw: Uint8Array<ArrayBuffer>): Promise<DataKeys> {
  return importKeyPair(raw);
}

export function cipherOf(keys: DataKeys): RowCipher {
  return {
    seal: (value: unknown, aad: string): Promise<Sealed> => sealJson(keys.encryption, value, aad),
    open: <T>(sealed: Sealed, aad: string): Promise<T> => openJson<T>(keys.encryption, sealed, aad),
    tag: (text: string) => macTag(keys.mac, text),
  };
}

const filesByDb = new WeakMap<PasapasDB, Promise<KeyFiles>>();

/** Tests and hosts with their own place for keys. */
export function setKeyFiles(db: PasapasDB, files: KeyFiles): void {
  filesByDb.set(db, Promise.resolve(files));
}

/**
 * The key files of this database's origin. Where the context has no file system at all (Node),
 * each database gets its own memory files, so two test databases never share a key.
 */
export function keyFilesFor(db: PasapasDB): Promise<KeyFiles> {
  let files = filesByDb.get(db);
  if (!files) {
    files = defaultKeyFiles().then((f) => (f.kind === 'memory' ? memoryKeyFiles() : f));
    filesByDb.set(db, files);
  }
  return files;
}

type Cached = { id: string; cipher: RowCipher };
/** Per database, per key file. */
const cache = new WeakMap<PasapasDB, Map<string, Cached>>();

/**
 * The cipher of a raw key file. Read from the file each time (another tab may have wiped it:
 * then this tab must not keep writing with a key that no longer exists); imported only when the
 * bytes changed. With `create`, a missing key is made, under a lock so two tabs make one.
 */
async function keyFileCipher(
  db: PasapasDB,
  file: string,
  options: { create: boolean },
): Promise<RowCipher | null> {
  const files = await keyFilesFor(db);
  let raw = await files.read(file);
  if (!raw || raw.length !== DATA_KEY_BYTES) {
    if (!options.create) return null;
    raw = await withKeyLock(file, async () => {
      const again = await files.read(file);
      if (again && again.length === DATA_KEY_BYTES) return again;
      const fresh = randomBytes(DATA_KEY_BYTES);
      await files.write(file, fresh);
      return fresh;
    });
  }
  // An identity for the cache that is not the key itself.
  const id = toBase64(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', raw)));
  let byFile = cache.get(db);
  if (!byFile) {
    byFile = new Map();
    cache.set(db, byFile);
  }
  const cached = byFile.get(file);
  if (cached?.id === id) {
    raw.fill(0);
    return cached.cipher;
  }
  const cipher = cipherOf(await importDataKeys(raw));
  byFile.set(file, { id, cipher });
  return cipher;
}

/** The ordinary computer's cipher (saved answers). */
export function deviceCipher(db: PasapasDB, options: { create: boolean }): Promise<RowCipher | null> {
  return keyFileCipher(db, DEVICE_KEY_FILE, options);
}

/** The cipher of the notes for guide authors: a key that ending a session leaves in place. */
export function feedbackCipher(db: PasapasDB, options: { create: boolean }): Promise<RowCipher | null> {
  return keyFileCipher(db, FEEDBACK_KEY_FILE, options);
}

/** Unlinks the ordinary computer's key: every row it sealed becomes unreadable, log copies too. */
export async function destroyDeviceKey(db: PasapasDB): Promise<void> {
  const files = await keyFilesFor(db);
  await withKeyLock(DEVICE_KEY_FILE, () => files.remove(DEVICE_KEY_FILE));
  cache.get(db)?.delete(DEVICE_KEY_FILE);
}
