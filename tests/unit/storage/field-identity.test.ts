import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FieldIdentity,
  fieldKey,
  identityScore,
  MIN_MATCH_SCORE,
  matchIdentities,
  matchIdentity,
  normalizeLabel,
  normalizePath,
} from '../../../utils/storage/field-identity.ts';

const f = (x: Partial<FieldIdentity>): FieldIdentity => ({
  formIndex: 0,
  position: 0,
  path: '/demande',
  ...x,
});

describe('fieldKey', () => {
  it('is stable across reloads and ignores query, hash and trailing slash', () => {
    const a = fieldKey(f({ name: 'nom', path: '/demande/?step=2#x' }));
    const b = fieldKey(f({ name: 'nom', path: '/demande' }));
    expect(a).toBe(b);
  });

  it('prefers name, then id, then label, then position', () => {
    expect(fieldKey(f({ name: 'nom', id: 'x', label: 'Nom' }))).toContain('n:nom');
    expect(fieldKey(f({ id: 'x', label: 'Nom' }))).toContain('i:x');
    expect(fieldKey(f({ label: 'Nom de naissance *', position: 2 }))).toContain('l:nom de naissance@2');
    expect(fieldKey(f({ position: 3 }))).toContain('p:3');
  });

  it('separates the same name on two pages or two forms', () => {
    expect(fieldKey(f({ name: 'nom' }))).not.toBe(fieldKey(f({ name: 'nom', path: '/autre' })));
    expect(fieldKey(f({ name: 'nom' }))).not.toBe(fieldKey(f({ name: 'nom', formIndex: 1 })));
  });
});

describe('normalizers', () => {
  it('drops accents, case, punctuation and required markers', () => {
    expect(normalizeLabel('  Numéro d’allocataire (obligatoire) * ')).toBe('numero d allocataire');
    expect(normalizePath('/a//b/index.html')).toBe('/a/b');
    expect(normalizePath('')).toBe('/');
  });
});

describe('matching', () => {
  it('matches an exact name even when the field moved', () => {
    const saved = f({ name: 'nir', label: 'Numéro de sécurité sociale', position: 1 });
    const current = [
      f({ name: 'nom', label: 'Nom', position: 0 }),
      f({ name: 'nir', label: 'NIR', position: 4 }),
    ];
    expect(matchIdentity(saved, current)?.index).toBe(1);
  });

  it('tolerates a renamed field whose label stayed', () => {
    const saved = f({ name: 'caf_num', label: "Numéro d'allocataire", position: 2 });
    const current = [
      f({ name: 'email', label: 'Courriel', position: 2 }),
      f({ name: 'numAlloc', label: "Numéro d'allocataire :", position: 3 }),
    ];
    const m = matchIdentity(saved, current);
    expect(m?.index).toBe(1);
  });

  it('uses position only when nothing contradicts it', () => {
    const saved = f({ position: 2 });
    expect(identityScore(saved, f({ position: 2 }))).toBe(MIN_MATCH_SCORE);
    expect(identityScore(saved, f({ position: 3 }))).toBe(0);
    expect(identityScore(f({ name: 'a', position: 2 }), f({ name: 'b', position: 2 }))).toBe(0);
    expect(identityScore(saved, f({ position: 2, formIndex: 1 }))).toBe(0);
  });

  it('never matches across pages', () => {
    expect(identityScore(f({ name: 'nom' }), f({ name: 'nom', path: '/etape-2' }))).toBe(0);
  });

  it('never gives one current field to two saved fields', () => {
    // Both saved fields would like the single "Nom" field; only the better one gets it.
    const saved = [
      f({ name: 'nom', label: 'Nom', position: 0 }),
      f({ name: 'nom_usage', label: 'Nom', position: 1 }),
    ];
    const current = [f({ name: 'nom', label: 'Nom', position: 0 })];
    const matches = matchIdentities(saved, current);
    expect(matches).toEqual([{ saved: 0, current: 0, score: expect.any(Number) }]);
  });

  it('resolves a reordered form one-to-one', () => {
    const saved = [
      f({ label: 'Nom', position: 0 }),
      f({ label: 'Prénom', position: 1 }),
      f({ label: 'Date de naissance', position: 2 }),
    ];
    const current = [
      f({ label: 'Date de naissance', position: 0 }),
      f({ label: 'Prénom', position: 1 }),
      f({ label: 'Nom', position: 2 }),
    ];
    const matches = matchIdentities(saved, current);
    expect(matches.map((m) => [m.saved, m.current])).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
  });

  it('returns null when nothing is close enough', () => {
    expect(
      matchIdentity(f({ name: 'iban', label: 'IBAN' }), [f({ name: 'ville', label: 'Ville' })]),
    ).toBeNull();
  });
});

describe('matching invariants (property)', () => {
  const identity = fc.record({
    name: fc.option(fc.constantFrom('nom', 'prenom', 'ville', 'cp', 'iban'), { nil: undefined }),
    label: fc.option(fc.constantFrom('Nom', 'Prénom', 'Ville', 'Code postal', 'Nom de naissance'), {
      nil: undefined,
    }),
    formIndex: fc.integer({ min: 0, max: 1 }),
    position: fc.integer({ min: 0, max: 5 }),
    path: fc.constantFrom('/a', '/b'),
  });

  it('is one-to-one, above the threshold, and finds every unchanged field', () => {
    fc.assert(
      fc.property(
        fc.array(identity, { maxLength: 8 }),
        fc.array(identity, { maxLength: 8 }),
        (saved, current) => {
          const clean = (x: (typeof saved)[number]): FieldIdentity =>
            Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as FieldIdentity;
          const s = saved.map(clean);
          const c = current.map(clean);
          const matches = matchIdentities(s, c);
          expect(new Set(matches.map((m) => m.saved)).size).toBe(matches.length);
          expect(new Set(matches.map((m) => m.current)).size).toBe(matches.length);
          for (const m of matches) {
            expect(m.score).toBeGreaterThanOrEqual(MIN_MATCH_SCORE);
            expect(normalizePath(s[m.saved]?.path ?? '')).toBe(normalizePath(c[m.current]?.path ?? ''));
          }
          // The same page reloaded unchanged: every field finds itself.
          const self = matchIdentities(
            s,
            s.map((x) => ({ ...x })),
          );
          const distinct = new Set(s.map((x) => fieldKey(x))).size === s.length;
          if (distinct) expect(self.length).toBe(s.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
