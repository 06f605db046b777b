/**
 * The mediator's signing key, made and kept in the extension. The private key is a CryptoKey
 * created non-extractable: stored as such in IndexedDB (structured clone keeps it a key), it can
 * sign but no script, ours included, can read its bytes. Where a browser cannot store a key
 * object, the pair is made extractable and kept as bytes, and `protected` says so.
 *
 * The store is apart from the person's data (its own IndexedDB database): wiping the computer
 * between two people removes their procedures, not the mediator's identity as a guide author.
 */
import { fromBase64, toBase64 } from '../bytes.ts';
import { keyIdOf, type PublicKeyFile, SignatureError, signGuideWithKey } from '../signature.ts';

const ED25519 = { name: 'Ed25519' } as const;

export type StoredSigningKey = {
  keyId: string;
  publicKey: string;
  /** A non-extractable CryptoKey, or pkcs8 bytes in base64 where keys cannot be stored. */
  privateKey: CryptoKey | string;
  createdAt: number;
};

export type SigningKeyStore = {
  get(): Promise<StoredSigningKey | undefined>;
  put(key: StoredSigningKey): Promise<void>;
};

export type SigningKeyInfo = { keyId: string; publicKey: string; protected: boolean; createdAt: number };

function info(key: StoredSigningKey): SigningKeyInfo {
  return {
    keyId: key.keyId,
    publicKey: key.publicKey,
    protected: typeof key.privateKey !== 'string',
    createdAt: key.createdAt,
  };
}

export function publicKeyFile(key: { keyId: string; publicKey: string }): PublicKeyFile {
  return { kind: 'pasapas-guide-public-key', alg: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey };
}

function isDataCloneError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'DataCloneError';
}

export function createSigningKeys(store: SigningKeyStore, { now = Date.now } = {}) {
  async function make(extractable: boolean): Promise<StoredSigningKey> {
    const pair = (await crypto.subtle.generateKey(ED25519, extractable, ['sign', 'verify'])) as CryptoKeyPair;
    const publicKey = toBase64(await crypto.subtle.exportKey('raw', pair.publicKey));
    const privateKey = extractable
      ? toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey))
      : pair.privateKey;
    return { keyId: await keyIdOf(publicKey), publicKey, privateKey, createdAt: now() };
  }

  async function current(): Promise<SigningKeyInfo | null> {
    const key = await store.get();
    return key ? info(key) : null;
  }

  /** The key, made on first call only: a second call never replaces a key guides were signed with. */
  async function ensure(): Promise<SigningKeyInfo> {
    const existing = await store.get();
    if (existing) return info(existing);
    let key = await make(false);
    try {
      await store.put(key);
    } catch (error) {
      if (!isDataCloneError(error)) throw error;
      key = await make(true);
      await store.put(key);
    }
    return info(key);
  }

  /** The guide's text signed with the key (JCS form, as `pasapas guide sign`), pretty-printed. */
  async function signText(text: string): Promise<{ text: string; keyId: string }> {
    const key = await store.get();
    if (!key) throw new SignatureError('bad-key-file', 'no signing key yet');
    const privateKey =
      typeof key.privateKey === 'string'
        ? await crypto.subtle.importKey('pkcs8', fromBase64(key.privateKey), ED25519, false, ['sign'])
        : key.privateKey;
    const signed = await signGuideWithKey(JSON.parse(text) as object, key.keyId, privateKey);
    return { text: `${JSON.stringify(signed, null, 2)}\n`, keyId: key.keyId };
  }

  return { current, ensure, signText };
}

const DB_NAME = 'pasapas-studio-keys';
const STORE = 'keys';
const ID = 'signing';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The key's own small IndexedDB database (the extension's origin only). */
export function idbSigningKeyStore(factory: IDBFactory = indexedDB): SigningKeyStore {
  let opened: Promise<IDBDatabase> | undefined;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = undefined;
        reject(req.error);
      };
    });
    return opened;
  };
  return {
    async get() {
      const db = await open();
      return (await request(db.transaction(STORE).objectStore(STORE).get(ID))) as
        | StoredSigningKey
        | undefined;
    },
    async put(key) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      // put() throws DataCloneError at once where a key object cannot be stored.
      tx.objectStore(STORE).put(key, ID);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    },
  };
}
