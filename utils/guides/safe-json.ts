/**
 * First pass over untrusted input before any schema sees it: plain JSON values only, no cycles,
 * bounded depth, size and node count, no `__proto__`-like keys. Returns a clean deep copy so
 * later passes never touch getters, proxies or prototypes of the original.
 */
import type { PathKey } from './json-path.ts';

export type JsonProblem = {
  path: PathKey[];
  code: 'not-json' | 'cycle' | 'too-deep' | 'too-large' | 'too-many-nodes' | 'forbidden-key';
  params?: Record<string, string | number>;
};

export type JsonLimits = { depth: number; nodes: number; bytes: number };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function cloneJson(
  input: unknown,
  limits: JsonLimits,
): { ok: true; value: unknown; bytes: number } | { ok: false; problems: JsonProblem[] } {
  const problems: JsonProblem[] = [];
  const seen = new Set<object>();
  let nodes = 0;
  let chars = 0;
  let stop = false;

  const fail = (problem: JsonProblem) => {
    problems.push(problem);
    if (problems.length >= 50) stop = true;
  };

  const walk = (value: unknown, path: PathKey[], depth: number): unknown => {
    if (stop) return null;
    nodes++;
    if (nodes > limits.nodes) {
      fail({ path: [], code: 'too-many-nodes', params: { max: limits.nodes } });
      stop = true;
      return null;
    }
    if (value === null || typeof value === 'boolean') {
      chars += 5;
      return value;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail({ path, code: 'not-json' });
      chars += 24;
      return value;
    }
    if (typeof value === 'string') {
      chars += value.length + 2;
      if (chars > limits.bytes) {
        fail({ path: [], code: 'too-large', params: { size: chars, max: limits.bytes } });
        stop = true;
      }
      return value;
    }
    if (typeof value !== 'object') {
      fail({ path, code: 'not-json' });
      return null;
    }
    if (depth >= limits.depth) {
      fail({ path, code: 'too-deep', params: { max: limits.depth } });
      return null;
    }
    if (seen.has(value)) {
      fail({ path, code: 'cycle' });
      return null;
    }
    seen.add(value);
    try {
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length && !stop; i++) out.push(walk(value[i], [...path, i], depth + 1));
        chars += value.length + 2;
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        fail({ path, code: 'not-json' });
        return null;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (stop) break;
        if (FORBIDDEN_KEYS.has(key)) {
          fail({ path: [...path, key], code: 'forbidden-key', params: { key } });
          continue;
        }
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue; // JSON.stringify drops it too.
        chars += key.length + 4;
        out[key] = walk(item, [...path, key], depth + 1);
      }
      // Symbol keys cannot come from JSON.
      if (Object.getOwnPropertySymbols(value).length > 0) fail({ path, code: 'not-json' });
      return out;
    } finally {
      seen.delete(value);
    }
  };

  const value = walk(input, [], 0);
  if (problems.length > 0) return { ok: false, problems };
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > limits.bytes)
    return {
      ok: false,
      problems: [{ path: [], code: 'too-large', params: { size: bytes, max: limits.bytes } }],
    };
  return { ok: true, value, bytes };
}
