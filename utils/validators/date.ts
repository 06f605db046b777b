import { type DateRule, fail, ok, type ValidationResult } from './types.ts';

/** French month names, with and without accents, and the abbreviations letters print. */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['janvier', 'janv', 'jan'],
  ['fevrier', 'fevr', 'fev'],
  ['mars', 'mar'],
  ['avril', 'avr'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil'],
  ['aout'],
  ['septembre', 'sept', 'sep'],
  ['octobre', 'oct'],
  ['novembre', 'nov'],
  ['decembre', 'dec'],
];

export type CalendarDate = { year: number; month: number; day: number };

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function monthFromName(name: string): number | null {
  const n = stripAccents(name.toLowerCase()).replace(/\.$/, '');
  const i = MONTHS.findIndex((names) => names.includes(n));
  return i < 0 ? null : i + 1;
}

export const MONTH_NAME_PATTERN =
  '(?:janv(?:ier|\\.)?|f[ée]vr(?:ier|\\.)?|mars|avr(?:il|\\.)?|mai|juin|juil(?:let|\\.)?|ao[uû]t|sept(?:embre|\\.)?|oct(?:obre|\\.)?|nov(?:embre|\\.)?|d[ée]c(?:embre|\\.)?)';

/** Reads JJ/MM/AAAA, J/M/AAAA, JJ.MM.AAAA, JJ-MM-AAAA, JJMMAAAA, AAAA-MM-JJ and "12 mars 1985". */
export function parseDate(value: string): CalendarDate | 'short-year' | null {
  const s = value.trim().replace(/\s+/g, ' ');
  let m = /^(\d{1,2}) ?[/.\- ] ?(\d{1,2}) ?[/.\- ] ?(\d{4})$/.exec(s);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = /^(1er|\d{1,2}) ([\p{L}]+\.?) (\d{4})$/u.exec(s);
  if (m) {
    const month = monthFromName(m[2] ?? '');
    if (month === null) return null;
    return { day: m[1] === '1er' ? 1 : Number(m[1]), month, year: Number(m[3]) };
  }
  if (/^\d{1,2}[/.\- ]\d{1,2}[/.\- ]\d{2}$/.test(s)) return 'short-year';
  return null;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Full years from `birth` to `today` (a birthday counts on its day; 29 Feb counts on 1 March). */
export function ageInYears(birth: CalendarDate, today: CalendarDate): number {
  let age = today.year - birth.year;
  if (today.month < birth.month || (today.month === birth.month && today.day < birth.day)) age--;
  return age;
}

/** What a person may be typing on the way to a full date. */
const TYPING =
  /^(\d{1,2}([/.\- ](\d{1,2}([/.\- ]\d{0,4})?)?)?|\d{4}(-(\d{1,2}(-\d{0,1})?)?)?|\d{1,7}|(1er|\d{1,2}) ?[\p{L}]*\.? ?\d{0,3})$/u;

export function validateDate(value: string, options: DateRule = {}): ValidationResult {
  const s = value.trim();
  if (s.length === 0) return fail('empty');
  const parsed = parseDate(s);
  if (parsed === 'short-year') return fail('short-year', undefined, true);
  if (parsed === null) {
    if (TYPING.test(s)) return fail('too-short', undefined, true);
    return fail('bad-format');
  }
  if (!isRealDate(parsed) || parsed.year < 1850 || parsed.year > 2200) return fail('bad-date');
  const normalized = `${pad(parsed.day)}/${pad(parsed.month)}/${parsed.year}`;
  const iso = `${parsed.year}-${pad(parsed.month)}-${pad(parsed.day)}`;
  const now = options.today ?? new Date();
  const today = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const rule = options.rule ?? 'any';
  if (rule === 'past' && compare(parsed, today) > 0) return fail('in-future', { iso });
  if (rule === 'future' && compare(parsed, today) < 0) return fail('in-past', { iso });
  if (options.minAgeYears !== undefined || options.maxAgeYears !== undefined) {
    if (compare(parsed, today) > 0) return fail('in-future', { iso });
    const age = ageInYears(parsed, today);
    if (options.minAgeYears !== undefined && age < options.minAgeYears) {
      return fail('too-young', { min: options.minAgeYears, iso });
    }
    if (options.maxAgeYears !== undefined && age > options.maxAgeYears) {
      return fail('too-old', { max: options.maxAgeYears, iso });
    }
  }
  return ok(normalized, { iso });
}
