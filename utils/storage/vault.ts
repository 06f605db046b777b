/**
 * Public-computer mode. A random data key encrypts every procedure row; the PIN (through
 * PBKDF2) only wraps that key. So the PIN's iteration count can be raised later, or the PIN
 * changed, without re-encrypting the data. The key lives in memory only: `lock()` or
 * inactivity forgets it, and past `expiresAt` all procedure data is wiped.
 */
import {
  DecryptError,
  macTag,
  openBytes,
  openJson,
  type Sealed,
  sealBytes,
  sealJson,
} from '../crypto/aead.ts';
import { randomBytes } from '../crypto/bytes.ts';
import {
  deriveKeys,
  isValidKdfParams,
  type KdfParams,
  newKdfParams,
  PBKDF2_ITERATIONS,
} from '../crypto/kdf.ts';
import { decodeField, decodeProcedure, encodeField, encodeProcedure, type RowCipher } from './codec.ts';
import { type PasapasDB, PROCEDURE_TABLES, type VaultMetaRow, writeTransaction } from './db.ts';
import {
  NoVaultError,
  PinRuleError,
  translateWriteError,
  VaultExistsError,
  VaultExpiredError,
  VaultLockedError,
  WrongPinError,
} from './errors.ts';

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;
/** Forget the key after 10 minutes without activity. */
export const DEFAULT_IDLE_MS = 10 * 60_000;
/** Wipe everything 8 hours after the PIN was chosen (one opening day of a public space). */
export const DEFAULT_MAX_AGE_MS = 8 * 3_600_000;

const CHECK_TEXT = 'pasapas-vault-check-v1';
const WRAP_AAD = 'pasapas-vault-keys-v1';

export type PinCheck =
  | { ok: true }
  | { ok: false; code: 'pin-too-short' | 'pin-too-long' | 'pin-not-digits'; min: number; max: number };

/** 4 to 8 digits. Returns the problem, so the UI can say it before anything is written. */
export function checkPin(pin: string): PinCheck {
  const base = { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH };
  if (!/^\d*$/.test(pin)) return { ok: false, code: 'pin-not-digits', ...base };
  if (pin.length < PIN_MIN_LENGTH) return { ok: false, code: 'pin-too-short', ...base };
  if (pin.length > PIN_MAX_LENGTH) return { ok: false, code: 'pin-too-long', ...base };
  return { ok: true };
}

function assertPin(pin: string): void {
  const result = checkPin(pin);
  if (!result.ok) throw new PinRuleError(result.code, { min: result.min, max: result.max });
}

export type Vault = RowCipher & {
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly idleMs: number;
  readonly iterations: number;
  /** True once the key is forgotten (lock(), inactivity, expiry). */
  isLocked(now?: number): boolean;
  isExpired(now?: number): boolean;
  /** Records activity: typing, clicking in the panel. */
  touch(now?: number): void;
  /** Forgets the key. */
  lock(): void;
  /**
   * Before each use: wipes the data and throws VaultExpiredError when expired, throws
   * VaultLockedError when locked, else counts as activity.
   */
  guard(now?: number): Promise<void>;
};

type DataKeys = { encryption: CryptoKey; mac: CryptoKey };

export type VaultOptions = {
  clock?: () => number;
  /** Re-wrap the key when its stored iteration count is below PBKDF2_ITERATIONS (default true). */
  upgradeKdf?: boolean;
};
export type CreateVaultOptions = VaultOptions & {
  idleMs?: number;
  maxAgeMs?: number;
  /** Tests and benchmarks only; production keeps PBKDF2_ITERATIONS. */
  iterations?: number;
};

