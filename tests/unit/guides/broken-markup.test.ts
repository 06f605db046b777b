/**
 * Recording on broken real-world markup (issue 12 item 2): the demo's page `mal-balise.html`
 * (labels in a neighbouring table cell, two fields with one id, the same label in two fieldsets),
 * each field recorded with the recorder's own capture, then looked for again on the page and on
 * copies the site « changed ». The rule: the right field, or ambiguous / missing; never another.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureClues } from '../../../utils/guides/clues.ts';
import type { Target } from '../../../utils/guides/format.ts';
import { decideTarget } from '../../../utils/guides/target.ts';

const PAGE = readFileSync(
  fileURLToPath(new URL('../../../demo/site/mal-balise.html', import.meta.url)),
  'utf8',
);
const load = (html = PAGE) => new JSDOM(html, { url: 'http://127.0.0.1/mal-balise.html' }).window.document;

/** The page's fields, by what a person sees: the n-th input of the form. */
const FIELDS = {
  loyer: 0,
  charges: 1,
  allocataire: 2,
  cp: 3,
  nomVous: 4,
  nomConjoint: 5,
} as const;
type FieldName = keyof typeof FIELDS;
const inputs = (doc: Document) => Array.from(doc.querySelectorAll('form input'));

function record(field: FieldName): Target {
  const result = captureClues(inputs(load())[FIELDS[field]] as Element);
  if (!result.ok) throw new Error(result.reason);
  return { clues: result.clues };
}

/** Which of the page's fields the decision points at (by the mark the test put on each), or its status. */
function outcome(target: Target, doc: Document): string {
  const decision = decideTarget(target, doc);
  if (decision.status !== 'found') return decision.status;
  return decision.element?.getAttribute('data-field') ?? 'not a field of the page';
}

/** The page, marked (data-field = the field a person sees), then changed by `change`. */
function page(change: (doc: Document) => void = () => {}): Document {
  const doc = load();
  const all = inputs(doc);
  for (const [name, index] of Object.entries(FIELDS)) all[index]?.setAttribute('data-field', name);
  change(doc);
  return doc;
}

describe('clues captured on broken markup', () => {
  it('a label that is only text in the neighbouring table cell is the field’s label', () => {
    expect(record('loyer').clues?.label).toBe('Montant du loyer');
    expect(record('charges').clues?.label).toBe('Charges mensuelles');
  });

  it('an id shared by two fields is no clue, and each keeps the label written before it', () => {
    const cp = record('cp').clues;
    expect(cp?.id).toBeUndefined();
    expect(cp?.label).toBe('Code postal');
    expect(record('allocataire').clues?.label).toBe('Numéro allocataire');
  });

  it('the same label in two fieldsets: the legend tells them apart', () => {
    expect(record('nomVous').clues).toMatchObject({ label: 'Nom', group: 'Vous' });
    expect(record('nomConjoint').clues).toMatchObject({ label: 'Nom', group: 'Votre conjoint' });
  });
});

describe('found again: the right field, or nothing', () => {
  it.each(Object.keys(FIELDS) as FieldName[])('%s on the page as recorded', (field) => {
    expect(outcome(record(field), page())).toBe(field);
  });

  const swapRows = (doc: Document) => {
    // The site put « Charges » first and numbered its fields again: champ1 is now the charges.
    const rows = doc.querySelectorAll('table tr');
    rows[0]?.parentElement?.insertBefore(rows[1] as Element, rows[0] as Element);
    const [a, b] = Array.from(doc.querySelectorAll('table input'));
    a?.setAttribute('name', 'champ1');
    b?.setAttribute('name', 'champ2');
  };
  const removeConjoint = (doc: Document) => doc.getElementById('partie-conjoint')?.remove();
  const relabel = (from: string, to: string) => (doc: Document) => {
    for (const el of Array.from(doc.querySelectorAll('td, label')))
      for (const node of Array.from(el.childNodes))
        if (node.nodeType === 3 && node.nodeValue?.trim() === from) node.nodeValue = to;
  };

  it.each<[string, FieldName, (doc: Document) => void, string[]]>([
    ['table rows swapped, names renumbered', 'loyer', swapRows, ['loyer', 'ambiguous', 'missing']],
    ['table rows swapped, names renumbered', 'charges', swapRows, ['charges', 'ambiguous', 'missing']],
    ['the partner’s part removed', 'nomConjoint', removeConjoint, ['ambiguous', 'missing']],
    ['the partner’s part removed', 'nomVous', removeConjoint, ['nomVous']],
    ['« Code postal » became « Commune »', 'cp', relabel('Code postal', 'Commune'), ['ambiguous', 'missing']],
    [
      '« Montant du loyer » became « Charges »',
      'loyer',
      relabel('Montant du loyer', 'Charges'),
      ['ambiguous', 'missing'],
    ],
    ['« Code postal » became « CODE POSTAL : »', 'cp', relabel('Code postal', 'CODE POSTAL :'), ['cp']],
    [
      '« Vous » became « Le demandeur »',
      'nomVous',
      relabel('Vous', 'Le demandeur'),
      ['nomVous', 'ambiguous', 'missing'],
    ],
  ])('%s: %s', (_, field, change, allowed) => {
    expect(allowed).toContain(outcome(record(field), page(change)));
  });
});
