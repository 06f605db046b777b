/**
 * The general rules behind issue 14's patterns, one by one, on small pages (the corpus test scores
 * whole pages): errors apart from hints, ARIA widgets named by their text and mirrored both ways,
 * untied hints, "required" shown only to the eye, icon glyphs, scripted fields, the error summary.
 */
import createDOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { findDynamicFields } from '../../../utils/forms/dynamic.ts';
import { readReal, writeToReal } from '../../../utils/forms/mirror.ts';
import { cleanText } from '../../../utils/forms/text.ts';
import { extractReadable, type Purifier } from '../../../utils/readable/index.ts';
import { discover, fieldById, html } from './helpers.ts';

describe('errors apart from hints (pattern 1)', () => {
  it('tells an error by its id, its role or an assertive live region, and keeps the hint', () => {
    const dom = html(`<form>
      <label for="a">A</label><input id="a" aria-describedby="a-aide a-erreur"><span id="a-aide">Aide A</span><span id="a-erreur">Erreur A</span>
      <label for="b">B</label><input id="b" aria-describedby="b-help b-msg"><span id="b-help">Help B</span><span id="b-msg" role="alert">Wrong B</span>
      <label for="c">C</label><input id="c" aria-describedby="c-live"><span id="c-live" aria-live="assertive">Wrong C</span>
      <label for="d">D</label><input id="d" aria-describedby="d-live"><span id="d-live" aria-live="polite">12 caractères restants</span>
    </form>`);
    const fields = discover(dom);
    expect(fieldById(fields, 'a')).toMatchObject({ hint: 'Aide A', error: 'Erreur A', invalid: true });
    expect(fieldById(fields, 'b')).toMatchObject({ hint: 'Help B', error: 'Wrong B' });
    expect(fieldById(fields, 'c')).toMatchObject({ error: 'Wrong C' });
    // A polite live region next to a valid field is a hint (a counter), not an error.
    expect(fieldById(fields, 'd')).toMatchObject({ hint: '12 caractères restants', invalid: false });
    expect(fieldById(fields, 'd').error).toBeUndefined();
  });

  it('a message after an invalid field in its own group is its error; Bootstrap feedback only once invalid', () => {
    const dom = html(`<form>
      <div class="champ"><label for="e">E</label><input id="e" aria-invalid="true"><div>Indiquez E.</div></div>
      <div class="mb-3"><label for="f">F</label><input id="f" class="form-control"><div class="invalid-feedback">Wrong F</div></div>
      <div class="mb-3"><label for="g">G</label><input id="g" class="form-control is-invalid"><div class="invalid-feedback">Wrong G</div></div>
    </form>`);
    const fields = discover(dom);
    expect(fieldById(fields, 'e')).toMatchObject({ error: 'Indiquez E.', invalid: true });
    expect(fieldById(fields, 'f').error).toBeUndefined();
    expect(fieldById(fields, 'g').error).toBe('Wrong G');
  });

  it('the live re-read (readReal) sees the same split, and an error written into the label', () => {
    const dom =
      html(`<form><label for="h">Nom <strong id="h-error" class="error">Ce champ est obligatoire.</strong></label>
      <input id="h" aria-invalid="true"></form>`);
    const field = fieldById(discover(dom), 'h');
    expect(field.label).toBe('Nom');
    expect(readReal(field)).toMatchObject({ error: 'Ce champ est obligatoire.', invalid: true });
  });
});

describe('ARIA widgets (pattern 3)', () => {
  it('names role=checkbox, switch and option by their text, and mirrors aria-selected both ways', () => {
    const dom = html(`<form>
      <div role="checkbox" aria-checked="false" tabindex="0" id="cb">J’accepte</div>
      <p id="lb-l">Jours</p>
      <ul role="listbox" tabindex="0" aria-labelledby="lb-l" id="lb">
        <li role="option" id="lun" aria-selected="false">Lundi</li><li role="option" id="mar" aria-selected="true">Mardi</li>
      </ul></form>`);
    const doc = dom.window.document;
    // The page's own script: a click selects one option.
    for (const option of doc.querySelectorAll('[role="option"]'))
      option.addEventListener('click', () => {
        for (const o of doc.querySelectorAll('[role="option"]'))
          o.setAttribute('aria-selected', String(o === option));
      });
    const fields = discover(dom);
    expect(fieldById(fields, 'cb')).toMatchObject({ label: 'J’accepte', labelSource: 'content' });
    const listbox = fieldById(fields, 'lb');
    expect(listbox).toMatchObject({ type: 'listbox', label: 'Jours' });
    expect(listbox.options?.map((o) => [o.value, o.label, o.selected])).toEqual([
      ['lun', 'Lundi', false],
      ['mar', 'Mardi', true],
    ]);
    expect(readReal(listbox).value).toBe('mar');
    writeToReal(listbox.element, 'lun');
    expect(doc.getElementById('lun')?.getAttribute('aria-selected')).toBe('true');
    expect(readReal(listbox).value).toBe('lun');
    expect(() => writeToReal(listbox.element, 'dim')).toThrow(/unknown-option/);
  });

  it('a checkbox whose script answers Space, not clicks, is still checked from our side', () => {
    const dom = html(`<div role="checkbox" aria-checked="false" tabindex="0" id="k">Rappel</div>`);
    const box = dom.window.document.getElementById('k') as HTMLElement;
    box.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === ' ')
        box.setAttribute('aria-checked', String(box.getAttribute('aria-checked') !== 'true'));
    });
    const field = fieldById(discover(dom), 'k');
    writeToReal(field.element, true);
    expect(readReal(field).checked).toBe(true);
  });
});

