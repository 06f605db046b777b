// The PIN against an offline guesser who copied the profile: one derivation's time, measured
// here on one core (median of a few), times every possible code. The old PBKDF2 600k is
// measured in the same run for comparison. The person pays one derivation per unlock.
import { deriveKeys, newKdfParams, PBKDF2_ITERATIONS } from '../utils/crypto/kdf.ts';
import { ARGON2ID_COST, derivePinKeys, newArgon2idParams } from '../utils/crypto/pin-kdf.ts';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up (wasm compile, JIT)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 3 * 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

export default async function () {
  const argon = await time(() => derivePinKeys('482193', newArgon2idParams()));
  const pbkdf2 = await time(() => deriveKeys('482193', newKdfParams(PBKDF2_ITERATIONS)));
  const row = (kdf: string, ms: number, digits: number, note: string) => ({
    kdf,
    'one derivation (ms, median)': Math.round(ms),
    code: `${digits} digits`,
    codes: (10 ** digits).toLocaleString('en'),
    'every code, one core': duration((ms / 1000) * 10 ** digits),
    'half on average': duration((ms / 2000) * 10 ** digits),
    note,
  });
  return {
    title: 'PIN: offline cost of trying every code',
    rows: [
      row(
        'PBKDF2-SHA256 600k (before)',
        pbkdf2,
        4,
        'old rule: 4 digits; GPUs run PBKDF2 thousands of times faster',
      ),
      row('PBKDF2-SHA256 600k (fallback)', pbkdf2, 6, 'kept only where a page forbids wasm'),
      row(
        `Argon2id ${ARGON2ID_COST.memoryKiB / 1024} MiB × ${ARGON2ID_COST.iterations} (now)`,
        argon,
        6,
        'new rule: 6 digits at least; memory-hard, GPUs gain little',
      ),
      row(
        `Argon2id ${ARGON2ID_COST.memoryKiB / 1024} MiB × ${ARGON2ID_COST.iterations} (now)`,
        argon,
        8,
        'an 8-digit code',
      ),
    ],
    notes: [
      `Node ${process.version}, hash-wasm (WebAssembly, one thread) and WebCrypto PBKDF2; ${RUNS} runs after a warm-up.`,
      'Online, the 5th wrong PIN erases everything, so guessing is only possible offline, from a copy of the profile taken before the wipe: the wrapped key lives in a file that wiping unlinks.',
      'A native Argon2 is perhaps 2–3× faster than this wasm build per core; an attacker with many cores divides the time by their number.',
    ],
  };
}
