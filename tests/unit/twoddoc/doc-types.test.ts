/**
 * Document types from the ANTS specification's annex 6.1: the « Avis de situation déclarative » (27,
 * here the specification's own specimen, page 221) reads as a tax notice with its numbers; the
 * specification defines no CAF certificate type.
 */
import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../../../utils/twoddoc/fields.ts';
import { parseTwoDDoc } from '../../../utils/twoddoc/parse.ts';
import { twoDDocDocumentType, twoDDocValues } from '../../../utils/twoddoc/values.ts';

const GS = '\u001d';
const US = '\u001f';
/** The specification's specimen of type 27 (V3.3.7.2, page 221), as betagouv/2ddoc-parser transcribes it. */
const ASDIR_V3 = `DC04FR000001FFFF25472701FR432,75${GS}44227801234567845202146RETI PATRICK${GS}4B300420224V3542${GS}4Y145 RUEJULLIARD/ZA SPECIMEN/78320/LEVIS STNOM${GS}4163198${GS}47300112345678948RETISOPHIE${GS}4907019877654324X3724${GS}4Z182${GS}${US}HJOPTCOO25PP33ZUNNO35ULJNT6MFPHHK46RHFZTAVRT5DHHCQVLOPO7GNF54OP46COJX5RKPAA6WMCKGQWTSBPRBSBL6LXGQT724RQ`;

describe('2D-Doc document types', () => {
  it('reads the specification’s « avis de situation déclarative » (27) as a tax notice, with its numbers', () => {
    const doc = parseTwoDDoc(ASDIR_V3);
    expect(doc.header.docType).toBe('27');
    expect(twoDDocDocumentType(doc)).toBe('avis-imposition');
    const values = twoDDocValues(doc);
    // Both declarants' numéros fiscaux (47 and 49), the first one first.
    expect(values.filter((f) => f.kind === 'fiscal-number').map((f) => f.value)).toEqual([
      '3001123456789',
      '0701987765432',
    ]);
    expect(values.find((f) => f.kind === 'reference-tax-income')?.value).toBe('63198');
  });
  it('names the three versions of the avis de situation déclarative, and no CAF type (the specification has none)', () => {
    for (const type of ['04', '18', '24', '27', '28']) expect(DOC_TYPES[type]).toBe('tax-notice');
    expect(Object.values(DOC_TYPES)).not.toContain('caf');
  });
});
