import { describe, expect, it } from 'vitest';
import {
  type ActivityEntry,
  addEntry,
  dayOf,
  MAX_ENTRIES,
  minutesBetween,
  monthly,
  parseEntries,
  toCsv,
} from '../../../utils/activity/report';
import { themeOf } from '../../../utils/activity/themes';

const entry = (over: Partial<ActivityEntry> = {}): ActivityEntry => ({
  date: '2026-11-03',
  minutes: 25,
  themes: ['logement'],
  outcome: 'helped',
  ways: [],
  ...over,
});

describe('activity report', () => {
  it('gives a guide its theme from its id and title', () => {
    expect(themeOf('fr.demo.aide-logement Demande d’aide au logement (démo)')).toBe('logement');
    expect(themeOf('fr.demo.emploi Inscription comme demandeur d’emploi')).toBe('emploi');
    expect(themeOf('fr.demo.cantine Tarif social de la cantine')).toBe('famille');
    expect(themeOf('Déclarer ses revenus (impôts)')).toBe('impots');
    expect(themeOf('Quelque chose d’inconnu')).toBe('autre');
  });

  it('keeps the day only, and a duration bounded to a working day', () => {
    expect(dayOf(new Date(2026, 10, 3, 17, 45).getTime())).toBe('2026-11-03');
    expect(minutesBetween(0, 30 * 60_000)).toBe(30);
    expect(minutesBetween(0, 10_000)).toBe(1);
    expect(minutesBetween(0, 20 * 3600_000)).toBe(480);
  });

  it('reads stored entries defensively and drops anything else (no name can slip in)', () => {
    const good = entry();
    expect(
      parseEntries([
        good,
        { ...good, name: 'Martin' },
        { ...good, outcome: 'x' },
        { ...good, themes: ['?'] },
        'a',
      ]),
    ).toEqual([good, good]);
    // Who held the mouse: known ways only, each once; entries from before the switch have none.
    const { ways: _, ...older } = good;
    expect(parseEntries([{ ...good, ways: ['together', 'x', 'together', 'person'] }, older])).toEqual([
      { ...good, ways: ['together', 'person'] },
      good,
    ]);
    expect(Object.keys(parseEntries([{ ...good, name: 'Martin' }])[0] ?? {})).not.toContain('name');
  });

  it('is bounded', () => {
    let list: ActivityEntry[] = [];
    for (let i = 0; i < 3; i++) list = addEntry(list, entry({ minutes: i + 1 }));
    expect(list.map((e) => e.minutes)).toEqual([1, 2, 3]);
    expect(MAX_ENTRIES).toBeGreaterThan(1000);
  });

  it('exports CSV with the columns of the activity reports mediators file', () => {
    const csv = toCsv([
      entry(),
      entry({ date: '2026-11-04', outcome: 'for-them', themes: ['impots', 'social'], ways: ['together'] }),
      entry({ date: '2026-11-05', outcome: 'alone', ways: ['together', 'person'] }),
    ]);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'date;duree_minutes;type_accompagnement;thematique;categorie;autonomie_beneficiaire;demarche_realisee_par;qui_tient_la_souris',
    );
    expect(lines[1]).toBe(
      '2026-11-03;25;Accompagnement individuel;Démarche en ligne;Logement;Partiellement autonome;La personne, aidée;',
    );
    expect(lines[2]).toBe(
      '2026-11-04;25;Accompagnement individuel;Démarche en ligne;Impôts, Prestations sociales;Entièrement accompagné;Le médiateur;Le médiateur, avec la personne',
    );
    expect(lines[3]).toBe(
      '2026-11-05;25;Accompagnement individuel;Démarche en ligne;Logement;Autonome;La personne;Le médiateur, avec la personne puis La personne',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  it('sums each month, newest first', () => {
    const months = monthly([
      entry({ date: '2026-10-30', minutes: 10, outcome: 'alone' }),
      entry({ date: '2026-11-03', minutes: 20 }),
      entry({ date: '2026-11-04', minutes: 30, themes: ['emploi'], outcome: 'for-them' }),
    ]);
    expect(months).toEqual([
      {
        month: '2026-11',
        count: 2,
        minutes: 50,
        byOutcome: { alone: 0, helped: 1, 'for-them': 1 },
        byTheme: { logement: 1, emploi: 1 },
      },
      {
        month: '2026-10',
        count: 1,
        minutes: 10,
        byOutcome: { alone: 1, helped: 0, 'for-them': 0 },
        byTheme: { logement: 1 },
      },
    ]);
  });
});
