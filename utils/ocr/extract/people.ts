/** Names next to their labels, and address blocks ending with "postcode + commune". */
import { validate } from '../../validators/index.ts';
import { fieldConfidence } from './confidence.ts';
import { cleanTok } from './find-ids.ts';
import { ALL_LABEL_RES, findAll, NAME_LABELS } from './labels.ts';
import { type Line, meanConf, type Tok, toksIn, unionBox } from './layout.ts';
import { repairNumericTokens } from './repair.ts';
import type { ExtractedField } from './types.ts';

const CIVILITY = /^(?:m\.?\s*(?:ou|et)\s*mme\.?|monsieur|madame|mademoiselle|mme\.?|mlle\.?|mr\.?|m\.)\s+/i;
const NAME_OK = /^[\p{L}][\p{L}'’\- .]*[\p{L}.]$/u;
const ORG =
  /\b(caf|caisse|centre|finances|cpam|banque|agence|service|direction|urssaf|pole|france travail|sip|tresorerie|mairie|prefecture|assurance|societe|sarl|sas|entreprise|ministere|msa)\b/;
const STREET =
  /\b(rue|avenue|av|bd|boulevard|chemin|impasse|allee|place|route|quai|cours|square|residence|lieu-dit|hameau|lotissement|cite|voie|sentier|passage|rond-point|faubourg|parvis|esplanade)\b/;
const COMPLEMENT =
  /\b(batiment|bat|appartement|appt|apt|escalier|esc|etage|bp|cs|chez|boite postale|porte|entree)\b/;

export function stripCivility(name: string): string {
  return name.replace(CIVILITY, '').trim();
}

function nameField(
  toks: Tok[],
  meaning: string,
  labelled: boolean,
  label?: string,
): ExtractedField | undefined {
  const raw = toks
    .map((t) => t.text)
    .join(' ')
    .replace(/^[:\s]+/, '')
    .trim();
  const value = stripCivility(raw).replace(/\s+/g, ' ');
  if (!value) return undefined;
  const letters = value.replace(/[^\p{L}]/gu, '').length;
  const valid = NAME_OK.test(value) && letters >= 2 && !/\d/.test(value);
  const field: ExtractedField = {
    kind: 'name',
    value,
    raw,
    valid,
    confidence: fieldConfidence({ ocr: meanConf(toks), labelled, valid, checked: false, repaired: false }),
    meaning,
  };
  if (label) field.label = label;
  const box = unionBox(toks);
  if (box) field.box = box;
  return field;
}

/** Tokens of one cell: up to a column gap or the next label. */
function cell(line: Line, from: number): Tok[] {
  const stops = ALL_LABEL_RES.flatMap((re) => findAll(re, line.norm).map((h) => h.start)).filter(
    (s) => s >= from,
  );
  const stop = Math.min(...stops, Number.POSITIVE_INFINITY);
  const out: Tok[] = [];
  for (const t of line.toks) {
    if (t.start < from || t.start >= stop) continue;
    if (cleanTok(t.text) === '' && out.length === 0) continue;
    if (out.length > 0 && t.gapBefore) break;
    if (t.text.endsWith(':') && out.length > 0) break;
    out.push(t);
  }
  return out;
}

export function findNames(lines: Line[]): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const line of lines) {
    const taken: Array<[number, number]> = [];
    for (const def of NAME_LABELS) {
      for (const hit of findAll(def.re, line.norm)) {
        if (taken.some(([s, e]) => s < hit.end && hit.start < e)) continue;
        taken.push([hit.start, hit.end]);
        const label = line.text.slice(hit.start, hit.end);
        let toks = cell(line, hit.end);
        if (toks.length === 0) {
          // The value may sit one line down, or two when the OCR put a blank line in between.
          const next = lines[line.index + 1]?.toks.length ? lines[line.index + 1] : lines[line.index + 2];
          if (next && ALL_LABEL_RES.every((re) => findAll(re, next.norm).length === 0)) {
            const x = toksIn(line, hit.start, hit.end)[0]?.x ?? hit.start;
            const start = next.toks
              .filter((t) => t.gapBefore)
              .sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))[0];
            toks = start ? cell(next, start.start) : [];
          }
        }
        const field = nameField(toks, def.meaning, true, label);
        if (field) fields.push(field);
      }
    }
  }
  return fields;
}

const POSTCODE_LINE =
  /(^|,\s*|\s)(\d{5}|\d{2} \d{3})\s+([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\- ]*?[A-Za-zÀ-ÿ])(\s+cedex(?:\s+\d{1,2})?)?\s*$/i;

function isStreetLike(norm: string): boolean {
  const t = norm.trim();
  if (!t || t.length > 70 || t.includes(':')) return false;
  return /^\d{1,4}\s*(bis|ter|quater|[abt])?\s*,?\s+\p{L}/u.test(t) || STREET.test(t) || COMPLEMENT.test(t);
}

/** A column cell of a line: text between column gaps (addresses sit in one column of a letter). */
type Cell = { line: Line; start: number; end: number; text: string; norm: string; toks: Tok[]; x: number };

