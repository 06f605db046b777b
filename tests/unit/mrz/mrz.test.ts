import { describe, expect, it, vi } from 'vitest';
import { mrzCatalogs, mrzStatusMessage } from '../../../utils/mrz/messages.ts';
import { findMrzIn, mrzCandidates, parseMrz } from '../../../utils/mrz/read.ts';
import { mrzValues } from '../../../utils/mrz/values.ts';
import { managedEngine, type TessWorker } from '../../../utils/ocr/engine/managed.ts';
import { mrzCheckDigit } from '../../../utils/ocr/extract/mrz.ts';
import type { DocumentReading } from '../../../utils/ocr/index.ts';
import { withMrz } from '../../../utils/ocr/with-mrz.ts';

const TODAY = new Date('2026-12-02T12:00:00Z');
const c = (s: string) => String(mrzCheckDigit(s));

/** A TD1 zone (ID card or residence permit) with right check digits. */
function td1(
  code: 'ID' | 'IR',
  doc: string,
  birth: string,
  sex: string,
  expiry: string,
  nat: string,
  names: string,
) {
  const l1 = `${code}FRA${doc}${c(doc)}`.padEnd(30, '<');
  const l2start = `${birth}${c(birth)}${sex}${expiry}${c(expiry)}${nat}`.padEnd(29, '<');
  const composite = c(l1.slice(5, 30) + l2start.slice(0, 7) + l2start.slice(8, 15) + l2start.slice(18, 29));
  return [l1, l2start + composite, names.padEnd(30, '<')];
}

/** ICAO 9303 part 4's passport specimen, its fictitious state « UTO » made French (no check digit covers it). */
const TD3 = ['P<FRAERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36FRA7408122F1204159ZE184226B<<<<<10'];
/** The old French ID card (2 × 36), a specimen layout. */
const OLD_FR = ['IDFRADOUEL<<<<<<<<<<<<<<<<<<<<932013', '0506932020438CHRISTIANE<<NI2906209F3'];

describe('MRZ', () => {
  it('reads the current French ID card (TD1) with every check digit', () => {
    const r = parseMrz(
      td1('ID', 'X4RTBPFW4', '900713', 'F', '300211', 'FRA', 'MARTIN<<MAELYS<GAELLE'),
      TODAY,
    );
    expect(r).toMatchObject({ valid: true, format: 'TD1', documentCode: 'ID' });
    expect(r?.valid && r.values).toEqual({
      lastName: 'MARTIN',
      givenNames: 'MAELYS GAELLE',
      birthDate: '13/07/1990',
      nationality: 'FRA',
      documentNumber: 'X4RTBPFW4',
      expiryDate: '11/02/2030',
    });
  });
  it('reads a residence permit (TD1, IR) and a passport (TD3)', () => {
    const permit = parseMrz(
      td1('IR', 'AB1234567', '851130', 'M', '290615', 'MAR', 'EL<AMRANI<<YOUSSEF'),
      TODAY,
    );
    expect(permit?.valid && [permit.documentCode, permit.values.nationality, permit.values.lastName]).toEqual(
      ['IR', 'MAR', 'EL AMRANI'],
    );
    const passport = parseMrz(TD3, TODAY);
    expect(passport?.valid && passport.values).toMatchObject({
      lastName: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '12/08/1974',
      documentNumber: 'L898902C3',
      expiryDate: '15/04/2012',
    });
  });
  it('reads the old French ID card (2 × 36): French, with its 12-character number, no expiry', () => {
    const r = parseMrz(OLD_FR, TODAY);
    expect(r?.valid && r.values).toEqual({
      lastName: 'DOUEL',
      givenNames: 'CHRISTIANE NI',
      birthDate: '20/06/1929',
      nationality: 'FRA',
      documentNumber: '050693202043',
      expiryDate: null,
    });
  });
  it('reports a wrong check digit and gives no value (never guessed)', () => {
    const lines = td1('ID', 'X4RTBPFW4', '900713', 'F', '300211', 'FRA', 'MARTIN<<MAELYS');
    // Birth date 13/07/1990 read as 13/07/1991: its check digit no longer matches.
    lines[1] = `900713${'9'}${(lines[1] as string).slice(7)}`.replace(/^900713/, '910713');
    const r = parseMrz(lines, TODAY);
    expect(r?.valid).toBe(false);
    expect(r && !r.valid && r.failed).toContain('birthDateCheckDigit');
    expect(r && mrzValues(r)).toEqual([]);
    expect(r && mrzStatusMessage('fr', r)).toMatch(/un chiffre de contrôle est faux/);
  });
  it('finds the zone among OCR lines: « read for <<, spaces, lost fillers; other lines ignored', () => {
    const [l1, l2, l3] = td1('ID', 'X4RTBPFW4', '900713', 'F', '300211', 'FRA', 'MARTIN<<MAELYS');
    const ocr = [
      'RÉPUBLIQUE FRANÇAISE',
      // « read for <<, and one filler lost at the end.
      (l1 as string).replace('<<', '«').slice(0, 28),
      `${(l2 as string).slice(0, 10)} ${(l2 as string).slice(10)}`,
      (l3 as string).slice(0, 29),
    ];
    expect(mrzCandidates(ocr).map((x) => x.format)).toEqual(['TD1']);
    expect(findMrzIn(ocr, TODAY)).toMatchObject({ valid: true, values: { lastName: 'MARTIN' } });
    expect(findMrzIn(['Nom : MARTIN', 'Prénom : MAELYS'], TODAY)).toBeNull();
  });
  it('has every message in English and Arabic', () => {
    for (const lang of ['en', 'ar'] as const)
      expect(Object.keys(mrzCatalogs[lang]).sort()).toEqual(Object.keys(mrzCatalogs.fr).sort());
  });
});

