/**
 * Keys from a PIN or a passphrase: PBKDF2-SHA256 through WebCrypto only (Node's and the
 * browser's `crypto.subtle`), so the same code runs in tests, the extension and the widget.
 */
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes.ts';

/** OWASP 2023 figure for PBKDF2-HMAC-SHA256. Stored with each salt so it can be raised later. */
export const PBKDF2_ITERATIONS = 600_000;
/** Bounds accepted from stored or imported parameters: below is too weak, above would hang the page. */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;

export type KdfParams = { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };

export type DerivedKeys = {
  /** AES-GCM 256, not extractable. */
  encryption: CryptoKey;
  /** HMAC-SHA256 for deterministic lookup tags and check values, not extractable. */
  mac: CryptoKey;
};

export function newKdfParams(iterations: number = PBKDF2_ITERATIONS): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

export function isValidKdfParams(value: unknown): value is KdfParams {
  if (!value || typeof value !== 'object') return false;
  const kdf = value as Record<string, unknown>;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return false;
  if (typeof kdf.iterations !== 'number' || !Number.isInteger(kdf.iterations)) return false;
  if (kdf.iterations < MIN_ITERATIONS || kdf.iterations > MAX_ITERATIONS) return false;
  if (typeof kdf.salt !== 'string') return false;
  try {
    return fromBase64(kdf.salt).length >= SALT_BYTES;
  } catch {
    return false;
  }
}

/** One PBKDF2 run gives 512 bits: the first half encrypts, the second half tags. */
export async function deriveKeys(secret: string, params: KdfParams): Promise<DerivedKeys> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', utf8(secret.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
      base,
      512,
    ),
  );
  return importKeyPair(bits);
}

/**
 * 64 key bytes as two non-extractable keys: the first half encrypts (AES-GCM), the second tags
 * (HMAC-SHA-256). Zeroes the given bytes, so no copy of the raw key lingers in memory.
 */
export async function importKeyPair(bytes: Uint8Array): Promise<DerivedKeys> {
  const subtle = globalThis.crypto.subtle;
  try {
    const encryption = await subtle.importKey('raw', bytes.slice(0, 32), { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
    const mac = await subtle.importKey('raw', bytes.slice(32, 64), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return { encryption, mac };
  } finally {
    bytes.fill(0);
  }
}
