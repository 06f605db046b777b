import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../../utils/guides/schema.ts';
import { demoGuide } from './helpers.ts';

function expectWellFormedFailure(value: unknown) {
  let result: ReturnType<typeof parseGuide> | undefined;
  expect(() => {
    result = parseGuide(value);
  }).not.toThrow();
  if (result && !result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.path.startsWith('$')).toBe(true);
      expect(error.message.fr).not.toBe('');
      expect(error.message.en).not.toBe('');
    }
  }
}

type Path = Array<string | number>;

/** Every path to a value inside a JSON tree. */
function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) out.push(...paths(item, [...prefix, i]));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: walks an arbitrary JSON tree.
function setAt(root: any, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

const base = demoGuide();
const allPaths = paths(base);

describe('parseGuide on random input (fast-check)', () => {
  it('never throws on any JSON value and reports paths starting with $', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormedFailure(value)),
      { numRuns: 400 },
    );
  });

  it('never throws on objects shaped like guides', () => {
    const guideLike = fc.record(
      {
        formatVersion: fc.oneof(fc.constant(1), fc.integer(), fc.double()),
        id: fc.oneof(fc.string(), fc.constant('fr.demo.x')),
        version: fc.oneof(fc.string(), fc.constant('1.0.0')),
        title: fc.oneof(fc.jsonValue(), fc.record({ fr: fc.string() })),
        steps: fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
        matches: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(guideLike, (value) => expectWellFormedFailure(value)),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated valid guides, and a failure always says where', () => {
    const mutation = fc.record({
      path: fc.constantFrom(...allPaths),
      value: fc.oneof(
        fc.jsonValue(),
        fc.string(),
        fc.constantFrom('<script>alert(1)</script>', '[x](javascript:alert(1))', '', ' ', '__proto__'),
        fc.constantFrom(Number.MAX_VALUE, -0, 1e308, Number.MIN_VALUE),
      ),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let guide: unknown = structuredClone(base);
        for (const m of mutations) {
          try {
            guide = setAt(guide, m.path, m.value, m.remove);
          } catch {
            // The path no longer exists after an earlier mutation: skip it.
          }
        }
        expectWellFormedFailure(guide);
      }),
      { numRuns: 500 },
    );
  });
});
