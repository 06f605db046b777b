/**
 * The machine-readable zone of identity documents: the current French ID card and residence permits
 * (TD1, 3 × 30), the old French ID card (2 × 36), passports (TD3, 2 × 44). Lines come from OCR; every
 * check digit is checked by the `mrz` package. Only characters a field cannot hold are corrected (a
 * letter O in a date is a 0), and the check digits then decide: a zone whose check fails gives no value.
 */
import { parse } from 'mrz';

export type MrzFormat = 'TD1' | 'TD3' | 'FRENCH_NATIONAL_ID' | 'TD2';

export type MrzValues = {
  lastName: string;
  givenNames: string;
  /** JJ/MM/AAAA */
  birthDate: string;
  /** ISO 3166 alpha-3, e.g. FRA. */
  nationality: string;
  documentNumber: string;
  /** JJ/MM/AAAA; null on the old French ID card, which does not carry it. */
  expiryDate: string | null;
};

export type MrzReading =
  | { valid: true; format: MrzFormat; documentCode: string; values: MrzValues; lines: string[] }
  /** Which fields failed: names from the `mrz` package (birthDate, documentNumber, composite…). */
  | { valid: false; format: MrzFormat; failed: string[]; lines: string[] };

const LENGTHS: Array<[MrzFormat, number, number]> = [
  ['TD1', 3, 30],
  ['TD3', 2, 44],
  ['FRENCH_NATIONAL_ID', 2, 36],
];

/** An OCR line as MRZ characters: capitals, « read for <<, spaces gone. null when it cannot be one. */
export function mrzLine(text: string): string | null {
  const s = text.toUpperCase().replace(/«/g, '<<').replace(/\s+/g, '');
  if (s.length < 28 || !/^[A-Z0-9<]+$/.test(s)) return null;
  return s;
}

/**
 * Fits a line to its format's length: OCR often loses one or two filler « < » at the end. Only fillers
 * are added (never data); a longer line is not this format.
 */
function padFillers(line: string, length: number): string | null {
  if (line.length === length) return line;
  if (line.length < length && line.length >= length - 2 && line.endsWith('<'))
    return line.padEnd(length, '<');
  return null;
}

/** Groups of consecutive lines that fit a format, longest formats first. */
export function mrzCandidates(texts: readonly string[]): Array<{ format: MrzFormat; lines: string[] }> {
  const lines = texts.map(mrzLine);
  const out: Array<{ format: MrzFormat; lines: string[] }> = [];
  for (const [format, count, length] of LENGTHS)
    for (let i = 0; i + count <= lines.length; i++) {
      const group = lines.slice(i, i + count).map((l) => (l ? padFillers(l, length) : null));
      if (group.every((l): l is string => l !== null)) out.push({ format, lines: group });
    }
  return out;
}

/** YYMMDD → JJ/MM/AAAA; a birth year ahead of today is last century, an expiry is this one. */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today = new Date()): string {
  const yy = Number(yymmdd.slice(0, 2));
  const century = today.getFullYear() - (today.getFullYear() % 100);
  let year = century + yy;
  if (kind === 'birth' && year > today.getFullYear()) year -= 100;
  if (kind === 'expiry' && year < today.getFullYear() - 50) year += 100;
  return `${yymmdd.slice(4, 6)}/${yymmdd.slice(2, 4)}/${year}`;
}

export function parseMrz(lines: string[], today = new Date()): MrzReading | null {
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines, { autocorrect: true });
  } catch {
    return null;
  }
  const format = result.format as MrzFormat;
  if (!result.valid) {
    const failed = [
      ...new Set(result.details.filter((d) => !d.valid).map((d) => d.field ?? d.label)),
    ] as string[];
    return { valid: false, format, failed, lines };
  }
  const f = result.fields;
  const old = format === 'FRENCH_NATIONAL_ID';
  const values: MrzValues = {
    lastName: (f.lastName ?? '').trim(),
    givenNames: (f.firstName ?? '').replace(/\s+/g, ' ').trim(),
    birthDate: mrzDate(f.birthDate ?? '', 'birth', today),
    nationality: old ? 'FRA' : (f.nationality ?? ''),
    // The old card's number is its issue month, office and serial (12 characters, as printed).
    documentNumber: old
      ? `${f.issueDate ?? ''}${f.administrativeCode2 ?? ''}${f.documentNumber ?? ''}`
      : (f.documentNumber ?? ''),
    expiryDate: f.expirationDate ? mrzDate(f.expirationDate, 'expiry', today) : null,
  };
  return { valid: true, format, documentCode: f.documentCode ?? '', values, lines };
}

/** The first zone among OCR lines that parses; a valid one is preferred to one with a failed check. */
export function findMrzIn(texts: readonly string[], today = new Date()): MrzReading | null {
  let failed: MrzReading | null = null;
  for (const c of mrzCandidates(texts)) {
    const r = parseMrz(c.lines, today);
    if (r?.valid) return r;
    failed ??= r;
  }
  return failed;
}
