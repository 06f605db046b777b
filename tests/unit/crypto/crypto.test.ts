import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecryptError, IV_BYTES, macTag, openJson, sealJson, verifyTag } from '../../../utils/crypto/aead.ts';
import { fromBase64, toBase64 } from '../../../utils/crypto/bytes.ts';
import {
  deriveKeys,
  isValidKdfParams,
  MIN_ITERATIONS,
  newKdfParams,
  PBKDF2_ITERATIONS,
} from '../../../utils/crypto/kdf.ts';

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
  it('rejects text that is not base64', () => {
    expect(() => fromBase64('abc')).toThrow();
    expect(() => fromBase64('ab$=')).toThrow();
  });
});

describe('kdf', () => {
  it('uses at least 600,000 iterations and a fresh 16-byte salt', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const a = newKdfParams();
    const b = newKdfParams();
    expect(a.iterations).toBe(PBKDF2_ITERATIONS);
    expect(fromBase64(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(isValidKdfParams(a)).toBe(true);
    expect(isValidKdfParams({ ...a, iterations: MIN_ITERATIONS - 1 })).toBe(false);
    expect(isValidKdfParams({ ...a, iterations: 1e12 })).toBe(false);
    expect(isValidKdfParams({ ...a, hash: 'SHA-1' })).toBe(false);
    expect(isValidKdfParams({ ...a, salt: 'AAAA' })).toBe(false);
  });

  it('derives the same keys from the same secret and salt only', async () => {
    const params = newKdfParams(MIN_ITERATIONS);
    const k1 = await deriveKeys('1234', params);
    const k2 = await deriveKeys('1234', params);
    const k3 = await deriveKeys('1235', params);
    const sealed = await sealJson(k1.encryption, { v: 'Dupont' });
    expect(await openJson(k2.encryption, sealed)).toEqual({ v: 'Dupont' });
    await expect(openJson(k3.encryption, sealed)).rejects.toBeInstanceOf(DecryptError);
    expect(await macTag(k1.mac, 'x')).toBe(await macTag(k2.mac, 'x'));
    expect(await macTag(k1.mac, 'x')).not.toBe(await macTag(k3.mac, 'x'));
    expect(k1.encryption.extractable).toBe(false);
    expect(k1.mac.extractable).toBe(false);
  });
});

describe('AES-GCM records', () => {
  it('uses a fresh 12-byte IV per record and detects any change', async () => {
    const { encryption, mac } = await deriveKeys('passphrase', newKdfParams(MIN_ITERATIONS));
    const a = await sealJson(encryption, 'même valeur', 'row-1');
    const b = await sealJson(encryption, 'même valeur', 'row-1');
    expect(fromBase64(a.iv)).toHaveLength(IV_BYTES);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(await openJson(encryption, a, 'row-1')).toBe('même valeur');
    await expect(openJson(encryption, a, 'row-2')).rejects.toBeInstanceOf(DecryptError);
    const bytes = fromBase64(a.ct);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await expect(openJson(encryption, { iv: a.iv, ct: toBase64(bytes) }, 'row-1')).rejects.toBeInstanceOf(
      DecryptError,
    );
    await expect(openJson(encryption, { iv: 'AAAA', ct: a.ct }, 'row-1')).rejects.toBeInstanceOf(
      DecryptError,
    );
    expect(await verifyTag(mac, 'x', await macTag(mac, 'x'))).toBe(true);
    expect(await verifyTag(mac, 'x', await macTag(mac, 'y'))).toBe(false);
    expect(await verifyTag(mac, 'x', 'not base64!')).toBe(false);
  });
});
