/**
 * Writing the values the person confirmed into the page's real fields, as typing would: the native
 * setter, then input, change and blur, so the site's own checks run and its framework notices.
 */
import { FormsError } from '../../forms/errors.ts';
import { writeToReal } from '../../forms/mirror.ts';
import type { FillCandidate } from './suggest.ts';
import type { FillTarget } from './targets.ts';

export type FillItem = { targetKey: string; value: string };
export type FillFailure = { targetKey: string; code: 'missing' | 'detached' | 'refused' };
export type FillReport = { filled: string[]; failed: FillFailure[] };

/** The value in the shape the target expects: ISO dates for date inputs, dots→commas never guessed. */
export function valueForTarget(
  candidate: Pick<FillCandidate, 'kind' | 'value'>,
  target?: FillTarget,
): string {
  const value = candidate.value.trim();
  if (target?.type === 'date') {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  }
  return value;
}

/** Fills each item into its element; an item whose field vanished is reported, the others still filled. */
export function fillValues(items: readonly FillItem[], elements: ReadonlyMap<string, Element>): FillReport {
  const report: FillReport = { filled: [], failed: [] };
  for (const item of items) {
    const el = elements.get(item.targetKey);
    if (!el) {
      report.failed.push({ targetKey: item.targetKey, code: 'missing' });
      continue;
    }
    try {
      writeToReal(el, item.value, { blur: true });
      report.filled.push(item.targetKey);
    } catch (error) {
      const code = error instanceof FormsError && error.code === 'detached' ? 'detached' : 'refused';
      report.failed.push({ targetKey: item.targetKey, code });
    }
  }
  return report;
}

/** Checks a fill request that crossed a message channel: only strings, a bounded number of items. */
export function parseFillItems(input: unknown): FillItem[] {
  if (!Array.isArray(input) || input.length > 50) return [];
  return input.flatMap((x) => {
    const item = x as { targetKey?: unknown; value?: unknown } | null;
    return typeof item?.targetKey === 'string' && typeof item.value === 'string' && item.value.length <= 500
      ? [{ targetKey: item.targetKey, value: item.value }]
      : [];
  });
}
