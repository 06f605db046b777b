import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { readableMessages } from '../../../components/features/readable/messages';
import {
  cleanContent,
  controlKind,
  fieldsInError,
  frenchDateToIso,
  groupFields,
  isoDateToFrench,
  pageText,
  sameFields,
  valueForReal,
  valueFromReal,
} from '../../../components/features/readable/model';
import type { FieldInfo } from '../../../utils/forms/types';
import { missingKeys } from '../../../utils/i18n';

function field(key: string, extra: Partial<FieldInfo> = {}): FieldInfo {
  const { window } = new JSDOM('<input>');
  return {
    key,
    element: window.document.querySelector('input') as Element,
    tag: 'input',
    type: 'text',
    label: key,
    labelSource: 'label',
    invalid: false,
    required: false,
    constraints: {},
    dsfr: false,
    sensitive: false,
    disabled: false,
    readOnly: false,
    ...extra,
  };
}

describe('big controls', () => {
  test('each real type gets the right big control; dates are typed as text', () => {
    const kinds = [
      'text',
      'email',
      'tel',
      'number',
      'date',
      'password',
      'select',
      'radio',
      'checkbox',
      'textarea',
      'file',
      'search',
      'switch',
      'combobox',
    ];
    expect(kinds.map((type) => controlKind({ type, tag: 'input', sensitive: false }))).toEqual([
      'text',
      'email',
      'tel',
      'number',
      'date',
      'password',
      'select',
      'radio',
      'checkbox',
      'textarea',
      'file',
      'text',
      'checkbox',
      'text',
    ]);
  });

  test('French dates become ISO dates only when they exist', () => {
    expect(frenchDateToIso('25/12/1980')).toBe('1980-12-25');
    expect(frenchDateToIso(' 5-1-2001 ')).toBe('2001-01-05');
    expect(frenchDateToIso('29.02.2024')).toBe('2024-02-29');
    expect(frenchDateToIso('29/02/2023')).toBeNull();
    expect(frenchDateToIso('31/04/2020')).toBeNull();
    expect(frenchDateToIso('12/1980')).toBeNull();
    expect(frenchDateToIso('')).toBeNull();
    expect(isoDateToFrench('1980-12-25')).toBe('25/12/1980');
    expect(isoDateToFrench('pas une date')).toBe('pas une date');
  });

  test('a half-typed date clears a native date field; text fields get what was typed', () => {
    expect(valueForReal('date', 'date', '25/12')).toBe('');
    expect(valueForReal('date', 'date', '25/12/1980')).toBe('1980-12-25');
    // The demo's date is a text field checked by the site: it gets exactly what was typed.
    expect(valueForReal('date', 'text', '25/12')).toBe('25/12');
    expect(valueForReal('text', 'text', ' a ')).toBe(' a ');
    expect(valueFromReal('date', 'date', '1980-12-25')).toBe('25/12/1980');
    expect(valueFromReal('text', 'text', '1980-12-25')).toBe('1980-12-25');
  });
});

describe('grouping fields', () => {
  test('boxes of one checkbox group stay together; other fields stay alone, in order', () => {
    const group = { kind: 'checkbox-group' as const, legend: 'Vos documents', id: 'docs' };
    const fieldset = { kind: 'fieldset' as const, legend: 'Identité', id: 'id' };
    const blocks = groupFields([
      field('a', { group: fieldset }),
      field('b', { type: 'checkbox', group }),
      field('c', { type: 'checkbox', group }),
      field('d'),
      field('e', { type: 'checkbox', group: { ...group, id: 'other', legend: 'Autre' } }),
    ]);
    expect(
      blocks.map((b) =>
        b.kind === 'field' ? b.field.key : `${b.legend}:${b.fields.map((f) => f.key).join('')}`,
      ),
    ).toEqual(['a', 'Vos documents:bc', 'd', 'Autre:e']);
  });

  test('a form is the same when its fields are on the same elements and say the same', () => {
    const a = field('a');
    const b = field('b', { type: 'select', options: [{ value: '1', label: 'Un', selected: false }] });
    expect(sameFields([a, b], [a, b])).toBe(true);
    expect(sameFields([a, b], [a, { ...b }])).toBe(true);
    expect(sameFields([a, b], [a])).toBe(false);
    expect(sameFields([a, b], [b, a])).toBe(false);
    expect(sameFields([a], [{ ...a, element: field('a').element }])).toBe(false);
    expect(sameFields([a], [{ ...a, label: 'Autre' }])).toBe(false);
    expect(sameFields([b], [{ ...b, options: [{ value: '1', label: 'Deux', selected: false }] }])).toBe(
      false,
    );
  });

  test('fields in error are listed in page order', () => {
    const fields = [field('a'), field('b'), field('c')];
    const states = new Map([
      ['c', { error: 'Obligatoire', invalid: true }],
      ['a', { invalid: true }],
      ['b', { invalid: false }],
    ]);
    expect(fieldsInError(states, fields)).toEqual(['a', 'c']);
  });
});

