/**
 * Opening hours in OSM `opening_hours` form (the schema's `horaires`: "Mo-Fr 09:00-12:00,14:00-17:00;
 * Sa 09:00-12:00") said in plain words. Only the common subset: day ranges and lists, time ranges,
 * "off". Anything else returns null and the caller shows the raw text.
 */
import type { Lang } from '../i18n/index.ts';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const NAMES: Record<Lang, readonly string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ar: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'],
};
const WORDS: Record<
  Lang,
  { range: string; and: string; to: string; closed: string; h: (t: string) => string }
> = {
  fr: {
    range: 'du {a} au {b}',
    and: ', ',
    to: ' à ',
    closed: 'fermé',
    h: (t) => t.replace(/^0?(\d+):00$/, '$1 h').replace(/^0?(\d+):(\d\d)$/, '$1 h $2'),
  },
  en: { range: '{a} to {b}', and: ', ', to: ' to ', closed: 'closed', h: (t) => t },
  ar: { range: 'من {a} إلى {b}', and: '، ', to: ' إلى ', closed: 'مغلق', h: (t) => t },
};

export type HoursLine = { days: string; times: string };

function dayIndex(token: string): number {
  return DAYS.indexOf(token as (typeof DAYS)[number]);
}

export function describeHours(value: string, lang: Lang): HoursLine[] | null {
  const words = WORDS[lang];
  const names = NAMES[lang];
  const rules = value
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);
  if (rules.length === 0 || rules.length > 14) return null;
  const lines: HoursLine[] = [];
  for (const rule of rules) {
    if (rule === '24/7') return null;
    const m =
      /^((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*)\s+(.+)$/.exec(
        rule,
      );
    if (!m?.[1] || !m[2]) return null;
    const dayParts = m[1].split(',').map((part) => {
      const [a, b] = part.split('-');
      const name = (t: string | undefined) => names[dayIndex(t ?? '')] ?? '';
      return b ? words.range.replace('{a}', name(a)).replace('{b}', name(b)) : name(a);
    });
    const timesText = m[2].trim();
    let times: string;
    if (timesText === 'off' || timesText === 'closed') times = words.closed;
    else {
      const spans = timesText.split(',').map((s) => s.trim());
      if (!spans.every((s) => /^\d\d:\d\d-\d\d:\d\d$/.test(s))) return null;
      times = spans
        .map((s) => {
          const [from, to] = s.split('-') as [string, string];
          return `${words.h(from)}${words.to}${words.h(to)}`;
        })
        .join(words.and);
    }
    lines.push({ days: dayParts.join(words.and), times });
  }
  return lines;
}
