/**
 * The 2D-Doc header (ANTS specification, C40 form): « DC », the version, the certification authority,
 * the certificate, two dates, the document type, then the perimeter (from version 03) and the issuing
 * country (version 04). 22 characters for versions 01/02, 24 for 03, 26 for 04.
 */
import { TwoDDocError } from './errors.ts';

export type TwoDDocHeader = {
  version: 1 | 2 | 3 | 4;
  /** Certification authority that issued the signing certificate (e.g. FR05 for the ANTS). */
  caId: string;
  /** The signing certificate, among those of that authority. */
  certId: string;
  /** ISO dates (YYYY-MM-DD), or null when the code says « FFFF » (no date). */
  issueDate: string | null;
  signatureDate: string | null;
  /** Two characters, e.g. « 28 » for a tax notice. */
  docType: string;
  /** « 01 » (the ANTS perimeter) before version 03, where it was implied. */
  perimeter: string;
  /** « FR » before version 04, where it was implied. */
  country: string;
  /** Characters the header takes at the start of the code. */
  length: number;
};

const LENGTHS = { 1: 22, 2: 22, 3: 24, 4: 26 } as const;

/** Days since 1 January 2000, in hexadecimal; « FFFF » means no date. */
export function headerDate(hex: string): string | null {
  if (/^ffff$/i.test(hex)) return null;
  if (!/^[0-9A-F]{4}$/i.test(hex)) throw new TwoDDocError('bad-header', `date « ${hex} »`);
  const d = new Date(Date.UTC(2000, 0, 1) + Number.parseInt(hex, 16) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The reverse, for codes we write (tests, benchmark). */
export function headerDateHex(iso: string | null): string {
  if (!iso) return 'FFFF';
  const days = Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000);
  return days.toString(16).toUpperCase().padStart(4, '0');
}

export function parseHeader(text: string): TwoDDocHeader {
  if (!text.startsWith('DC')) throw new TwoDDocError('not-2ddoc');
  const v = text.slice(2, 4);
  const version = Number(v) as 1 | 2 | 3 | 4;
  if (!/^0[1-4]$/.test(v)) throw new TwoDDocError('unsupported-version', v);
  const length = LENGTHS[version];
  const raw = text.slice(0, length);
  if (raw.length < length || !/^[0-9A-Z]+$/.test(raw))
    throw new TwoDDocError('bad-header', `${raw.length}/${length}`);
  return {
    version,
    caId: raw.slice(4, 8),
    certId: raw.slice(8, 12),
    issueDate: headerDate(raw.slice(12, 16)),
    signatureDate: headerDate(raw.slice(16, 20)),
    docType: raw.slice(20, 22),
    perimeter: version >= 3 ? raw.slice(22, 24) : '01',
    country: version >= 4 ? raw.slice(24, 26) : 'FR',
    length,
  };
}