describe('required shown only to the eye (pattern 6)', () => {
  it('a star means required only where the page says so', () => {
    const withNote = discover(
      html(`<p>Les champs marqués d’une * sont obligatoires.</p><form><label for="x">Nom *</label><input id="x">
        <label for="y" class="required">Ville</label><input id="y"><label for="z">Pays</label><input id="z"></form>`),
    );
    expect(fieldById(withNote, 'x')).toMatchObject({ label: 'Nom', required: true });
    expect(fieldById(withNote, 'y').required).toBe(true);
    expect(fieldById(withNote, 'z').required).toBe(false);
    const footnote = discover(
      html(`<form><label for="x">Revenu *</label><input id="x"></form><p>* avant impôt</p>`),
    );
    expect(fieldById(footnote, 'x')).toMatchObject({ label: 'Revenu', required: false });
  });

  it('"tous les champs sont obligatoires" makes every field required but the optional ones and the boxes', () => {
    const fields = discover(
      html(`<p>Sauf mention contraire, tous les champs sont obligatoires.</p><form>
        <label for="a">Nom</label><input id="a"><label for="b">Nom d’usage (facultatif)</label><input id="b">
        <input type="checkbox" id="c"><label for="c">Se souvenir de moi</label></form>`),
    );
    expect(fields.map((f) => f.required)).toEqual([true, false, false]);
  });
});

describe('icon glyphs (pattern 7)', () => {
  it('drops private-use icon code points, dingbats and emoji, keeps letters and punctuation', () => {
    expect(cleanText('\uf3c5 Bureau')).toBe('Bureau');
    expect(cleanText('📝 Motif ✔ : « oui »')).toBe('Motif : « oui »');
    expect(cleanText('Café — 12 €')).toBe('Café — 12 €');
  });
});

describe('fields built by scripts (pattern 8)', () => {
  it('lists named custom elements and form-associated ones, not those already rendered', () => {
    const dom =
      html(`<form><x-date name="d" label="Date"></x-date><x-rendered name="r"><input name="r"></x-rendered>
      <x-upload></x-upload><x-deco></x-deco></form>`);
    class Upload extends dom.window.HTMLElement {
      static formAssociated = true;
    }
    dom.window.customElements.define('x-upload', Upload);
    expect(findDynamicFields(dom.window.document)).toEqual([
      { widget: 'x-date', name: 'd', label: 'Date' },
      { widget: 'x-upload' },
    ]);
  });
});

describe('error summary (pattern 2)', () => {
  const read = (body: string) => {
    const dom = html(`<main><h1>Page</h1>${body}</main>`);
    const purify = createDOMPurify(
      dom.window as unknown as Parameters<typeof createDOMPurify>[0],
    ) as Purifier;
    return extractReadable(dom.window.document, { purify });
  };

  it('links go to their field, a link to a group to its first field; the summary is not repeated in the text', () => {
    const result = read(`<div class="govuk-error-summary"><h2>There is a problem</h2><ul>
        <li><a href="#dob">Enter your date of birth</a></li><li><a href="#gone">Something else</a></li><li>No link</li></ul></div>
      <form><div id="dob"><label for="d">Day</label><input id="d" name="d"><label for="m">Month</label><input id="m" name="m"></div></form>`);
    expect(result.errorSummary).toEqual({
      title: 'There is a problem',
      items: [
        { text: 'Enter your date of birth', href: '#dob', fieldKey: 'form:#0/name:d' },
        { text: 'Something else', href: '#gone' },
        { text: 'No link' },
      ],
    });
    expect(result.text).not.toContain('There is a problem');
  });

  it('a field’s own alert, a hidden or empty box is no summary', () => {
    const result =
      read(`<form><label for="a">A</label><input id="a" aria-describedby="a-e"><span id="a-e" role="alert">Wrong A</span>
      <div role="alert" hidden><ul><li>old</li></ul></div><div class="alert-danger"></div></form>`);
    expect(result.errorSummary).toBeNull();
  });
});
