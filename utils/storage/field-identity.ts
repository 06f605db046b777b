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

function words(text: string): Set<string> {
  return new Set(text.split(' ').filter((w) => w.length > 1));
}

function labelSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

/**
 * How sure we are that `current` is the field `saved` was typed into (0 = not at all).
 * Name or id agreeing is strongest, then the label, and position only as a tie-breaker or
 * when nothing else is known and nothing contradicts it.
 */
export function identityScore(saved: FieldIdentity, current: FieldIdentity): number {
  const anyPage = saved.path === '*' || current.path === '*';
  if (!anyPage && normalizePath(saved.path) !== normalizePath(current.path)) return 0;
  const sName = clean(saved.name);
  const cName = clean(current.name);
  const sId = clean(saved.id);
  const cId = clean(current.id);
  const sLabel = normalizeLabel(saved.label);
  const cLabel = normalizeLabel(current.label);
  const nameEq = !!sName && sName === cName;
  const idEq = !!sId && sId === cId;
  const similarity = labelSimilarity(sLabel, cLabel);
  const sameForm = saved.formIndex === current.formIndex;
  const distance = Math.abs(saved.position - current.position);

  let score = 0;
  if (nameEq) score += 100;
  if (idEq) score += 80;
  if (similarity === 1) score += 60;
  else if (similarity >= 0.5) score += Math.round(40 * similarity);
  const strong = score > 0;

  const nameConflict = !!sName && !!cName && !nameEq;
  const idConflict = !!sId && !!cId && !idEq;
  const labelConflict = !!sLabel && !!cLabel && similarity < 0.5;

  if (!strong) {
    // Position alone: only the same slot of the same form, with nothing saying it is another field.
    if (nameConflict || idConflict || labelConflict || !sameForm || distance !== 0) return 0;
    return MIN_MATCH_SCORE;
  }
  // A renamed field keeps its label: accept, but below a field whose name still agrees.
  if (nameConflict) score -= 20;
  if (idConflict && !nameEq) score -= 10;
  if (sameForm) score += 10;
  score += Math.max(0, 5 - distance);
  return Math.max(0, score);
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
  saved.forEach((s, si) => {
    current.forEach((c, ci) => {
      const score = identityScore(s, c);
      if (score >= MIN_MATCH_SCORE) pairs.push({ saved: si, current: ci, score });
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
  current.forEach((identity, index) => {
    if (taken.has(index)) return;
    const score = identityScore(saved, identity);
    if (score >= MIN_MATCH_SCORE && (!best || score > best.score)) best = { index, identity, score };
  });
  return best;
}
