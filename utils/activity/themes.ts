/**
 * The procedure themes of the mediator's activity report, close to those conseillers numériques
 * already report on ("démarches en ligne" by field). A guide gives its theme by the words of its
 * id and title (French or English): no personal data goes into it, only the kind of procedure.
 */
export const THEMES = [
  'logement',
  'emploi',
  'impots',
  'famille',
  'sante',
  'social',
  'identite',
  'retraite',
  'transport',
  'autre',
] as const;
export type Theme = (typeof THEMES)[number];

/** The first theme whose words appear, in this order (a housing benefit is "logement" before "social"). */
const WORDS: [Theme, RegExp][] = [
  ['logement', /logement|loyer|apl\b|housing|hlm/i],
  ['emploi', /emploi|ch[oô]mage|france[- ]?travail|p[oô]le[- ]?emploi|job|employ/i],
  ['impots', /imp[oô]t|fiscal|tax/i],
  ['famille', /cantine|[ée]cole|scolaire|famille|enfant|cr[eè]che|school|family|child/i],
  ['sante', /sant[ée]|ameli|vitale|cpam|m[ée]decin|health/i],
  ['social', /caf\b|rsa|allocation|prime|solidarit|benefit/i],
  ['identite', /identit[ée]|passeport|titre de s[ée]jour|ants|permis de conduire|passport|residence permit/i],
  ['retraite', /retraite|pension|carsat|retire/i],
  ['transport', /transport|mobilit[ée]|carte grise|vehicle/i],
];

export function themeOf(words: string): Theme {
  for (const [theme, re] of WORDS) if (re.test(words)) return theme;
  return 'autre';
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}
