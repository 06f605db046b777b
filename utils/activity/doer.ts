/**
 * Who holds the mouse (issue 15, part 6): the person alone, or the mediator doing it with them.
 * The panel's words follow it (a secret code is typed by the person; the help is "ours"), and the
 * activity report counts which ways were used in an accompaniment. Nothing else keeps it.
 */
export const DOERS = ['person', 'together'] as const;
export type Doer = (typeof DOERS)[number];

export function isDoer(value: unknown): value is Doer {
  return (DOERS as readonly unknown[]).includes(value);
}

type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/**
 * The panel's words for this way of doing it: when the mediator does it with the person, a
 * message's `.together` variant where the catalogs have one (a translator answers a missing key
 * with the key itself), else the usual words.
 */
export function wordsFor(t: Translate, doer: Doer): Translate {
  if (doer === 'person') return t;
  return (key, params) => {
    const variant = `${key}.together`;
    const text = t(variant, params);
    return text === variant ? t(key, params) : text;
  };
}
