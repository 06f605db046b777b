import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from '../../../utils/twoddoc/base32.ts';
import { TwoDDocError } from '../../../utils/twoddoc/errors.ts';
import { headerDateHex, parseHeader } from '../../../utils/twoddoc/header.ts';
import { parseFields, parseTwoDDoc } from '../../../utils/twoddoc/parse.ts';
import { twoDDocMessage } from '../../../utils/twoddoc/write.ts';
import { SPECIMEN } from '../../fixtures/twoddoc/make.ts';

const code = (e: unknown) => (e instanceof TwoDDocError ? e.code : String(e));
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return code(e);
  }
  return 'no error';
};

describe('base32', () => {
  it('round-trips any bytes, with or without padding, in any case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base32Encode(bytes);
        expect(base32Decode(text)).toEqual(bytes);
        expect(base32Decode(text.toLowerCase() + '='.repeat((8 - (text.length % 8)) % 8))).toEqual(bytes);
      }),
    );
  });
  it('matches RFC 4648 vectors and refuses what is not base32', () => {
    expect(base32Encode(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(new TextDecoder().decode(base32Decode('MZXW6YQ=') as Uint8Array)).toBe('foob');
    expect(base32Decode('MZXW6Y1')).toBeNull();
    expect(base32Decode('A')).toBeNull();
  });
});

describe('header', () => {
  it('reads versions 02, 03 and 04 with their lengths, dates and implied parts', () => {
    const v2 = parseHeader('DC02FR03AB041E6D1E6D01rest');
    expect(v2).toMatchObject({ version: 2, caId: 'FR03', certId: 'AB04', docType: '01', length: 22 });
    expect(v2.perimeter).toBe('01');
    expect(v2.country).toBe('FR');
    // 0x1E6D days after 1 January 2000 is 29 April 2021 (invictos/lib2ddoc's example).
    expect(v2.issueDate).toBe('2021-04-29');
    const v3 = parseHeader('DC03FR05ABCDFFFF1E6D0402');
    expect(v3).toMatchObject({ version: 3, perimeter: '02', country: 'FR', issueDate: null, length: 24 });
    const v4 = parseHeader('DC04FR000001FFFF23DC2801FR');
    expect(v4).toMatchObject({ version: 4, caId: 'FR00', certId: '0001', docType: '28', perimeter: '01' });
    // 0x23DC = 9180 days.
    expect(v4.signatureDate).toBe('2025-02-18');
    expect(headerDateHex('2021-04-29')).toBe('1E6D');
    expect(headerDateHex(null)).toBe('FFFF');
  });
  it('refuses other codes, unknown versions and short or broken headers with typed errors', () => {
    expect(thrown(() => parseHeader('HELLO'))).toBe('not-2ddoc');
    expect(thrown(() => parseHeader('DC05FR06FPE6FFFF24712801FR'))).toBe('unsupported-version');
    expect(thrown(() => parseHeader('DC04FR000001FFFF23DC28'))).toBe('bad-header');
    expect(thrown(() => parseHeader('DC02FR03AB04XYZW1E6D01'))).toBe('bad-header');
    expect(thrown(() => parseHeader('DC02fr03AB041E6D1E6D01'))).toBe('bad-header');
  });
});

describe('fields', () => {
  it('reads the public specimen of a tax notice', () => {
    const doc = parseTwoDDoc(SPECIMEN);
    const get = (id: string) => doc.fields.find((f) => f.id === id)?.value;
    expect(doc.header).toMatchObject({ caId: 'FR00', certId: '0001', docType: '28', country: 'FR' });
    expect(get('43')).toBe('2,75');
    expect(get('44')).toBe('2278012345678');
    expect(get('45')).toBe('2021');
    expect(get('46')).toBe('RETI PATRICK');
    expect(get('4A')).toBe('31072022');
    expect(get('4Y')).toBe('145 RUE JULLIARD/ZASPECIMEN/78320/LEVIS STNOM');
    expect(get('41')).toBe('63198');
    expect(get('47')).toBe('3001123456789');
    expect(get('48')).toBe('RETISOPHIE');
    expect(get('49')).toBe('0701987765432');
    expect(get('4V')).toBe('3542');
    expect(get('4W')).toBe('182');
    expect(get('4X')).toBe('3724');
    expect(doc.curve).toBe('P-256');
    expect(doc.signature.length).toBe(64);
    expect(doc.annex).toBeNull();
    // The signed bytes are the header and message, separators included, without the US.
    expect(new TextDecoder().decode(doc.signed)).toBe(SPECIMEN.split('<US>')[0]?.replaceAll('<GS>', '\x1d'));
  });
  it('ends variable fields with GS, RS (truncated) or their maximum length; fixed ones by length', () => {
    const f = parseFields('13DUPONT\x1d12JEAN-CHRISTOPHE-MARI\x1e24750111ZZZ');
    expect(f.map((x) => [x.id, x.value, x.truncated])).toEqual([
      ['13', 'DUPONT', false],
      ['12', 'JEAN-CHRISTOPHE-MARI', true],
      ['24', '75011', false],
      ['1Z', 'ZZ', false],
    ]);
    // 10 is at most 38 characters: the 39th starts the next field.
    const long = 'A'.repeat(38);
    expect(parseFields(`10${long}2475011`).map((x) => [x.id, x.value])).toEqual([
      ['10', long],
      ['24', '75011'],
    ]);
  });
  it('refuses a fixed field cut short or an identifier that is not one', () => {
    expect(thrown(() => parseFields('447801'))).toBe('bad-field');
    expect(thrown(() => parseFields('44123456789\x1d0123'))).toBe('bad-field');
    expect(thrown(() => parseFields('4a2021'))).toBe('bad-field');
  });
  it('needs a base32 signature of a P-256 or P-384 length after the US', () => {
    const message = twoDDocMessage({ caId: 'PP00', certId: 'DEMO', docType: '28' }, [['45', '2025']]);
    expect(thrown(() => parseTwoDDoc(message))).toBe('no-signature');
    expect(thrown(() => parseTwoDDoc(`${message}\x1fNOT-BASE32!`))).toBe('bad-signature-encoding');
    expect(thrown(() => parseTwoDDoc(`${message}\x1f${base32Encode(new Uint8Array(20))}`))).toBe(
      'bad-signature-encoding',
    );
    const sig = base32Encode(new Uint8Array(96));
    const doc = parseTwoDDoc(`${message}\x1f${sig}\x1d01ANNEXE`);
    expect(doc.curve).toBe('P-384');
    expect(doc.annex).toBe('01ANNEXE');
  });
  it('writes what it reads (any variable values)', () => {
    const value = fc.stringMatching(/^[A-Z0-9 /,.-]{0,30}$/);
    fc.assert(
      fc.property(value, value, (name, address) => {
        const text = twoDDocMessage({ caId: 'PP00', certId: 'DEMO', docType: '28' }, [
          ['46', name],
          ['44', '2378465903218'],
          ['4Y', address],
          ['45', '2025'],
        ]);
        const doc = parseTwoDDoc(`${text}\x1f${base32Encode(new Uint8Array(64))}`);
        expect(doc.fields.map((f) => f.value)).toEqual([name, '2378465903218', address, '2025']);
      }),
    );
  });
});
