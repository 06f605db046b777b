import { describe, expect, it } from 'vitest';
import {
  generateKeyPair,
  keyIdOf,
  readPrivateKey,
  readPublicKey,
  SignatureError,
  signGuide,
  verifyGuide,
} from '../../../utils/guides/signature.ts';
import { demoGuide } from './helpers.ts';

describe('Ed25519 guide signatures', async () => {
  const { privateKey, publicKey } = await generateKeyPair();
  const trusted = [readPublicKey(publicKey)];

  it('makes small key files with a key id derived from the public key', async () => {
    expect(publicKey.keyId).toBe(await keyIdOf(publicKey.publicKey));
    expect(atob(publicKey.publicKey)).toHaveLength(32); // raw Ed25519 public key
    expect(readPrivateKey(JSON.parse(JSON.stringify(privateKey)))).toEqual(privateKey);
    expect((await generateKeyPair('mairie-2026')).publicKey.keyId).toBe('mairie-2026');
    expect(() => readPrivateKey(publicKey)).toThrow(SignatureError);
    expect(() => readPublicKey({ keyId: 1 })).toThrow(SignatureError);
  });

  it('verifies a signed guide, even reformatted or with keys reordered', async () => {
    const signed = await signGuide(demoGuide(), privateKey);
    expect(signed.signature).toMatchObject({ keyId: privateKey.keyId, alg: 'Ed25519' });
    expect(await verifyGuide(signed, trusted)).toBe('verified');
    const reordered = Object.fromEntries(
      Object.entries(JSON.parse(JSON.stringify(signed, null, 4))).reverse(),
    );
    expect(await verifyGuide(reordered, trusted)).toBe('verified');
  });

  it('says invalid as soon as anything changes', async () => {
    const signed = await signGuide(demoGuide(), privateKey);
    const changed = structuredClone(signed);
    changed.steps[1].field.example = '0000000000000';
    expect(await verifyGuide(changed, trusted)).toBe('invalid');
    const added = { ...structuredClone(signed), extra: 1 };
    expect(await verifyGuide(added, trusted)).toBe('invalid');
    const badValue = structuredClone(signed);
    badValue.signature.value = 'AAAA';
    expect(await verifyGuide(badValue, trusted)).toBe('invalid');
    const garbage = structuredClone(signed);
    garbage.signature.value = '%%%not base64';
    expect(await verifyGuide(garbage, trusted)).toBe('invalid');
    expect(await verifyGuide({ ...structuredClone(signed), signature: 'x' }, trusted)).toBe('invalid');
    expect(await verifyGuide(null, trusted)).toBe('invalid');
  });

  it('tells unsigned guides and unknown keys apart', async () => {
    expect(await verifyGuide(demoGuide(), trusted)).toBe('unsigned');
    const other = await generateKeyPair();
    const signedByOther = await signGuide(demoGuide(), other.privateKey);
    expect(await verifyGuide(signedByOther, trusted)).toBe('untrusted-key');
    // A key that claims a trusted id but is not the trusted key cannot forge a signature.
    const impostor = await signGuide(demoGuide(), { ...other.privateKey, keyId: privateKey.keyId });
    expect(await verifyGuide(impostor, trusted)).toBe('invalid');
  });

  it('re-signing replaces the old signature', async () => {
    const other = await generateKeyPair();
    const twice = await signGuide(await signGuide(demoGuide(), privateKey), other.privateKey);
    expect(await verifyGuide(twice, [readPublicKey(other.publicKey)])).toBe('verified');
    expect(await verifyGuide(twice, trusted)).toBe('untrusted-key');
  });

  it('refuses a broken private key with a typed error', async () => {
    await expect(signGuide(demoGuide(), { ...privateKey, privateKey: 'AAAA' })).rejects.toThrow(
      SignatureError,
    );
  });
});
