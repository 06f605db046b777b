/**
 * Rows as stored vs. values as used. In clear mode rows hold the values; when a vault is
 * unlocked every field value, identity, procedure title, site and guide is encrypted, and the
 * keys used for look-ups are HMAC tags, so no row holds them in clear.
 * All crypto happens here, outside any IndexedDB transaction (an await on WebCrypto would let
 * the transaction auto-commit).
 */
import type { Sealed } from '../crypto/aead.ts';
import { type FieldValue, type FieldValueRow, lookupKey, type ProcedureRow } from './db.ts';
import { VaultRequiredError } from './errors.ts';
import { type FieldIdentity, fieldKey } from './field-identity.ts';

/** What the vault offers the codec (see vault.ts). */
export type RowCipher = {
  seal(value: unknown, aad: string): Promise<Sealed>;
  open<T>(sealed: Sealed, aad: string): Promise<T>;
  tag(text: string): Promise<string>;
};

export type Procedure = {
  id: string;
  guideId: string;
  /** Site origin, e.g. https://www.caf.fr */
  origin: string;
  title: string;
  currentStep: string | null;
  startedAt: number;
  updatedAt: number;
  expiresAt?: number;
};

export type SavedField = {
  procedureId: string;
  identity: FieldIdentity;
  value: FieldValue;
  updatedAt: number;
};

type SealedProcedure = { guideId: string; origin: string; title: string };

// Additional data binds each ciphertext to its row: a sealed value moved to another row fails to open.
const procedureAad = (id: string) => `procedure|${id}`;
const fieldAad = (procedureId: string, key: string) => `field|${procedureId}|${key}`;

export async function storedLookup(
  guideId: string,
  origin: string,
  cipher: RowCipher | null,
): Promise<string> {
  const clear = lookupKey(guideId, origin);
  return cipher ? cipher.tag(`lookup|${clear}`) : clear;
}

export async function storedFieldKey(identity: FieldIdentity, cipher: RowCipher | null): Promise<string> {
  const clear = fieldKey(identity);
  return cipher ? cipher.tag(`field|${clear}`) : clear;
}

export async function encodeProcedure(p: Procedure, cipher: RowCipher | null): Promise<ProcedureRow> {
  const row: ProcedureRow = {
    id: p.id,
    lookup: await storedLookup(p.guideId, p.origin, cipher),
    currentStep: p.currentStep,
    startedAt: p.startedAt,
    updatedAt: p.updatedAt,
  };
  if (p.expiresAt !== undefined) row.expiresAt = p.expiresAt;
  if (cipher) {
    const secret: SealedProcedure = { guideId: p.guideId, origin: p.origin, title: p.title };
    row.sealed = await cipher.seal(secret, procedureAad(p.id));
  } else {
    row.guideId = p.guideId;
    row.origin = p.origin;
    row.title = p.title;
  }
  return row;
}

export async function decodeProcedure(row: ProcedureRow, cipher: RowCipher | null): Promise<Procedure> {
  let clear: SealedProcedure;
  if (row.sealed) {
    if (!cipher) throw new VaultRequiredError();
    clear = await cipher.open<SealedProcedure>(row.sealed, procedureAad(row.id));
  } else {
    clear = { guideId: row.guideId ?? '', origin: row.origin ?? '', title: row.title ?? '' };
  }
  const p: Procedure = {
    id: row.id,
    guideId: clear.guideId,
    origin: clear.origin,
    title: clear.title,
    currentStep: row.currentStep ?? null,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
  };
  if (row.expiresAt !== undefined) p.expiresAt = row.expiresAt;
  return p;
}

export async function encodeField(f: SavedField, cipher: RowCipher | null): Promise<FieldValueRow> {
  const key = await storedFieldKey(f.identity, cipher);
  if (!cipher) {
    return {
      procedureId: f.procedureId,
      fieldKey: key,
      identity: f.identity,
      value: f.value,
      updatedAt: f.updatedAt,
    };
  }
  const sealed = await cipher.seal({ identity: f.identity, value: f.value }, fieldAad(f.procedureId, key));
  return { procedureId: f.procedureId, fieldKey: key, sealed, updatedAt: f.updatedAt };
}

export async function decodeField(row: FieldValueRow, cipher: RowCipher | null): Promise<SavedField> {
  if (row.sealed) {
    if (!cipher) throw new VaultRequiredError();
    const clear = await cipher.open<{ identity: FieldIdentity; value: FieldValue }>(
      row.sealed,
      fieldAad(row.procedureId, row.fieldKey),
    );
    return {
      procedureId: row.procedureId,
      identity: clear.identity,
      value: clear.value,
      updatedAt: row.updatedAt,
    };
  }
  return {
    procedureId: row.procedureId,
    identity: row.identity ?? { formIndex: 0, position: 0, path: '/' },
    value: row.value ?? '',
    updatedAt: row.updatedAt,
  };
}
