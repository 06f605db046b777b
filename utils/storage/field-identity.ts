/**
 * Who a form field is, in a way that survives a reload and small page changes (a field moved,
 * renamed, or its label reworded). Saved values are matched back to fields by score, one-to-one.
 */
export type FieldIdentity = {
  name?: string;
  id?: string;
  label?: string;
  /** Index of the field's form among the page's forms (-1 when outside any form). */
  formIndex: number;
  /** Index of the field among the fillable fields of its form. */
  position: number;
  /** Page path (no query, no hash): the same name on two pages is two fields. `*` (guides' required
   * fields only) means any page. */
  path: string;
};

export type IdentityMatch = { saved: number; current: number; score: number };

/** Below this a pairing is a guess, and a wrong guess would put a value in the wrong field. */
export const MIN_MATCH_SCORE = 30;

export function normalizePath(path: string): string {
  let p = (path || '/').split(/[?#]/)[0] ?? '/';
  try {
    p = decodeURI(p);
  } catch {
    // keep the raw path when it is not valid percent-encoding
  }
  p = p.replace(/\/{2,}/g, '/').replace(/\/(index\.html?)?$/i, '');
  return p === '' ? '/' : p;
}

/** Lower case, no accents, no punctuation, no required-marker: "Nom de naissance *" = "nom de naissance". */
export function normalizeLabel(label: string | undefined): string {
  return (label ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\((obligatoire|facultatif|optionnel|required|optional)\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function clean(text: string | undefined): string {
  return (text ?? '').trim();
}

/** Stable key: page path, form, then the most durable handle the field has. */
export function fieldKey(identity: FieldIdentity): string {
  const where = `${normalizePath(identity.path)}#${identity.formIndex}`;
  const name = clean(identity.name);
  if (name) return `${where}|n:${name}`;
  const id = clean(identity.id);
  if (id) return `${where}|i:${id}`;
  // Without name or id, two fields may share a label ("Nom" for each person): add the slot.
  const label = normalizeLabel(identity.label);
  if (label) return `${where}|l:${label}@${identity.position}`;
  return `${where}|p:${identity.position}`;
}

type Features = {
  anyPage: boolean;
  path: string;
  name: string;
  id: string;
  label: string;
  words: Set<string>;
  formIndex: number;
  position: number;
};

// Normalizing is the costly part of scoring: matchIdentities does it once per field, not per pair.
function features(identity: FieldIdentity): Features {
  const label = normalizeLabel(identity.label);
  return {
    anyPage: identity.path === '*',
    path: normalizePath(identity.path),
    name: clean(identity.name),
    id: clean(identity.id),
    label,
    words: new Set(label.split(' ').filter((w) => w.length > 1)),
    formIndex: identity.formIndex,
    position: identity.position,
  };
}

function labelSimilarity(a: Features, b: Features): number {
  if (!a.label || !b.label) return 0;
  if (a.label === b.label) return 1;
  if (a.words.size === 0 || b.words.size === 0) return 0;
  let common = 0;
  for (const w of a.words) if (b.words.has(w)) common++;
  return common / (a.words.size + b.words.size - common);
}

/**
 * How sure we are that `current` is the field `saved` was typed into (0 = not at all).
 * Name or id agreeing is strongest, then the label, and position only as a tie-breaker or
 * when nothing else is known and nothing contradicts it.
 */
export function identityScore(saved: FieldIdentity, current: FieldIdentity): number {
  return score(features(saved), features(current));
}

function score(saved: Features, current: Features): number {
  if (!saved.anyPage && !current.anyPage && saved.path !== current.path) return 0;
  const nameEq = !!saved.name && saved.name === current.name;
  const idEq = !!saved.id && saved.id === current.id;
  const similarity = labelSimilarity(saved, current);
  const sameForm = saved.formIndex === current.formIndex;
  const distance = Math.abs(saved.position - current.position);

  let points = 0;
  if (nameEq) points += 100;
  if (idEq) points += 80;
  if (similarity === 1) points += 60;
  else if (similarity >= 0.5) points += Math.round(40 * similarity);
  const strong = points > 0;

  const nameConflict = !!saved.name && !!current.name && !nameEq;
  const idConflict = !!saved.id && !!current.id && !idEq;
  const labelConflict = !!saved.label && !!current.label && similarity < 0.5;

  if (!strong) {
    // Position alone: only the same slot of the same form, with nothing saying it is another field.
    if (nameConflict || idConflict || labelConflict || !sameForm || distance !== 0) return 0;
    return MIN_MATCH_SCORE;
  }
  // A renamed field keeps its label: accept, but below a field whose name still agrees.
  if (nameConflict) points -= 20;
  if (idConflict && !nameEq) points -= 10;
  if (sameForm) points += 10;
  points += Math.max(0, 5 - distance);
  return Math.max(0, points);
}

/**
 * Pairs saved fields with current fields, best scores first, each field used at most once:
 * two saved values never land in the same field.
 */
export function matchIdentities(
  saved: readonly FieldIdentity[],
  current: readonly FieldIdentity[],
): IdentityMatch[] {
  const pairs: IdentityMatch[] = [];
  const cur = current.map(features);
  saved.forEach((s, si) => {
    const sf = features(s);
    cur.forEach((cf, ci) => {
      const value = score(sf, cf);
      if (value >= MIN_MATCH_SCORE) pairs.push({ saved: si, current: ci, score: value });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.saved - b.saved || a.current - b.current);
  const usedSaved = new Set<number>();
  const usedCurrent = new Set<number>();
  const result: IdentityMatch[] = [];
  for (const pair of pairs) {
    if (usedSaved.has(pair.saved) || usedCurrent.has(pair.current)) continue;
    usedSaved.add(pair.saved);
    usedCurrent.add(pair.current);
    result.push(pair);
  }
  return result.sort((a, b) => a.saved - b.saved);
}

/** Best current field for one saved field, or null; `taken` lists current indexes already used. */
export function matchIdentity(
  saved: FieldIdentity,
  current: readonly FieldIdentity[],
  taken: ReadonlySet<number> = new Set(),
): { index: number; identity: FieldIdentity; score: number } | null {
  let best: { index: number; identity: FieldIdentity; score: number } | null = null;
  const sf = features(saved);
  current.forEach((identity, index) => {
    if (taken.has(index)) return;
    const value = score(sf, features(identity));
    if (value >= MIN_MATCH_SCORE && (!best || value > best.score)) best = { index, identity, score: value };
  });
  return best;
}
