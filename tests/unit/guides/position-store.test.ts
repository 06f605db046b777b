/** The position kept in sessionStorage between the pages of a procedure: read back only when it is sound. */
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../../utils/guides/format.ts';
import { positionKey, readPosition, writePosition } from '../../../utils/guides/position-store.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';
import { demoGuide } from './helpers.ts';

function guide(): Guide {
  const parsed = parseGuide(demoGuide());
  if (!parsed.ok) throw new Error('fixture');
  return parsed.guide;
}

function memory() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const blocked = {
  getItem(): string | null {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem(): void {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem(): void {},
};

describe('position store', () => {
  it('writes under the guide’s key and reads the same position back', () => {
    const g = guide();
    const storage = memory();
    const snapshot = { guideId: g.id, version: g.version, index: 2, done: ['a', 'b'] };
    writePosition(storage, { snapshot, url: 'https://exemple.fr/2', finished: true });
    expect([...storage.map.keys()]).toEqual([positionKey(g.id)]);
    expect(positionKey(g.id)).toBe(`pasapas:guide:${g.id}`);
    expect(readPosition(storage, g)).toEqual({ snapshot, url: 'https://exemple.fr/2', finished: true });
  });

  it('keeps only sound parts: string step ids, a string URL, finished only when true', () => {
    const g = guide();
    const storage = memory();
    storage.setItem(
      positionKey(g.id),
      JSON.stringify({
        snapshot: { guideId: g.id, index: 1, done: ['a', 3, null] },
        url: 42,
        finished: 'yes',
      }),
    );
    expect(readPosition(storage, g)).toEqual({
      snapshot: { guideId: g.id, version: '', index: 1, done: ['a'] },
      url: '',
      finished: false,
    });
  });

  it('ignores nothing stored, broken JSON, another guide’s position and a malformed snapshot', () => {
    const g = guide();
    const storage = memory();
    expect(readPosition(storage, g)).toBeUndefined();
    expect(readPosition(undefined, g)).toBeUndefined();
    for (const raw of [
      '{not json',
      'null',
      JSON.stringify({ url: 'x' }),
      JSON.stringify({ snapshot: { guideId: 'other', index: 0, done: [] } }),
      JSON.stringify({ snapshot: { guideId: g.id, index: '1', done: [] } }),
      JSON.stringify({ snapshot: { guideId: g.id, index: 1, done: 'a' } }),
    ]) {
      storage.setItem(positionKey(g.id), raw);
      expect(readPosition(storage, g), raw).toBeUndefined();
    }
  });

  it('never throws when storage is blocked or full', () => {
    const g = guide();
    expect(readPosition(blocked, g)).toBeUndefined();
    expect(() =>
      writePosition(blocked, { snapshot: { guideId: g.id, version: '1', index: 0, done: [] }, url: '' }),
    ).not.toThrow();
    expect(() =>
      writePosition(undefined, { snapshot: { guideId: g.id, version: '1', index: 0, done: [] }, url: '' }),
    ).not.toThrow();
  });
});
