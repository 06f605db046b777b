/** AES-GCM 256 with a fresh 12-byte IV per record, and HMAC tags, over JSON values. */
import { equalBytes, fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from './bytes.ts';

export const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One encrypted record: base64 IV and ciphertext (with GCM's authentication tag at its end). */
export type Sealed = { iv: string; ct: string };

/** The key is wrong or the bytes were changed: GCM cannot tell which, so callers decide. */
export class DecryptError extends Error {
  readonly code = 'decrypt-failed';
}

export async function sealBytes(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad?: string,
): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const params: AesGcmParams = { name: 'AES-GCM', iv };
  if (aad !== undefined) params.additionalData = utf8(aad);
  const ct = new Uint8Array(await globalThis.crypto.subtle.encrypt(params, key, plain));
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

export async function openBytes(key: CryptoKey, sealed: Sealed, aad?: string): Promise<Uint8Array> {
  let iv: Uint8Array<ArrayBuffer>;
  let ct: Uint8Array<ArrayBuffer>;
  try {
    iv = fromBase64(sealed.iv);
    ct = fromBase64(sealed.ct);
  } catch {
    throw new DecryptError('Encrypted record is not valid base64');
  }
  if (iv.length !== IV_BYTES) throw new DecryptError('Encrypted record has a bad IV');
  const params: AesGcmParams = { name: 'AES-GCM', iv };
  if (aad !== undefined) params.additionalData = utf8(aad);
  try {
    return new Uint8Array(await globalThis.crypto.subtle.decrypt(params, key, ct));
  } catch {
    throw new DecryptError('Decryption failed');
  }
}

export async function sealJson(key: CryptoKey, value: unknown, aad?: string): Promise<Sealed> {
  return sealBytes(key, utf8(JSON.stringify(value)), aad);
}

export async function openJson<T>(key: CryptoKey, sealed: Sealed, aad?: string): Promise<T> {
  const bytes = await openBytes(key, sealed, aad);
  try {
    return JSON.parse(fromUtf8(bytes)) as T;
  } catch {
    throw new DecryptError('Decrypted record is not JSON');
  }
}

/** Deterministic opaque tag (128 bits of HMAC-SHA256): lets us look rows up without storing the text. */
export async function macTag(key: CryptoKey, text: string): Promise<string> {
  const sig = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, utf8(text)));
  return toBase64(sig.subarray(0, TAG_BYTES));
}

export async function verifyTag(key: CryptoKey, text: string, tag: string): Promise<boolean> {
  const expected = fromBase64(await macTag(key, text));
  let given: Uint8Array;
  try {
    given = fromBase64(tag);
  } catch {
    return false;
  }
  return equalBytes(expected, given);
}

export function isSealed(value: unknown): value is Sealed {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Sealed).iv === 'string' &&
    typeof (value as Sealed).ct === 'string'
  );
}
