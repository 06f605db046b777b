import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalize } from '../../../utils/guides/canonical.ts';

describe('canonicalize (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and removes whitespace', () => {
    // RFC 8785 §3.2.3 sorting example.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const expected = `{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(input[k as keyof typeof input])}`).join(',')}}`;
    expect(canonicalize(input)).toBe(expected);
  });

  it('matches the RFC 8785 §3.2.2 example', () => {
    const input = {
      // biome-ignore lint/correctness/noPrecisionLoss: the RFC's own input, rounded on purpose.
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('writes numbers in ECMAScript form', () => {
    expect(canonicalize([-0, 1.0, 100, 1e21, 1e-7, 0.1 + 0.2])).toBe(
      '[0,1,100,1e+21,1e-7,0.30000000000000004]',
    );
  });

  it('is the same whatever the key order or formatting', () => {
    expect(canonicalize(JSON.parse('{ "b": [1, {"y":1, "x":2}], "a": "é" }'))).toBe(
      canonicalize({ a: 'é', b: [1, { x: 2, y: 1 }] }),
    );
  });

  it('refuses what is not JSON', () => {
    expect(() => canonicalize(Number.NaN)).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ a: () => 1 })).toThrow(CanonicalJsonError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(CanonicalJsonError);
  });
});