describe('a reading with its MRZ', () => {
  const base = (fields: DocumentReading['fields']): DocumentReading => ({
    text: '',
    rawText: '',
    confidence: 80,
    documentType: { type: 'unknown', confidence: 0, labelKey: 'doctype.unknown' },
    fields,
    lines: [],
    quality: null,
    source: 'ocr',
    skewAngle: 0,
    rotation: 0,
    size: null,
    durationMs: 1,
  });
  const ocrBirth = {
    kind: 'date',
    value: '13/07/1991',
    raw: '',
    valid: false,
    confidence: 0.4,
    meaning: 'naissance',
    label: 'MRZ',
  } as const;
  const ocrName = {
    kind: 'name',
    value: 'MARTlN',
    raw: '',
    valid: true,
    confidence: 0.6,
    meaning: 'nom',
  } as const;

  it('a checked zone’s values win, marked as from the MRZ', () => {
    const mrz = parseMrz(td1('IR', 'AB1234567', '851130', 'M', '290615', 'MAR', 'MARTIN<<YOUSSEF'), TODAY);
    const r = withMrz(base([ocrBirth, ocrName]), mrz);
    expect(r.fields.map((f) => [f.kind, f.meaning, f.value, f.source])).toEqual([
      ['name', 'nom', 'MARTIN', 'mrz'],
      ['name', 'prenom', 'YOUSSEF', 'mrz'],
      ['date', 'naissance', '30/11/1985', 'mrz'],
      ['nationality', undefined, 'MAR', 'mrz'],
      ['document-number', undefined, 'AB1234567', 'mrz'],
      ['date', 'fin', '15/06/2029', 'mrz'],
    ]);
    expect(r.documentType.type).toBe('titre-sejour');
  });
  it('a failed zone gives nothing, and the first reading’s MRZ dates go too', () => {
    const lines = td1('ID', 'X4RTBPFW4', '900713', 'F', '300211', 'FRA', 'MARTIN<<MAELYS');
    lines[1] = (lines[1] as string).replace(/^900713/, '910713');
    const r = withMrz(base([ocrBirth, ocrName]), parseMrz(lines, TODAY));
    expect(r.fields).toEqual([ocrName]);
  });
});

describe('the engine tuned for the MRZ', () => {
  it('allows only A–Z, 0–9 and < for that page, then clears the restriction', async () => {
    const calls: string[] = [];
    const worker: TessWorker = {
      setParameters: vi.fn(async (p: Record<string, string>) => {
        calls.push(`set ${p.tessedit_char_whitelist}`);
      }),
      recognize: vi.fn(async () => {
        calls.push('recognize');
        return { data: { text: '', confidence: 0, blocks: [] } };
      }),
      terminate: vi.fn(async () => undefined),
    };
    const engine = managedEngine(async () => worker);
    const img = { width: 2, height: 2, data: new Uint8ClampedArray(4), channels: 1 as const };
    await engine.recognize(img, { charWhitelist: 'ABC<' });
    await engine.recognize(img);
    expect(calls).toEqual(['set ABC<', 'recognize', 'set ', 'recognize']);
  });
});
