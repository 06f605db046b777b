/**
 * Trusted public keys as people give them: a bare base64 Ed25519 key (the widget's
 * `data-trusted-keys`, a mediator pasting a key) or a Pas à pas key file. Guides name their key
 * by `keyId`; a bare key gets the id `keyIdOf` derives from it, which is what `guide keygen` uses.
 */
import { fromBase64 } from './bytes.ts';
import { needsTrustOnly, type ParseGuideResult, parseGuideText } from './schema.ts';
import { keyIdOf, readPublicKey, type TrustedKey, type Verification, verifyGuide } from './signature.ts';

export class TrustedKeyError extends Error {
  constructor(readonly code: 'key-invalid') {
    super('not an Ed25519 public key (32 bytes in base64, or a Pas à pas key file)');
    this.name = 'TrustedKeyError';
  }
}

const BASE64 = /^[A-Za-z0-9+/]{42,44}={0,2}$/;

function isRawKey(text: string): boolean {
  if (!BASE64.test(text)) return false;
  try {
    return fromBase64(text).length === 32;
  } catch {
    return false;
  }
}

/** Reads a key pasted or loaded by a person; throws TrustedKeyError when it is not one. */
export async function parseTrustedKey(input: string): Promise<TrustedKey> {
  const text = input.trim();
  if (isRawKey(text)) {
    return { keyId: await keyIdOf(text), publicKey: text };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TrustedKeyError('key-invalid');
  }
  let key: TrustedKey;
  try {
    key = readPublicKey(json);
  } catch {
    throw new TrustedKeyError('key-invalid');
  }
  if (!isRawKey(key.publicKey)) throw new TrustedKeyError('key-invalid');
  return key;
}

/** Bare keys from a configuration; the bad ones are left out (the config parser reports them). */
export async function trustedKeysFrom(publicKeys: readonly string[]): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [];
  for (const publicKey of publicKeys) {
    try {
      keys.push(await parseTrustedKey(publicKey));
    } catch {
      // skipped
    }
  }
  return keys;
}

/**
 * Verification against keys that may carry another id than the guide's `keyId` (a key file made
 * with `keygen --id`, given to the widget as a bare key): the named key first, then every key.
 */
export async function verifyWithKeys(json: unknown, keys: readonly TrustedKey[]): Promise<Verification> {
  const first = await verifyGuide(json, keys);
  if (first !== 'untrusted-key') return first;
  const keyId = (json as { signature?: { keyId?: unknown } } | null)?.signature?.keyId;
  if (typeof keyId !== 'string') return first;
  for (const key of keys) {
    if ((await verifyGuide(json, [{ keyId, publicKey: key.publicKey }])) === 'verified') return 'verified';
  }
  return first;
}

/**
 * Reads a guide's text, lifting the problems only a trusted signature lifts (a pattern covering
 * the whole web) when one of `keys` signed it. `verification` is given when it had to be computed.
 */
export async function parseGuideTextWithKeys(
  text: string,
  keys: readonly TrustedKey[],
): Promise<{ parsed: ParseGuideResult; verification?: Verification }> {
  const parsed = parseGuideText(text);
  if (parsed.ok || !needsTrustOnly(parsed.errors)) return { parsed };
  const verification = await verifyWithKeys(JSON.parse(text), keys);
  if (verification !== 'verified') return { parsed, verification };
  return { parsed: parseGuideText(text, { trusted: true }), verification };
}
