/**
 * ECDSA check of a parsed 2D-Doc with WebCrypto: the signature is r‖s (IEEE P1363, what WebCrypto takes),
 * SHA-256 on P-256 and SHA-384 on P-384, over the header and message bytes.
 */
import type { TwoDDoc } from './parse.ts';
import { findAuthority, findKey, type SigningKey, type TrustList } from './trust.ts';

export type Verification =
  /** « signature vérifiée » */
  | { status: 'verified'; key: SigningKey }
  /** « émetteur inconnu »: no key for this authority and certificate (the authority may be known). */
  | { status: 'unknown-issuer'; authority: string | null }
  /** « signature fausse »: the data or the signature was changed, or signed by someone else. */
  | { status: 'bad-signature'; key: SigningKey };

const HASH = { 'P-256': 'SHA-256', 'P-384': 'SHA-384' } as const;

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const imported = new Map<string, Promise<CryptoKey>>();

function publicKey(key: SigningKey, subtle: SubtleCrypto): Promise<CryptoKey> {
  let p = imported.get(key.spki);
  if (!p) {
    p = subtle.importKey('spki', fromBase64(key.spki), { name: 'ECDSA', namedCurve: key.curve }, false, [
      'verify',
    ]);
    imported.set(key.spki, p);
  }
  return p;
}

export async function verifyTwoDDoc(
  doc: TwoDDoc,
  list: TrustList,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Verification> {
  const key = findKey(list, doc.header.caId, doc.header.certId);
  if (!key) {
    const authority = findAuthority(list, doc.header.caId);
    return {
      status: 'unknown-issuer',
      authority: authority ? `${authority.caId} : ${authority.name}` : null,
    };
  }
  // A signature of the other curve's length cannot be this key's.
  if (key.curve !== doc.curve) return { status: 'bad-signature', key };
  const ok = await subtle.verify(
    { name: 'ECDSA', hash: HASH[key.curve] },
    await publicKey(key, subtle),
    new Uint8Array(doc.signature),
    new Uint8Array(doc.signed),
  );
  return ok ? { status: 'verified', key } : { status: 'bad-signature', key };
}
