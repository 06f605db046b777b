/**
 * Public-computer mode. A random data key encrypts every procedure row; the PIN (through
 * Argon2id, or PBKDF2 where wasm cannot run) only wraps that key, and the wrapped key lives in a
 * key file (key-files.ts) that wiping unlinks: after a wipe, what LevelDB keeps of the rows
 * cannot be opened even with the PIN. The key lives in memory only: `lock()` or inactivity
 * forgets it, and past `expiresAt` all procedure data is wiped. Wrong PINs are counted in the
 * database (closing the browser does not reset them): the fifth erases everything.
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
import { fromUtf8, randomBytes, utf8 } from '../crypto/bytes.ts';
import { newKdfParams } from '../crypto/kdf.ts';
import {
  derivePinKeys,
  isValidPinKdfParams,
  isWeakerKdf,
  newPinKdfParams,
  type PinKdfParams,
} from '../crypto/pin-kdf.ts';
import { decodeField, decodeProcedure, encodeField, encodeProcedure, type RowCipher } from './codec.ts';
import {
  DATA_KEY_BYTES,
  type DataKeys,
  destroyDeviceKey,
  deviceCipher,
  importDataKeys,
  keyFilesFor,
  VAULT_KEY_FILE,
} from './data-key.ts';
import {
  type InfoRow,
  infoAad,
  type PasapasDB,
  PERSON_TABLES,
  type VaultMetaRow,
  writeTransaction,
} from './db.ts';
import {
  NoVaultError,
  PinRuleError,
  PinTriesExhaustedError,
  translateWriteError,
  VaultExistsError,
  VaultExpiredError,
  VaultLockedError,
  WrongPinError,
} from './errors.ts';
import { withKeyLock } from './key-files.ts';

/** 6 digits: a million codes, each costing one slow derivation offline (bench/pin.bench.ts). */
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
/** Vaults made before the 6-digit rule keep opening with their 4- or 5-digit code. */
const OLD_PIN_MIN_LENGTH = 4;
/** The fifth wrong PIN in a row erases everything. */
export const MAX_PIN_TRIES = 5;
/** Forget the key after 10 minutes without activity. */
export const DEFAULT_IDLE_MS = 10 * 60_000;
/** Wipe everything 8 hours after the PIN was chosen (one opening day of a public space). */
export const DEFAULT_MAX_AGE_MS = 8 * 3_600_000;

const CHECK_TEXT = 'pasapas-vault-check-v1';
const WRAP_AAD = 'pasapas-vault-keys-v1';

export type PinCheck =
  | { ok: true }
  | { ok: false; code: 'pin-too-short' | 'pin-too-long' | 'pin-not-digits'; min: number; max: number };

/** 6 to 12 digits. Returns the problem, so the UI can say it before anything is written. */
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
  /** The KDF that wraps the key now ('Argon2id', or 'PBKDF2' where wasm cannot run). */
  readonly kdf: PinKdfParams['name'];
  /** Its iteration (pass) count. */
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

export type VaultOptions = {
  clock?: () => number;
  /** Re-wrap the key when its stored KDF is weaker than today's (default true). */
  upgradeKdf?: boolean;
  /** Tests and benchmarks: the KDF for a new wrapping (default: Argon2id when wasm runs, else PBKDF2 600k). */
  kdf?: () => Promise<PinKdfParams> | PinKdfParams;
  /** Tests and benchmarks: PBKDF2 with this count (kept for older callers). */
  iterations?: number;
};
export type CreateVaultOptions = VaultOptions & {
  idleMs?: number;
  maxAgeMs?: number;
  /** The cipher the rows are sealed with now (default: this computer's data key, if any). */
  from?: RowCipher | null;
};

/** What the vault key file holds: the wrapped data key and how the PIN was stretched. */
type WrappedKeyFile = { v: 1; kdf: PinKdfParams; wrapped: Sealed };

function newKdf(options: VaultOptions): Promise<PinKdfParams> | PinKdfParams {
  if (options.kdf) return options.kdf();
  if (options.iterations) return newKdfParams(options.iterations);
  return newPinKdfParams();
}

