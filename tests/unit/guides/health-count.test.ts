/**
 * The guides' health counted on real pages (utils/guides/health-count.ts): per guide version and
 * step, found / ambiguous / missing; a new version starts again; the book read back from storage
 * keeps only well-formed counts; the summary line and the publisher's report hold no personal data.
 */
import { describe, expect, it } from 'vitest';
import {
  countOutcome,
  HEALTH_LIMITS,
  type HealthBook,
  healthReport,
  healthSummary,
  readHealthBook,
} from '../../../utils/guides/health-count.ts';

const DEC3 = new Date('2026-12-03T09:15:00Z');
const DEC5 = new Date('2026-12-05T18:00:00Z');
const g = (stepId: string, outcome: 'found' | 'ambiguous' | 'missing', version = '1.0.0') => ({
  guideId: 'fr.caf.logement',
  version,
  stepId,
  outcome,
});

describe('counting a guide’s steps on real pages', () => {
  it('counts each outcome per step and remembers the last one', () => {
    let book: HealthBook = {};
    book = countOutcome(book, g('nom', 'found'), DEC3);
    book = countOutcome(book, g('nom', 'found'), DEC5);
    book = countOutcome(book, g('iban', 'found'), DEC3);
    book = countOutcome(book, g('iban', 'missing'), DEC5);
    book = countOutcome(book, g('nir', 'ambiguous'), DEC5);
    expect(book['fr.caf.logement']).toEqual({
      guideId: 'fr.caf.logement',
      version: '1.0.0',
      since: '2026-12-03',
      steps: {
        nom: { found: 2, ambiguous: 0, missing: 0, last: 'found' },
        iban: { found: 1, ambiguous: 0, missing: 1, last: 'missing' },
        nir: { found: 0, ambiguous: 1, missing: 0, last: 'ambiguous' },
      },
    });
    expect(healthSummary(book['fr.caf.logement'] as never)).toEqual({
      found: 1,
      ambiguous: 1,
      missing: 1,
      since: '2026-12-03',
    });
  });

  it('starts again for a new version, and ignores what is not a count', () => {
    let book = countOutcome({}, g('iban', 'missing'), DEC3);
    book = countOutcome(book, g('iban', 'found', '1.1.0'), DEC5);
    expect(book['fr.caf.logement']).toMatchObject({ version: '1.1.0', since: '2026-12-05' });
    expect(book['fr.caf.logement']?.steps.iban).toEqual({
      found: 1,
      ambiguous: 0,
      missing: 0,
      last: 'found',
    });
    expect(countOutcome(book, { ...g('x', 'found'), outcome: 'stolen' as never }, DEC5)).toBe(book);
    expect(countOutcome(book, g('', 'found'), DEC5)).toBe(book);
    expect(countOutcome(book, g('x'.repeat(HEALTH_LIMITS.id + 1), 'found'), DEC5)).toBe(book);
  });

  it('stops growing at its bounds', () => {
    let book: HealthBook = {};
    for (let i = 0; i < HEALTH_LIMITS.guides + 5; i++)
      book = countOutcome(book, { guideId: `g${i}`, version: '1', stepId: 's', outcome: 'found' }, DEC3);
    expect(Object.keys(book)).toHaveLength(HEALTH_LIMITS.guides);
  });

  it('reads a stored book back, leaving out anything malformed', () => {
    const good = countOutcome({}, g('nom', 'missing'), DEC3);
    expect(readHealthBook(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(readHealthBook(null)).toEqual({});
    expect(readHealthBook('x')).toEqual({});
    const bad = {
      a: { guideId: 'b', version: '1', since: '2026-12-03', steps: {} },
      c: { guideId: 'c', version: '1', since: 'hier', steps: {} },
      d: {
        guideId: 'd',
        version: '1',
        since: '2026-12-03',
        steps: { s: { found: -3, ambiguous: 1.5, missing: 'x', last: 'found' }, t: { last: 'pwned' } },
      },
    };
    expect(readHealthBook(bad)).toEqual({
      d: {
        guideId: 'd',
        version: '1',
        since: '2026-12-03',
        steps: { s: { found: 0, ambiguous: 0, missing: 0, last: 'found' } },
      },
    });
  });

  it('reports to the publisher the guide, the period and the counts, nothing else', () => {
    let book = countOutcome({}, g('nom', 'found'), DEC3);
    book = countOutcome(book, g('iban', 'missing'), DEC5);
    const report = healthReport(book['fr.caf.logement'] as never, DEC5);
    expect(report).toEqual({
      kind: 'pasapas-guide-health',
      formatVersion: 1,
      guide: { id: 'fr.caf.logement', version: '1.0.0' },
      from: '2026-12-03',
      to: '2026-12-05',
      summary: { found: 1, ambiguous: 0, missing: 1, since: '2026-12-03' },
      steps: [
        { id: 'nom', found: 1, ambiguous: 0, missing: 0, last: 'found' },
        { id: 'iban', found: 0, ambiguous: 0, missing: 1, last: 'missing' },
      ],
    });
  });
});
