/**
 * Ed25519 signatures of guides with WebCrypto only. A signed guide carries
 * `signature: { keyId, alg: 'Ed25519', value }`; the signed bytes are the canonical JSON (JCS)
 * of the guide without its `signature` member, so the signature survives reformatting.
 */
import { fromBase64, sha256Hex, toBase64 } from './bytes.ts';
import { canonicalBytes } from './canonical.ts';

export type PublicKeyFile = {
  kind: 'pasapas-guide-public-key';
  alg: 'Ed25519';
  keyId: string;
  publicKey: string;
};
export type PrivateKeyFile = {
  kind: 'pasapas-guide-private-key';
  alg: 'Ed25519';
  keyId: string;
  publicKey: string;
  privateKey: string;
};
export type TrustedKey = { keyId: string; publicKey: string };
export type Verification = 'verified' | 'unsigned' | 'untrusted-key' | 'invalid';

export class SignatureError extends Error {
  constructor(
    readonly code: 'bad-key-file' | 'sign-failed' | 'not-an-object',
    message: string,
  ) {
    super(message);
    this.name = 'SignatureError';
  }
}

const ED25519 = { name: 'Ed25519' } as const;

/** A short, stable key id derived from the public key (first 16 hex digits of its SHA-256). */
export async function keyIdOf(publicKeyBase64: string): Promise<string> {
  return (await sha256Hex(fromBase64(publicKeyBase64))).slice(0, 16);
}

export async function generateKeyPair(
  keyId?: string,
): Promise<{ privateKey: PrivateKeyFile; publicKey: PublicKeyFile }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const id = keyId ?? (await keyIdOf(publicKey));
  return {
    privateKey: { kind: 'pasapas-guide-private-key', alg: 'Ed25519', keyId: id, publicKey, privateKey },
    publicKey: { kind: 'pasapas-guide-public-key', alg: 'Ed25519', keyId: id, publicKey },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads a public key from a public or private key file's JSON. */
export function readPublicKey(json: unknown): TrustedKey {
  if (
    !isRecord(json) ||
    typeof json.keyId !== 'string' ||
    typeof json.publicKey !== 'string' ||
    json.keyId === ''
  ) {
    throw new SignatureError('bad-key-file', 'not a Pas à pas key file (keyId and publicKey expected)');
  }
  return { keyId: json.keyId, publicKey: json.publicKey };
}

export function readPrivateKey(json: unknown): PrivateKeyFile {
  if (!isRecord(json) || json.kind !== 'pasapas-guide-private-key' || typeof json.privateKey !== 'string') {
    throw new SignatureError('bad-key-file', 'not a Pas à pas private key file');
  }
  const { keyId, publicKey } = readPublicKey(json);
  return { kind: 'pasapas-guide-private-key', alg: 'Ed25519', keyId, publicKey, privateKey: json.privateKey };
}

function withoutSignature(guide: Record<string, unknown>): Record<string, unknown> {
  const { signature: _ignored, ...rest } = guide;
  return rest;
}

/** Returns a copy of the guide with its signature (any former signature is replaced). */
export async function signGuide<T extends object>(
  guide: T,
  key: PrivateKeyFile,
): Promise<T & { signature: { keyId: string; alg: 'Ed25519'; value: string } }> {
  if (!isRecord(guide)) throw new SignatureError('not-an-object', 'a guide must be an object');
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', fromBase64(key.privateKey), ED25519, false, ['sign']);
  } catch {
    throw new SignatureError('bad-key-file', 'the private key cannot be read');
  }
  return signGuideWithKey(guide, key.keyId, privateKey);
}

/**
 * The same signature made with a key held as a CryptoKey (the studio's key, kept non-extractable
 * in the extension): the key never exists as bytes outside the browser's crypto.
 */
export async function signGuideWithKey<T extends object>(
  guide: T,
  keyId: string,
  privateKey: CryptoKey,
): Promise<T & { signature: { keyId: string; alg: 'Ed25519'; value: string } }> {
  if (!isRecord(guide)) throw new SignatureError('not-an-object', 'a guide must be an object');
  const content = withoutSignature(guide);
  let signed: ArrayBuffer;
  try {
    signed = await crypto.subtle.sign(
      ED25519,
      privateKey,
      canonicalBytes(content) as Uint8Array<ArrayBuffer>,
    );
  } catch {
    throw new SignatureError('sign-failed', 'the key cannot sign');
  }
  return { ...(content as T), signature: { keyId, alg: 'Ed25519', value: toBase64(signed) } };
}

/** Never throws: anything malformed is 'invalid'. Only 'verified' proves who wrote the guide. */
export async function verifyGuide(json: unknown, trustedKeys: readonly TrustedKey[]): Promise<Verification> {
  try {
    if (!isRecord(json)) return 'invalid';
    const signature = json.signature;
    if (signature === undefined) return 'unsigned';
    if (!isRecord(signature) || signature.alg !== 'Ed25519' || typeof signature.value !== 'string')
      return 'invalid';
    const trusted = trustedKeys.find((k) => k.keyId === signature.keyId);
    if (!trusted) return 'untrusted-key';
    const publicKey = await crypto.subtle.importKey('raw', fromBase64(trusted.publicKey), ED25519, false, [
      'verify',
    ]);
    const ok = await crypto.subtle.verify(
      ED25519,
      publicKey,
      fromBase64(signature.value),
      canonicalBytes(withoutSignature(json)) as Uint8Array<ArrayBuffer>,
    );
    return ok ? 'verified' : 'invalid';
  } catch {
    return 'invalid';
  }
}
