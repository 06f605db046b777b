/**
 * The mediator's activity report: opt-in, kept on this computer only, anonymous. One entry per
 * accompaniment: its day, its duration, the procedure's theme, who did it (chosen by the mediator
 * at the end). Nothing about the person: no name, no site, no value,
 * no time of day. CSV columns close to the activity reports conseillers numériques already file.
 */
import { type Doer, isDoer } from './doer';
import { isTheme, type Theme } from './themes';

export const OUTCOMES = ['alone', 'helped', 'for-them'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ActivityEntry = {
  /** The day only (YYYY-MM-DD, local time). */
  date: string;
  minutes: number;
  themes: Theme[];
  outcome: Outcome;
  /** Who held the mouse during it (the panel's switch): one way, both, or none said (older entries). */
  ways: Doer[];
};

/** A few years of daily work; the oldest go first beyond it. */
export const MAX_ENTRIES = 20_000;

export function dayOf(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole minutes, at least 1 and at most a working day (a session left open overnight is not 14 hours of help). */
export function minutesBetween(start: number, end: number): number {
  const minutes = Math.round((end - start) / 60_000);
  return Math.min(8 * 60, Math.max(1, Number.isFinite(minutes) ? minutes : 1));
}

export function parseEntries(raw: unknown): ActivityEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: ActivityEntry[] = [];
  for (const item of raw) {
    const e = item as Partial<ActivityEntry> | null;
    if (
      e &&
      typeof e.date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(e.date) &&
      typeof e.minutes === 'number' &&
      e.minutes >= 1 &&
      Array.isArray(e.themes) &&
      e.themes.every(isTheme) &&
      (OUTCOMES as readonly unknown[]).includes(e.outcome)
    )
      out.push({
        date: e.date,
        minutes: e.minutes,
        themes: e.themes,
        outcome: e.outcome as Outcome,
        ways: Array.isArray(e.ways) ? [...new Set(e.ways.filter(isDoer))] : [],
      });
  }
  return out.slice(-MAX_ENTRIES);
}

export function addEntry(list: readonly ActivityEntry[], entry: ActivityEntry): ActivityEntry[] {
  const next = [...list, entry];
  return next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next;
}

/** The words of the activity reports mediators file ("autonomie du bénéficiaire"). */
const AUTONOMY: Record<Outcome, string> = {
  alone: 'Autonome',
  helped: 'Partiellement autonome',
  'for-them': 'Entièrement accompagné',
};
const THEME_LABEL: Record<Theme, string> = {
  logement: 'Logement',
  emploi: 'Emploi',
  impots: 'Impôts',
  famille: 'Famille et scolarité',
  sante: 'Santé',
  social: 'Prestations sociales',
  identite: 'Papiers et identité',
  retraite: 'Retraite',
  transport: 'Transport et mobilité',
  autre: 'Autre démarche',
};

/** Semicolon-separated (what French spreadsheets open by default), with a BOM for their UTF-8. */
export function toCsv(entries: readonly ActivityEntry[]): string {
  const header = [
    'date',
    'duree_minutes',
    'type_accompagnement',
    'thematique',
    'categorie',
    'autonomie_beneficiaire',
    'demarche_realisee_par',
    'qui_tient_la_souris',
  ];
  const way: Record<Doer, string> = { person: 'La personne', together: 'Le médiateur, avec la personne' };
  const done: Record<Outcome, string> = {
    alone: 'La personne',
    helped: 'La personne, aidée',
    'for-them': 'Le médiateur',
  };
  const cell = (v: string | number) => {
    const s = String(v);
    return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = entries.map((e) =>
    [
      e.date,
      e.minutes,
      'Accompagnement individuel',
      'Démarche en ligne',
      e.themes.map((t) => THEME_LABEL[t]).join(', '),
      AUTONOMY[e.outcome],
      done[e.outcome],
      e.ways.map((w) => way[w]).join(' puis '),
    ]
      .map(cell)
      .join(';'),
  );
  return `\uFEFF${[header.join(';'), ...rows].join('\r\n')}\r\n`;
}

export type MonthSummary = {
  month: string;
  count: number;
  minutes: number;
  byOutcome: Record<Outcome, number>;
  byTheme: Partial<Record<Theme, number>>;
};

/** Per month, newest first. */
export function monthly(entries: readonly ActivityEntry[]): MonthSummary[] {
  const months = new Map<string, MonthSummary>();
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    let m = months.get(month);
    if (!m) {
      m = { month, count: 0, minutes: 0, byOutcome: { alone: 0, helped: 0, 'for-them': 0 }, byTheme: {} };
      months.set(month, m);
    }
    m.count += 1;
    m.minutes += e.minutes;
    m.byOutcome[e.outcome] += 1;
    for (const t of e.themes) m.byTheme[t] = (m.byTheme[t] ?? 0) + 1;
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