async function wrapKeys(pin: string, raw: Uint8Array<ArrayBuffer>, kdf: PinKdfParams): Promise<Sealed> {
  const pinKeys = await derivePinKeys(pin, kdf);
  return sealBytes(pinKeys.encryption, raw, WRAP_AAD);
}

async function writeWrapped(db: PasapasDB, file: WrappedKeyFile): Promise<void> {
  await (await keyFilesFor(db)).write(VAULT_KEY_FILE, utf8(JSON.stringify(file)));
}

async function readWrapped(db: PasapasDB, meta: VaultMetaRow): Promise<WrappedKeyFile | null> {
  // Vaults made before the key file kept the wrapped key in the database row.
  if (meta.wrapped && meta.kdf) return { v: 1, kdf: meta.kdf, wrapped: meta.wrapped };
  const bytes = await (await keyFilesFor(db)).read(VAULT_KEY_FILE);
  if (!bytes) return null;
  try {
    const file = JSON.parse(fromUtf8(bytes)) as WrappedKeyFile;
    return isValidPinKdfParams(file.kdf) && file.wrapped ? file : null;
  } catch {
    return null;
  }
}

/**
 * Erases one person's data: first the key files (the vault's wrapped key and the ordinary
 * computer's raw key), so every copy of the rows LevelDB still keeps is unreadable, then every
 * procedure row and the vault meta, in one transaction. With `onlyVault`, only if the stored
 * vault is still that one: a tab holding an old expired vault must not wipe the next person's.
 */
export async function wipeProcedureData(db: PasapasDB, onlyVault?: Sealed): Promise<boolean> {
  return withKeyLock(VAULT_KEY_FILE, async () => {
    if (onlyVault) {
      const meta = await db.vault.get('meta');
      if (!meta || meta.check.ct !== onlyVault.ct) return false;
    }
    const files = await keyFilesFor(db);
    await files.remove(VAULT_KEY_FILE);
    await destroyDeviceKey(db);
    return writeTransaction(db, [...PERSON_TABLES, 'vault'], async () => {
      await Promise.all([...PERSON_TABLES, 'vault' as const].map((t) => db.table(t).clear()));
      return true;
    });
  });
}

class UnlockedVault implements Vault {
  #keys: DataKeys | null;
  #last: number;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly idleMs: number;
  readonly kdf: PinKdfParams['name'];
  readonly iterations: number;
  readonly #check: Sealed;

