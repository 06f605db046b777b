/**
 * Keeping values of a reading in « Mes informations » beside what the file already holds. A value of
 * a kind the file already keeps with another value is never written over silently: the person sees
 * both and chooses (keep the old one, or replace it). A value already kept as is needs nothing.
 */
import { checkInfo } from './check.ts';
import type { InfoEntry, InfoKind } from './kinds.ts';
import type { InfoInput } from './store.ts';

export type KeepOffer =
  /** The file has no value of this kind: added if the person leaves it ticked. */
  | { state: 'new'; input: InfoInput }
  /** The file already keeps this very value: nothing to do. */
  | { state: 'kept'; input: InfoInput; entry: InfoEntry }
  /** The file keeps another value of this kind: the person chooses. */
  | { state: 'differs'; input: InfoInput; entry: InfoEntry };

export type KeepChoice = 'keep' | 'replace';

/** A value as the file would keep it (the validators' normal form), to compare like with like. */
function normal(kind: InfoKind, value: string): string {
  const checked = checkInfo(kind, value);
  return (checked.ok ? checked.value : value.replace(/\s+/g, ' ').trim()).toLocaleLowerCase('fr');
}

/** Each input beside the file's entries of its kind (the newest one when it keeps several). */
export function compareWithFile(inputs: readonly InfoInput[], file: readonly InfoEntry[]): KeepOffer[] {
  return inputs.map((input): KeepOffer => {
    const same = file.filter((e) => e.kind === input.kind);
    const value = normal(input.kind, input.value);
    const equal = same.find((e) => normal(e.kind, e.value) === value);
    if (equal) return { state: 'kept', input, entry: equal };
    const newest = same.reduce<InfoEntry | undefined>((a, e) => (!a || e.at > a.at ? e : a), undefined);
    return newest ? { state: 'differs', input, entry: newest } : { state: 'new', input };
  });
}

/** One write: a new entry, or `id`'s value replaced. */
export type KeepWrite = { input: InfoInput; id?: string };

/**
 * The writes the person asked for: the new values they left ticked, the replacements they chose.
 * A differing value without a choice stays as it is (keeping is the default: nothing is lost).
 */
export function writesFor(
  offers: readonly KeepOffer[],
  choice: { ticked(kind: InfoKind): boolean; replace(kind: InfoKind): boolean },
): KeepWrite[] {
  const out: KeepWrite[] = [];
  for (const offer of offers) {
    if (offer.state === 'new' && choice.ticked(offer.input.kind)) out.push({ input: offer.input });
    if (offer.state === 'differs' && choice.replace(offer.input.kind))
      out.push({ input: offer.input, id: offer.entry.id });
  }
  return out;
}

/**
 * Whether the file changed since the person saw it in a way that changes what they chose about
 * (another state, another old value): then nothing is written and they look again.
 */
export function sameComparison(a: readonly KeepOffer[], b: readonly KeepOffer[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (!y || x.state !== y.state || x.input.kind !== y.input.kind) return false;
    if (x.state === 'new' || y.state === 'new') return true;
    return x.entry.id === y.entry.id && x.entry.value === y.entry.value;
  });
}
