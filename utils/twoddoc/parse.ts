/**
 * A 2D-Doc's text → header, fields, the exact signed bytes and the signature. The message is a run of
 * fields « id (2 characters) + value »: a fixed-length value just ends; a variable one ends with GS, RS
 * (truncated value), the unit separator US (signature follows) or its maximum length. Whatever follows the
 * signature after a GS is the annex, which is not signed: it is kept apart and never trusted.
 */
import { base32Decode } from './base32.ts';
import { TwoDDocError } from './errors.ts';
import { FIELD_BY_ID, type FieldSpec } from './fields.ts';
import { parseHeader, type TwoDDocHeader } from './header.ts';
import { GS, normalizeSeparators, RS, US } from './separators.ts';

export type TwoDDocField = {
  id: string;
  value: string;
  /** The issuer cut the value to fit (RS terminator): never fill it as if whole. */
  truncated: boolean;
  spec: FieldSpec | null;
};

export type TwoDDoc = {
  header: TwoDDocHeader;
  fields: TwoDDocField[];
  /** Header and message: the bytes the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
  curve: 'P-256' | 'P-384';
  /** Unsigned data after the signature, if any. */
  annex: string | null;
};

/** The text as single bytes (the C40 message is ASCII); anything wider cannot come from a 2D-Doc. */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new TwoDDocError('bad-field', `character U+${c.toString(16)}`);
    out[i] = c;
  }
  return out;
}

export function parseFields(message: string): TwoDDocField[] {
  const fields: TwoDDocField[] = [];
  let i = 0;
  while (i < message.length) {
    if (message[i] === GS) {
      i++;
      continue;
    }
    const id = message.slice(i, i + 2);
    if (!/^[0-9A-Z]{2}$/.test(id)) throw new TwoDDocError('bad-field', `id « ${id} » at ${i}`);
    i += 2;
    const spec = FIELD_BY_ID.get(id) ?? null;
    if (spec && spec.min === spec.max && spec.min > 0) {
      const value = message.slice(i, i + spec.min);
      if (value.length < spec.min || [GS, RS, US].some((sep) => value.includes(sep)))
        throw new TwoDDocError('bad-field', `${id} needs ${spec.min} characters`);
      fields.push({ id, value, truncated: false, spec });
      i += spec.min;
      continue;
    }
    const limit = spec && spec.max >= 0 ? Math.min(message.length, i + spec.max) : message.length;
    let j = i;
    while (j < limit && message[j] !== GS && message[j] !== RS) j++;
    const truncated = message[j] === RS;
    fields.push({ id, value: message.slice(i, j), truncated, spec });
    i = j < message.length && (message[j] === GS || message[j] === RS) ? j + 1 : j;
  }
  return fields;
}

export function parseTwoDDoc(input: string): TwoDDoc {
  const text = normalizeSeparators(input).replace(/[\r\n]+$/, '');
  const header = parseHeader(text);
  const us = text.indexOf(US, header.length);
  if (us < 0) throw new TwoDDocError('no-signature');
  const message = text.slice(header.length, us);
  const tail = text.slice(us + 1);
  const gs = tail.indexOf(GS);
  const sigText = (gs < 0 ? tail : tail.slice(0, gs)).trim();
  const annex = gs < 0 ? null : tail.slice(gs + 1);
  const signature = base32Decode(sigText);
  if (!signature) throw new TwoDDocError('bad-signature-encoding', 'not base32');
  // ECDSA r‖s: 64 bytes on P-256, 96 on P-384.
  const curve = signature.length === 64 ? 'P-256' : signature.length === 96 ? 'P-384' : null;
  if (!curve) throw new TwoDDocError('bad-signature-encoding', `${signature.length} bytes`);
  return {
    header,
    fields: parseFields(message),
    signed: latin1(text.slice(0, us)),
    signature,
    curve,
    annex,
  };
}