async function importDataKeys(raw: Uint8Array<ArrayBuffer>): Promise<DataKeys> {
  const subtle = globalThis.crypto.subtle;
  try {
    const encryption = await subtle.importKey('raw', raw.slice(0, 32), { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
    const mac = await subtle.importKey('raw', raw.slice(32, 64), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return { encryption, mac };
  } finally {
    raw.fill(0);
  }
}

async function wrapKeys(pin: string, raw: Uint8Array<ArrayBuffer>, kdf: KdfParams): Promise<Sealed> {
  const pinKeys = await deriveKeys(pin, kdf);
  return sealBytes(pinKeys.encryption, raw, WRAP_AAD);
}

/**
 * Deletes every procedure row and the vault meta, in one transaction. With `onlyVault`, only
 * if the stored vault is still that one: a tab holding an old expired vault must not wipe the
 * next person's data.
 */
export async function wipeProcedureData(db: PasapasDB, onlyVault?: Sealed): Promise<boolean> {
  return writeTransaction(db, [...PROCEDURE_TABLES, 'vault'], async () => {
    if (onlyVault) {
      const meta = await db.vault.get('meta');
      if (!meta || meta.check.ct !== onlyVault.ct) return false;
    }
    await Promise.all([...PROCEDURE_TABLES, 'vault' as const].map((t) => db.table(t).clear()));
    return true;
  });
}

class UnlockedVault implements Vault {
  #keys: DataKeys | null;
  #last: number;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly idleMs: number;
  readonly iterations: number;
  readonly #check: Sealed;

  constructor(
    private readonly db: PasapasDB,
    meta: VaultMetaRow,
    keys: DataKeys,
    private readonly clock: () => number,
  ) {
    this.#keys = keys;
    this.#last = clock();
    this.createdAt = meta.createdAt;
    this.expiresAt = meta.expiresAt;
    this.idleMs = meta.idleMs;
    this.iterations = meta.kdf.iterations;
    this.#check = meta.check;
  }

  isExpired(now = this.clock()): boolean {
    return now >= this.expiresAt;
  }

  isLocked(now = this.clock()): boolean {
    if (this.#keys && (now - this.#last >= this.idleMs || this.isExpired(now))) this.#keys = null;
    return this.#keys === null;
  }

  touch(now = this.clock()): void {
    if (!this.isLocked(now)) this.#last = now;
  }

  lock(): void {
    this.#keys = null;
  }

  async guard(now = this.clock()): Promise<void> {
    if (this.isExpired(now)) {
      this.#keys = null;
      await wipeProcedureData(this.db, this.#check);
      throw new VaultExpiredError();
    }
    if (this.isLocked(now)) throw new VaultLockedError();
    this.#last = now;
  }

  #need(): DataKeys {
    if (!this.#keys) throw new VaultLockedError();
    return this.#keys;
  }

  seal(value: unknown, aad: string): Promise<Sealed> {
    return sealJson(this.#need().encryption, value, aad);
  }

  open<T>(sealed: Sealed, aad: string): Promise<T> {
    return openJson<T>(this.#need().encryption, sealed, aad);
  }

  tag(text: string): Promise<string> {
    return macTag(this.#need().mac, text);
  }
}

export async function hasVault(db: PasapasDB): Promise<boolean> {
  return (await db.vault.get('meta')) !== undefined;
}

/**
 * Turns public-computer mode on with a PIN. Procedures already saved in clear are encrypted in
 * the same transaction, so nothing stays behind in clear.
 */
export async function createVault(
  db: PasapasDB,
  pin: string,
  options: CreateVaultOptions = {},
): Promise<Vault> {
  assertPin(pin);
  const clock = options.clock ?? Date.now;
  if (await hasVault(db)) throw new VaultExistsError();
  const now = clock();
  const raw = randomBytes(64);
  const kdf = newKdfParams(options.iterations ?? PBKDF2_ITERATIONS);
  const wrapped = await wrapKeys(pin, raw.slice(), kdf);
  const keys = await importDataKeys(raw);
  const check = await sealJson(keys.encryption, CHECK_TEXT, 'vault-check');
  const meta: VaultMetaRow = {
    id: 'meta',
    formatVersion: 1,
    kdf,
    wrapped,
    check,
    createdAt: now,
    expiresAt: now + (options.maxAgeMs ?? DEFAULT_MAX_AGE_MS),
    idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
  };
  const vault = new UnlockedVault(db, meta, keys, clock);

  // Encrypt existing clear rows first (WebCrypto cannot run inside the transaction), then swap
  // them in one transaction; retry if a tab wrote in between.
  for (let attempt = 0; ; attempt++) {
    const [procs, fields] = await Promise.all([db.procedures.toArray(), db.fieldValues.toArray()]);
    const clearProcs = await Promise.all(procs.map((r) => decodeProcedure(r, null)));
    const clearFields = await Promise.all(fields.map((r) => decodeField(r, null)));
    const sealedProcs = await Promise.all(clearProcs.map((p) => encodeProcedure(p, vault)));
    const sealedFields = await Promise.all(clearFields.map((f) => encodeField(f, vault)));
    try {
      const done = await writeTransaction(db, ['procedures', 'fieldValues', 'vault'], async () => {
        if (await db.vault.get('meta')) throw new VaultExistsError();
        const [pc, fc] = await Promise.all([db.procedures.count(), db.fieldValues.count()]);
        if (pc !== procs.length || fc !== fields.length) return false;
        await db.fieldValues.bulkDelete(fields.map((f) => [f.procedureId, f.fieldKey] as [string, string]));
        await db.procedures.bulkPut(sealedProcs);
        await db.fieldValues.bulkPut(sealedFields);
        await db.vault.put(meta);
        return true;
      });
      if (done) return vault;
    } catch (error) {
      throw translateWriteError(error);
    }
    if (attempt >= 3) throw new Error('Could not encrypt: the data kept changing');
  }
}

async function openWithPin(
  db: PasapasDB,
  pin: string,
  clock: () => number,
): Promise<{ meta: VaultMetaRow; keys: DataKeys; raw: Uint8Array<ArrayBuffer> }> {
  const meta = await db.vault.get('meta');
  if (!meta) throw new NoVaultError();
  if (clock() >= meta.expiresAt) {
    await wipeProcedureData(db, meta.check);
    throw new VaultExpiredError();
  }
  // A PIN that breaks the rules cannot be the right one: answer "wrong PIN" without the slow KDF.
  if (!checkPin(pin).ok || !isValidKdfParams(meta.kdf)) throw new WrongPinError();
  const pinKeys = await deriveKeys(pin, meta.kdf);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = new Uint8Array(await openBytes(pinKeys.encryption, meta.wrapped, WRAP_AAD));
  } catch (error) {
    if (error instanceof DecryptError) throw new WrongPinError();
    throw error;
  }
  const keys = await importDataKeys(raw.slice());
  // Second, independent check: the data key itself opens the known value.
  try {
    const text = await openJson<string>(keys.encryption, meta.check, 'vault-check');
    if (text !== CHECK_TEXT) throw new WrongPinError();
  } catch (error) {
    if (error instanceof DecryptError) throw new WrongPinError();
    throw error;
  }
  return { meta, keys, raw };
}

/**
 * Opens the vault with the PIN. A wrong PIN throws WrongPinError and writes nothing. When the
 * stored iteration count is below today's PBKDF2_ITERATIONS, the key is re-wrapped with it.
 */
export async function unlockVault(db: PasapasDB, pin: string, options: VaultOptions = {}): Promise<Vault> {
  const clock = options.clock ?? Date.now;
  const { meta, keys, raw } = await openWithPin(db, pin, clock);
  let current = meta;
  if (options.upgradeKdf !== false && meta.kdf.iterations < PBKDF2_ITERATIONS) {
    const kdf = newKdfParams(PBKDF2_ITERATIONS);
    current = { ...meta, kdf, wrapped: await wrapKeys(pin, raw, kdf) };
    await db.vault.put(current);
  }
  raw.fill(0);
  return new UnlockedVault(db, current, keys, clock);
}

/** New PIN, same data key: nothing to re-encrypt. Wrong old PIN changes nothing. */
export async function changePin(
  db: PasapasDB,
  oldPin: string,
  newPin: string,
  options: VaultOptions & { iterations?: number } = {},
): Promise<void> {
  assertPin(newPin);
  const clock = options.clock ?? Date.now;
  const { meta, raw } = await openWithPin(db, oldPin, clock);
  const kdf = newKdfParams(options.iterations ?? Math.max(PBKDF2_ITERATIONS, meta.kdf.iterations));
  const wrapped = await wrapKeys(newPin, raw, kdf);
  raw.fill(0);
  await db.vault.put({ ...meta, kdf, wrapped });
}
