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
const COMPLEMENT = /\b(batiment|bat|appartement|appt|apt|escalier|esc|etage|bp|cs|chez|boite postale|porte|entree)\b/;

export function stripCivility(name: string): string {
  return name.replace(CIVILITY, '').trim();
}

function nameField(toks: Tok[], meaning: string, labelled: boolean, label?: string): ExtractedField | undefined {
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
  const stops = ALL_LABEL_RES.flatMap((re) => findAll(re, line.norm).map((h) => h.start)).filter((s) => s >= from);
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
          const next = lines[line.index + 1];
          if (next && ALL_LABEL_RES.every((re) => findAll(re, next.norm).length === 0)) {
            const x = toksIn(line, hit.start, hit.end)[0]?.x ?? hit.start;
            const start = next.toks.filter((t) => t.gapBefore).sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))[0];
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

export function findAddresses(lines: Line[]): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const line of lines) {
    const text = repairNumericTokens(line.text);
    const m = POSTCODE_LINE.exec(text);
    if (!m) continue;
    const commune = m[3] ?? '';
    if (/^(euros?|eur)$/i.test(commune)) continue;
    const codeStart = (m.index ?? 0) + (m[1] ?? '').length;
    const postcode = (m[2] ?? '').replace(' ', '');
    const before = line.text.slice(0, m.index ?? 0).trim();
    // Street on the same line ("12 rue des Lilas, 75011 PARIS") or on the lines above.
    const parts: string[] = [];
    const blockToks: Tok[] = [];
    let sender = false;
    if (before) {
      const segments = before.split(/\s*,\s*/).filter(Boolean);
      const street = segments.filter((s) => isStreetLike(s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
      if (street.length === 0) continue;
      if (segments.length > street.length) sender = true;
      parts.push(...street);
      blockToks.push(...toksIn(line, line.text.indexOf(street[0] ?? ''), codeStart));
    }
    let top = line.index;
    if (!before) {
      for (let i = line.index - 1; i >= Math.max(0, line.index - 3); i--) {
        const l = lines[i];
        if (!l || !isStreetLike(l.norm)) break;
        parts.unshift(l.text.trim());
        blockToks.unshift(...l.toks);
        top = i;
      }
      if (parts.length === 0) continue;
    }
    const codeToks = toksIn(line, codeStart, line.text.length);
    const cityLine = `${postcode} ${commune.trim()}${m[4] ? ` ${m[4].trim().toUpperCase()}` : ''}`;
    const above = lines[top - 1];
    let recipient: ExtractedField | undefined;
    if (above && !sender) {
      if (ORG.test(above.norm)) sender = true;
      else if (CIVILITY.test(above.text.trim()) || /^[A-ZÀ-Ý' -]{3,}$/.test(above.text.trim())) {
        recipient = nameField(above.toks, 'destinataire', true, undefined);
      }
    }
    if (before && ORG.test(line.norm.slice(0, m.index ?? 0))) sender = true;
    const meaning = sender ? 'expediteur' : recipient || before ? 'destinataire' : undefined;
    const validation = validate('postcode', postcode);
    const allToks = [...blockToks, ...codeToks];
    const repaired = text.slice(codeStart, codeStart + 6) !== line.text.slice(codeStart, codeStart + 6);
    const address: ExtractedField = {
      kind: 'address',
      value: [...parts, cityLine].join(', '),
      raw: [...parts, line.text.slice(codeStart).trim()].join(', '),
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
      raw: line.text.slice(codeStart, codeStart + (m[2] ?? '').length),
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
    const pcBox = unionBox(toksIn(line, codeStart, codeStart + (m[2] ?? '').length));
    if (pcBox) pc.box = pcBox;
    if (repaired) {
      address.repaired = true;
      pc.repaired = true;
    }
    if (recipient?.valid) fields.push(recipient);
    fields.push(address, pc);
  }
  return fields;
}