  constructor(
    private readonly db: PasapasDB,
    meta: VaultMetaRow,
    kdf: PinKdfParams,
    keys: DataKeys,
    private readonly clock: () => number,
  ) {
    this.#keys = keys;
    this.#last = clock();
    this.createdAt = meta.createdAt;
    this.expiresAt = meta.expiresAt;
    this.idleMs = meta.idleMs;
    this.kdf = kdf.name;
    this.iterations = kdf.iterations;
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
 * Turns public-computer mode on with a PIN. Procedures already saved (in clear before this
 * version, or sealed with the ordinary computer's key) are sealed again with a new key in one
 * transaction; then the ordinary key file is unlinked, so the copies LevelDB keeps of the old
 * rows cannot be opened any more.
 */
export async function createVault(
  db: PasapasDB,
  pin: string,
  options: CreateVaultOptions = {},
): Promise<Vault> {
  assertPin(pin);
  const clock = options.clock ?? Date.now;
  return withKeyLock(VAULT_KEY_FILE, async () => {
    if (await hasVault(db)) throw new VaultExistsError();
    const now = clock();
    const raw = randomBytes(DATA_KEY_BYTES);
    const kdf = await newKdf(options);
    const wrapped = await wrapKeys(pin, raw.slice(), kdf);
    const keys = await importDataKeys(raw);
    const check = await sealJson(keys.encryption, CHECK_TEXT, 'vault-check');
    const meta: VaultMetaRow = {
      id: 'meta',
      formatVersion: 2,
      check,
      failures: 0,
      createdAt: now,
      expiresAt: now + (options.maxAgeMs ?? DEFAULT_MAX_AGE_MS),
      idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
    };
    const vault = new UnlockedVault(db, meta, kdf, keys, clock);
    const from = options.from !== undefined ? options.from : await deviceCipher(db, { create: false });
    // The wrapped key is on disk before any row is sealed with it.
    await writeWrapped(db, { v: 1, kdf, wrapped });

    // Seal the rows first (WebCrypto cannot run inside the transaction), then swap them in one
    // transaction; retry if a tab wrote in between.
    for (let attempt = 0; ; attempt++) {
      const [procs, fields, infos] = await Promise.all([
        db.procedures.toArray(),
        db.fieldValues.toArray(),
        db.infos.toArray(),
      ]);
      const clearProcs = await Promise.all(procs.map((r) => decodeProcedure(r, from)));
      const clearFields = await Promise.all(fields.map((r) => decodeField(r, from)));
      const sealedProcs = await Promise.all(clearProcs.map((p) => encodeProcedure(p, vault)));
      const sealedFields = await Promise.all(clearFields.map((f) => encodeField(f, vault)));
      // "Mes informations" rows move to the vault's key too (without the old key, none is readable).
      const sealedInfos = from ? await Promise.all(infos.map((r) => resealRow(r, from, vault))) : [];
      try {
        const tables = ['procedures', 'fieldValues', 'infos', 'vault'] as const;
        const done = await writeTransaction(db, tables, async () => {
          if (await db.vault.get('meta')) throw new VaultExistsError();
          const [pc, fc, ic] = await Promise.all([
            db.procedures.count(),
            db.fieldValues.count(),
            db.infos.count(),
          ]);
          if (pc !== procs.length || fc !== fields.length || ic !== infos.length) return false;
          await db.fieldValues.bulkDelete(fields.map((f) => [f.procedureId, f.fieldKey] as [string, string]));
          await db.procedures.bulkPut(sealedProcs);
          await db.fieldValues.bulkPut(sealedFields);
          await db.infos.clear();
          await db.infos.bulkPut(sealedInfos);
          await db.vault.put(meta);
          return true;
        });
        if (done) break;
      } catch (error) {
        throw translateWriteError(error);
      }
      if (attempt >= 3) throw new Error('Could not encrypt: the data kept changing');
    }
    await destroyDeviceKey(db);
    return vault;
  });
}

/** An entry of "Mes informations" opened with one key and sealed with another (same additional data). */
async function resealRow(row: InfoRow, from: RowCipher, to: RowCipher): Promise<InfoRow> {
  const aad = infoAad(row.id);
  return { ...row, sealed: await to.seal(await from.open(row.sealed, aad), aad) };
}

/** Wrong PINs so far, the one being tried included. Counted before the slow work, so many tries at once still count one by one. */
async function countTry(db: PasapasDB): Promise<VaultMetaRow> {
  return writeTransaction(db, ['vault'], async () => {
    const meta = await db.vault.get('meta');
    if (!meta) throw new NoVaultError();
    const next = { ...meta, failures: (meta.failures ?? 0) + 1 };
    await db.vault.put(next);
    return next;
  });
}

async function wrongPin(db: PasapasDB, meta: VaultMetaRow): Promise<never> {
  const failures = meta.failures ?? MAX_PIN_TRIES;
  if (failures >= MAX_PIN_TRIES) {
    await wipeProcedureData(db, meta.check);
    throw new PinTriesExhaustedError(MAX_PIN_TRIES);
  }
  throw new WrongPinError(MAX_PIN_TRIES - failures);
}

async function openWithPin(
  db: PasapasDB,
  pin: string,
  clock: () => number,
): Promise<{ meta: VaultMetaRow; file: WrappedKeyFile; keys: DataKeys; raw: Uint8Array<ArrayBuffer> }> {
  const stored = await db.vault.get('meta');
  if (!stored) throw new NoVaultError();
  if (clock() >= stored.expiresAt) {
    await wipeProcedureData(db, stored.check);
    throw new VaultExpiredError();
  }
  if ((stored.failures ?? 0) >= MAX_PIN_TRIES) return wrongPin(db, stored);
  const meta = await countTry(db);
  if (meta.check.ct !== stored.check.ct) throw new NoVaultError();
  const file = await readWrapped(db, meta);
  // Without its key file the data cannot be opened by anyone: erased, said so.
  if (!file) {
    await wipeProcedureData(db, meta.check);
    throw new PinTriesExhaustedError(0);
  }
  // A PIN that cannot be one (letters, too long) is a wrong try, without the slow KDF.
  const shapeOk = new RegExp(`^\\d{${OLD_PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin);
  if (!shapeOk || !isValidPinKdfParams(file.kdf)) return wrongPin(db, meta);
  const pinKeys = await derivePinKeys(pin, file.kdf);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = new Uint8Array(await openBytes(pinKeys.encryption, file.wrapped, WRAP_AAD));
  } catch (error) {
    if (error instanceof DecryptError) return wrongPin(db, meta);
    throw error;
  }
  const keys = await importDataKeys(raw.slice());
  // Second, independent check: the data key itself opens the known value.
  try {
    const text = await openJson<string>(keys.encryption, meta.check, 'vault-check');
    if (text !== CHECK_TEXT) return wrongPin(db, meta);
  } catch (error) {
    if (error instanceof DecryptError) return wrongPin(db, meta);
    throw error;
  }
  // The right PIN: the count starts again.
  const reset = { ...meta, failures: 0 };
  await db.vault.put(reset);
  return { meta: reset, file, keys, raw };
}

/**
 * Opens the vault with the PIN. A wrong PIN throws WrongPinError with the tries left (the
 * fifth erases everything: PinTriesExhaustedError). When the stored KDF is weaker than
 * today's, or the wrapped key still sits in the database row (before the key file), the key
 * is wrapped again into the key file.
 */
export async function unlockVault(db: PasapasDB, pin: string, options: VaultOptions = {}): Promise<Vault> {
  const clock = options.clock ?? Date.now;
  const { meta, file, keys, raw } = await openWithPin(db, pin, clock);
  let kdf = file.kdf;
  const inRow = meta.wrapped !== undefined;
  if (options.upgradeKdf !== false || inRow) {
    const current = await newKdf(options);
    const next = options.upgradeKdf !== false && isWeakerKdf(file.kdf, current) ? current : file.kdf;
    if (inRow || next !== file.kdf) {
      kdf = next;
      await writeWrapped(db, { v: 1, kdf, wrapped: await wrapKeys(pin, raw, kdf) });
      if (inRow) {
        const { wrapped: _w, kdf: _k, ...rest } = meta;
        await db.vault.put({ ...rest, formatVersion: 2 });
      }
    }
  }
  raw.fill(0);
  return new UnlockedVault(db, meta, kdf, keys, clock);
}

/** New PIN, same data key: nothing to re-encrypt. Wrong old PIN counts as a wrong try. */
export async function changePin(
  db: PasapasDB,
  oldPin: string,
  newPin: string,
  options: VaultOptions = {},
): Promise<void> {
  assertPin(newPin);
  const clock = options.clock ?? Date.now;
  const { meta, raw } = await openWithPin(db, oldPin, clock);
  const kdf = await newKdf(options);
  const wrapped = await wrapKeys(newPin, raw, kdf);
  raw.fill(0);
  await writeWrapped(db, { v: 1, kdf, wrapped });
  if (meta.wrapped) {
    const { wrapped: _w, kdf: _k, ...rest } = meta;
    await db.vault.put({ ...rest, formatVersion: 2 });
  }
}

/** For the expiry alarm and the widget's load: erases an expired vault's data; true when it did. */
export async function eraseIfExpired(db: PasapasDB, now: number): Promise<boolean> {
  const meta = await db.vault.get('meta');
  if (!meta || now < meta.expiresAt) return false;
  return wipeProcedureData(db, meta.check);
}