function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let cur: Tok[] = [];
  const flush = () => {
    const first = cur[0];
    const last = cur[cur.length - 1];
    if (first && last) {
      cells.push({
        line,
        start: first.start,
        end: last.end,
        text: line.text.slice(first.start, last.end),
        norm: line.norm.slice(first.start, last.end),
        toks: cur,
        x: first.x,
      });
    }
    cur = [];
  };
  for (const t of line.toks) {
    if (t.gapBefore) flush();
    cur.push(t);
  }
  flush();
  return cells;
}

/** The cell of `line` in the same column as `x` (a few characters of tolerance). */
function cellAt(line: Line | undefined, x: number, unit: number): Cell | undefined {
  if (!line) return undefined;
  return cellsOf(line).find((c) => Math.abs(c.x - x) <= 3 * unit);
}

/** Index of the line above, skipping one blank line (OCR engines often insert one between lines). */
function prevLine(lines: Line[], index: number): number {
  const i = index - 1;
  return lines[i]?.toks.length === 0 && index - 2 >= 0 ? index - 2 : i;
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function findAddresses(lines: Line[]): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const line of lines) {
    const t0 = line.toks.find((t) => t.box && t.text.length > 1);
    const unit = t0?.box ? (t0.box.x1 - t0.box.x0) / t0.text.length : 1;
    for (const c of cellsOf(line)) {
      const field = addressAt(lines, c, unit);
      if (field) fields.push(...field);
    }
  }
  return fields;
}

function addressAt(lines: Line[], c: Cell, unit: number): ExtractedField[] | undefined {
  const text = repairNumericTokens(c.text);
  const m = POSTCODE_LINE.exec(text);
  if (!m) return undefined;
  const commune = m[3] ?? '';
  if (/^(euros?|eur)$/i.test(commune)) return undefined;
  const codeAt = (m.index ?? 0) + (m[1] ?? '').length;
  const postcode = (m[2] ?? '').replace(' ', '');
  const before = c.text.slice(0, m.index ?? 0).trim();
  const line = c.line;
  // Street on the same line ("12 rue des Lilas, 75011 PARIS") or on the lines above, same column.
  const parts: string[] = [];
  const blockToks: Tok[] = [];
  let sender = false;
  if (before) {
    const segments = before.split(/\s*,\s*/).filter(Boolean);
    const street = segments.filter((s) => isStreetLike(stripAccents(s.toLowerCase())));
    if (street.length === 0) return undefined;
    if (segments.length > street.length && segments.some((s) => ORG.test(stripAccents(s.toLowerCase()))))
      sender = true;
    parts.push(...street);
    const from = c.start + c.text.indexOf(street[0] ?? '');
    blockToks.push(...toksIn(line, from, c.start + codeAt));
  }
  let top: Cell = c;
  if (!before) {
    for (
      let i = prevLine(lines, line.index);
      i >= 0 && line.index - i <= 6 && parts.length < 3;
      i = prevLine(lines, i)
    ) {
      const above = cellAt(lines[i], c.x, unit);
      if (!above || !isStreetLike(above.norm)) break;
      parts.unshift(above.text.trim());
      blockToks.unshift(...above.toks);
      top = above;
    }
    if (parts.length === 0) return undefined;
  }
  const codeStart = c.start + codeAt;
  const codeToks = toksIn(line, codeStart, c.end);
  const cityLine = `${postcode} ${commune.trim()}${m[4] ? ` ${m[4].trim().toUpperCase()}` : ''}`;
  const above = cellAt(lines[prevLine(lines, top.line.index)], c.x, unit);
  let recipient: ExtractedField | undefined;
  if (above && !sender) {
    if (ORG.test(above.norm)) sender = true;
    else if (
      !above.text.includes(':') &&
      (CIVILITY.test(above.text.trim()) || /^[A-ZÀ-Ý' -]{3,}$/.test(above.text.trim()))
    ) {
      recipient = nameField(above.toks, 'destinataire', true, undefined);
    }
  }
  const meaning = sender ? 'expediteur' : recipient ? 'destinataire' : undefined;
  const validation = validate('postcode', postcode);
  const allToks = [...blockToks, ...codeToks];
  const codeLen = (m[2] ?? '').length;
  const repaired = text.slice(codeAt, codeAt + codeLen) !== c.text.slice(codeAt, codeAt + codeLen);
  const address: ExtractedField = {
    kind: 'address',
    value: [...parts, cityLine].join(', '),
    raw: [...parts, c.text.slice(codeAt).trim()].join(', '),
    valid: validation.valid,
    confidence: fieldConfidence({
      ocr: meanConf(allToks),
      labelled: meaning !== undefined,
      valid: validation.valid,
      checked: false,
      repaired,
    }),
    validation,
  };
  const pc: ExtractedField = {
    kind: 'postcode',
    value: validation.normalized ?? postcode,
    raw: c.text.slice(codeAt, codeAt + codeLen),
    valid: validation.valid,
    confidence: address.confidence,
    validation,
  };
  if (meaning) {
    address.meaning = meaning;
    pc.meaning = meaning;
  }
  const box = unionBox(allToks);
  if (box) address.box = box;
  const pcBox = unionBox(toksIn(line, codeStart, codeStart + codeLen));
  if (pcBox) pc.box = pcBox;
  if (repaired) {
    address.repaired = true;
    pc.repaired = true;
  }
  return recipient?.valid ? [recipient, address, pc] : [address, pc];
}
