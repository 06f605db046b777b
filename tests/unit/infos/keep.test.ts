import { describe, expect, it } from 'vitest';
import { compareWithFile, sameComparison, writesFor } from '../../../utils/infos/keep.ts';
import type { InfoEntry } from '../../../utils/infos/kinds.ts';
import type { InfoInput } from '../../../utils/infos/store.ts';

const entry = (id: string, kind: InfoEntry['kind'], value: string, at = 1): InfoEntry => ({
  id,
  kind,
  value,
  source: { kind: 'typed' },
  at,
});
const fiscal: InfoInput = { kind: 'fiscal-number', value: '3023217600053', source: { kind: '2ddoc' } };
const postcode: InfoInput = { kind: 'postcode', value: '75011' };
const city: InfoInput = { kind: 'city', value: 'Paris' };

describe('keeping a reading beside what « Mes informations » holds', () => {
  it('says which values are new, already kept as is, or differ from the kept one', () => {
    const file = [entry('a', 'fiscal-number', '30 23 217 600 053'), entry('b', 'postcode', '69001')];
    expect(compareWithFile([fiscal, postcode, city], file)).toEqual([
      { state: 'kept', input: fiscal, entry: file[0] },
      { state: 'differs', input: postcode, entry: file[1] },
      { state: 'new', input: city },
    ]);
  });

  it('compares with the newest value of a kind kept twice, and a value equal to any is kept', () => {
    const old = entry('old', 'postcode', '69001', 1);
    const recent = entry('recent', 'postcode', '13001', 5);
    expect(compareWithFile([postcode], [recent, old])[0]).toEqual({
      state: 'differs',
      input: postcode,
      entry: recent,
    });
    expect(compareWithFile([postcode], [old, entry('same', 'postcode', '75011')])[0]?.state).toBe('kept');
  });

  it('names and addresses compare without regard to case or spaces', () => {
    const file = [entry('c', 'city', 'PARIS ')];
    expect(compareWithFile([city], file)[0]?.state).toBe('kept');
  });

  it('writes the ticked new values and only the replacements chosen: keeping is the default', () => {
    const file = [entry('b', 'postcode', '69001')];
    const offers = compareWithFile([postcode, city, fiscal], file);
    const none = { ticked: () => true, replace: () => false };
    expect(writesFor(offers, none)).toEqual([{ input: city }, { input: fiscal }]);
    const all = { ticked: (k: string) => k !== 'city', replace: (k: string) => k === 'postcode' };
    expect(writesFor(offers, all)).toEqual([{ input: postcode, id: 'b' }, { input: fiscal }]);
  });

  it('a value already kept as is is never written again', () => {
    const offers = compareWithFile([fiscal], [entry('a', 'fiscal-number', '3023217600053')]);
    expect(writesFor(offers, { ticked: () => true, replace: () => true })).toEqual([]);
  });

  it('notices when the file changed since the person saw it (new entry, other old value)', () => {
    const before = compareWithFile([postcode, city], [entry('b', 'postcode', '69001')]);
    expect(sameComparison(before, compareWithFile([postcode, city], [entry('b', 'postcode', '69001')]))).toBe(
      true,
    );
    expect(sameComparison(before, compareWithFile([postcode, city], [entry('b', 'postcode', '13001')]))).toBe(
      false,
    );
    const withCity = [entry('b', 'postcode', '69001'), entry('c', 'city', 'Lyon')];
    expect(sameComparison(before, compareWithFile([postcode, city], withCity))).toBe(false);
  });
});
