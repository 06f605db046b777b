/**
 * The progress store's rules and restore planning on their own, without a database: the store
 * tests (progress.test.ts) check them through IndexedDB, these pin the rules themselves.
 */
import { describe, expect, it } from 'vitest';
import type { SavedField } from '../../../utils/storage/codec.ts';
import type { FieldIdentity } from '../../../utils/storage/field-identity.ts';
import { fieldChange, isEmptyValue, missingFor, sameValue } from '../../../utils/storage/field-rules.ts';
import { planRestore } from '../../../utils/storage/restore-plan.ts';

const f = (x: Partial<FieldIdentity>): FieldIdentity => ({
  formIndex: 0,
  position: 0,
  path: '/demande',
  ...x,
});
const saved = (identity: FieldIdentity, value: SavedField['value']): SavedField => ({
  procedureId: 'p',
  identity,
  value,
  updatedAt: 1,
});

describe('field rules', () => {
  it('empty values, and the same value written differently', () => {
    expect([null, undefined, '  ', []].every(isEmptyValue)).toBe(true);
    expect([false, 'x', ['a']].some(isEmptyValue)).toBe(false);
    expect(sameValue(' 12 rue ', '12 rue')).toBe(true);
    expect(sameValue(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue(true, false)).toBe(false);
  });

  it('a save keeps a value, clears an emptied one, and refuses a sensitive one whatever its value', () => {
    expect(fieldChange(f({ name: 'ville' }), 'Lyon')).toBe('keep');
    expect(fieldChange(f({ name: 'ville' }), '  ')).toBe('clear');
    expect(fieldChange(f({ name: 'mdp' }), 'secret', { type: 'password' })).toBe('refuse-sensitive');
    expect(fieldChange(f({ name: 'mdp' }), '', { type: 'password' })).toBe('refuse-sensitive');
  });

  it('what a procedure still misses: fields by identity, documents and steps by id', () => {
    const missing = missingFor(
      {
        fields: [
          { ...f({ name: 'ville' }), title: 'Ville' },
          { ...f({ name: 'loyer' }), title: 'Loyer' },
        ],
        documents: ['rib', 'bail'],
        steps: ['a', 'b'],
      },
      [saved(f({ name: 'ville' }), 'Lyon')],
      ['a'],
      ['bail'],
    );
    expect(missing.fields.map((x) => x.title)).toEqual(['Loyer']);
    expect(missing.documents).toEqual(['rib']);
    expect(missing.steps).toEqual(['b']);
  });
});

describe('planRestore', () => {
  it('fills empty fields, keeps equal ones, asks about others, never offers a sensitive field', () => {
    const plan = planRestore(
      'p',
      [
        saved(f({ name: 'ville', position: 0 }), 'Lyon'),
        saved(f({ name: 'loyer', position: 1 }), '450'),
        saved(f({ name: 'nom', position: 2 }), 'Martin'),
        saved(f({ name: 'mdp', position: 3 }), 'secret'),
        saved(f({ name: 'rue', path: '/autre-page' }), '12 rue'),
      ],
      [
        { identity: f({ name: 'ville', position: 0 }), currentValue: '' },
        { identity: f({ name: 'loyer', position: 1 }), currentValue: ' 450 ' },
        { identity: f({ name: 'nom', position: 2 }), currentValue: 'Dupont' },
        { identity: f({ name: 'mdp', position: 3 }), currentValue: null, descriptor: { type: 'password' } },
      ],
    );
    expect(plan.fill.map((i) => [i.index, i.value])).toEqual([[0, 'Lyon']]);
    expect(plan.unchanged.map((i) => i.index)).toEqual([1]);
    expect(plan.conflicts.map((i) => [i.index, i.currentValue])).toEqual([[2, 'Dupont']]);
    // Saved on this page but matched to no field it may fill; another page's value is not listed.
    expect(plan.notFound.map((s) => s.identity.name)).toEqual(['mdp']);
  });

  it('an unticked box counts as empty, a ticked one as the site’s value', () => {
    const box = f({ name: 'accord' });
    const empty = planRestore('p', [saved(box, true)], [{ identity: box, currentValue: false }]);
    expect(empty.fill).toHaveLength(1);
    const other = planRestore(
      'p',
      [saved(f({ name: 'choix' }), 'a')],
      [{ identity: f({ name: 'choix' }), currentValue: 'b' }],
    );
    expect(other.conflicts).toHaveLength(1);
  });
});
