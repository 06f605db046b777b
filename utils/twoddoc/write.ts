/**
 * Writing and signing a 2D-Doc text: for our tests, the benchmark and the demo's documents (signed with
 * the test keys of tests/fixtures/twoddoc). Version 04 header, fields in the order given.
 */
import { base32Encode } from './base32.ts';
import { FIELD_BY_ID } from './fields.ts';
import { headerDateHex } from './header.ts';
import { GS, US } from './separators.ts';

export type WriteHeader = {
  caId: string;
  certId: string;
  issueDate?: string | null;
  signatureDate?: string | null;
  docType: string;
  perimeter?: string;
  country?: string;
};

export function twoDDocMessage(header: WriteHeader, fields: ReadonlyArray<[string, string]>): string {
  let text = `DC04${header.caId}${header.certId}${headerDateHex(header.issueDate ?? null)}${headerDateHex(
    header.signatureDate ?? null,
  )}${header.docType}${header.perimeter ?? '01'}${header.country ?? 'FR'}`;
  fields.forEach(([id, value], i) => {
    const spec = FIELD_BY_ID.get(id);
    const fixed = spec && spec.min === spec.max && spec.min > 0;
    if (fixed && value.length !== spec.min) throw new Error(`field ${id} needs ${spec.min} characters`);
    text += id + value;
    // A variable field ends with GS, except the last one (the US follows).
    if (!fixed && i < fields.length - 1) text += GS;
  });
  return text;
}

/** Signs header + message with an ECDSA private key (P-256 → SHA-256, P-384 → SHA-384). */
export async function signTwoDDoc(
  message: string,
  key: CryptoKey,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const curve = (key.algorithm as EcKeyAlgorithm).namedCurve;
  const hash = curve === 'P-384' ? 'SHA-384' : 'SHA-256';
  const bytes = Uint8Array.from(message, (c) => c.charCodeAt(0));
  const sig = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash }, key, bytes));
  return `${message}${US}${base32Encode(sig)}`;
}
