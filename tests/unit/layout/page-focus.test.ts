// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  deepActiveElement,
  holdsWords,
  isTextEntry,
  mayTakeFocus,
  typingIn,
} from '../../../utils/layout/page-focus';

const html = (markup: string) => {
  document.body.innerHTML = markup;
};
const el = (selector: string) => document.querySelector(selector) as HTMLElement;
/** Our UI in these tests: anything inside #ours. */
const isOurs = (node: Node | null) => !!(node instanceof Element && node.closest('#ours'));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('what counts as a text field the person types in', () => {
  it('text-like inputs, textareas and editable regions', () => {
    html(`<input id="a"><input id="b" type="email"><input id="c" type="tel"><input id="d" type="number">
      <input id="e" type="date"><input id="f" type="search"><textarea id="g"></textarea>
      <div id="h" contenteditable="true">x</div>`);
    for (const id of 'abcdefgh') expect(isTextEntry(el(`#${id}`)), id).toBe(true);
  });

  it('not the controls that only choose, press or pick, nor a read-only or disabled field', () => {
    html(`<input id="a" type="radio"><input id="b" type="checkbox"><input id="c" type="file">
      <input id="d" type="submit"><button id="e">OK</button><select id="f"><option>1</option></select>
      <input id="g" readonly><input id="h" disabled><textarea id="i" readonly></textarea><a id="j" href="#">x</a>`);
    for (const id of 'abcdefghij') expect(isTextEntry(el(`#${id}`)), id).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});

describe('focus never leaves a text field the person is in', () => {
  it('a step done late may not move focus from « salaire » to another field', () => {
    html(`<input name="numero_allocataire" id="caf"><input name="salaire_mensuel" id="salaire">`);
    el('#salaire').focus();
    expect(typingIn(document, isOurs)).toBe(el('#salaire'));
    expect(mayTakeFocus(document, isOurs, el('#caf'))).toBe(false);
    // Nor to our panel's step (a panel reopening by itself).
    expect(mayTakeFocus(document, isOurs)).toBe(false);
  });

  it('the field the person is in may keep it (a group holding it too)', () => {
    html(`<fieldset id="group"><input id="inside"></fieldset>`);
    el('#inside').focus();
    expect(mayTakeFocus(document, isOurs, el('#inside'))).toBe(true);
    expect(mayTakeFocus(document, isOurs, el('#group'))).toBe(true);
  });

  it('elsewhere focus may move: a radio, a button, nothing, or our own panel', () => {
    html(`<input id="radio" type="radio" name="c"><button id="next">Suivant</button><input id="to">
      <div id="ours"><input id="ours-field"></div>`);
    expect(mayTakeFocus(document, isOurs, el('#to'))).toBe(true);
    el('#radio').focus();
    expect(mayTakeFocus(document, isOurs, el('#to'))).toBe(true);
    el('#next').focus();
    expect(mayTakeFocus(document, isOurs, el('#to'))).toBe(true);
    // Our panel's own field is the person's choice of the help, not the page's.
    el('#ours-field').focus();
    expect(typingIn(document, isOurs)).toBeNull();
    expect(mayTakeFocus(document, isOurs, el('#to'))).toBe(true);
  });

  it('a field inside a site component (open shadow root) is seen', () => {
    html(`<site-field id="host"></site-field><input id="to">`);
    const root = el('#host').attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="deep">';
    (root.querySelector('#deep') as HTMLInputElement).focus();
    expect(deepActiveElement(document)?.id).toBe('deep');
    expect(mayTakeFocus(document, isOurs, el('#to'))).toBe(false);
  });
});

describe('a field the person is in holds their words', () => {
  it('an empty field reached by Tab is not theirs yet; one with words is', () => {
    html(`<input id="caf"><input id="salaire" value="14"><textarea id="t"></textarea>
      <div id="e" contenteditable="true"> </div>`);
    expect(holdsWords(el('#caf'))).toBe(false);
    expect(holdsWords(el('#salaire'))).toBe(true);
    expect(holdsWords(el('#t'))).toBe(false);
    (el('#t') as HTMLTextAreaElement).value = 'mot';
    expect(holdsWords(el('#t'))).toBe(true);
    expect(holdsWords(el('#e'))).toBe(false);
    expect(holdsWords(null)).toBe(false);
  });
});