describe('cleaning the content', () => {
  test('form remnants, page ARIA references and empty wrappers go; text and links stay', () => {
    const { window } = new JSDOM(`<div id="root">
      <h1>Titre</h1>
      <p role="note" aria-describedby="x">Un texte <a href="/aide">avec un lien <abbr data-term-id="caf">CAF</abbr></a>.</p>
      <fieldset aria-labelledby="form-title"><legend>Votre identité</legend><label>Nom</label><div class="fr-messages-group"></div></fieldset>
      <div><span> </span></div>
      <p>Fin <abbr data-term-id="foyer">foyer</abbr>.</p>
    </div>`);
    const root = window.document.getElementById('root') as HTMLElement;
    cleanContent(root);
    expect(root.querySelector('fieldset, label, legend, .fr-messages-group')).toBeNull();
    expect(root.querySelector('[role], [aria-describedby], [aria-labelledby]')).toBeNull();
    // Headings move down one level (the view's title is its only h1).
    expect(root.querySelector('h1')).toBeNull();
    expect(root.querySelector('h2')?.textContent).toBe('Titre');
    // A mark inside a link is unwrapped (no button in a link); others stay for the glossary.
    expect(root.querySelector('a')?.textContent).toBe('avec un lien CAF');
    expect(root.querySelector('a [data-term-id]')).toBeNull();
    expect(root.querySelector('[data-term-id="foyer"]')).not.toBeNull();
    expect(root.querySelectorAll('div').length).toBe(0);
    expect(root.textContent?.replace(/\s+/g, ' ').trim()).toBe('Titre Un texte avec un lien CAF. Fin foyer.');
  });
});

describe('headings of the content', () => {
  test('start at h2 under the view title and never skip a level', () => {
    const { window } = new JSDOM(
      '<div id="root"><h3 id="a">A</h3><h5 id="b">B</h5><h4 id="c">C</h4><h3 id="d">D</h3><h1 id="e">E</h1></div>',
    );
    const root = window.document.getElementById('root') as HTMLElement;
    cleanContent(root);
    expect([...root.children].map((h) => `${h.localName}:${h.id}`)).toEqual([
      'h2:a',
      'h3:b',
      'h3:c',
      'h2:d',
      'h2:e',
    ]);
  });
});

describe('messages', () => {
  test('every string exists in French, English and Arabic', () => {
    expect(missingKeys(readableMessages, 'en')).toEqual([]);
    expect(missingKeys(readableMessages, 'ar')).toEqual([]);
    expect(Object.keys(readableMessages.en).sort()).toEqual(Object.keys(readableMessages.fr).sort());
  });
});

describe('pageText: the direction the page’s own words keep in the view', () => {
  test('the page’s dir wins; else its language’s; else each text decides (auto)', () => {
    expect(pageText('rtl', 'fr')).toEqual({ lang: 'fr', dir: 'rtl' });
    expect(pageText(null, 'fr')).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(pageText(null, 'fr-FR')).toEqual({ lang: 'fr-FR', dir: 'ltr' });
    expect(pageText(null, 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(pageText('', 'he_IL')).toEqual({ lang: 'he_IL', dir: 'rtl' });
    expect(pageText('sideways', null)).toEqual({ dir: 'auto' });
    expect(pageText(null, null)).toEqual({ dir: 'auto' });
  });
});
