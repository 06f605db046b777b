/**
 * Keys from a PIN. A short code is only as strong as one guess is slow: Argon2id (memory-hard,
 * so GPUs gain little) from hash-wasm's WebAssembly, else — a page whose CSP forbids wasm —
 * the measured PBKDF2. The parameters are stored with the wrapped key, so unlocking always
 * uses the ones that wrapped it, and a weaker stored choice is raised at the next unlock.
 */
import { argon2id } from 'hash-wasm';
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes.ts';
import {
  type DerivedKeys,
  deriveKeys,
  importKeyPair,
  isValidKdfParams,
  type KdfParams,
  newKdfParams,
  PBKDF2_ITERATIONS,
  SALT_BYTES,
} from './kdf.ts';

export type Argon2idParams = {
  name: 'Argon2id';
  /** KiB of memory each guess must fill. */
  memoryKiB: number;
  iterations: number;
  parallelism: 1;
  salt: string;
};
export type PinKdfParams = KdfParams | Argon2idParams;

/** 64 MiB, 3 passes: about 0.45 s on one core here (bench/pin.bench.ts), light enough for a cheap phone. */
export const ARGON2ID_COST = { memoryKiB: 65_536, iterations: 3 } as const;
/** Accepted from storage: below is too weak to be worth it, above would hang a phone. */
export const ARGON2ID_BOUNDS = { memoryKiB: [8_192, 1_048_576], iterations: [1, 20] } as const;

export function newArgon2idParams(
  cost: { memoryKiB: number; iterations: number } = ARGON2ID_COST,
): Argon2idParams {
  return { name: 'Argon2id', ...cost, parallelism: 1, salt: toBase64(randomBytes(SALT_BYTES)) };
}

let wasm: Promise<boolean> | undefined;
/** Can this context run Argon2id? A page whose CSP has no 'wasm-unsafe-eval' cannot. Asked once. */
export function argon2Available(): Promise<boolean> {
  wasm ??= argon2id({
    password: 'probe',
    salt: new Uint8Array(16),
    parallelism: 1,
    iterations: 1,
    memorySize: 8,
    hashLength: 32,
    outputType: 'binary',
  }).then(
    () => true,
    () => false,
  );
  return wasm;
}

/** What a new wrapping uses here: Argon2id when it runs, else PBKDF2 at today's count. */
export async function newPinKdfParams(): Promise<PinKdfParams> {
  return (await argon2Available()) ? newArgon2idParams() : newKdfParams(PBKDF2_ITERATIONS);
}

export function isValidPinKdfParams(value: unknown): value is PinKdfParams {
  if (isValidKdfParams(value)) return true;
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  const within = (v: unknown, [lo, hi]: readonly [number, number]) =>
    typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  if (p.name !== 'Argon2id' || p.parallelism !== 1) return false;
  if (!within(p.memoryKiB, ARGON2ID_BOUNDS.memoryKiB) || !within(p.iterations, ARGON2ID_BOUNDS.iterations))
    return false;
  try {
    return typeof p.salt === 'string' && fromBase64(p.salt).length >= SALT_BYTES;
  } catch {
    return false;
  }
}

/** True when `stored` is weaker than what `current` would use (then re-wrap at unlock). */
export function isWeakerKdf(stored: PinKdfParams, current: PinKdfParams): boolean {
  if (current.name === 'Argon2id') {
    return (
      stored.name !== 'Argon2id' ||
      stored.memoryKiB < current.memoryKiB ||
      stored.iterations < current.iterations
    );
  }
  return stored.name === 'PBKDF2' && stored.iterations < current.iterations;
}

/** 512 bits from the PIN: the first half encrypts (wraps the data key), the second tags. */
export async function derivePinKeys(pin: string, params: PinKdfParams): Promise<DerivedKeys> {
  if (params.name === 'PBKDF2') return deriveKeys(pin, params);
  const bits = await argon2id({
    password: utf8(pin.normalize('NFC')),
    salt: fromBase64(params.salt),
    parallelism: 1,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 64,
    outputType: 'binary',
  });
  return importKeyPair(bits);
}
